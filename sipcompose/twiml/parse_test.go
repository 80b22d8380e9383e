package twiml

import (
	"reflect"
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
)

// parseDiagCase is TwiML and one diagnostic its import must give.
type parseDiagCase struct {
	name, in string
	severity document.Severity
	code     string
	field    string
	phrase   string
}

func checkParseDiags(t *testing.T, tests []parseDiagCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Parse(tc.in)
			if !composetest.HasDiag(diags, tc.severity, tc.code, tc.field, tc.phrase) {
				t.Errorf("no %s %s on %q with %q; got %+v", tc.severity, tc.code, tc.field, tc.phrase, diags)
			}
		})
	}
}

func TestParseDiagnostics(t *testing.T) {
	checkParseDiags(t, []parseDiagCase{
		{"empty", "", document.SeverityError, "parse-empty", "", "<Response>"},
		{"blank", " \n\t ", document.SeverityError, "parse-empty", "", "Nothing to import"},
		{"too large", "<Response>" + strings.Repeat(" ", MaxInput) + "</Response>", document.SeverityError, "parse-too-large", "", "at most 1048576"},
		{"syntax", "<Response>\n  <Dial><Sip>sip:a@b</Sip>\n</Dail></Response>", document.SeverityError, "parse-xml", "", "Line 3, column 1: </Dail> does not close <Dial>, which is opened at line 2, column 3."},
		{"unclosed", "<Response>\n<Dial>", document.SeverityError, "parse-xml", "", "Line 2, column 1: <Dial> is opened here and never closed"},
		{"raw ampersand", "<Response><Dial><Sip>sip:a@b?X-A=1&X-B=2</Sip></Dial></Response>", document.SeverityError, "parse-raw-ampersand", "targets[0].headers", "Line 1, column 35: a raw & in the text of <Sip>."},
		{"undefined entity", "<Response><Dial><Sip>sip:a@b?X-A=1&X-B;</Sip></Dial></Response>", document.SeverityError, "parse-xml", "", "Line 1, column 35: &X-B; is not an entity XML knows"},
		{"too deep", "<Response>" + strings.Repeat("<a>", 1100) + strings.Repeat("</a>", 1100) + "</Response>", document.SeverityError, "parse-xml", "", "maximum depth"},
		{"not xml", "sip:alice@example.com", document.SeverityError, "parse-no-response", "", "Host field"},
		{"root case", "<response><Dial><Sip>sip:a@b</Sip></Dial></response>", document.SeverityError, "parse-no-response", "", "case-sensitive: write <Response>"},
		{"dial case", "<Response><dial><Sip>sip:a@b</Sip></dial></Response>", document.SeverityWarning, "parse-not-kept", "", "<dial> is not part of a SIP dial and was not kept. TwiML names are case-sensitive: write <Dial>."},
		{"sip case", "<Response><Dial><SIP>sip:a@b</SIP></Dial></Response>", document.SeverityError, "parse-rejected", "targets", "<SIP> inside <Dial>: Twilio's <Dial> takes only the nouns <Application>, <Client>, <Conference>, <Number>, <Queue>, <Sim>, <WhatsApp> and <Sip>. Twilio does not say whether it rejects the call for another element or ignores it (warning 12200, schema validation); either way the element does nothing. It was not kept. TwiML names are case-sensitive: write <Sip>."},
		{"namespaced dial", "<Response xmlns:t='urn:t'><t:Dial><Sip>sip:a@b</Sip></t:Dial></Response>", document.SeverityWarning, "parse-not-kept", "", "<t:Dial> is not part"},
		{"attribute case", `<Response><Dial Timeout="5"><Sip>sip:a@b</Sip></Dial></Response>`, document.SeverityWarning, "parse-attribute-not-kept", "dial", "case-sensitive and Twilio ignores this one; write timeout"},
		{"sip attribute case", `<Response><Dial><Sip userName="u">sip:a@b</Sip></Dial></Response>`, document.SeverityWarning, "parse-attribute-not-kept", "targets[0]", "write username"},
		{"text after root", "<Response><Dial><Sip>sip:a@b</Sip></Dial></Response>\n<Say>x</Say> trailing ", document.SeverityWarning, "parse-not-kept", "", `"trailing" after </Response>`},
		{"root", "<Dial><Sip>sip:a@b</Sip></Dial>", document.SeverityError, "parse-no-response", "", "starts with <Dial>"},
		{"no dial", "<Response><Say>hi</Say></Response>", document.SeverityError, "parse-no-dial", "", "No <Dial>"},
		{"other verb", "<Response><Say>hi</Say><Dial><Sip>sip:a@b</Sip></Dial></Response>", document.SeverityWarning, "parse-not-kept", "", "<Say>"},
		{"second dial", "<Response><Dial><Sip>sip:a@b</Sip></Dial><Dial><Sip>sip:c@d</Sip></Dial></Response>", document.SeverityWarning, "parse-not-kept", "", "first <Dial>"},
		{"verbs counted", "<Response><Say>a</Say><Pause/><Say>b</Say><Dial><Sip>sip:a@b</Sip></Dial><Say>c</Say></Response>", document.SeverityWarning, "parse-not-kept", "", "<Say> (3 of them) is not part"},
		{"later dials counted", "<Response><Dial><Sip>sip:a@b</Sip></Dial><Dial/><Dial/></Response>", document.SeverityWarning, "parse-not-kept", "", "2 later <Dial>s were not kept"},
		{"nouns counted", "<Response><Dial><Number>1</Number><Sip>sip:a@b</Sip><Number>2</Number></Dial></Response>", document.SeverityWarning, "parse-not-kept", "targets", "<Number> (2 of them) inside <Dial>"},
		{"second root", "<Response><Dial><Sip>sip:a@b</Sip></Dial></Response><Response/>", document.SeverityWarning, "parse-not-kept", "", "after </Response>"},
		{"number noun", "<Response><Dial><Number>+1</Number><Sip>sip:a@b</Sip></Dial></Response>", document.SeverityWarning, "parse-not-kept", "targets", "<Number>"},
		{"client noun", "<Response><Dial><Sip>sip:a@b</Sip><Client>bob</Client></Dial></Response>", document.SeverityWarning, "parse-not-kept", "targets", "<Client>"},
		{"dial text", "<Response><Dial>+14155550100</Dial></Response>", document.SeverityWarning, "parse-not-kept", "dial", "+14155550100"},
		{"dial text after sip", "<Response><Dial>\n  <Sip>sip:a@b</Sip>\n  +14155550100\n</Dial></Response>", document.SeverityWarning, "parse-not-kept", "dial", `"+14155550100"`},
		{"no sip", "<Response><Dial></Dial></Response>", document.SeverityError, "parse-no-sip", "targets", "no <Sip>"},
		{"other sip child", "<Response><Dial><Sip>sip:a@b<Param/><Param/></Sip></Dial></Response>", document.SeverityError, "parse-rejected", "targets[0]", "<Sip><Param> (2 of them): Twilio's <Sip> holds its SIP URI as text, and Twilio's helper libraries add only <Uri> and <Headers>. For another element Twilio may reject the call, as it rejects every call whose <Sip> holds a <SipHeader> (\"Dial->Sip: Invalid SIP URI\", error 13243), or ignore it; Twilio does not say which. It was not kept."},
		{"sip child case", "<Response><Dial><Sip><URI>sip:a@b</URI></Sip></Dial></Response>", document.SeverityError, "parse-rejected", "targets[0]", "write <Uri>"},
		{"unknown dial attribute", `<Response><Dial foo="1"><Sip>sip:a@b</Sip></Dial></Response>`, document.SeverityWarning, "parse-attribute-not-kept", "dial", `<Dial foo="1">`},
		{"unknown sip attribute", `<Response><Dial><Sip sendDigits="1"><![CDATA[sip:a@b]]></Sip></Dial></Response>`, document.SeverityWarning, "parse-attribute-not-kept", "targets[0]", "sendDigits"},
		{"number attribute", `<Response><Dial timeout="soon"><Sip>sip:a@b</Sip></Dial></Response>`, document.SeverityError, "parse-number", "dial.timeout", `"soon" is not a whole number`},
		{"sip number attribute", `<Response><Dial><Sip machineDetectionTimeout="4.5">sip:a@b</Sip></Dial></Response>`, document.SeverityError, "parse-number", "targets[0].machineDetectionTimeout", "whole number"},
		{"huge number", `<Response><Dial timeLimit="99999999999999999999"><Sip>sip:a@b</Sip></Dial></Response>`, document.SeverityError, "parse-number", "dial.timeLimit", "far too large"},
		{"repeated attribute", `<Response><Dial timeout="5" callerId="c" timeout="6"><Sip>sip:a@b</Sip></Dial></Response>`, document.SeverityWarning, "parse-attribute-repeated", "dial", `<Dial> has timeout 2 times, which XML does not allow; the last one ("6") was kept.`},
		{"repeated sip attribute", `<Response><Dial><Sip/><Sip url="/a" url="/b" url="/c">sip:a@b</Sip></Dial></Response>`, document.SeverityWarning, "parse-attribute-repeated", "targets[1]", `url 3 times`},
		{"bool attribute", `<Response><Dial sequential="yes"><Sip>sip:a@b</Sip></Dial></Response>`, document.SeverityError, "parse-bool", "dial.sequential", "true or false"},
		{"uri diagnostics get the target's path", `<Response><Dial><Sip>sip:a@b</Sip><Sip>sip:a@b:0</Sip></Dial></Response>`, document.SeverityError, "port-invalid", "targets[1].port", "1 to 65535"},
		{"header diagnostics get the target's path", `<Response><Dial><Sip>sip:a@b</Sip><Sip>sip:a@b?X-A=%zz</Sip></Dial></Response>`, document.SeverityError, "uri-escape", "targets[1].headers[0].value", "32112"},
		{"empty sip", "<Response><Dial><Sip>  </Sip></Dial></Response>", document.SeverityError, "uri-empty", "targets[0].host", "empty"},
		{"sips", "<Response><Dial><Sip>sips:a@b</Sip></Dial></Response>", document.SeverityWarning, "uri-sips", "targets[0].transport", "rewrites"},
		{"amp escaped twice", "<Response><Dial><Sip>sip:a@b?X-A=1&amp;amp;X-B=2</Sip></Dial></Response>", document.SeverityWarning, "uri-xml-escaped-twice", "targets[0].headers", "Go samples"},
	})
}

