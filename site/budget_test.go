//go:build !wasm

package site

import (
	"os"
	"path/filepath"
	"testing"
)

// WasmBrotliBudget is the ceiling for what a first visit downloads of
// app.wasm, so growth is a decision rather than an accident. It was issue
// 5's 1.6 MB; this round's features took it to 1,689,459 bytes at quality
// 11 (8bdb25c), each measured when it landed: the firewall audit box
// (+47 KB), issue 12's <Uri>/<Headers> rows and import rules (+30 KB),
// the Code panel (+23 KB), the Customer's side panel (+12.5 KB) and the
// trust work of issue 13 (+13 KB). 1.72 MB leaves room for small fixes,
// not for another panel: issue 16's 1.5 MB target needs go-app's server
// code out of the client (BENCHMARKS.md, issue 16's round).
const WasmBrotliBudget = 1_720_000

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
