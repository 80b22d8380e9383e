//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"sipcompose/browsertest"
	"sipcompose/sipcompose"
)

// inviteText is the exact text of the first target's INVITE.
const inviteText = `() => document.querySelector('[aria-label="Target 1 INVITE"]').textContent`

// TestCustomerPanel reads the "Customer's side" panel for the first-visit
// example: the INVITE its PBX receives (the composer's, shown with LF as
// HTML keeps it, and on the clipboard with CRLF exactly), what each header
// row comes back as, and the
// callbacks; it follows an edit of the transport live, and axe finds
// nothing on it.
func TestCustomerPanel(t *testing.T) {
	src := axeSource(t)
	s := browsertest.New(t)
	grantClipboard(t, s)
	s.Open("/")
	s.WaitTextContains("TwiML preview", "<Dial")
	showPanel(s, "Customer's side")
	doc := sipcompose.Document{
		Dial: sipcompose.Dial{CallerID: "+14155550100", AnswerOnBridge: true},
		Targets: []sipcompose.Target{{
			User: "+14158675309", Host: "pbx.example.com", Transport: "tls", Edge: "ashburn",
			Headers: []sipcompose.Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}, {Name: "X-otherHeader", Value: "true"}},
			UUI:     sipcompose.UUI{Data: "0A1B2C3D"},
		}},
	}
	r := sipcompose.Compose(doc)
	s.WaitEval(inviteText, lf(r.Invites[0].Message))

	headers := s.TextContent("Target 1 headers")
	for _, want := range []string{
		"X-customName: Bob,Shield+Title-Manager", "SipHeader_X-customName (screening url), DialSipHeader_X-customName (<Dial action>)",
		"User-to-User: 0A1B2C3D;encoding=hex", "Never comes back: Twilio reports only X- headers",
	} {
		if !strings.Contains(headers, want) {
			t.Errorf("header table lacks %q:\n%s", want, headers)
		}
	}
	if got := s.TextContent("Callback parameters"); got != r.Callbacks.Text() {
		t.Errorf("callbacks read\n%s\nwant\n%s", got, r.Callbacks.Text())
	}
	if got := axeViolations(s, src); got != "[]" {
		t.Errorf("axe violations: %s", got)
	}

	s.Click("Copy INVITE", 0)
	waitFeedback(s, "invite-0", "Copied the INVITE.")
	if got := clipboard(s); got != r.Invites[0].Message {
		t.Errorf("Copy INVITE put %q on the clipboard, want %q", got, r.Invites[0].Message)
	}

	// Live: over UDP the INVITE arrives on 5060.
	s.Choose("Transport", 0, "udp")
	doc.Targets[0].Transport = "udp"
	want := sipcompose.Compose(doc).Invites[0].Message
	s.WaitEval(inviteText, lf(want))
	if !strings.HasPrefix(want, "INVITE sip:+14158675309@pbx.example.com;transport=udp SIP/2.0\r\nRecord-Route: <sip:54.172.60.0:5060;") {
		t.Errorf("the UDP INVITE starts %q", want[:80])
	}
	s.NoConsoleErrors()
}

func lf(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
