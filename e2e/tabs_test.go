//go:build !wasm

package e2e

import (
	"testing"

	"github.com/go-rod/rod"

	"sipcompose/browsertest"
)

// onTab runs f with the session driving tab instead of its first page.
func onTab(s *browsertest.Session, tab *rod.Page, f func()) {
	first := s.Page
	s.Page = tab
	defer func() { s.Page = first }()
	f()
}

// TestTwoTabsStayInStep: an edit in one tab shows in the other, which says
// so and offers Undo; undoing there brings its version back in both, so
// no tab's edits vanish silently.
func TestTwoTabsStayInStep(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	second := s.NewPage()
	onTab(s, second, func() { s.Open("/") })

	s.FillNth("Host", 0, "first-tab.example.com", false)
	onTab(s, second, func() {
		s.WaitTextContains("SIP URI", "first-tab.example.com")
		waitFeedback(s, "notice", "Another tab changed the draft")
		if got := s.Value("Host", 0); got != "first-tab.example.com" {
			t.Errorf("the second tab's Host field shows %q", got)
		}
		clickUndo(s, "notice")
		s.WaitTextContains("SIP URI", "pbx.example.com")
	})
	// Undoing saved the second tab's version, and the first follows it.
	s.WaitTextContains("SIP URI", "pbx.example.com")
	waitFeedback(s, "notice", "Another tab changed the draft")
	s.NoConsoleErrors()
}