func TestParseTwilioExample(t *testing.T) {
	// As in Twilio's docs: whitespace around the URI, single-quoted
	// attributes, an encoding the pasted text no longer has.
	in := `<?xml version="1.0" encoding="ISO-8859-1"?>
<Response>
    <!-- ring the PBX -->
    <Dial answerOnBridge='true' callerId="+14155550100" recordingStatusCallbackEvent=" in-progress  completed ">
        <Sip username="admin" password="1234" statusCallbackEvent="initiated ringing">
            sip:jack@example.com?x-myotherheader=bar
        </Sip>
    </Dial>
</Response>`
	doc, diags := Parse(in)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %+v", diags)
	}
	want := document.Document{
		Dial: document.Dial{AnswerOnBridge: true, CallerID: "+14155550100", RecordingStatusCallbackEvent: []string{"in-progress", "completed"}},
		Targets: []document.Target{{User: "jack", Host: "example.com", Headers: []document.Header{{Name: "x-myotherheader", Value: "bar"}},
			Username: "admin", Password: "1234", StatusCallbackEvent: []string{"initiated", "ringing"}}},
	}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("got %+v\nwant %+v", doc, want)
	}
}

// Namespace declarations carry no data and a comment splits no URI: both
// import without a word.
func TestParseQuietAboutXMLDetails(t *testing.T) {
	in := `<Response xmlns="urn:twiml"><Dial xmlns:x="urn:x"><Sip>sip:a@b.example.com<!-- ext -->?X-A=1</Sip></Dial></Response>`
	doc, diags := Parse(in)
	if len(diags) != 0 {
		t.Errorf("diagnostics: %+v", diags)
	}
	want := document.Document{Targets: []document.Target{{User: "a", Host: "b.example.com", Headers: []document.Header{{Name: "X-A", Value: "1"}}}}}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("got %+v\nwant %+v", doc, want)
	}
}

