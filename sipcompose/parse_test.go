package sipcompose

import (
	"reflect"
	"strings"
	"testing"
)

// roundTripDocs are documents whose TwiML must survive Parse unchanged.
func roundTripDocs() []Document {
	docs := []Document{fullDocument()}
	for _, f := range twilioForms {
		docs = append(docs, Document{Targets: []Target{f.t}})
	}
	return append(docs,
		Document{Dial: Dial{Sequential: true}, Targets: []Target{{User: "a b@c", Host: "[2001:db8::1]", Port: 5080}, {Host: "h.example.com", UUI: UUI{Data: "hi", Encoding: "utf8", XPrefix: true}}}},
		Document{Targets: []Target{{User: "x", Host: "y.example.com", Headers: []Header{{"X-Odd", "]]> & < > \" ' ; = ? % 📞 עברית"}}}}},
	)
}

func TestRoundTrip(t *testing.T) {
	for i, d := range roundTripDocs() {
		first := Compose(d)
		parsed, diags := Parse(first.TwiML)
		for _, x := range diags {
			if x.Severity == SeverityError {
				t.Errorf("document %d: %+v", i, x)
			}
		}
		if again := Compose(parsed).TwiML; again != first.TwiML {
			t.Errorf("document %d: compose→parse→compose changed the TwiML:\n%s\nwant\n%s", i, again, first.TwiML)
		}
		if !reflect.DeepEqual(parsed.Targets[0].Headers, d.Targets[0].Headers) {
			t.Errorf("document %d: headers %q, want %q", i, parsed.Targets[0].Headers, d.Targets[0].Headers)
		}
	}
}

