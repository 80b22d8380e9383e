//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"sipcompose/browsertest"
)

// TestCodePanel switches the Code panel's language, sees the programs
// follow an edit, copies both programs, and finds the language remembered
// after a reload; axe finds nothing on the panel.
func TestCodePanel(t *testing.T) {
	src := axeSource(t)
	s := browsertest.New(t)
	grantClipboard(t, s)
	s.Open("/")
	showPanel(s, "Code")
	s.WaitTextContains("TwiML builder code", `const { twiml } = require("twilio");`)
	s.WaitTextContains("REST call code", "await client.calls.create({")

	s.SetChecked("Python", 0, true)
	s.WaitTextContains("TwiML builder code", "from twilio.twiml.voice_response import VoiceResponse")
	s.WaitTextContains("REST call code", "client.calls.create(")
	s.Fill("Caller ID", "+15005550006")
	s.WaitTextContains("TwiML builder code", `caller_id="+15005550006"`)
	s.WaitTextContains("REST call code", `from_="+15005550006"`)

	for _, c := range []struct{ button, at, notice, label string }{
		{"Copy code", "code-twiml", "Copied the TwiML builder code.", "TwiML builder code"},
		{"Copy call code", "code-call", "Copied the REST call code.", "REST call code"},
	} {
		s.Click(c.button, 0)
		waitFeedback(s, c.at, c.notice)
		if got, want := clipboard(s), s.TextContent(c.label); got != want {
			t.Errorf("%s put %q on the clipboard, want %q", c.button, got, want)
		}
	}
	if got := clipboard(s); !strings.Contains(got, `os.environ["TWILIO_AUTH_TOKEN"]`) {
		t.Errorf("the call code does not read the auth token from the environment:\n%s", got)
	}
	if got := axeViolations(s, src); got != "[]" {
		t.Errorf("axe violations: %s", got)
	}

	s.SetChecked("Go", 0, true)
	s.WaitTextContains("TwiML builder code", `"github.com/twilio/twilio-go/twiml"`)
	// The panel and the language are remembered.
	s.Reload()
	s.WaitTextContains("TwiML builder code", `"github.com/twilio/twilio-go/twiml"`)
	s.WaitEval(`() => String(document.getElementById("code-lang-go").checked)`, "true")
	s.NoConsoleErrors()
}

// TestCodePanelFollowsEditsInEveryLanguage: the panel writes only the
// chosen language's programs, so an edit made while one language shows
// must be in the others once they are chosen.
func TestCodePanelFollowsEditsInEveryLanguage(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	showPanel(s, "Code")
	s.WaitTextContains("TwiML builder code", `const { twiml } = require("twilio");`)
	s.Fill("Caller ID", "+15005550006")
	s.WaitTextContains("REST call code", `from: "+15005550006"`)
	s.SetChecked("Python", 0, true)
	s.WaitTextContains("TwiML builder code", `caller_id="+15005550006"`)
	s.Fill("Host", "edited.example.com")
	s.WaitTextContains("REST call code", "edited.example.com")
	s.SetChecked("Go", 0, true)
	s.WaitTextContains("TwiML builder code", `"github.com/twilio/twilio-go/twiml"`)
	s.WaitTextContains("TwiML builder code", `"+15005550006"`)
	s.WaitTextContains("TwiML builder code", "edited.example.com")
	s.SetChecked("Node.js", 0, true)
	s.WaitTextContains("TwiML builder code", "edited.example.com")
	s.WaitTextContains("REST call code", `from: "+15005550006"`)
	s.NoConsoleErrors()
}

// showCode shows the Code tab once the page's worker has written its
// programs: until then the tab says it is writing them, and the code's
// arrival moves what is below it.
func showCode(s *browsertest.Session) {
	s.T.Helper()
	showPanel(s, "Code")
	s.WaitTextContains("TwiML builder code", "twilio")
}