// What import cannot keep must not stop it from keeping the rest.
func TestParseKeepsWhatItCan(t *testing.T) {
	in := `<Response><Say>Connecting</Say><Dial timeout="x" callerId="c"><Number>+1</Number><Sip foo="bar" url="/s">sip:a@b.example.com;lr;edge=tokyo</Sip></Dial><Hangup/></Response>`
	doc, diags := Parse(in)
	want := document.Document{Dial: document.Dial{CallerID: "c"}, Targets: []document.Target{{User: "a", Host: "b.example.com", Edge: "tokyo", URL: "/s"}}}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("got %+v\nwant %+v", doc, want)
	}
	var codes []string
	for _, d := range diags {
		codes = append(codes, d.Field+" "+d.Code)
	}
	wantCodes := []string{" parse-not-kept", " parse-not-kept", "dial.timeout parse-number", "targets[0].host uri-param-unknown", "targets[0] parse-attribute-not-kept", "targets parse-not-kept"}
	if !reflect.DeepEqual(codes, wantCodes) {
		t.Errorf("diagnostics %q, want %q", codes, wantCodes)
	}
}

// Import of the largest input it accepts, shaped to stress each stage:
// XML checks, many elements, and a <Sip> escaped again and again.
func BenchmarkParseLargest(b *testing.B) {
	fill := func(prefix, unit, suffix string) string {
		return prefix + strings.Repeat(unit, (MaxInput-len(prefix)-len(suffix))/len(unit)) + suffix
	}
	inputs := map[string]string{
		"headers":  fill("<Response><Dial><Sip>sip:a@b.example.com?", "X-A=%41&amp;", "</Sip></Dial></Response>"),
		"amp":      fill("<Response><Dial><Sip>sip:a@b.example.com?X-A=1&amp;", "amp;", "X-B=2</Sip></Dial></Response>"),
		"elements": fill("<Response>", "<Say/>", "<Dial><Sip>sip:a@b.example.com</Sip></Dial></Response>"),
		"targets":  fill("<Response><Dial>", "<Sip>sip:a@b.example.com</Sip>", "</Dial></Response>"),
	}
	for name, in := range inputs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				Parse(in)
			}
		})
	}
}
