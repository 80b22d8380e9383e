package validate

import (
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/sipuri"
)

// targetDiagCase is one target and a diagnostic Validate must give it;
// a target with neither a host nor <Uri>s gets a host.
type targetDiagCase struct {
	name                string
	t                   document.Target
	severity            document.Severity
	code, field, phrase string
}

func checkTargetDiags(t *testing.T, tests []targetDiagCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.t.Host == "" && len(tc.t.URIs) == 0 {
				tc.t.Host = "b.example.com"
			}
			diags := validated(document.Document{Targets: []document.Target{tc.t}})
			if !composetest.HasDiag(diags, tc.severity, tc.code, tc.field, tc.phrase) {
				t.Errorf("no %s %s on %s with %q: %+v", tc.severity, tc.code, tc.field, tc.phrase, diags)
			}
		})
	}
}

// Header names fold case in every rule that matches one, as SIP says, in
// the URI's headers and in <Header> elements alike.
func TestHeaderNamesFoldCase(t *testing.T) {
	checkTargetDiags(t, []targetDiagCase{
		{"UUI rules on a header row, any case", document.Target{Headers: []document.Header{{Name: "User-To-User", Value: "hello;encoding=hex"}}}, document.SeverityError, "uui-not-hex", "targets[0].headers[0].value", "The User-To-User header's data must be hex digits"},
		{"X- prefixed UUI row", document.Target{Headers: []document.Header{{Name: "x-user-to-user", Value: "zz"}}}, document.SeverityError, "uui-not-hex", "targets[0].headers[0].value", "hex digits"},
		{"odd UUI row", document.Target{Headers: []document.Header{{Name: "USER-TO-USER", Value: "ABC"}}}, document.SeverityWarning, "uui-hex-odd", "targets[0].headers[0].value", "3 hex digits"},
		{"UUI row encoding", document.Target{Headers: []document.Header{{Name: "user-to-user", Value: "hi;Encoding=utf8"}}}, document.SeverityWarning, "uui-encoding-unknown", "targets[0].headers[0].value", `"utf8"`},
		{"X-Twilio in any case", document.Target{Headers: []document.Header{{Name: "x-TWILIO-a", Value: "1"}}}, document.SeverityError, "header-name-reserved", "targets[0].headers[0].name", "reserved"},
		{"duplicates in any case", document.Target{Headers: []document.Header{{Name: "X-A", Value: "1"}, {Name: "x-a", Value: "2"}}}, document.SeverityWarning, "header-duplicate", "targets[0].headers[1].name", "also header 1"},
		{"UUI twice in any case", document.Target{UUI: document.UUI{Data: "0A"}, Headers: []document.Header{{Name: "user-TO-user", Value: "0B"}}}, document.SeverityWarning, "header-duplicate", "targets[0].headers[0].name", "also UUI"},
		{"element: UUI rules", document.Target{HeaderElements: []document.Header{{Name: "User-To-User", Value: "hello;encoding=hex"}}}, document.SeverityError, "uui-not-hex", "targets[0].headerElements[0].value", "hex digits"},
		{"element: X-Twilio", document.Target{HeaderElements: []document.Header{{Name: "X-twilio-x", Value: "1"}}}, document.SeverityError, "header-name-reserved", "targets[0].headerElements[0].name", "32113"},
		{"element: not allowed", document.Target{HeaderElements: []document.Header{{Name: "Foo", Value: "1"}}}, document.SeverityError, "header-name-not-allowed", "targets[0].headerElements[0].name", "X-Foo"},
		{"element: invalid", document.Target{HeaderElements: []document.Header{{Name: "X A", Value: "1"}}}, document.SeverityError, "header-name-invalid", "targets[0].headerElements[0].name", "13252"},
		{"element: no name", document.Target{HeaderElements: []document.Header{{Name: "", Value: "1"}}}, document.SeverityError, "header-name-missing", "targets[0].headerElements[0].name", "no name"},
		{"element: control character", document.Target{HeaderElements: []document.Header{{Name: "X-A", Value: "a\r\nb"}}}, document.SeverityError, "text-control-character", "targets[0].headerElements[0].value", "control character"},
		{"element twice across lists", document.Target{Headers: []document.Header{{Name: "X-A", Value: "1"}}, HeaderElements: []document.Header{{Name: "x-A", Value: "2"}}}, document.SeverityWarning, "header-duplicate", "targets[0].headerElements[0].name", "also header 1 in the URI"},
		{"element twice with the UUI", document.Target{UUI: document.UUI{Data: "0A", XPrefix: true}, HeaderElements: []document.Header{{Name: "X-USER-TO-USER", Value: "0B"}}}, document.SeverityWarning, "header-duplicate", "targets[0].headerElements[0].name", "also UUI"},
		{"elements twice", document.Target{HeaderElements: []document.Header{{Name: "X-A", Value: "1"}, {Name: "X-a", Value: "2"}}}, document.SeverityWarning, "header-duplicate", "targets[0].headerElements[1].name", "also <Header> element 1"},
	})
	// The standard headers and X- pass in any case.
	ok := document.Target{Host: "b.example.com", Headers: []document.Header{{Name: "remote-party-id", Value: "<sip:a@b>"}, {Name: "P-CALLED-PARTY-ID", Value: "<sip:a@b>"}, {Name: "p-preferred-identity", Value: "<sip:a@b>"}, {Name: "x-a", Value: "1"}},
		HeaderElements: []document.Header{{Name: "X-c", Value: "x"}, {Name: "x-b", Value: "1"}, {Name: "User-to-user", Value: "0A;encoding=hex"}}}
	for _, d := range validated(document.Document{Targets: []document.Target{ok}}) {
		if d.Severity != document.SeverityInfo {
			t.Errorf("%+v", d)
		}
	}
	// Import keeps such a row as written, and the rules still apply.
	imported, _ := sipuri.ParseSipText("sip:a@b.example.com?User-To-User=hello%3Bencoding%3Dhex")
	if diags := validated(document.Document{Targets: []document.Target{imported}}); !composetest.HasDiag(diags, document.SeverityError, "uui-not-hex", "targets[0].headers[0].value", "User-To-User") {
		t.Errorf("imported User-To-User: %+v", diags)
	}
}

