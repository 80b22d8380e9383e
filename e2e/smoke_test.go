//go:build !wasm

// Package e2e drives the built PWA in Chromium through browsertest.
package e2e

import (
	"net/http"
	"strings"
	"testing"

	"sipcompose/browsertest"
)

func TestPageServedWithHeaders(t *testing.T) {
	s := browsertest.New(t)
	res, err := http.Get(s.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") ||
		!strings.Contains(res.Header.Get("Content-Security-Policy"), "'wasm-unsafe-eval'") {
		t.Errorf("GET /: %d %q CSP %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Security-Policy"))
	}
}

// TestWasmStartsAndRenders is the smoke test: the page loads under the
// server's CSP, the wasm starts, typing into Host changes the TwiML preview,
// and nothing is logged as an error along the way.
func TestWasmStartsAndRenders(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	before := s.Text("TwiML preview")
	s.Type("Host", "pbx.example.com")
	after := s.WaitTextContains("TwiML preview", "pbx.example.com")
	if after == before {
		t.Fatalf("preview did not change:\n%s", after)
	}
	s.Fill("Host", "sip.example.org")
	got := s.WaitTextContains("TwiML preview", "sip.example.org")
	if strings.Contains(got, "pbx.example.com") {
		t.Errorf("Fill did not replace the old value:\n%s", got)
	}
	s.NoConsoleErrors()
}

// TestWasmProgressHeader checks what go-app's loader reads for its progress:
// the uncompressed size, while the body travels compressed.
func TestWasmProgressHeader(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	got := s.Eval(`async () => {
		const src = performance.getEntriesByType("resource").map(e => e.name).find(n => n.endsWith("/app.wasm"));
		const r = await fetch(src, {cache: "no-store"});
		const body = await r.arrayBuffer();
		return [r.headers.get("X-Wasm-Content-Length") == body.byteLength, r.headers.get("Content-Encoding")].join(" ");
	}`)
	if got != "true br" {
		t.Errorf("wasm header matches uncompressed size, encoding: %q, want \"true br\"", got)
	}
	s.NoConsoleErrors()
}
