package sipcompose

import (
	"reflect"
	"strings"
	"testing"

	"github.com/twilio/twilio-go/twiml"

	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/sipuri"
)

// ids is 26 UUIDs joined by "-": 961 characters, whose headers part is
// 967 characters in the compact form and 1225 in Twilio's documented one.
var ids = strings.TrimSuffix(strings.Repeat("123e4567-e89b-12d3-a456-426614174000-", 26), "-")

func TestComposeEncoding(t *testing.T) {
	long := Target{User: "a", Host: "b.example.com", Headers: []Header{{Name: "X-Ids", Value: ids}}}
	tests := []struct {
		name        string
		doc         Document
		wantHeaders string // the URI's part after "?"
		code        string // a diagnostic it must have, "" for none beyond those of the target
	}{
		{"documented form while it fits",
			Document{Targets: []Target{{Host: "your.domain", Headers: []Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}}}}},
			"X-customName=Bob%2CShield%2BTitle%2DManager", ""},
		{"compact where the documented form breaks the limit",
			Document{Targets: []Target{long}},
			"X-Ids=" + ids, "headers-compact"},
		{"compact for that target only",
			Document{Targets: []Target{long, {Host: "c.example.com", Headers: []Header{{Name: "X-A", Value: "a-b"}}}}},
			"X-Ids=" + ids, "headers-compact"},
		{"compact when the document asks",
			Document{Encoding: EncodingCompact, Targets: []Target{{Host: "your.domain", Headers: []Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager_x.y~z"}}, UUI: UUI{Data: "0A"}}}},
			"User-to-User=0A%3Bencoding%3Dhex&X-customName=Bob%2CShield%2BTitle-Manager_x.y~z", "encoding-compact"},
		{"neither form fits",
			Document{Targets: []Target{{Host: "b.example.com", Headers: []Header{{Name: "X-Ids", Value: ids + ids}}}}},
			"X-Ids=" + PercentEncode(ids+ids), "headers-too-long"},
		{"an encoding this tool does not know",
			Document{Encoding: "tight", Targets: []Target{{Host: "b.example.com"}}},
			"", "encoding-invalid"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Compose(tc.doc)
			if got := sipuri.HeadersPart(r.URIs[0]); got != tc.wantHeaders {
				t.Errorf("headers %q\nwant    %q", got, tc.wantHeaders)
			}
			if tc.code != "" && !hasCode(r.Diagnostics, tc.code, "", "") {
				t.Errorf("no %s in %+v", tc.code, r.Diagnostics)
			}
			if tc.code != "headers-too-long" && hasCode(r.Diagnostics, "headers-too-long", "", "") {
				t.Errorf("headers-too-long: %+v", r.Diagnostics)
			}
			if len(tc.doc.Targets) > 1 && sipuri.HeadersPart(r.URIs[1]) != "X-A=a%2Db" {
				t.Errorf("the other target is %s, want the documented form", r.URIs[1])
			}
		})
	}
	r := Compose(Document{Targets: []Target{long}})
	if want := "The encoded headers are"; !composetest.HasDiag(r.Diagnostics, SeverityInfo, "headers-compact", "targets[0].headers", "would be 1225 characters, over Twilio's limit of 1023; they are written in the compact form instead, with - . _ ~ as they are (RFC 3986's unreserved characters): 967 characters") || strings.Contains(messagesOf(r), want) {
		t.Errorf("note: %+v", r.Diagnostics)
	}
}

// targetDiagCase is one target and a diagnostic Validate must give it;
// a target with neither a host nor <Uri>s gets a host.
type targetDiagCase struct {
	name                string
	t                   Target
	severity            Severity
	code, field, phrase string
}

func checkTargetDiags(t *testing.T, tests []targetDiagCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.t.Host == "" && len(tc.t.URIs) == 0 {
				tc.t.Host = "b.example.com"
			}
			diags := Validate(Document{Targets: []Target{tc.t}})
			if !composetest.HasDiag(diags, tc.severity, tc.code, tc.field, tc.phrase) {
				t.Errorf("no %s %s on %s with %q: %+v", tc.severity, tc.code, tc.field, tc.phrase, diags)
			}
		})
	}
}

