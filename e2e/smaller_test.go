//go:build !wasm

package e2e

import (
	"strconv"
	"strings"
	"testing"

	"sipcompose/browsertest"
)

// TestBigPasteStaysResponsive: a 200 KB header value is kept whole but
// the preview shows only its start, and says so.
func TestBigPasteStaysResponsive(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.FillNth("Header value", 1, strings.Repeat("v", 200_000), true)
	s.WaitEval(`() => String([...document.querySelectorAll(".cut-note")].some(p => p.textContent.includes("Copy SIP URI copies all of it")))`, "true")
	if got := s.Eval(`() => document.getElementById("t0-h1-value").value.length`); got != "200000" {
		t.Errorf("the field keeps %s characters, want all 200000", got)
	}
	if n, _ := strconv.Atoi(s.Eval(`() => String(document.getElementById("twiml").textContent.length)`)); n > 20_000 {
		t.Errorf("the preview shows %d characters", n)
	}
	// Typing goes on; how fast is make bench's (TestTypingAfterBigPaste).
	s.Type("User", "abcde")
	s.WaitEval(`() => String(document.getElementById("sip-uri").textContent.includes("sip:+14158675309abcde@"))`, "true")
	s.NoConsoleErrors()
}

// TestShareLinkFallbackIsVisible: when the clipboard is refused, the share
// link shows in a full-width field, selected.
func TestShareLinkFallbackIsVisible(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Eval(`() => { navigator.clipboard.writeText = () => Promise.reject(new Error("denied")); return "" }`)
	s.Click("Copy share link", 0)
	waitFeedback(s, "notice", "The browser refused the clipboard: the share link is selected")
	got := s.Eval(`() => { const el = document.getElementById("share-link"), r = el.getBoundingClientRect();
		return [r.width >= 200, r.height >= 20, getComputedStyle(el).opacity === "1", document.activeElement === el, el.selectionEnd - el.selectionStart === el.value.length].join(" ") }`)
	if got != "true true true true true" {
		t.Errorf("fallback input (wide, tall, visible, focused, all selected): %s", got)
	}
}

// TestBigValueShownInPartCopiedWhole: with a 200 KB header value, each
// output that holds it shows only its start, says so, and copies whole.
func TestBigValueShownInPartCopiedWhole(t *testing.T) {
	s := browsertest.New(t)
	grantClipboard(t, s)
	s.Open("/")
	big := strings.Repeat("v", 200_000)
	s.FillNth("Header value", 1, big, true)
	s.WaitTextContains("SIP URI", "vvvv")
	for _, c := range []struct{ panel, button, at, label, what string }{
		{"", "Copy TwiML", "twiml", "TwiML preview", "TwiML"},
		{"Code", "Copy code", "code-twiml", "TwiML builder code", "code"},
		{"", "Copy call code", "code-call", "REST call code", "call code"},
		{"Customer's side", "Copy INVITE", "invite-0", "Target 1 INVITE", "INVITE"},
	} {
		if c.panel != "" {
			showPanel(s, c.panel)
		}
		// The Code tab's programs come from the page's worker.
		s.WaitTextContains(c.label, "vvvv")
		if n := len(s.TextContent(c.label)); n > 20_000 {
			t.Errorf("%s shows %d characters", c.label, n)
		}
		note := s.Eval(`(id) => { const n = document.getElementById(id).nextElementSibling; return n && n.classList.contains("cut-note") ? n.textContent : "" }`, c.at)
		if !strings.HasSuffix(note, "Copy "+c.what+" copies all of it.") {
			t.Errorf("%s: the note under it reads %q", c.label, note)
		}
		s.Click(c.button, 0)
		waitFeedback(s, c.at, "Copied the ")
		if got := clipboard(s); !strings.Contains(got, big) {
			t.Errorf("%s put %d characters on the clipboard, without the whole value", c.button, len(got))
		}
	}
	s.NoConsoleErrors()
}
