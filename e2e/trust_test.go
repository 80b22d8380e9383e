//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"sipcompose/browsertest"
)

// feedback is the text shown beside the control at (a Feedback's id is
// at + "-feedback").
func feedback(s *browsertest.Session, at string) string {
	return s.Eval(`(at) => { const el = document.getElementById(at + "-feedback"); return el ? el.textContent : "<missing>"; }`, at)
}

// waitFeedback waits until the feedback beside at starts with prefix.
func waitFeedback(s *browsertest.Session, at, prefix string) {
	s.T.Helper()
	s.WaitEval(`(at, p) => { const el = document.getElementById(at + "-feedback"); return el && el.textContent.startsWith(p) ? "yes" : (el ? el.textContent : "<missing>"); }`, "yes", at, prefix)
}

// TestAddHeaderAddsNothingUntilNamed: a fresh header row is empty (its
// "X-" is a placeholder) and adds nothing to the URI; a pasted name is
// kept as pasted; "X-" alone and "X-X-…" are diagnosed.
func TestAddHeaderAddsNothingUntilNamed(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	before := s.TextContent("SIP URI")
	s.Click("Add header", 0)
	s.WaitEval(`() => String(document.querySelectorAll(".header-row").length)`, "3")
	if got := s.Value("Header name", 2); got != "" {
		t.Errorf("a new row's name is %q, want empty (X- only as a placeholder)", got)
	}
	if got := s.TextContent("SIP URI"); got != before {
		t.Errorf("an untouched row changed the URI:\n%s\nwas\n%s", got, before)
	}
	s.FillNth("Header name", 2, "X-customName2", true)
	s.WaitTextContains("SIP URI", "&X-customName2=")
	if strings.Contains(s.TextContent("SIP URI"), "X-X-") || s.Value("Header name", 2) != "X-customName2" {
		t.Errorf("the pasted name was changed: %q", s.Value("Header name", 2))
	}
	s.FillNth("Header name", 2, "X-", false)
	s.WaitTextContains("Warnings", `"X-" is only the prefix`)
	s.FillNth("Header name", 2, "X-X-customName", true)
	s.WaitTextContains("Warnings", `starts with X- twice: did you mean "X-customName"`)
	s.NoConsoleErrors()
}

// TestOutputsCarryTheirErrors: while the document has errors the output
// panels say so, and copying says the copy would be rejected.
func TestOutputsCarryTheirErrors(t *testing.T) {
	s := browsertest.New(t)
	grantClipboard(t, s)
	s.Open("/")
	if n := s.Count(".panel.has-errors"); n != 0 {
		t.Fatalf("the clean example shows %d panels in error", n)
	}
	s.Fill("User", "gina")
	s.Fill("Host", "pbx example.com")
	s.WaitTextContains("SIP URI", "sip:gina@pbx%20example.com")
	s.WaitEval(`() => { const el = document.getElementById("preview-problem"); return el ? el.textContent : "" }`, "1 error: Twilio would reject this. See Warnings")
	showPanel(s, "Allow-list")
	if s.Count("#preview.has-errors") != 1 || s.Count(".allowlist.has-errors") != 1 {
		t.Error("the TwiML and allow-list panels are not marked as showing errors")
	}
	showPanel(s, "SIP URI and curl")
	s.Click("Copy SIP URI", 0)
	waitFeedback(s, "sip-uri", "Copied the SIP URI — 1 error: Twilio would reject this.")
	s.Fill("Host", "pbx.example.com")
	s.WaitEval(`() => String(document.querySelectorAll(".has-errors, .output-problem").length)`, "0")
	s.Click("Copy SIP URI", 0)
	waitFeedback(s, "sip-uri", "Copied the SIP URI.")
	s.NoConsoleErrors()
}
