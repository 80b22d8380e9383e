//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/go-rod/rod/lib/input"

	"sipcompose/browsertest"
	"sipcompose/sipcompose"
)

// pasteTwiML pastes text into the paste area with Ctrl+V, as a person
// does with what a customer sent; the area imports it at once.
func pasteTwiML(s *browsertest.Session, text string) {
	s.T.Helper()
	s.GrantClipboard()
	s.ClickOn("#paste")
	s.Chord(input.ControlLeft, input.KeyA)
	s.PasteText(text)
}

// importList is the findings an import left in Warnings, one "code|text"
// a line.
func importList(s *browsertest.Session) string {
	return s.Eval(`() => [...document.querySelectorAll("#imported li")].map(li => li.dataset.code + "|" + li.textContent).join("\n")`)
}

const brokenTwiML = `<Response><Dial answerOnBridge="True" timeout="thirty" callerId="+14155550100"><Sip>sip:gina@pbx example.com</Sip></Dial></Response>`

// TestImportBrokenTwiML: a customer's TwiML with errors is imported as far
// as it can be read, so it can be fixed here; beside the paste area (a
// live region) the page says so with Undo, and Warnings list each change
// on the way in, from the import, leading to its field, above the
// composed document's own problems. Only what cannot be read at all is
// refused.
func TestImportBrokenTwiML(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	retype(s, "t0-user", "mine")
	s.WaitTextContains("SIP URI", "sip:mine@")

	pasteTwiML(s, brokenTwiML)
	s.WaitTextContains("SIP URI", "sip:gina@pbx%20example.com")
	waitFeedback(s, "paste", "Imported the TwiML into the form. 2 errors on the way in: see Warnings. Undo Show them")
	list := importList(s)
	for _, want := range []string{
		`parse-bool|Error: answerOnBridge="True": Twilio takes exactly true or false`,
		`It was read as false, Twilio's default. If you meant it, write answerOnBridge="true". <Dial> options › Answer on bridge Dismiss`,
		`parse-number|Error: "thirty" is not a whole number; it was not kept. <Dial> options › Timeout Dismiss`,
	} {
		if !strings.Contains(list, want) {
			t.Errorf("in Warnings, no %q in\n%s", want, list)
		}
	}
	if got := s.Eval(`() => document.querySelector("#imported h3").textContent`); got != "From the import" {
		t.Errorf("the findings are headed %q", got)
	}
	if got := s.Eval(`() => { const f = document.getElementById("paste-feedback"); return f.getAttribute("role") + " " + f.getAttribute("aria-live") }`); got != "status polite" {
		t.Errorf("the paste area's feedback is not a live region: %s", got)
	}
	if s.Value("Paste what the customer sent", 0) != "" {
		t.Error("the imported text landed in the paste area")
	}
	twiml := s.TextContent("TwiML preview")
	if strings.Contains(twiml, "answerOnBridge") || strings.Contains(twiml, "timeout") || !strings.Contains(twiml, `callerId="+14155550100"`) {
		t.Errorf("imported TwiML:\n%s", twiml)
	}
	if s.Value("Caller ID", 0) != "+14155550100" || s.Value("Host", 0) != "pbx example.com" {
		t.Errorf("form: caller ID %q host %q", s.Value("Caller ID", 0), s.Value("Host", 0))
	}
	// The document as imported has problems of its own, listed after.
	s.WaitTextContains("Warnings", `In the document as it is now`)
	s.WaitTextContains("Warnings", `Host "pbx example.com": use a host name`)
	// "Show them" leads from the feedback to the list.
	s.ClickOn("#paste-feedback button.see")
	s.WaitEval(`() => document.activeElement.id`, "imported")

	s.ClickOn("#paste-feedback button.undo")
	s.WaitTextContains("SIP URI", "sip:mine@")
	waitFeedback(s, "paste", "Undone: the form is back as it was.")
	if s.Value("User", 0) != "mine" || importList(s) != "" {
		t.Errorf("after Undo: user %q, list %q", s.Value("User", 0), importList(s))
	}

	// Nothing to import: refused, saying why, the form untouched and the
	// text left in the area to fix.
	pasteTwiML(s, `<Response><Say>Hello</Say></Response>`)
	waitFeedback(s, "paste", "Nothing imported: No <Dial> found")
	if got := s.Value("Paste what the customer sent", 0); got != `<Response><Say>Hello</Say></Response>` {
		t.Errorf("the refused paste is not left in the area: %q", got)
	}
	pasteTwiML(s, `<Response><Dial><Number>+14155550100</Number></Dial></Response>`)
	waitFeedback(s, "paste", "Nothing imported: The <Dial> has no <Sip>")
	if s.Value("User", 0) != "mine" || s.Count("#paste-feedback button.undo") != 0 {
		t.Errorf("a refused import changed the form: user %q", s.Value("User", 0))
	}
	s.NoConsoleErrors()
}