func TestParseURI(t *testing.T) {
	tests := []struct {
		in   string
		want Target
	}{
		{"sip:jack@example.com?x-myotherheader=bar", Target{User: "jack", Host: "example.com", Headers: []Header{{"x-myotherheader", "bar"}}}},
		{"  jack@example.com\n", Target{User: "jack", Host: "example.com"}},
		{"sip:+14158675309@your.domain?X-customName=Bob%2CShield%2BTitle%2DManager&amp;X-otherHeader=true",
			Target{User: "+14158675309", Host: "your.domain", Headers: []Header{{"X-customName", "Bob,Shield+Title-Manager"}, {"X-otherHeader", "true"}}}},
		{"sip:jack@example.com?User-to-User=123456789%3Bencoding%3Dhex&x-myotherheader=bar",
			Target{User: "jack", Host: "example.com", UUI: UUI{Data: "123456789"}, Headers: []Header{{"x-myotherheader", "bar"}}}},
		{"sip:jack@example.com?x-user-to-user=AB;encoding=hex", Target{User: "jack", Host: "example.com", UUI: UUI{Data: "AB", XPrefix: true}}},
		{"SIP:alice@example.com;region=de1;edge=frankfurt;transport=TCP;secure=true",
			Target{User: "alice", Host: "example.com", Region: "de1", Edge: "frankfurt", Transport: "tcp", Secure: true}},
		{"sips:bob@pbx.example.com:5071", Target{User: "bob", Host: "pbx.example.com", Port: 5071, Transport: "tls"}},
		{"sip:[2001:db8::1]:5062", Target{Host: "[2001:db8::1]", Port: 5062}},
		{"sip:pbx.example.com", Target{Host: "pbx.example.com"}},
	}
	for _, tc := range tests {
		got, diags := ParseURI(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseURI(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
		for _, d := range diags {
			if d.Severity == SeverityError {
				t.Errorf("ParseURI(%q): %+v", tc.in, d)
			}
		}
	}
}

func TestParseURIDiagnostics(t *testing.T) {
	tests := []struct{ in, code, field, phrase string }{
		{"", "uri-empty", "host", "empty"},
		{"tel:+14155550100", "uri-scheme", "host", "only sip:"},
		{"sips:a@b.example.com", "uri-sips", "transport", "transport=tls"},
		{"sip:a:pw@b.example.com", "uri-password", "user", "not kept"},
		{"sip:a@b.example.com:99999", "port-invalid", "port", "1 to 65535"},
		{"sip:a@b.example.com;lr", "uri-param-unknown", "host", ";lr"},
		{"sip:a@b.example.com?X-A=%zz", "uri-escape", "headers[0].value", "32112"},
		{"sip:a@b.example.com?X-A=1&amp;X-B=2", "uri-xml-escaped", "headers", "&amp;"},
		{"sip:a@b.example.com?User-to-User=AB", "uui-encoding-added", "uui.encoding", "encoding=hex"},
		{"sip:a@", "host-missing", "host", "no host"},
	}
	for _, tc := range tests {
		_, diags := ParseURI(tc.in)
		if !hasDiag(diags, tc.code, tc.field, tc.phrase) {
			t.Errorf("ParseURI(%q): no %s on %q with %q; got %+v", tc.in, tc.code, tc.field, tc.phrase, diags)
		}
	}
}

func hasDiag(diags []Diagnostic, code, field, phrase string) bool {
	for _, d := range diags {
		if d.Code == code && d.Field == field && strings.Contains(d.Message, phrase) && d.Message != "" {
			return true
		}
	}
	return false
}

func TestParseDiagnostics(t *testing.T) {
	tests := []struct{ name, in, code, field, phrase string }{
		{"empty", "  ", "parse-empty", "", "<Response>"},
		{"too large", "<Response>" + strings.Repeat(" ", MaxTwiMLInput) + "</Response>", "parse-too-large", "", "at most"},
		{"syntax", "<Response>\n  <Dial><Sip>sip:a@b</Sip>\n</Dail></Response>", "parse-xml", "", "Line 3, column 8"},
		{"root", "<Dial><Sip>sip:a@b</Sip></Dial>", "parse-no-response", "", "<Dial>"},
		{"no dial", "<Response><Say>hi</Say></Response>", "parse-no-dial", "", "No <Dial>"},
		{"other verb", "<Response><Say>hi</Say><Dial><Sip>sip:a@b</Sip></Dial></Response>", "parse-not-kept", "", "<Say>"},
		{"second dial", "<Response><Dial><Sip>sip:a@b</Sip></Dial><Dial><Sip>sip:c@d</Sip></Dial></Response>", "parse-not-kept", "", "first <Dial>"},
		{"number noun", "<Response><Dial><Number>+1</Number><Sip>sip:a@b</Sip></Dial></Response>", "parse-not-kept", "targets", "<Number>"},
		{"dial text", "<Response><Dial>+14155550100</Dial></Response>", "parse-not-kept", "dial", "+14155550100"},
		{"no sip", "<Response><Dial></Dial></Response>", "parse-no-sip", "targets", "no <Sip>"},
		{"sip children", "<Response><Dial><Sip><Uri>sip:a@b</Uri></Sip></Dial></Response>", "parse-not-kept", "targets[0]", "<Uri>"},
		{"unknown attribute", `<Response><Dial foo="1"><Sip>sip:a@b</Sip></Dial></Response>`, "parse-attribute-not-kept", "dial", `foo="1"`},
		{"number attribute", `<Response><Dial timeout="soon"><Sip>sip:a@b</Sip></Dial></Response>`, "parse-number", "dial.timeout", "whole number"},
		{"bool attribute", `<Response><Dial sequential="yes"><Sip>sip:a@b</Sip></Dial></Response>`, "parse-bool", "dial.sequential", "true or false"},
		{"uri diagnostics get the target's path", `<Response><Dial><Sip>sip:a@b</Sip><Sip>sip:a@b:0</Sip></Dial></Response>`, "port-invalid", "targets[1].port", "1 to 65535"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Parse(tc.in)
			if !hasDiag(diags, tc.code, tc.field, tc.phrase) {
				t.Errorf("no %s on %q with %q; got %+v", tc.code, tc.field, tc.phrase, diags)
			}
		})
	}
}

func TestParseTwilioExample(t *testing.T) {
	// As in Twilio's docs: whitespace around the URI, single-quoted attributes.
	in := `<?xml version="1.0" encoding="UTF-8"?>
<Response>
    <Dial answerOnBridge='true' callerId="+14155550100">
        <Sip username="admin" password="1234">
            sip:jack@example.com?x-myotherheader=bar
        </Sip>
    </Dial>
</Response>`
	doc, diags := Parse(in)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %+v", diags)
	}
	want := Document{
		Dial:    Dial{AnswerOnBridge: true, CallerID: "+14155550100"},
		Targets: []Target{{User: "jack", Host: "example.com", Headers: []Header{{"x-myotherheader", "bar"}}, Username: "admin", Password: "1234"}},
	}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("got %+v\nwant %+v", doc, want)
	}
}

func TestWithURIKeepsSipAttributes(t *testing.T) {
	old := Target{Host: "old.example.com", Username: "u", Password: "p", StatusCallback: "/s", Headers: []Header{{"X-Old", "1"}}}
	u, _ := ParseURI("sip:bob@new.example.com;edge=tokyo?X-New=2")
	got := WithURI(old, u)
	want := Target{User: "bob", Host: "new.example.com", Edge: "tokyo", Headers: []Header{{"X-New", "2"}}, Username: "u", Password: "p", StatusCallback: "/s"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