// hasCode is hasDiag of any severity, and of any field for "".
func hasCode(diags []Diagnostic, code, field, phrase string) bool {
	for _, d := range diags {
		if d.Code == code && (field == "" || d.Field == field) && strings.Contains(d.Message, phrase) {
			return true
		}
	}
	return false
}

func messagesOf(r Result) string {
	var b strings.Builder
	for _, d := range r.Diagnostics {
		b.WriteString(d.Message + "\n")
	}
	return b.String()
}

// Lint checks what import read: the compact form, as written, fits.
func TestLintMeasuresAsWritten(t *testing.T) {
	doc, diags := Parse("<Response><Dial><Sip>sip:a@b.example.com?X-Ids=" + ids + "</Sip></Dial></Response>")
	for _, d := range append(diags, Validate(doc)...) {
		if d.Severity == SeverityError {
			t.Errorf("%+v", d)
		}
	}
}

// Header names fold case in every rule that matches one, as SIP says, in
// the URI's headers and in <Header> elements alike.
func TestHeaderNamesFoldCase(t *testing.T) {
	checkTargetDiags(t, []targetDiagCase{
		{"UUI rules on a header row, any case", Target{Headers: []Header{{Name: "User-To-User", Value: "hello;encoding=hex"}}}, SeverityError, "uui-not-hex", "targets[0].headers[0].value", "The User-To-User header's data must be hex digits"},
		{"X- prefixed UUI row", Target{Headers: []Header{{Name: "x-user-to-user", Value: "zz"}}}, SeverityError, "uui-not-hex", "targets[0].headers[0].value", "hex digits"},
		{"odd UUI row", Target{Headers: []Header{{Name: "USER-TO-USER", Value: "ABC"}}}, SeverityWarning, "uui-hex-odd", "targets[0].headers[0].value", "3 hex digits"},
		{"UUI row encoding", Target{Headers: []Header{{Name: "user-to-user", Value: "hi;Encoding=utf8"}}}, SeverityWarning, "uui-encoding-unknown", "targets[0].headers[0].value", `"utf8"`},
		{"X-Twilio in any case", Target{Headers: []Header{{Name: "x-TWILIO-a", Value: "1"}}}, SeverityError, "header-name-reserved", "targets[0].headers[0].name", "reserved"},
		{"duplicates in any case", Target{Headers: []Header{{Name: "X-A", Value: "1"}, {Name: "x-a", Value: "2"}}}, SeverityWarning, "header-duplicate", "targets[0].headers[1].name", "also header 1"},
		{"UUI twice in any case", Target{UUI: UUI{Data: "0A"}, Headers: []Header{{Name: "user-TO-user", Value: "0B"}}}, SeverityWarning, "header-duplicate", "targets[0].headers[0].name", "also UUI"},
		{"element: UUI rules", Target{HeaderElements: []Header{{Name: "User-To-User", Value: "hello;encoding=hex"}}}, SeverityError, "uui-not-hex", "targets[0].headerElements[0].value", "hex digits"},
		{"element: X-Twilio", Target{HeaderElements: []Header{{Name: "X-twilio-x", Value: "1"}}}, SeverityError, "header-name-reserved", "targets[0].headerElements[0].name", "32113"},
		{"element: not allowed", Target{HeaderElements: []Header{{Name: "Foo", Value: "1"}}}, SeverityError, "header-name-not-allowed", "targets[0].headerElements[0].name", "X-Foo"},
		{"element: invalid", Target{HeaderElements: []Header{{Name: "X A", Value: "1"}}}, SeverityError, "header-name-invalid", "targets[0].headerElements[0].name", "13252"},
		{"element: no name", Target{HeaderElements: []Header{{Name: "", Value: "1"}}}, SeverityError, "header-name-missing", "targets[0].headerElements[0].name", "no name"},
		{"element: control character", Target{HeaderElements: []Header{{Name: "X-A", Value: "a\r\nb"}}}, SeverityError, "text-control-character", "targets[0].headerElements[0].value", "control character"},
		{"element twice across lists", Target{Headers: []Header{{Name: "X-A", Value: "1"}}, HeaderElements: []Header{{Name: "x-A", Value: "2"}}}, SeverityWarning, "header-duplicate", "targets[0].headerElements[0].name", "also header 1 in the URI"},
		{"element twice with the UUI", Target{UUI: UUI{Data: "0A", XPrefix: true}, HeaderElements: []Header{{Name: "X-USER-TO-USER", Value: "0B"}}}, SeverityWarning, "header-duplicate", "targets[0].headerElements[0].name", "also UUI"},
		{"elements twice", Target{HeaderElements: []Header{{Name: "X-A", Value: "1"}, {Name: "X-a", Value: "2"}}}, SeverityWarning, "header-duplicate", "targets[0].headerElements[1].name", "also <Header> element 1"},
	})
	// The standard headers and X- pass in any case.
	ok := Target{Host: "b.example.com", Headers: []Header{{Name: "remote-party-id", Value: "<sip:a@b>"}, {Name: "P-CALLED-PARTY-ID", Value: "<sip:a@b>"}, {Name: "p-preferred-identity", Value: "<sip:a@b>"}, {Name: "x-a", Value: "1"}},
		HeaderElements: []Header{{Name: "X-c", Value: "x"}, {Name: "x-b", Value: "1"}, {Name: "User-to-user", Value: "0A;encoding=hex"}}}
	for _, d := range Validate(Document{Targets: []Target{ok}}) {
		if d.Severity != SeverityInfo {
			t.Errorf("%+v", d)
		}
	}
	// Import keeps such a row as written, and the rules still apply.
	doc, _ := Parse("<Response><Dial><Sip>sip:a@b.example.com?User-To-User=hello%3Bencoding%3Dhex</Sip></Dial></Response>")
	if !composetest.HasDiag(Validate(doc), SeverityError, "uui-not-hex", "targets[0].headers[0].value", "User-To-User") {
		t.Errorf("imported User-To-User: %+v", Validate(doc))
	}
}

