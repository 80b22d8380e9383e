//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"sipcompose/browsertest"
	"sipcompose/internal/testenv"
)

// axeSource is axe-core's script (make test installs it). Without it the
// test skips, unless CI is set, where it fails.
func axeSource(t *testing.T) string {
	t.Helper()
	axe := os.Getenv("SIPCOMPOSE_AXE")
	if axe == "" {
		axe = filepath.Join("..", ".cache", "npm", "node_modules", "axe-core", "axe.min.js")
	}
	src, err := os.ReadFile(axe)
	if err != nil {
		testenv.Unavailable(t, fmt.Sprintf("axe-core is missing (%v): run make test, which installs it with npm", err))
	}
	return string(src)
}

// axeViolations runs axe-core on the page as it is now and lists what it
// finds as JSON, "[]" when nothing.
func axeViolations(s *browsertest.Session, src string) string {
	s.Eval(`(src) => { if (!window.axe) (0, eval)(src); return "" }`, src)
	return s.Eval(`async () => {
		const r = await axe.run(document, {resultTypes: ["violations"]});
		return JSON.stringify(r.violations.map(v => v.id + ": " + v.help + " — " + v.nodes.map(n => n.target.join(" ")).join(", ")));
	}`)
}
