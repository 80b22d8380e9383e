package twiml

import (
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
)

// Import refuses only what it cannot read at all; TwiML with errors
// Twilio would report is read as far as it goes, so it can be fixed.
func TestUnreadable(t *testing.T) {
	tests := []struct {
		name, in   string
		unreadable string // the code that refuses it, "" for imported
	}{
		{"empty", "", "parse-empty"},
		{"too large", "<Response>" + strings.Repeat(" ", MaxInput) + "</Response>", "parse-too-large"},
		{"not xml", "<Response><Dial>", "parse-xml"},
		{"a uri", "sip:alice@example.com", "parse-no-response"},
		{"no dial", "<Response><Say>hi</Say></Response>", "parse-no-dial"},
		{"no sip", "<Response><Dial><Number>+14155550100</Number></Dial></Response>", "parse-no-sip"},
		{"bool", `<Response><Dial answerOnBridge="True"><Sip>sip:a@b.example.com</Sip></Dial></Response>`, ""},
		{"number", `<Response><Dial timeout="thirty"><Sip>sip:a@b.example.com</Sip></Dial></Response>`, ""},
		{"port", `<Response><Dial><Sip>sip:a@b.example.com:0</Sip></Dial></Response>`, ""},
		{"escape", `<Response><Dial><Sip>sip:a@b.example.com?X-A=%zz</Sip></Dial></Response>`, ""},
		{"scheme", `<Response><Dial><Sip>tel:+14155550100</Sip><Sip>sip:a@b.example.com</Sip></Dial></Response>`, ""},
		{"empty sip", `<Response><Dial><Sip> </Sip></Dial></Response>`, ""},
		{"long", `<Response><Dial><Sip>sip:a@` + strings.Repeat("b", 300) + `.example.com</Sip></Dial></Response>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, diags := Parse(tc.in)
			refused := Unreadable(diags)
			switch {
			case tc.unreadable == "" && refused != nil:
				t.Errorf("refused by %+v", refused)
			case tc.unreadable == "" && !document.HasErrors(diags):
				t.Errorf("no error to import past: %+v", diags)
			case tc.unreadable != "" && (len(refused) != 1 || refused[0].Code != tc.unreadable):
				t.Errorf("refused by %+v, want %s", refused, tc.unreadable)
			}
			// What Unreadable refuses is exactly what gives no target.
			if (refused == nil) != (len(doc.Targets) > 0) {
				t.Errorf("refused %v with %d targets", refused != nil, len(doc.Targets))
			}
		})
	}
}

// A <Sip> whose text is not a SIP URI is imported empty, and said so.
func TestParseSaysATargetIsEmpty(t *testing.T) {
	doc, diags := Parse(`<Response><Dial><Sip>tel:+14155550100</Sip></Dial></Response>`)
	if !composetest.HasDiag(diags, document.SeverityError, "uri-scheme", "targets[0].host", "It was not kept: SIP target 1 is imported empty.") || len(doc.Targets) != 1 || doc.Targets[0].Host != "" {
		t.Errorf("%+v %+v", doc, diags)
	}
}
