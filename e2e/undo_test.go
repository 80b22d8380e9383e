//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"sipcompose/browsertest"
)

// clickUndo clicks the Undo offered beside at.
func clickUndo(s *browsertest.Session, at string) {
	s.T.Helper()
	got := s.Eval(`(at) => { const b = document.querySelector("#" + at + "-feedback button.undo"); if (!b) return "no Undo beside " + at; b.click(); return "ok"; }`, at)
	if got != "ok" {
		s.T.Fatal(got)
	}
}

// TestReplacingActionsCanBeUndone: Reset to example, Blank form and Import
// TwiML each offer Undo beside the control, which brings back what was
// typed, until the next edit.
func TestReplacingActionsCanBeUndone(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Fill("User", "mine")
	s.WaitTextContains("SIP URI", "sip:mine@")

	s.Click("Reset to example", 0)
	waitFeedback(s, "notice", "Started again from the example.")
	s.WaitTextContains("SIP URI", "sip:+14158675309@")
	clickUndo(s, "notice")
	s.WaitTextContains("SIP URI", "sip:mine@")
	waitFeedback(s, "notice", "Undone")
	if s.Value("User", 0) != "mine" {
		t.Errorf("after Undo the User field shows %q", s.Value("User", 0))
	}

	s.Click("Blank form", 0)
	waitFeedback(s, "notice", "Started from a blank form.")
	if s.Value("User", 0) != "" || s.Value("Host", 0) != "" || strings.Contains(s.TextContent("TwiML preview"), "callerId") {
		t.Errorf("blank form: user %q host %q TwiML\n%s", s.Value("User", 0), s.Value("Host", 0), s.TextContent("TwiML preview"))
	}
	// The next edit ends the offer.
	s.Fill("Host", "typed.example.com")
	s.WaitTextContains("SIP URI", "typed.example.com")
	if s.Count(".feedback button.undo") != 0 || feedback(s, "notice") != "" {
		t.Errorf("an edit left the old notice up: %q", feedback(s, "notice"))
	}

	pasteTwiML(s, `<Response><Dial><Sip>sip:imported@b.example.com</Sip></Dial></Response>`)
	s.WaitTextContains("SIP URI", "sip:imported@b.example.com")
	waitFeedback(s, "paste", "Imported the TwiML into the form.")
	clickUndo(s, "paste")
	s.WaitTextContains("SIP URI", "typed.example.com")
	s.NoConsoleErrors()
}

// TestPasteOverTheExampleClearsIt: a URI pasted into the example's Host
// replaces the example whole, its <Dial> callerId too.
func TestPasteOverTheExampleClearsIt(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.FillNth("Host", 0, "sip:bob@pbx.customer.example", true)
	s.WaitTextContains("TwiML preview", "<Sip>sip:bob@pbx.customer.example</Sip>")
	if got := s.TextContent("TwiML preview"); strings.Contains(got, "callerId") || strings.Contains(got, "answerOnBridge") {
		t.Errorf("the example's <Dial> attributes stayed:\n%s", got)
	}
	clickUndo(s, "t0-host")
	s.WaitTextContains("TwiML preview", `callerId="+14155550100"`)
	s.NoConsoleErrors()
}

// TestShareLinkLeavesTheAddressBar: once opened, the link's fragment is
// gone, and a reload shows the edits made since.
func TestShareLinkLeavesTheAddressBar(t *testing.T) {
	s := browsertest.New(t)
	grantClipboard(t, s)
	s.Open("/")
	s.Fill("Host", "shared.example.com")
	s.Click("Copy share link", 0)
	waitFeedback(s, "notice", "Copied the share link.")
	link := clipboard(s)
	s.Fill("Host", "draft.example.com")
	s.Open(strings.TrimPrefix(link, s.URL))
	s.WaitTextContains("SIP URI", "shared.example.com")
	s.WaitEval(`() => location.hash`, "")
	waitFeedback(s, "notice", "Opened the shared document.")
	s.Fill("Host", "edited.example.com")
	s.WaitEval(`() => String(localStorage.getItem("sipcompose.draft.v1").includes("edited.example.com"))`, "true")
	s.Reload()
	s.WaitTextContains("SIP URI", "edited.example.com")
	// The link replaced a draft: Undo on opening would have brought it back.
	s.Open(strings.TrimPrefix(link, s.URL))
	s.WaitTextContains("SIP URI", "shared.example.com")
	clickUndo(s, "notice")
	s.WaitTextContains("SIP URI", "edited.example.com")
	s.NoConsoleErrors()
}
