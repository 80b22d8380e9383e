//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/go-rod/rod/lib/input"

	"sipcompose/browsertest"
)

// placesJS is where the header's buttons, the form and (with twiml) the
// TwiML start, in page coordinates: what must not move when a notice comes
// and goes. On a phone the TwiML is below the form, so it moves with the
// document's length.
const placesJS = `(twiml) => {
	const at = (el) => Math.round(el.getBoundingClientRect().top + scrollY);
	const reset = [...document.querySelectorAll(".actions button")].find(b => b.textContent === "Reset to example");
	const places = [at(reset), at(document.getElementById("t0-user"))];
	if (twiml) places.push(at(document.getElementById("twiml")));
	return places.join(" ");
}`

// TestCalmLayout: a notice takes room kept for it, so nothing moves when
// one appears or goes (they pushed the header's buttons and the TwiML down
// 65-85 px); the floating "Skip to the TwiML" hides while the TwiML is on
// screen; Copy TwiML is the one filled button; and an untouched blank form
// says what to fill in instead of reporting an error.
func TestCalmLayout(t *testing.T) {
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		s.GrantClipboard()
		s.Open("/")
		// The TwiML is checked where the document stays the same, or
		// where it is beside the form.
		before, beforeAll := s.Eval(placesJS, false), s.Eval(placesJS, true)
		unmoved := func(what string, sameDoc bool) {
			t.Helper()
			got, want := s.Eval(placesJS, sameDoc || !l.phone()), before
			if sameDoc || !l.phone() {
				want = beforeAll
			}
			if got != want {
				t.Errorf("%s moved the page (header button, form, TwiML at %s; were %s)", what, got, want)
			}
		}
		// Copy TwiML is the primary action: filled, the only such button.
		if got := s.Eval(`() => [...document.querySelectorAll("button")].filter(b => b.getClientRects().length && getComputedStyle(b).backgroundColor !== "rgba(0, 0, 0, 0)").map(b => b.textContent).join("|")`); got != "Copy TwiML" {
			t.Errorf("filled buttons: %q, want Copy TwiML alone", got)
		}

		s.ClickText("Copy TwiML")
		waitFeedback(s, "twiml", "Copied the TwiML.")
		unmoved("Copy TwiML's feedback", true)
		s.ClickText("Reset to example")
		waitFeedback(s, "notice", "Started again from the example. Undo")
		unmoved("the Reset notice with Undo", true)
		s.Open(linkTo(t, linkedDoc("calm.example.com")))
		waitFeedback(s, "notice", "Opened the shared document. Links never hold a password. Undo")
		unmoved("the opened link's notice", false)
		retype(s, "t0-user", "anna")
		s.WaitTextContains("SIP URI", "sip:anna@calm.example.com")
		if got := feedback(s, "notice"); got != "" {
			t.Errorf("the notice outlived an edit: %q", got)
		}
		unmoved("an edit that clears the notice", false)
		pasteTwiML(s, `<Response><Dial><Sip>sip:pasted@calm.example.com</Sip></Dial></Response>`)
		waitFeedback(s, "paste", "Imported the TwiML into the form. Undo")
		unmoved("the paste area's feedback", false)

		// The floating link: on a phone, shown while the TwiML is away,
		// hidden while it is on screen; on a desktop only when focused.
		floating := `() => { const r = document.querySelector(".skip-link").getBoundingClientRect(); return String(r.width > 40 && r.top < innerHeight && r.bottom > 0) }`
		s.Eval(`() => { scrollTo(0, 0); return "" }`)
		s.WaitEval(floating, map[bool]string{true: "true", false: "false"}[l.phone()])
		if l.phone() {
			s.ClickOn(".skip-link")
			s.WaitEval(`() => document.activeElement.id`, "preview")
			s.Eval(`() => { document.activeElement.blur(); return "" }`)
			s.WaitEval(floating, "false")
			if err := s.Page.Mouse.Scroll(0, -20000, 4); err != nil {
				t.Fatal(err)
			}
			s.WaitEval(floating, "true")
		}
		// Still the first Tab stop, and shown while focused.
		s.Reload()
		if err := s.Page.Mouse.Scroll(0, -20000, 4); err != nil {
			t.Fatal(err)
		}
		s.WaitEval(floating, map[bool]string{true: "true", false: "false"}[l.phone()])
		s.Press("Tab")
		s.WaitEval(`() => document.activeElement.className`, "skip-link"+map[bool]string{true: "", false: " away"}[l.phone()])
		s.WaitEval(floating, "true")

		// An untouched blank form says what to fill in; once touched, the
		// form's errors show as usual.
		s.ClickText("Blank form")
		waitFeedback(s, "notice", "Started from a blank form.")
		s.WaitEval(`() => document.getElementById("preview-guide") ? document.getElementById("preview-guide").textContent : ""`, "Fill in Host (and User, if the PBX needs one): the TwiML follows as you type.")
		if n := s.Count("#preview-problem, .has-errors, [aria-invalid=true], #warnings .diag.error"); n != 0 {
			t.Errorf("the blank form shows %d errors", n)
		}
		if got := s.Text("Warnings"); !strings.Contains(got, "Nothing to check yet: the form is blank.") {
			t.Errorf("Warnings on a blank form:\n%s", got)
		}
		noAxe(t, s, "a blank form")
		s.Keys("support")
		s.WaitEval(`() => document.getElementById("preview-problem") ? document.getElementById("preview-problem").textContent : ""`, "1 error: Twilio would reject this. See Warnings")
		s.Press("Tab")
		s.Keys("pbx.acme.example")
		s.WaitTextContains("SIP URI", "sip:support@pbx.acme.example")
		s.WaitEval(`() => String(document.querySelectorAll("#preview-problem, #preview-guide").length)`, "0")
		if err := s.Page.Keyboard.Type(input.Escape); err != nil {
			t.Fatal(err)
		}
	})
}