// TestImportSaysWhatItChanged: warnings and notes are listed too, and an
// explicit false or a <Sip> that is not a SIP URI is said, never dropped
// quietly.
func TestImportSaysWhatItChanged(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	pasteTwiML(s, `<Response><Say>Hi</Say><Dial sequential="false"><Sip>tel:+14155550100</Sip><Sip foo="1">sip:bob@b.example.com</Sip></Dial></Response>`)
	s.WaitTextContains("SIP URI", "sip:bob@b.example.com")
	waitFeedback(s, "paste", "Imported the TwiML into the form. 1 error, 2 warnings, 1 note on the way in: see Warnings.")
	list := importList(s)
	for _, want := range []string{
		`parse-not-kept|Warning: <Say> is not part of a SIP dial and was not kept.`,
		`parse-default|Note: sequential="false" is Twilio's default`,
		`uri-scheme|Error: "tel:" is not a SIP URI: Twilio dials only sip: URIs (e.g. sip:alice@pbx.example.com). It was not kept: SIP target 1 is imported empty. SIP target 1 › Host`,
		`parse-attribute-not-kept|Warning: <Sip foo="1"> is not an attribute this tool knows; it was not kept. SIP target 2`,
	} {
		if !strings.Contains(list, want) {
			t.Errorf("in Warnings, no %q in\n%s", want, list)
		}
	}
	s.NoConsoleErrors()
}

// TestPasteBrokenURI: a SIP URI with errors pasted into Host fills the
// target as far as it reads, as an import does, with Undo under Host and
// what was not kept in Warnings; text that is no SIP URI at all stays in
// Host as pasted, saying why.
func TestPasteBrokenURI(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Fill("User", "mine")
	s.WaitTextContains("SIP URI", "sip:mine@")
	s.FillNth("Host", 0, "sip:gina@pbx.example.com:99999;edge=dublin", true)
	s.WaitTextContains("SIP URI", "sip:gina@pbx.example.com;edge=dublin")
	waitFeedback(s, "t0-host", "Filled target 1 from the pasted SIP URI. 1 error on the way in: see Warnings.")
	if got := importList(s); !strings.Contains(got, `port-invalid|Error: Port "99999": use 1 to 65535; it was not kept. SIP target 1 › Port`) {
		t.Errorf("in Warnings: %q", got)
	}
	if got := s.Eval(`() => document.querySelector("#imported h3").textContent`); got != "From the pasted SIP URI" {
		t.Errorf("the findings are headed %q", got)
	}
	if s.Value("Host", 0) != "pbx.example.com" || s.Value("Port", 0) != "" || s.Value("Edge", 0) != "dublin" {
		t.Errorf("form: host %q port %q edge %q", s.Value("Host", 0), s.Value("Port", 0), s.Value("Edge", 0))
	}
	clickUndo(s, "t0-host")
	s.WaitTextContains("SIP URI", "sip:mine@")

	s.FillNth("Host", 0, "tel:+14155550100;ext=1", true)
	waitFeedback(s, "t0-host", `The pasted text is not a SIP URI the form can take: "tel:" is not a SIP URI`)
	if s.Value("Host", 0) != "tel:+14155550100;ext=1" {
		t.Errorf("a refused paste changed Host to %q", s.Value("Host", 0))
	}
	s.NoConsoleErrors()
}

// TestImportFindingsStay: what an import changed or could not keep stays
// in Warnings, marked as from the import, through other edits (a keystroke
// used to clear it, and Warnings then said "No problems found": the
// customer's answerOnBridge lost without a trace), and goes only when the
// field it names is edited, when it is dismissed, or when the import is
// undone. The same holds for a SIP URI pasted into Host.
func TestImportFindingsStay(t *testing.T) {
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		s.Open("/")
		pasteTwiML(s, brokenTwiML)
		s.WaitTextContains("Warnings", "From the import")
		noAxe(t, s, "the import's findings in Warnings")

		// Other edits leave them.
		retype(s, "t0-user", "anna")
		s.WaitTextContains("SIP URI", "sip:anna@")
		retype(s, "t0-host", "pbx.example.com")
		s.WaitTextContains("SIP URI", "sip:anna@pbx.example.com")
		if got := importList(s); !strings.Contains(got, "parse-bool|") || !strings.Contains(got, "parse-number|") {
			t.Fatalf("other edits cleared the import's findings:\n%s", got)
		}
		if got := s.Text("Warnings"); strings.Contains(got, "No problems found.\n") && !strings.Contains(got, "From the import") {
			t.Errorf("Warnings:\n%s", got)
		}

		// The link leads to the field; editing it (Space ticks the box)
		// ends its finding, and only its.
		s.ClickOn(`#imported [data-code="parse-bool"] .field-link`)
		s.WaitEval(`() => document.activeElement.id`, "dial-answerOnBridge")
		s.Press("Space")
		s.WaitTextContains("TwiML preview", `answerOnBridge="true"`)
		s.WaitEval(`() => String(document.querySelectorAll('#imported [data-code="parse-bool"]').length)`, "0")
		if got := importList(s); !strings.Contains(got, "parse-number|") {
			t.Errorf("editing one field ended another's finding:\n%s", got)
		}

		// Dismissed: gone, with the list.
		s.ClickOn(`#imported [data-code="parse-number"] button.dismiss`)
		s.WaitEval(`() => String(!!document.getElementById("imported"))`, "false")
		s.WaitTextContains("Warnings", "No problems found.")

		// Undone: gone with the import.
		pasteTwiML(s, brokenTwiML)
		s.WaitTextContains("Warnings", "From the import")
		s.ClickOn("#paste-feedback button.undo")
		s.WaitEval(`() => String(!!document.getElementById("imported"))`, "false")

		// A SIP URI pasted into Host: its finding goes once Port is typed into.
		s.ClickOn("#t0-host")
		s.Chord(input.ControlLeft, input.KeyA)
		s.PasteText("sip:gina@pbx.example.com:99999")
		s.WaitTextContains("Warnings", "From the pasted SIP URI")
		noAxe(t, s, "a pasted URI's finding in Warnings")
		s.ClickOn(`#imported [data-code="port-invalid"] .field-link`)
		s.WaitEval(`() => document.activeElement.id`, "t0-port")
		s.Keys("5070")
		s.WaitTextContains("SIP URI", "sip:gina@pbx.example.com:5070")
		s.WaitEval(`() => String(!!document.getElementById("imported"))`, "false")
	})
}