func TestValidateSipChildren(t *testing.T) {
	checkTargetDiags(t, []targetDiagCase{
		{"the note", Target{URIs: []SipURI{{URI: "sip:a@b.example.com"}}}, SeverityInfo, "sip-children-undocumented", "targets[0]", "priority order, and equal priorities are split by weight"},
		{"note for elements", Target{Host: "b.example.com", HeaderElements: []Header{{Name: "X-A", Value: "1"}}}, SeverityInfo, "sip-children-undocumented", "targets[0]", "does not document"},
		{"both a host and uris", Target{Host: "b.example.com", URIs: []SipURI{{URI: "sip:a@b.example.com"}}}, SeverityWarning, "sip-uri-and-uris", "targets[0].uris", "keep one"},
		{"uri headers with no uri", Target{Headers: []Header{{Name: "X-A", Value: "1"}}, URIs: []SipURI{{URI: "sip:a@b.example.com"}}}, SeverityError, "headers-without-uri", "targets[0].headers", "<Header> elements"},
		{"a user with no host beside uris", Target{User: "alice", URIs: []SipURI{{URI: "sip:a@b.example.com"}}}, SeverityError, "host-missing", "targets[0].host", "Enter the host"},
		{"uri not sip", Target{URIs: []SipURI{{URI: "tel:+1"}}}, SeverityError, "uri-scheme", "targets[0].uris[0].uri", `"tel:"`},
		{"uri empty", Target{URIs: []SipURI{{}}}, SeverityError, "uri-empty", "targets[0].uris[0].uri", "empty"},
		{"uri port", Target{URIs: []SipURI{{URI: "sip:a@b.example.com:0"}}}, SeverityError, "port-invalid", "targets[0].uris[0].uri", "1 to 65535"},
		{"uri host", Target{URIs: []SipURI{{URI: "sip:a@b_c.example.com"}}}, SeverityError, "host-invalid", "targets[0].uris[0].uri", "b_c.example.com"},
		{"uri edge", Target{URIs: []SipURI{{URI: "sip:a@b.example.com;edge=roaming"}}}, SeverityError, "edge-roaming", "targets[0].uris[0].uri", "roaming"},
		{"uri header name", Target{URIs: []SipURI{{URI: "sip:a@b.example.com?X-Twilio-A=1"}}}, SeverityError, "header-name-reserved", "targets[0].uris[0].uri", "X-Twilio"},
		{"uri UUI case", Target{URIs: []SipURI{{URI: "sip:a@b.example.com?User-To-User=hello%3Bencoding%3Dhex"}}}, SeverityError, "uui-not-hex", "targets[0].uris[0].uri", "hex digits"},
		{"uri measured as typed", Target{URIs: []SipURI{{URI: "sip:a@b.example.com?X-Ids=" + PercentEncode(ids)}}}, SeverityError, "headers-too-long", "targets[0].uris[0].uri", "1225"},
		{"uri raw ;", Target{URIs: []SipURI{{URI: "sip:a@b.example.com?k=1;transport=tcp"}}}, SeverityWarning, "uri-header-semicolon", "targets[0].uris[0].uri", "before the ?"},
		{"priority", Target{URIs: []SipURI{{URI: "sip:a@b.example.com", Priority: "high"}}}, SeverityWarning, "uri-number-invalid", "targets[0].uris[0].priority", "whole number"},
		{"weight", Target{URIs: []SipURI{{URI: "sip:a@b.example.com", Weight: "-1"}}}, SeverityWarning, "uri-number-invalid", "targets[0].uris[0].weight", "whole number"},
		{"username alone", Target{URIs: []SipURI{{URI: "sip:a@b.example.com", Username: "u"}}}, SeverityError, "username-without-password", "targets[0].uris[0].password", "needs a password"},
		{"password alone", Target{URIs: []SipURI{{URI: "sip:a@b.example.com", Password: "p"}}}, SeverityError, "password-without-username", "targets[0].uris[0].username", "needs a username"},
	})
	// A target of good <Uri>s alone is fine: no host is missing.
	good := Target{URIs: []SipURI{{URI: "sip:a@b.example.com;edge=frankfurt", Priority: "1", Weight: "10", Username: "u", Password: "p"}, {URI: "sip:c@d.example.com;transport=tls", Priority: "2"}}}
	r := Compose(Document{Targets: []Target{good}})
	for _, d := range r.Diagnostics {
		if d.Code != "sip-children-undocumented" {
			t.Errorf("%+v", d)
		}
	}
	// Each <Uri>'s edge and transport reach the allow-list.
	if got := strings.Join(r.AllowList.Edges, " "); got != "ashburn frankfurt" && got != "frankfurt ashburn" {
		t.Errorf("allow-list edges %q, want frankfurt and ashburn", got)
	}
	if len(r.URIs) != 1 || r.URIs[0] != "sip:a@b.example.com;edge=frankfurt" {
		t.Errorf("REST URIs %q, want the first <Uri>", r.URIs)
	}
	// The REST form dials the first <Uri> and says what it leaves out.
	for _, want := range []string{"# To: the first <Uri>.", "--data-urlencode 'To=sip:a@b.example.com;edge=frankfurt'", "SipAuthUsername=u"} {
		if !strings.Contains(r.Curl, want) {
			t.Errorf("curl has no %q:\n%s", want, r.Curl)
		}
	}
	if c := Compose(Document{Targets: []Target{{Host: "b.example.com", HeaderElements: []Header{{Name: "X-A", Value: "1"}}}}}).Curl; !strings.Contains(c, "# The <Header> elements have no REST form") {
		t.Errorf("curl:\n%s", c)
	}
}

