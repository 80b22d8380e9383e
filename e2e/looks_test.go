//go:build !wasm

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-rod/rod/lib/input"

	"sipcompose/browsertest"
)

// look is one way a person sees the page: a width and a colour scheme.
type look struct {
	width  int
	scheme string
}

func (l look) String() string { return fmt.Sprintf("%dpx-%s", l.width, l.scheme) }

func (l look) phone() bool { return l.width < 900 }

// looks are the widths and schemes every change of the page is tried in.
var looks = []look{{375, "light"}, {375, "dark"}, {1280, "light"}, {1280, "dark"}}

// eachLook runs f for every look, each in a fresh browser (a first visit)
// sized and coloured for it; the page must log no error.
func eachLook(t *testing.T, f func(t *testing.T, s *browsertest.Session, l look)) {
	for _, l := range looks {
		t.Run(l.String(), func(t *testing.T) {
			s := browsertest.New(t)
			s.SetViewport(l.width, 900)
			s.ColorScheme(l.scheme)
			f(t, s, l)
			s.NoConsoleErrors()
		})
	}
}

// noAxe fails the test if axe-core finds anything on the page as it is,
// which state names.
func noAxe(t *testing.T, s *browsertest.Session, state string) {
	t.Helper()
	if got := axeViolations(s, axeSource(t)); got != "[]" {
		t.Errorf("%s: axe violations: %s", state, got)
	}
}

// containsAny reports whether s contains any of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// openSection opens the collapsed section whose summary reads summary, with
// a click, as a person does (a click on an open one would close it).
func openSection(s *browsertest.Session, summary string) {
	s.T.Helper()
	if s.Eval(`(t) => String([...document.querySelectorAll("details")].some(d => d.open && d.querySelector("summary").textContent.trim() === t))`, summary) == "false" {
		s.ClickText(summary)
	}
}

// showPanel clicks the output panel's tab titled title, as a person does,
// and waits until the panel shows.
func showPanel(s *browsertest.Session, title string) {
	s.T.Helper()
	s.ClickText(title)
	s.WaitEval(`(t) => { const tab = [...document.querySelectorAll("[role=tab]")].find(b => b.textContent === t); return tab && tab.getAttribute("aria-selected") === "true" && !document.getElementById(tab.getAttribute("aria-controls")).hidden ? "shown" : "not yet"; }`, "shown", title)
}

// ctrlA is Ctrl+A, select all, for Session.Chord.
func ctrlA() []input.Key { return []input.Key{input.ControlLeft, input.KeyA} }
