//go:build !wasm

package site

import (
	"os"
	"path/filepath"
	"testing"

	"sipcompose/internal/testenv"
)

// WasmBrotliBudget is the ceiling for what a first visit downloads of
// app.wasm, so growth is a decision rather than an accident. It was issue
// 5's 1.6 MB, then 1.72 MB for the firewall audit, issue 12's rows, the
// Code and Customer's side panels and issue 13's trust work; main measured
// 1,699,276 bytes at quality 11 at 1b1061f. Of that, go-app's hello world
// built the same way is 1,359,135; what the app adds is broken down by
// feature in BENCHMARKS.md (issue 16's second round): issue 16's 1.5 MB
// target would take about half the page's features out, so it is not met.
const WasmBrotliBudget = 1_720_000

// TestWasmSizeBudget checks the built site (make test exports it and sets
// SIPCOMPOSE_SITE); timings live in make bench, sizes are cheap and exact.
func TestWasmSizeBudget(t *testing.T) {
	dir := builtSite(t)
	found, err := filepath.Glob(filepath.Join(dir, "v", "*", "web", "app.wasm.br"))
	if err != nil || len(found) != 1 {
		t.Fatalf("want one app.wasm.br in %s, found %v (%v)", dir, found, err)
	}
	st, err := os.Stat(found[0])
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() > WasmBrotliBudget {
		t.Errorf("app.wasm is %d bytes brotli, over the %d budget: see BENCHMARKS.md for the levers", st.Size(), WasmBrotliBudget)
	}
	t.Logf("app.wasm brotli: %d bytes (budget %d)", st.Size(), WasmBrotliBudget)
}

// builtSite is the export make test builds and names in SIPCOMPOSE_SITE.
// Without it the test is skipped, except under CI, where it fails: CI
// runs make test, so a missing site is a broken build.
func builtSite(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SIPCOMPOSE_SITE")
	if dir == "" {
		testenv.Unavailable(t, "SIPCOMPOSE_SITE is not set: run make test, which builds the site")
	}
	return dir
}