func TestURLMissingScheme(t *testing.T) {
	for url, warn := range map[string]bool{
		"www.twilio.ca": true, "example.com/status": true, "api.example.co.uk?x=1": true,
		"status.php": false, "/status": false, "twiml.xml": false, "https://www.twilio.ca": false, "status": false, "../cb": false, "v1.2/cb": false,
	} {
		diags := Validate(Document{Targets: []Target{{Host: "b.example.com", StatusCallback: url}}})
		if got := composetest.HasDiag(diags, SeverityWarning, "url-missing-scheme", "targets[0].statusCallback", "write https://"); got != warn {
			t.Errorf("%q: warned %v, want %v: %+v", url, got, warn, diags)
		}
	}
}

// twilio-go's own <Uri> and <Headers> import as what it meant, and compose
// gives them back.
func TestParseTwilioGoSipChildren(t *testing.T) {
	sip := &twiml.VoiceSip{StatusCallback: "https://example.com/s", InnerElements: []twiml.Element{
		&twiml.VoiceUri{SipUrl: "sip:alice@example.com", Priority: "1", Weight: "10", Username: "u", Password: "p"},
		&twiml.VoiceUri{SipUrl: "sip:bob@example.com", Priority: "2"},
		&twiml.VoiceHeaders{InnerElements: []twiml.Element{&twiml.VoiceHeader{Name: "X-Account", Value: "ACME & Sons"}}},
	}}
	xml, err := twiml.Voice([]twiml.Element{&twiml.VoiceDial{Events: "call-progress-event", RecordingConfigurationId: "JX1", InnerElements: []twiml.Element{sip}}})
	if err != nil {
		t.Fatal(err)
	}
	doc, diags := Parse(xml)
	if len(diags) != 0 {
		t.Errorf("%s: %+v", xml, diags)
	}
	want := Document{Dial: Dial{Events: "call-progress-event", RecordingConfigurationID: "JX1"}, Targets: []Target{{
		URIs:           []SipURI{{URI: "sip:alice@example.com", Priority: "1", Weight: "10", Username: "u", Password: "p"}, {URI: "sip:bob@example.com", Priority: "2"}},
		HeaderElements: []Header{{Name: "X-Account", Value: "ACME & Sons"}}, StatusCallback: "https://example.com/s",
	}}}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("%s\nread as %+v\nwant    %+v", xml, doc, want)
	}
	again, _ := Parse(Compose(doc).TwiML)
	if !reflect.DeepEqual(again, want) {
		t.Errorf("composed and read again as %+v", again)
	}
}

