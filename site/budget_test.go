//go:build !wasm

package site

import (
	"os"
	"path/filepath"
	"testing"
)

// WasmBrotliBudget is the ceiling for what a first visit downloads of
// app.wasm: issue 5's 1.6 MB, raised by 50 KB when the firewall audit
// (issue 17) put its parsers and verdicts in the page (+47 KB brotli
// measured: 1,583,273 without the Check existing rules box, 1,630,507
// with it). Whether the audit is worth that on every first load is the
// lead's call; this keeps it from growing unnoticed. Raised by 30 KB
// more when the Code panel (issue 15) put the helper-library programs in
// the page: +22.9 KB brotli measured at quality 11 on 1186a6b (1,653,623
// without the panel, 1,676,485 with it; 10.5 KB of it the component, 12.4
// KB sipcompose.Code). Main was 3.6 KB over the old budget without the
// panel by then. Whether the panel is worth it on every first load is
// the lead's call too.
const WasmBrotliBudget = 1_680_000

// TestWasmSizeBudget checks the built site (make test exports it and sets
// SIPCOMPOSE_SITE); timings live in make bench, sizes are cheap and exact.
func TestWasmSizeBudget(t *testing.T) {
	dir := os.Getenv("SIPCOMPOSE_SITE")
	if dir == "" {
		t.Skip("SIPCOMPOSE_SITE is not set: run make test, which builds the site")
	}
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