// TestPasteArea: what a customer sent goes into the area at the top of the
// form and is recognised and imported the moment it is pasted, with Undo:
// TwiML, a SIP URI (which replaces the untouched example whole), a share
// link (the draft at once, so a reload shows it); text it does not
// recognise stays in the area, saying what it takes; and a keyboard user
// who types instead imports with the Import button.
func TestPasteArea(t *testing.T) {
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		s.Open("/")
		// At the top of the form, on screen at page ready.
		if !s.InView("#paste") || s.Eval(`() => String(document.getElementById("paste").getBoundingClientRect().top < document.getElementById("t0-user").getBoundingClientRect().top)`) != "true" {
			t.Error("the paste area is not at the top of the form, in view")
		}
		noAxe(t, s, "the paste area")

		pasteTwiML(s, `<Response><Dial><Sip>sip:pasted@twiml.example.com</Sip></Dial></Response>`)
		s.WaitTextContains("SIP URI", "sip:pasted@twiml.example.com")
		waitFeedback(s, "paste", "Imported the TwiML into the form. Undo")
		noAxe(t, s, "after a paste, with Undo")
		s.ClickOn("#paste-feedback button.undo")
		s.WaitTextContains("SIP URI", "sip:+14158675309@pbx.example.com")

		pasteTwiML(s, "  sip:bob@pbx.customer.example;transport=tls?X-Case=42 ")
		s.WaitTextContains("TwiML preview", "<Sip>sip:bob@pbx.customer.example;transport=tls?X-Case=42</Sip>")
		waitFeedback(s, "paste", "Filled SIP target 1 from the SIP URI.")
		if got := s.TextContent("TwiML preview"); strings.Contains(got, "callerId") {
			t.Errorf("the example's <Dial> attributes stayed:\n%s", got)
		}

		link := s.URL + linkTo(t, linkedDoc("pasted-link.example.com"))
		pasteTwiML(s, link)
		s.WaitTextContains("SIP URI", "sip:alice@pasted-link.example.com")
		waitFeedback(s, "paste", "Opened the shared document.")
		s.Reload()
		s.WaitTextContains("SIP URI", "sip:alice@pasted-link.example.com")

		pasteTwiML(s, "Hi, please call our PBX")
		waitFeedback(s, "paste", "Not recognised: paste TwiML")
		if got := s.Value("Paste what the customer sent", 0); got != "Hi, please call our PBX" {
			t.Errorf("the area holds %q", got)
		}
		noAxe(t, s, "a paste not recognised")

		// Typed, then imported from the keyboard: Tab to Import, Enter;
		// the focus stays there, and Undo is one Tab away.
		s.ClickOn("#paste")
		s.Chord(ctrlA()...)
		s.Keys(`<Response><Dial><Sip>sip:typed@k.example.com</Sip></Dial></Response>`)
		s.Press("Tab")
		s.WaitEval(`() => document.activeElement.id`, "paste-import")
		s.Press("Enter")
		s.WaitTextContains("SIP URI", "sip:typed@k.example.com")
		s.WaitEval(`() => document.activeElement.id`, "paste-import")
		s.Press("Tab")
		s.WaitEval(`() => document.activeElement.className`, "small undo")
		wantPreview(t, s, sipcompose.Document{Targets: []sipcompose.Target{{User: "typed", Host: "k.example.com"}}})
	})
}
