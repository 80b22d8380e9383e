package sipcompose

import (
	"strings"
	"testing"
)

// Import refuses only what it cannot read at all; TwiML with errors
// Twilio would report is read as far as it goes, so it can be fixed.
func TestUnreadable(t *testing.T) {
	tests := []struct {
		name, in   string
		unreadable string // the code that refuses it, "" for imported
	}{
		{"empty", "", "parse-empty"},
		{"too large", "<Response>" + strings.Repeat(" ", MaxTwiMLInput) + "</Response>", "parse-too-large"},
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
			case tc.unreadable == "" && !hasErrorDiag(diags):
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
	if !hasDiag(diags, SeverityError, "uri-scheme", "targets[0].host", "It was not kept: SIP target 1 is imported empty.") || len(doc.Targets) != 1 || doc.Targets[0].Host != "" {
		t.Errorf("%+v %+v", doc, diags)
	}
}

// A pasted URI is refused only when it is no SIP URI at all.
func TestUnreadableURI(t *testing.T) {
	for in, refused := range map[string]string{
		"":                            "uri-empty",
		"tel:+14155550100":            "uri-scheme",
		"sip:alice@pbx.example.com:0": "",
		"sip:alice@pbx example.com":   "",
		"sip:alice@":                  "",
		"sip:a@b.example.com?X-A=%zz": "",
	} {
		_, diags := ParseURI(in)
		got := UnreadableURI(diags)
		if refused == "" && got != nil || refused != "" && (len(got) != 1 || got[0].Code != refused) {
			t.Errorf("%q: refused by %+v, want %q", in, got, refused)
		}
	}
}
