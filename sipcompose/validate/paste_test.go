package validate

import (
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/resolve"
)

// Nothing changes in silence: a placeholder pasted from docs is named, a
// character a person would not expect to see encoded is noted once a
// target, and an edge close to one Twilio has is suggested.
func TestWhatCustomersPaste(t *testing.T) {
	tests := []struct {
		name        string
		t           document.Target
		sev         document.Severity
		code, field string
		phrase      string
	}{
		{"an ellipsis in User", document.Target{User: "aurixa-…", Host: "sip.vapi.ai"}, document.SeverityWarning, "placeholder", "targets[0].user",
			`User "aurixa-…" holds an ellipsis (…), as docs and chat apps shorten a value: it looks pasted from docs, and Twilio would send it percent-encoded as aurixa-%E2%80%A6, which no PBX knows. Enter the real user.`},
		{"typographic quotes", document.Target{User: "“alice”", Host: "pbx.example.com"}, document.SeverityWarning, "placeholder", "targets[0].user", "typographic quotes (“ ”)"},
		{"a no-break space", document.Target{User: "alice\u00a0", Host: "pbx.example.com"}, document.SeverityWarning, "placeholder", "targets[0].user", "an invisible no-break space (U+00A0)"},
		{"an en dash", document.Target{User: "aurixa–agent", Host: "pbx.example.com"}, document.SeverityWarning, "placeholder", "targets[0].user", "a typographic dash (–) where a hyphen (-) was meant"},
		{"<angle> in User", document.Target{User: "<phone-number>", Host: "pbx.example.com"}, document.SeverityWarning, "placeholder", "targets[0].user", "the placeholder <phone-number>"},
		{"{curly} in User", document.Target{User: "{phone number}", Host: "pbx.example.com"}, document.SeverityWarning, "placeholder", "targets[0].user", "the placeholder {phone number}"},
		{"[square] in User", document.Target{User: "[user]", Host: "pbx.example.com"}, document.SeverityWarning, "placeholder", "targets[0].user", "the placeholder [user]"},
		{"$VAR", document.Target{User: "$PHONE_NUMBER", Host: "pbx.example.com"}, document.SeverityWarning, "placeholder", "targets[0].user", "the variable $PHONE_NUMBER, which nothing fills in here"},
		{"${VAR}", document.Target{User: "agent-${AGENT_ID}", Host: "pbx.example.com"}, document.SeverityWarning, "placeholder", "targets[0].user", "the variable ${AGENT_ID}"},
		{"%VAR%", document.Target{User: "%USERNAME%", Host: "pbx.example.com"}, document.SeverityWarning, "placeholder", "targets[0].user", "the variable %USERNAME%"},
		{"X's for digits", document.Target{User: "+1XXXXXXXXXX", Host: "pbx.example.com"}, document.SeverityWarning, "placeholder", "targets[0].user", "a phone number with X's for digits"},
		{"<your-host>", document.Target{User: "alice", Host: "<your-host>"}, document.SeverityError, "host-invalid", "targets[0].host",
			`Host "<your-host>" holds the placeholder <your-host>: it looks pasted from docs, and it is no host name Twilio can dial (error 13243: invalid SIP URI). Enter the customer's host.`},
		{"an ellipsis in Host", document.Target{Host: "sip.…"}, document.SeverityError, "host-invalid", "targets[0].host", "an ellipsis (…)"},
		{"${HOST}", document.Target{Host: "${SIP_HOST}"}, document.SeverityError, "host-invalid", "targets[0].host", "the variable ${SIP_HOST}"},
		{"your.domain", document.Target{User: "alice", Host: "your.domain"}, document.SeverityWarning, "placeholder", "targets[0].host", `Host "your.domain" holds your.domain, which Twilio's docs use for the customer's host`},
		{"example.com, bare", document.Target{User: "jack", Host: "EXAMPLE.COM."}, document.SeverityWarning, "placeholder", "targets[0].host", "holds example.com"},

		{"a space in a header value", document.Target{Host: "pbx.example.com", Headers: []document.Header{{Name: "X-A", Value: "plain"}, {Name: "X-Name", Value: "Bob Smith"}, {Name: "X-City", Value: "Zürich 8001"}}},
			document.SeverityInfo, "header-value-encoded", "targets[0].headers[1].value",
			"Header values are sent percent-encoded, as Twilio asks: a space as %20, ü as %C3%BC. The PBX reads them decoded, as typed here."},
		{"a value already encoded", document.Target{Host: "pbx.example.com", Headers: []document.Header{{Name: "X-A", Value: "a%2Cb"}}},
			document.SeverityInfo, "header-value-encoded", "targets[0].headers[0].value", "% as %25. The PBX reads them decoded, as typed here. A value that is already percent-encoded is encoded again (%2C becomes %252C)"},

		{"frankfort", document.Target{Host: "pbx.example.com", Edge: "frankfort"}, document.SeverityError, "edge-unknown", "targets[0].edge", `Unknown edge "frankfort": did you mean frankfurt?`},
		{"Frankfurt", document.Target{Host: "pbx.example.com", Edge: "Frankfurt"}, document.SeverityError, "edge-unknown", "targets[0].edge", `Edge "Frankfurt": edge names are lowercase, write frankfurt.`},
		{"sanjose", document.Target{Host: "pbx.example.com", Edge: "sanjose"}, document.SeverityError, "edge-unknown", "targets[0].edge", `Unknown edge "sanjose": did you mean umatilla (US West (Oregon)) or san-jose-ix (Interconnect, Oregon)?`},
		{"sao_paulo", document.Target{Host: "pbx.example.com", Edge: "sao_paulo"}, document.SeverityError, "edge-unknown", "targets[0].edge", `Unknown edge "sao_paulo": did you mean sao-paulo?`},
		{"a region as the edge", document.Target{Host: "pbx.example.com", Edge: "de1"}, document.SeverityError, "edge-unknown", "targets[0].edge", `Edge "de1": that is a legacy region's name, de1, which is edge frankfurt: write edge frankfurt, or put de1 in Region.`},
		{"nothing close", document.Target{Host: "pbx.example.com", Edge: "mars"}, document.SeverityError, "edge-unknown", "targets[0].edge", `Unknown edge "mars": use one of ashburn, umatilla,`},
		{"a region with a hyphen", document.Target{Host: "pbx.example.com", Region: "de-1"}, document.SeverityError, "region-unknown", "targets[0].region", `Region "de-1": did you mean de1 (or better, the edge frankfurt)?`},
		{"an edge as the region", document.Target{Host: "pbx.example.com", Region: "frankfort"}, document.SeverityError, "region-unknown", "targets[0].region", `Unknown legacy region "frankfort": did you mean de1 (edge frankfurt)?`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := one(tc.t)
			diags := Document(doc, resolve.Document(doc))
			if !composetest.HasDiag(diags, tc.sev, tc.code, tc.field, tc.phrase) {
				t.Errorf("no %s %s at %s with %q: %+v", tc.sev, tc.code, tc.field, tc.phrase, diags)
			}
			if n := len(byCodeField(diags, tc.code, tc.field)); n != 1 {
				t.Errorf("%d %s at %s, want 1", n, tc.code, tc.field)
			}
		})
	}
}

// Real values are not placeholders, and the characters Twilio's own
// examples encode get no note.
func TestRealValuesAreNotPlaceholders(t *testing.T) {
	for _, tg := range []document.Target{
		{User: "alice", Host: "pbx.example.com"},
		{User: "+14158675309", Host: "sip.vapi.ai"},
		{User: "josé", Host: "203.0.113.10"},
		{User: "agent$5", Host: "[2001:db8::1]"},
		{User: "100%", Host: "static.1.2.3.4.clients.your-server.de"},
		{User: "{{To}}", Host: "customer.example.net"},
		{User: "0xABC", Host: "xxx.example.com"},
		{Host: "pbx.example.com", Headers: []document.Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}, {Name: "X-Case", Value: "{{Case}}"}}},
	} {
		doc := one(tg)
		for _, d := range Document(doc, resolve.Document(doc)) {
			switch d.Code {
			case "placeholder", "header-value-encoded", "host-invalid", "user-invalid":
				t.Errorf("%+v: %+v", tg, d)
			}
		}
	}
}