func TestValidateSipChildren(t *testing.T) {
	checkTargetDiags(t, []targetDiagCase{
		{"the note", document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com"}}}, document.SeverityInfo, "sip-children-undocumented", "targets[0]", "priority order, and equal priorities are split by weight"},
		{"note for elements", document.Target{Host: "b.example.com", HeaderElements: []document.Header{{Name: "X-A", Value: "1"}}}, document.SeverityInfo, "sip-children-undocumented", "targets[0]", "does not document"},
		{"both a host and uris", document.Target{Host: "b.example.com", URIs: []document.SipURI{{URI: "sip:a@b.example.com"}}}, document.SeverityWarning, "sip-uri-and-uris", "targets[0].uris", "keep one"},
		{"uri headers with no uri", document.Target{Headers: []document.Header{{Name: "X-A", Value: "1"}}, URIs: []document.SipURI{{URI: "sip:a@b.example.com"}}}, document.SeverityError, "headers-without-uri", "targets[0].headers", "<Header> elements"},
		{"a user with no host beside uris", document.Target{User: "alice", URIs: []document.SipURI{{URI: "sip:a@b.example.com"}}}, document.SeverityError, "host-missing", "targets[0].host", "Enter the host"},
		{"uri not sip", document.Target{URIs: []document.SipURI{{URI: "tel:+1"}}}, document.SeverityError, "uri-scheme", "targets[0].uris[0].uri", `"tel:"`},
		{"uri empty", document.Target{URIs: []document.SipURI{{}}}, document.SeverityError, "uri-empty", "targets[0].uris[0].uri", "empty"},
		{"uri port", document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com:0"}}}, document.SeverityError, "port-invalid", "targets[0].uris[0].uri", "1 to 65535"},
		{"uri host", document.Target{URIs: []document.SipURI{{URI: "sip:a@b_c.example.com"}}}, document.SeverityError, "host-invalid", "targets[0].uris[0].uri", "b_c.example.com"},
		{"uri edge", document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com;edge=roaming"}}}, document.SeverityError, "edge-roaming", "targets[0].uris[0].uri", "roaming"},
		{"uri header name", document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com?X-Twilio-A=1"}}}, document.SeverityError, "header-name-reserved", "targets[0].uris[0].uri", "X-Twilio"},
		{"uri UUI case", document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com?User-To-User=hello%3Bencoding%3Dhex"}}}, document.SeverityError, "uui-not-hex", "targets[0].uris[0].uri", "hex digits"},
		{"uri measured as typed", document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com?X-Ids=" + sipuri.PercentEncode(composetest.IDs)}}}, document.SeverityError, "headers-too-long", "targets[0].uris[0].uri", "1225"},
		{"uri raw ;", document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com?k=1;transport=tcp"}}}, document.SeverityWarning, "uri-header-semicolon", "targets[0].uris[0].uri", "before the ?"},
		{"priority", document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com", Priority: "high"}}}, document.SeverityWarning, "uri-number-invalid", "targets[0].uris[0].priority", "whole number"},
		{"weight", document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com", Weight: "-1"}}}, document.SeverityWarning, "uri-number-invalid", "targets[0].uris[0].weight", "whole number"},
		{"username alone", document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com", Username: "u"}}}, document.SeverityError, "username-without-password", "targets[0].uris[0].password", "needs a password"},
		{"password alone", document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com", Password: "p"}}}, document.SeverityError, "password-without-username", "targets[0].uris[0].username", "needs a username"},
	})
	// A target of good <Uri>s alone is fine: no host is missing.
	good := document.Target{URIs: []document.SipURI{{URI: "sip:a@b.example.com;edge=frankfurt", Priority: "1", Weight: "10", Username: "u", Password: "p"}, {URI: "sip:c@d.example.com;transport=tls", Priority: "2"}}}
	for _, d := range validated(document.Document{Targets: []document.Target{good}}) {
		if d.Code != "sip-children-undocumented" {
			t.Errorf("%+v", d)
		}
	}
}

func TestURLMissingScheme(t *testing.T) {
	for url, warn := range map[string]bool{
		"www.twilio.ca": true, "example.com/status": true, "api.example.co.uk?x=1": true,
		"status.php": false, "/status": false, "twiml.xml": false, "https://www.twilio.ca": false, "status": false, "../cb": false, "v1.2/cb": false,
	} {
		diags := validated(document.Document{Targets: []document.Target{{Host: "b.example.com", StatusCallback: url}}})
		if got := composetest.HasDiag(diags, document.SeverityWarning, "url-missing-scheme", "targets[0].statusCallback", "write https://"); got != warn {
			t.Errorf("%q: warned %v, want %v: %+v", url, got, warn, diags)
		}
	}
}
