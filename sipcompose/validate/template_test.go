package validate

import (
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/resolve"
)

// A TwiML Bin template is named as one, with what the Bin fills in; the
// rules check what is around its tags, and say where the filled value
// would need an encoding the Bin does not give it.
func TestTemplates(t *testing.T) {
	type want struct {
		sev         document.Severity
		code, field string
		phrase      string
		absent      bool // no diagnostic of code at field
	}
	tests := []struct {
		name string
		doc  document.Document
		want []want
	}{
		{"{{To}} in User", one(document.Target{User: "{{To}}", Host: "pbx.example.com"}), []want{
			{sev: document.SeverityInfo, code: "template", field: "targets[0].user", phrase: "A TwiML Bin template, which the Bin fills in before Twilio reads the TwiML, so every output here keeps it as typed. It fills {{To}} with the request's To: the number the caller dialed (for a call to a SIP Domain, a whole SIP URI)."},
			{sev: document.SeverityWarning, code: "template-encoding", field: "targets[0].user", phrase: "{{#e164}}{{To}}{{/e164}}, Twilio's e164 function, takes the number out."},
			{sev: document.SeverityWarning, code: "template-rest", field: "targets[0]", phrase: "The REST API fills no TwiML Bin template: the curl command and the REST programs would send To=sip:{{To}}@pbx.example.com as written."},
		}},
		{"e164 in User needs nothing", one(document.Target{User: "{{#e164}}{{To}}{{/e164}}", Host: "pbx.example.com"}), []want{
			{sev: document.SeverityInfo, code: "template", field: "targets[0].user", phrase: "{{#e164}}…{{/e164}} with the phone number in what it holds (Twilio's e164 function)"},
			{code: "template-encoding", field: "targets[0].user", absent: true},
		}},
		{"a custom parameter in User", one(document.Target{User: "{{ Agent }}", Host: "pbx.example.com"}), []want{
			{sev: document.SeverityInfo, code: "template", field: "targets[0].user", phrase: "the request's Agent parameter: a query parameter of the Bin's URL (…?Agent=…) or one Twilio sends"},
			{sev: document.SeverityWarning, code: "template-encoding", field: "targets[0].user", phrase: "The TwiML Bin writes {{ Agent }}'s value as the request has it, not percent-encoded: a space, @, :, ;, ? or & in it breaks this URI"},
			{code: "user-invalid", field: "targets[0].user", absent: true},
		}},
		{"{{From}} in a header value", one(document.Target{Host: "pbx.example.com", Headers: []document.Header{{Name: "X-From", Value: "{{From}}"}}}), []want{
			{sev: document.SeverityWarning, code: "template-encoding", field: "targets[0].headers[0].value", phrase: "The TwiML Bin writes the value of {{From}} as the request has it, not percent-encoded, where Twilio asks for every character but letters and digits in a header value to be (a + as %2B, a space as %20)."},
		}},
		{"a header name", one(document.Target{Host: "pbx.example.com", Headers: []document.Header{{Name: "{{Name}}", Value: "1"}}}), []want{
			{sev: document.SeverityWarning, code: "template-encoding", field: "targets[0].headers[0].name", phrase: "Twilio passes on only X- names"},
			{code: "header-name-not-allowed", field: "targets[0].headers[0].name", absent: true},
			{code: "header-name-invalid", field: "targets[0].headers[0].name", absent: true},
		}},
		{"UUI data", one(document.Target{Host: "pbx.example.com", UUI: document.UUI{Data: "{{UUI}}"}}), []want{
			{sev: document.SeverityWarning, code: "template-encoding", field: "targets[0].uui.data", phrase: "must be hex digits"},
			{code: "uui-not-hex", field: "targets[0].uui.data", absent: true},
		}},
		{"a host", one(document.Target{Host: "{{Host}}"}), []want{
			{sev: document.SeverityWarning, code: "template-encoding", field: "targets[0].host", phrase: "The host is filled in by the TwiML Bin"},
			{code: "host-invalid", field: "targets[0].host", absent: true},
		}},
		{"what is around a tag is still checked", one(document.Target{User: "a b{{To}}", Host: "{{Host}}.example.com:5060"}), []want{
			{sev: document.SeverityError, code: "user-invalid", field: "targets[0].user"},
			{sev: document.SeverityError, code: "host-with-port", field: "targets[0].host"},
		}},
		{"callerId", document.Document{Dial: document.Dial{CallerID: "{{From}}"}, Targets: []document.Target{{Host: "pbx.example.com"}}}, []want{
			{sev: document.SeverityWarning, code: "template-encoding", field: "dial.callerId", phrase: "{{#e164}}{{From}}{{/e164}}, Twilio's e164 function, takes the number out."},
			{sev: document.SeverityWarning, code: "template-rest", field: "targets[0]", phrase: "From={{From}}"},
			{code: "caller-id-invalid", field: "dial.callerId", absent: true},
		}},
		{"callerId through e164", document.Document{Dial: document.Dial{CallerID: "{{#e164}}{{From}}{{/e164}}"}, Targets: []document.Target{{Host: "pbx.example.com"}}}, []want{
			{code: "template-encoding", field: "dial.callerId", absent: true},
			{code: "caller-id-invalid", field: "dial.callerId", absent: true},
		}},
		{"a URL", document.Document{Dial: document.Dial{Action: "https://{{Host}}/next?case={{Case}}"}, Targets: []document.Target{{Host: "pbx.example.com"}}}, []want{
			{sev: document.SeverityInfo, code: "template", field: "dial.action", phrase: "{{Case}}"},
			{code: "url-invalid", field: "dial.action", absent: true},
		}},
		{"unescaped, comment, partial", one(document.Target{Host: "pbx.example.com", Headers: []document.Header{{Name: "X-A", Value: "{{{Raw}}}{{! note }}{{> part}}"}}}), []want{
			{sev: document.SeverityWarning, code: "template-unsupported", field: "targets[0].headers[0].value", phrase: "{{{Raw}}} is Mustache's unescaped form, which Twilio's TwiML Bins docs do not mention"},
			{sev: document.SeverityWarning, code: "template-unsupported", field: "targets[0].headers[0].value", phrase: "{{! note }} is a Mustache comment"},
			{sev: document.SeverityWarning, code: "template-unsupported", field: "targets[0].headers[0].value", phrase: "{{> part}} includes another template"},
		}},
		{"an unclosed section", one(document.Target{User: "{{#e164}}{{To}}", Host: "pbx.example.com"}), []want{
			{sev: document.SeverityWarning, code: "template-unsupported", field: "targets[0].user", phrase: "{{#e164}} has no {{/e164}} in this field"},
		}},
		{"what is no tag", one(document.Target{Host: "pbx.example.com", Headers: []document.Header{{Name: "X-A", Value: "{{& Raw}}"}}}), []want{
			{sev: document.SeverityWarning, code: "template-unsupported", field: "targets[0].headers[0].value", phrase: "{{& Raw}} looks like a TwiML Bin template tag but is not one"},
			{code: "template", field: "targets[0].headers[0].value", absent: true},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			diags := Document(tc.doc, resolve.Document(tc.doc))
			for _, w := range tc.want {
				if w.absent {
					if len(byCodeField(diags, w.code, w.field)) > 0 {
						t.Errorf("unexpected %s at %s: %+v", w.code, w.field, diags)
					}
					continue
				}
				if !composetest.HasDiag(diags, w.sev, w.code, w.field, w.phrase) {
					t.Errorf("no %s %s at %s with %q: %+v", w.sev, w.code, w.field, w.phrase, diags)
				}
			}
		})
	}
}

func byCodeField(diags []document.Diagnostic, code, field string) []document.Diagnostic {
	var out []document.Diagnostic
	for _, d := range diags {
		if d.Code == code && d.Field == field {
			out = append(out, d)
		}
	}
	return out
}
