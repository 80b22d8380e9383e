//go:build !wasm

package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"sipcompose/browsertest"
)

// TestKeyboardImportKeepsFocus: importing with Enter leaves focus on the
// Import button, where the feedback and its Undo are.
func TestKeyboardImportKeepsFocus(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Eval(`(v) => { document.querySelector("details.import").open = true; document.getElementById("paste-twiml").value = v; document.getElementById("import-twiml").focus(); return "" }`,
		`<Response><Dial><Sip>sip:kb@k.example.com</Sip></Dial></Response>`)
	s.Press("Enter")
	s.WaitTextContains("SIP URI", "sip:kb@k.example.com")
	s.WaitEval(`() => document.activeElement.id`, "import-twiml")
	s.Press("Tab")
	s.WaitEval(`() => document.activeElement.className`, "small undo")
	s.NoConsoleErrors()
}

// TestBigPasteStaysResponsive: a 200 KB header value is kept whole (Copy
// takes it all) but the preview shows only its start, so later keys stay
// quick.
func TestBigPasteStaysResponsive(t *testing.T) {
	s := browsertest.New(t)
	grantClipboard(t, s)
	s.Open("/")
	s.FillNth("Header value", 1, strings.Repeat("v", 200_000), true)
	s.WaitEval(`() => String(document.querySelectorAll(".cut-note").length > 0)`, "true")
	if n, _ := strconv.Atoi(s.Eval(`() => String(document.getElementById("twiml").textContent.length)`)); n > 20_000 {
		t.Errorf("the preview shows %d characters", n)
	}
	start := time.Now()
	s.Type("User", "abcde")
	s.WaitEval(`() => String(document.getElementById("sip-uri").textContent.includes("sip:+14158675309abcde@"))`, "true")
	if per := time.Since(start) / 5; per > 150*time.Millisecond {
		t.Errorf("a key after the paste took %v", per)
	}
	s.Click("Copy SIP URI", 0)
	waitFeedback(s, "sip-uri", "Copied the SIP URI")
	if got := clipboard(s); !strings.Contains(got, strings.Repeat("v", 200_000)) {
		t.Errorf("Copy took %d characters, not the whole URI", len(got))
	}
	s.NoConsoleErrors()
}

// TestShareLinkFallbackIsVisible: when the clipboard is refused, the share
// link shows in a full-width field, selected.
func TestShareLinkFallbackIsVisible(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Eval(`() => { navigator.clipboard.writeText = () => Promise.reject(new Error("denied")); return "" }`)
	s.Click("Copy share link", 0)
	waitFeedback(s, "actions", "The browser refused the clipboard: the share link is selected")
	got := s.Eval(`() => { const el = document.getElementById("share-link"), r = el.getBoundingClientRect();
		return [r.width >= 200, r.height >= 20, getComputedStyle(el).opacity === "1", document.activeElement === el, el.selectionEnd - el.selectionStart === el.value.length].join(" ") }`)
	if got != "true true true true true" {
		t.Errorf("fallback input (wide, tall, visible, focused, all selected): %s", got)
	}
}
