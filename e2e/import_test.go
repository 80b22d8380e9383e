//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/go-rod/rod/lib/proto"

	"sipcompose/browsertest"
)

// pasteTwiML opens the Import TwiML box, pastes twiml and imports it.
func pasteTwiML(s *browsertest.Session, twiml string) {
	s.T.Helper()
	s.Eval(`(v) => { document.querySelector("details.import").open = true; document.getElementById("paste-twiml").value = v; return "" }`, twiml)
	s.Click("Import TwiML", 0)
}

// importList is the diagnostics listed beside Import, one "code|text" a
// line.
func importList(s *browsertest.Session) string {
	return s.Eval(`() => [...document.querySelectorAll("#import-twiml-feedback li")].map(li => li.dataset.code + "|" + li.textContent).join("\n")`)
}

// TestImportBrokenTwiML: a customer's TwiML with errors is imported as far
// as it can be read, so it can be fixed here; beside Import (in its live
// region) each change on the way in is listed and leads to its field, the
// Warnings list has the composed document's own problems, and Undo brings
// back the form as it was. Only what cannot be read at all is refused.
func TestImportBrokenTwiML(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Fill("User", "mine")
	s.WaitTextContains("SIP URI", "sip:mine@")

	pasteTwiML(s, `<Response><Dial answerOnBridge="True" timeout="thirty" callerId="+14155550100"><Sip>sip:gina@pbx example.com</Sip></Dial></Response>`)
	s.WaitTextContains("SIP URI", "sip:gina@pbx%20example.com")
	waitFeedback(s, "import-twiml", "Imported the TwiML into the form. What it changed or could not keep on the way in (2 errors):")
	list := importList(s)
	for _, want := range []string{
		`parse-bool|Error: answerOnBridge="True": Twilio takes exactly true or false`,
		`It was read as false, Twilio's default. If you meant it, write answerOnBridge="true". <Dial> options › Answer on bridge`,
		`parse-number|Error: "thirty" is not a whole number; it was not kept. <Dial> options › Timeout`,
	} {
		if !strings.Contains(list, want) {
			t.Errorf("beside Import, no %q in\n%s", want, list)
		}
	}
	if got := s.Eval(`() => { const f = document.getElementById("import-twiml-feedback"); return f.getAttribute("role") + " " + f.getAttribute("aria-live") }`); got != "status polite" {
		t.Errorf("the import feedback is not a live region: %s", got)
	}
	// Beside the control: right under the button, on screen with it.
	if got := s.Eval(`() => { const b = document.getElementById("import-twiml").getBoundingClientRect(), f = document.getElementById("import-twiml-feedback").getBoundingClientRect(); return String(f.top >= b.bottom - 1 && f.top - b.bottom < 40 && f.top < innerHeight) }`); got != "true" {
		t.Error("the import feedback is not right under the Import button, in view")
	}
	// What was read, as the messages say.
	twiml := s.TextContent("TwiML preview")
	if strings.Contains(twiml, "answerOnBridge") || strings.Contains(twiml, "timeout") || !strings.Contains(twiml, `callerId="+14155550100"`) {
		t.Errorf("imported TwiML:\n%s", twiml)
	}
	if s.Value("Caller ID", 0) != "+14155550100" || s.Value("Host", 0) != "pbx example.com" {
		t.Errorf("form: caller ID %q host %q", s.Value("Caller ID", 0), s.Value("Host", 0))
	}
	src := axeSource(t)
	for _, scheme := range []string{"light", "dark"} {
		if err := (proto.EmulationSetEmulatedMedia{Features: []*proto.EmulationMediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}).Call(s.Page); err != nil {
			t.Fatal(err)
		}
		if got := axeViolations(s, src); got != "[]" {
			t.Errorf("%s mode, with the import's list: axe violations: %s", scheme, got)
		}
	}
	// The composed document's own problems are in Warnings (the TwiML
	// as written had no error in its host; Twilio would reject it).
	s.WaitTextContains("Warnings", `Host "pbx example.com": use a host name`)
	// An entry leads to its field.
	s.Eval(`() => { [...document.querySelectorAll("#import-twiml-feedback .field-link")].find(b => b.textContent.endsWith("Answer on bridge")).click(); return "" }`)
	s.WaitEval(`() => document.activeElement.id`, "dial-answerOnBridge")

	clickUndo(s, "import-twiml")
	s.WaitTextContains("SIP URI", "sip:mine@")
	waitFeedback(s, "import-twiml", "Undone: the form is back as it was.")
	if s.Value("User", 0) != "mine" || importList(s) != "" {
		t.Errorf("after Undo: user %q, list %q", s.Value("User", 0), importList(s))
	}

	// Nothing to import: refused, saying why, the form untouched.
	pasteTwiML(s, `<Response><Say>Hello</Say></Response>`)
	waitFeedback(s, "import-twiml", "Nothing imported: No <Dial> found")
	pasteTwiML(s, `<Response><Dial><Number>+14155550100</Number></Dial></Response>`)
	waitFeedback(s, "import-twiml", "Nothing imported: The <Dial> has no <Sip>")
	if s.Value("User", 0) != "mine" || s.Count("#import-twiml-feedback button.undo") != 0 {
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
	waitFeedback(s, "import-twiml", "Imported the TwiML into the form. What it changed or could not keep on the way in (1 error, 2 warnings, 1 note):")
	list := importList(s)
	for _, want := range []string{
		`parse-not-kept|Warning: <Say> is not part of a SIP dial and was not kept.`,
		`parse-default|Note: sequential="false" is Twilio's default`,
		`uri-scheme|Error: "tel:" is not a SIP URI: Twilio dials only sip: URIs (e.g. sip:alice@pbx.example.com). It was not kept: SIP target 1 is imported empty. SIP target 1 › Host`,
		`parse-attribute-not-kept|Warning: <Sip foo="1"> is not an attribute this tool knows; it was not kept. SIP target 2`,
	} {
		if !strings.Contains(list, want) {
			t.Errorf("beside Import, no %q in\n%s", want, list)
		}
	}
	s.NoConsoleErrors()
}

// TestPasteBrokenURI: a SIP URI with errors pasted into Host fills the
// target as far as it reads, as Import TwiML does, listing what was not
// kept under Host with Undo; text that is no SIP URI at all stays in Host
// as pasted, saying why.
func TestPasteBrokenURI(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Fill("User", "mine")
	s.WaitTextContains("SIP URI", "sip:mine@")
	s.FillNth("Host", 0, "sip:gina@pbx.example.com:99999;edge=dublin", true)
	s.WaitTextContains("SIP URI", "sip:gina@pbx.example.com;edge=dublin")
	waitFeedback(s, "t0-host", "Filled target 1 from the pasted SIP URI. What it changed or could not keep on the way in (1 error):")
	if got := s.Eval(`() => [...document.querySelectorAll("#t0-host-feedback li")].map(li => li.dataset.code + "|" + li.textContent).join("\n")`); !strings.Contains(got, `port-invalid|Error: Port "99999": use 1 to 65535; it was not kept.`) {
		t.Errorf("under Host: %q", got)
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
