package twiml

import (
	"reflect"
	"strings"
	"testing"

	twiliogo "github.com/twilio/twilio-go/twiml"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/sipuri"
)

// What Twilio's helper libraries write inside <Sip> and on <Dial> is kept
// as written, not reported as unknown.
func TestParseHelperLibraryForms(t *testing.T) {
	tests := []struct {
		name, in string
		want     document.Document
	}{
		{"one uri, as twilio-go 1.30 writes it",
			`<Response><Dial><Sip><Uri>sip:alice@example.com</Uri></Sip></Dial></Response>`,
			document.Document{Targets: []document.Target{{URIs: []document.SipURI{{URI: "sip:alice@example.com"}}}}}},
		{"uris with every attribute, in order",
			`<Response><Dial><Sip>
			  <Uri priority="1" weight="10" username="u" password="p&amp;w">sip:a@one.example.com?X-A=1&amp;X-B=2</Uri>
			  <Uri priority="0" weight="0">sip:b@two.example.com</Uri>
			</Sip></Dial></Response>`,
			document.Document{Targets: []document.Target{{URIs: []document.SipURI{
				{URI: "sip:a@one.example.com?X-A=1&X-B=2", Priority: "1", Weight: "10", Username: "u", Password: "p&w"},
				{URI: "sip:b@two.example.com", Priority: "0", Weight: "0"},
			}}}}},
		{"headers as elements beside a uri text",
			`<Response><Dial><Sip username="t" password="s">sip:a@b.example.com?X-In-Uri=1<Headers><Header name="X-A" value="a b;c"/><Header name="User-To-User" value="hello;encoding=hex"/></Headers></Sip></Dial></Response>`,
			document.Document{Targets: []document.Target{{User: "a", Host: "b.example.com", Headers: []document.Header{{Name: "X-In-Uri", Value: "1"}},
				HeaderElements: []document.Header{{Name: "X-A", Value: "a b;c"}, {Name: "User-To-User", Value: "hello;encoding=hex"}}, Username: "t", Password: "s"}}}},
		{"two headers elements, uri and headers together",
			`<Response><Dial><Sip><Headers><Header name="X-A" value="1"/></Headers><Uri>sip:a@b.example.com</Uri><Headers><Header name="X-B" value=""/></Headers></Sip></Dial></Response>`,
			document.Document{Targets: []document.Target{{URIs: []document.SipURI{{URI: "sip:a@b.example.com"}}, HeaderElements: []document.Header{{Name: "X-A", Value: "1"}, {Name: "X-B", Value: ""}}}}}},
		{"every attribute twilio-go defines for <Dial>",
			`<Response><Dial recordingConfigurationId="JX123" events="call-progress-event" passports="eyJh,eyJi"><Sip>sip:a@b.example.com</Sip></Dial></Response>`,
			document.Document{Dial: document.Dial{RecordingConfigurationID: "JX123", Events: "call-progress-event", Passports: "eyJh,eyJi"}, Targets: []document.Target{{User: "a", Host: "b.example.com"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, diags := Parse(tc.in)
			if len(diags) != 0 {
				t.Errorf("diagnostics: %+v", diags)
			}
			if !reflect.DeepEqual(doc, tc.want) {
				t.Errorf("got  %+v\nwant %+v", doc, tc.want)
			}
		})
	}
}

// Import never changes or drops a value without saying so.
func TestParseSaysWhatItChanges(t *testing.T) {
	// 26 UUIDs joined by "-": 961 characters, 967 for the headers part in
	// the compact form, 1225 in the documented one.
	uuid := "123e4567-e89b-12d3-a456-426614174000"
	ids := strings.TrimSuffix(strings.Repeat(uuid+"-", 26), "-")
	sip := func(uri string) string { return "<Response><Dial><Sip>" + uri + "</Sip></Dial></Response>" }
	checkParseDiags(t, []parseDiagCase{
		{"dial timeout 0", `<Response><Dial timeout="0"><Sip>sip:a@b</Sip></Dial></Response>`, document.SeverityWarning, "parse-zero", "dial.timeout",
			`timeout="0": Twilio takes a positive number of seconds, 5 to 600 (warning 13212), so 0 is not a value it uses. It was not kept: the TwiML here leaves timeout out, and Twilio's default (30 s) applies.`},
		{"time limit 0", `<Response><Dial timeLimit=" 0 "><Sip>sip:a@b</Sip></Dial></Response>`, document.SeverityWarning, "parse-zero", "dial.timeLimit", "warning 13216"},
		{"amd timeout 0", `<Response><Dial><Sip machineDetectionTimeout="0">sip:a@b</Sip></Dial></Response>`, document.SeverityWarning, "parse-zero", "targets[0].machineDetectionTimeout", "3 to 60 seconds"},
		{"amd silence 00", `<Response><Dial><Sip machineDetectionSilenceTimeout="00">sip:a@b</Sip></Dial></Response>`, document.SeverityWarning, "parse-zero", "targets[0].machineDetectionSilenceTimeout", "(5000 ms)"},
		{"answerOnBridge True", `<Response><Dial answerOnBridge="True"><Sip>sip:a@b</Sip></Dial></Response>`, document.SeverityError, "parse-bool", "dial.answerOnBridge",
			`answerOnBridge="True": Twilio takes exactly true or false, in lowercase (warning 13219: answerOnBridge must be "true" or "false"), so it does not read "True" as true. It was read as false, Twilio's default. If you meant it, write answerOnBridge="true".`},
		{"hangupOnStar 1", `<Response><Dial hangupOnStar="1"><Sip>sip:a@b</Sip></Dial></Response>`, document.SeverityError, "parse-bool", "dial.hangupOnStar", "warning 13213"},
		{"explicit false", `<Response><Dial sequential="false"><Sip>sip:a@b</Sip></Dial></Response>`, document.SeverityInfo, "parse-default", "dial.sequential", "leaves it out, which means the same"},
		{"escaped = in a name", sip("sip:bob@example.com?x-foo%3Dbar"), document.SeverityWarning, "uri-header-equals-escaped", "targets[0].headers[0]", "writes x-foo=bar"},
		{"raw ; after ?", sip("sip:a@b.example.com?hatchkey=4815162342;transport=TCP"), document.SeverityWarning, "uri-header-semicolon", "targets[0].headers[0].value", ";transport=TCP does not apply"},
		{"headers too long as written", sip("sip:a@b.example.com?X-Ids=" + sipuri.PercentEncode(ids)), document.SeverityError, "headers-too-long", "targets[0].headers", "As written, the headers part of the URI is 1225 characters"},
		{"uri too long as written", sip("sip:" + strings.Repeat("a", 250) + "@b.example.com"), document.SeverityError, "uri-too-long", "targets[0].host", "As written, the SIP URI (without headers) is 268 characters"},
		{"unknown uri attribute", `<Response><Dial><Sip><Uri Priority="1" foo="2">sip:a@b</Uri></Sip></Dial></Response>`, document.SeverityWarning, "parse-attribute-not-kept", "targets[0].uris[0]", "write priority"},
		{"repeated uri attribute", `<Response><Dial><Sip><Uri weight="1" weight="2">sip:a@b</Uri></Sip></Dial></Response>`, document.SeverityWarning, "parse-attribute-repeated", "targets[0].uris[0]", `the last one ("2")`},
		{"uri with children", `<Response><Dial><Sip><Uri>sip:a@b<Headers/></Uri></Sip></Dial></Response>`, document.SeverityError, "parse-rejected", "targets[0].uris[0]", "<Uri><Headers>: Twilio's helper libraries give <Uri> no child elements. Twilio does not say whether it rejects the call"},
		{"unknown header attribute", `<Response><Dial><Sip>sip:a@b<Headers><Header name="X-A" Value="1"/></Headers></Sip></Dial></Response>`, document.SeverityWarning, "parse-attribute-not-kept", "targets[0].headerElements[0]", "write value"},
		{"header text", `<Response><Dial><Sip>sip:a@b<Headers><Header name="X-A">1</Header></Headers></Sip></Dial></Response>`, document.SeverityWarning, "parse-not-kept", "targets[0].headerElements[0].value", "value attribute"},
		{"empty header", `<Response><Dial><Sip>sip:a@b<Headers><Header/></Headers></Sip></Dial></Response>`, document.SeverityWarning, "parse-not-kept", "targets[0]", "no name and no value"},
		{"headers other child", `<Response><Dial><Sip>sip:a@b<Headers><header name="X-A"/></Headers></Sip></Dial></Response>`, document.SeverityError, "parse-rejected", "targets[0]", "write <Header>"},
		{"headers text", `<Response><Dial><Sip>sip:a@b<Headers>X-A=1</Headers></Sip></Dial></Response>`, document.SeverityWarning, "parse-not-kept", "targets[0]", `<Headers> had text ("X-A=1")`},
		{"headers attribute", `<Response><Dial><Sip>sip:a@b<Headers count="1"/></Sip></Dial></Response>`, document.SeverityWarning, "parse-attribute-not-kept", "targets[0]", `<Headers count="1">`},
		{"no uri at all", `<Response><Dial><Sip><Headers/></Sip></Dial></Response>`, document.SeverityError, "uri-empty", "targets[0].host", "empty"},
	})
}

// The compact form of those 26 UUIDs fits as written, and import says
// nothing about its length.
func TestParseMeasuresAsWritten(t *testing.T) {
	ids := strings.TrimSuffix(strings.Repeat("123e4567-e89b-12d3-a456-426614174000-", 26), "-")
	for _, in := range []string{
		"<Response><Dial><Sip>sip:a@b.example.com?X-Ids=" + ids + "</Sip></Dial></Response>",
		"<Response><Dial><Sip><Uri>sip:a@b.example.com?X-Ids=" + ids + "</Uri></Sip></Dial></Response>",
	} {
		doc, diags := Parse(in)
		for _, d := range diags {
			if d.Severity != document.SeverityInfo {
				t.Errorf("%d characters of headers: %+v", len("X-Ids=")+len(ids), d)
			}
		}
		if len(doc.Targets) != 1 {
			t.Fatalf("got %+v", doc)
		}
	}
}

// twilio-go's own <Uri> and <Headers> import as what it meant, and compose
// gives them back.
func TestParseTwilioGoSipChildren(t *testing.T) {
	sip := &twiliogo.VoiceSip{StatusCallback: "https://example.com/s", InnerElements: []twiliogo.Element{
		&twiliogo.VoiceUri{SipUrl: "sip:alice@example.com", Priority: "1", Weight: "10", Username: "u", Password: "p"},
		&twiliogo.VoiceUri{SipUrl: "sip:bob@example.com", Priority: "2"},
		&twiliogo.VoiceHeaders{InnerElements: []twiliogo.Element{&twiliogo.VoiceHeader{Name: "X-Account", Value: "ACME & Sons"}}},
	}}
	xml, err := twiliogo.Voice([]twiliogo.Element{&twiliogo.VoiceDial{Events: "call-progress-event", RecordingConfigurationId: "JX1", InnerElements: []twiliogo.Element{sip}}})
	if err != nil {
		t.Fatal(err)
	}
	doc, diags := Parse(xml)
	if len(diags) != 0 {
		t.Errorf("%s: %+v", xml, diags)
	}
	want := document.Document{Dial: document.Dial{Events: "call-progress-event", RecordingConfigurationID: "JX1"}, Targets: []document.Target{{
		URIs:           []document.SipURI{{URI: "sip:alice@example.com", Priority: "1", Weight: "10", Username: "u", Password: "p"}, {URI: "sip:bob@example.com", Priority: "2"}},
		HeaderElements: []document.Header{{Name: "X-Account", Value: "ACME & Sons"}}, StatusCallback: "https://example.com/s",
	}}}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("%s\nread as %+v\nwant    %+v", xml, doc, want)
	}
	again, _ := Parse(rendered(doc))
	if !reflect.DeepEqual(again, want) {
		t.Errorf("composed and read again as %+v", again)
	}
}

// What Twilio rejects inside <Dial> and <Sip> is an error, not a note: a
// header where Twilio takes none is read as meant and said where it
// belongs; another element is named and not kept.
func TestParseRejectedElements(t *testing.T) {
	tests := []struct {
		name, in      string
		field, phrase string
		want          []document.Header // the target's URI headers
		elements      []document.Header // its <Header> elements
	}{
		{"a <SipHeader> as published", `<Response><Dial><Sip>sip:a@b<SipHeader name="X-A">1</SipHeader></Sip></Dial></Response>`,
			"targets[0].headers[0]", `<SipHeader name="X-A"> inside <Sip>: Twilio rejects this <Sip> on every call ("Dial->Sip: Invalid SIP URI", error 13243), since <SipHeader> is no TwiML element. A custom header goes in the SIP URI (?X-A=…) or in <Headers><Header name="X-A" value="…"/></Headers>. It was read as the URI header X-A, which the TwiML composed here writes in the URI.`,
			[]document.Header{{Name: "X-A", Value: "1"}}, nil},
		{"a <SipHeader> after URI headers, with a value attribute", `<Response><Dial><Sip>sip:a@b?X-Z=9<SipHeader name="X-A" value="a b"/></Sip></Dial></Response>`,
			"targets[0].headers[1]", "error 13243", []document.Header{{Name: "X-Z", Value: "9"}, {Name: "X-A", Value: "a b"}}, nil},
		{"a <Header> without <Headers>", `<Response><Dial><Sip>sip:a@b<Header name="X-A" value="1"/></Sip></Dial></Response>`,
			"targets[0].headerElements[0]", `<Header name="X-A"> directly inside <Sip>: Twilio's helper libraries write <Header> inside <Headers>`,
			nil, []document.Header{{Name: "X-A", Value: "1"}}},
		{"a <SipHeader> with no name", `<Response><Dial><Sip>sip:a@b<SipHeader>1</SipHeader></Sip></Dial></Response>`,
			"targets[0]", "<Sip><SipHeader>: Twilio's <Sip> holds its SIP URI as text", nil, nil},
		{"a verb inside <Dial>", `<Response><Dial><Sip>sip:a@b</Sip><Say>hi</Say></Dial></Response>`,
			"targets", "<Say> inside <Dial>: Twilio's <Dial> takes only the nouns", nil, nil},
		{"a <Param> inside <Sip>", `<Response><Dial><Sip>sip:a@b<Param name="x"/></Sip></Dial></Response>`,
			"targets[0]", "For another element Twilio may reject the call", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, diags := Parse(tc.in)
			if !composetest.HasDiag(diags, document.SeverityError, "parse-rejected", tc.field, tc.phrase) {
				t.Fatalf("no parse-rejected at %q with %q: %+v", tc.field, tc.phrase, diags)
			}
			if len(doc.Targets) != 1 || !reflect.DeepEqual(doc.Targets[0].Headers, tc.want) || !reflect.DeepEqual(doc.Targets[0].HeaderElements, tc.elements) {
				t.Fatalf("read as %+v", doc.Targets)
			}
			// The TwiML composed of it is what Twilio takes, and imports
			// without the error.
			out := rendered(doc)
			if _, again := Parse(out); len(document.WithCodes(again, "parse-rejected")) > 0 {
				t.Errorf("composed %s\nwhich imports with %+v", out, again)
			}
		})
	}
	// Nouns Twilio dials stay a warning: they are not kept here.
	_, diags := Parse(`<Response><Dial><Sip>sip:a@b</Sip><Number>+1</Number></Dial></Response>`)
	if !composetest.HasDiag(diags, document.SeverityWarning, "parse-not-kept", "targets", "<Number> inside <Dial> is not a SIP target") || document.HasErrors(diags) {
		t.Errorf("<Number>: %+v", diags)
	}
}