// Import keeps the form header values were written in, so composing what
// it read gives the same TwiML: a target made compact to fit, alone or
// beside one in the documented form, or a document compact throughout.
func TestEncodingRoundTrip(t *testing.T) {
	long := Target{Host: "b.example.com", Headers: []Header{{Name: "X-Ids", Value: ids}}}
	short := Target{Host: "c.example.com", Headers: []Header{{Name: "X-A", Value: "a-b"}}}
	tests := []struct {
		doc  Document
		want string
	}{
		{Document{Targets: []Target{long}}, EncodingCompact},
		{Document{Targets: []Target{long, short}}, ""},
		{Document{Targets: []Target{short}}, ""},
		{Document{Encoding: EncodingCompact, Targets: []Target{short}}, EncodingCompact},
		{Document{Encoding: EncodingCompact, Targets: []Target{{Host: "d.example.com", Headers: []Header{{Name: "X-A", Value: "ab"}}}}}, ""},
	}
	for i, tc := range tests {
		first := Compose(tc.doc).TwiML
		doc, _ := Parse(first)
		if doc.Encoding != tc.want {
			t.Errorf("%d: read with encoding %q, want %q", i, doc.Encoding, tc.want)
		}
		if again := Compose(doc).TwiML; again != first {
			t.Errorf("%d: composed\n%s\nthen\n%s", i, first, again)
		}
	}
	_, diags := Parse("<Response><Dial><Sip>sip:a@b.example.com?X-A=a-b&amp;X-B=c</Sip></Dial></Response>")
	if !composetest.HasDiag(diags, SeverityInfo, "parse-encoding-compact", "encoding", "writes them that way too") {
		t.Errorf("%+v", diags)
	}
}
