package sipuri

import (
	"fmt"
	"reflect"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
)

func TestParseURI(t *testing.T) {
	tests := []struct {
		in   string
		want document.Target
	}{
		{"sip:jack@example.com?x-myotherheader=bar", document.Target{User: "jack", Host: "example.com", Headers: []document.Header{{Name: "x-myotherheader", Value: "bar"}}}},
		{"sip:%2F/a@h", document.Target{User: "//a", Host: "h"}},
		{"  jack@example.com\n", document.Target{User: "jack", Host: "example.com"}},
		{"\n  sip:jack@example.com\n", document.Target{User: "jack", Host: "example.com"}},
		{"sip:+14158675309@your.domain?X-customName=Bob%2CShield%2BTitle%2DManager&amp;X-otherHeader=true",
			document.Target{User: "+14158675309", Host: "your.domain", Headers: []document.Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}, {Name: "X-otherHeader", Value: "true"}}}},
		{"sip:jack@example.com?User-to-User=123456789%3Bencoding%3Dhex&x-myotherheader=bar",
			document.Target{User: "jack", Host: "example.com", UUI: document.UUI{Data: "123456789"}, Headers: []document.Header{{Name: "x-myotherheader", Value: "bar"}}}},
		{"sip:jack@example.com?X-User-to-User=AB;encoding=hex", document.Target{User: "jack", Host: "example.com", UUI: document.UUI{Data: "AB", XPrefix: true}}},
		{"sip:jack@example.com?X-A=1&User-to-User=AB%3Bencoding%3Dutf8", document.Target{User: "jack", Host: "example.com", Headers: []document.Header{{Name: "X-A", Value: "1"}}, UUI: document.UUI{Data: "AB", Encoding: "utf8"}}},
		{"sip:jack@example.com?x-user-to-user=AB;encoding=hex", document.Target{User: "jack", Host: "example.com", Headers: []document.Header{{Name: "x-user-to-user", Value: "AB;encoding=hex"}}}},
		{"sip:jack@example.com?User-to-User=AB;ENCODING=HEX", document.Target{User: "jack", Host: "example.com", Headers: []document.Header{{Name: "User-to-User", Value: "AB;ENCODING=HEX"}}}},
		{"sip:jack@example.com?User-to-User=AB", document.Target{User: "jack", Host: "example.com", Headers: []document.Header{{Name: "User-to-User", Value: "AB"}}}},
		{"SIP:alice@example.com;region=de1;edge=frankfurt;transport=TCP;secure=true",
			document.Target{User: "alice", Host: "example.com", Region: "de1", Edge: "frankfurt", Transport: "tcp", Secure: true}},
		{"sips:bob@pbx.example.com:5071", document.Target{User: "bob", Host: "pbx.example.com", Port: 5071, Transport: "tls"}},
		{"sip:[2001:db8::1]:5062", document.Target{Host: "[2001:db8::1]", Port: 5062}},
		{"2001:db8::1", document.Target{Host: "[2001:db8::1]"}},
		{"pbx.example.com:5080?X-A=1", document.Target{Host: "pbx.example.com", Port: 5080, Headers: []document.Header{{Name: "X-A", Value: "1"}}}},
		{"sip:pbx.example.com", document.Target{Host: "pbx.example.com"}},
		{"sip://alice@pbx.example.com", document.Target{User: "alice", Host: "pbx.example.com"}},
		{"sip:2001:db8::1;transport=tcp", document.Target{Host: "[2001:db8::1]", Transport: "tcp"}},
		{"<sip:alice@example.com>", document.Target{User: "alice", Host: "example.com"}},
		{"sip:a%20b@example.com?X-Emoji=%F0%9F%93%9E&X-RTL=%D7%A2%D7%91", document.Target{User: "a b", Host: "example.com", Headers: []document.Header{{Name: "X-Emoji", Value: "📞"}, {Name: "X-RTL", Value: "עב"}}}},
		{"sip:a@example.com?X-Empty=&X-Bare", document.Target{User: "a", Host: "example.com", Headers: []document.Header{{Name: "X-Empty", Value: ""}, {Name: "X-Bare", Value: ""}}}},
		{"sip:a@example.com?x-foo%3Dbar", document.Target{User: "a", Host: "example.com", Headers: []document.Header{{Name: "x-foo", Value: "bar"}}}},
		{"sip:a@example.com?User-to-User=AB;encoding=hex&User-to-User=CD", document.Target{User: "a", Host: "example.com", UUI: document.UUI{Data: "AB"}, Headers: []document.Header{{Name: "User-to-User", Value: "CD"}}}},
	}
	for _, tc := range tests {
		got, diags := Parse(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
		if document.HasErrors(diags) {
			t.Errorf("Parse(%q): %+v", tc.in, diags)
		}
	}
}

func TestParseURIDiagnostics(t *testing.T) {
	tests := []struct {
		in       string
		severity document.Severity
		code     string
		field    string
		phrase   string
	}{
		{"", document.SeverityError, "uri-empty", "host", "empty"},
		{" <> ", document.SeverityError, "uri-empty", "host", "empty"},
		{"<sip:a@b.example.com>", document.SeverityInfo, "uri-angle-brackets", "host", "<…>"},
		{"tel:+14155550100", document.SeverityError, "uri-scheme", "host", `"tel:" is not a SIP URI`},
		{"https://example.com/twiml", document.SeverityError, "uri-scheme", "host", "only sip:"},
		{"mailto:alice@example.com", document.SeverityError, "uri-scheme", "host", `"mailto:" is not a SIP URI`},
		{"TEL:+14155550100@example.com", document.SeverityError, "uri-scheme", "host", `"TEL:"`},
		{"sip://alice@example.com", document.SeverityInfo, "uri-slashes", "host", "no // after sip:"},
		{"sip:alice@example.com:5060:5061", document.SeverityError, "host-invalid", "host", `Host "example.com:5060:5061" has more than one ':'`},
		{"sip:alice@2001:db8::1:x", document.SeverityError, "host-invalid", "host", "IPv6 address in brackets"},
		{"sips:a@b.example.com", document.SeverityWarning, "uri-sips", "transport", "transport=tls"},
		{"sips:a@b.example.com;transport=udp", document.SeverityWarning, "uri-sips", "transport", ";transport=udp was replaced by tls"},
		{"sip:a:pw@b.example.com", document.SeverityWarning, "uri-password", "user", "not kept"},
		{"alice:secret@b.example.com", document.SeverityWarning, "uri-password", "user", "Username and Password"},
		{"sip:a@b.example.com:99999", document.SeverityError, "port-invalid", "port", "1 to 65535"},
		{"sip:a@b.example.com:0", document.SeverityError, "port-invalid", "port", "1 to 65535"},
		{"sip:a@[::1]:x", document.SeverityError, "port-invalid", "port", `"x"`},
		{"sip:a@b.example.com;lr", document.SeverityWarning, "uri-param-unknown", "host", ";lr"},
		{"sip:a@b.example.com;tnx=IX123", document.SeverityWarning, "uri-param-unknown", "host", "-ix"},
		{"sip:a@b.example.com;edge=dublin;edge=tokyo", document.SeverityWarning, "uri-param-duplicate", "edge", "(;edge=tokyo) was kept"},
		{"sip:a@b.example.com;secure=yes", document.SeverityWarning, "uri-param-value", "secure", "read as off"},
		{"sip:a@b.example.com;edge=%zz", document.SeverityError, "uri-escape", "edge", "broken %-escape"},
		{"sip:a%4@b.example.com", document.SeverityError, "uri-escape", "user", "kept as typed"},
		{"sip:a@b%.example.com", document.SeverityError, "uri-escape", "host", "kept as typed"},
		{"sip:a@b.example.com?X-A=%zz", document.SeverityError, "uri-escape", "headers[0].value", "32112"},
		{"sip:a@b.example.com?X-A=1&X-B=%4", document.SeverityError, "uri-escape", "headers[1].value", "kept as typed"},
		{"sip:a@b.example.com?X-%ZZ=1", document.SeverityError, "uri-escape", "headers[0].name", "broken"},
		{"sip:a@b.example.com?=1", document.SeverityWarning, "uri-header-unnamed", "headers", "no name"},
		{"sip:a@b.example.com?x-foo%3Dbar", document.SeverityWarning, "uri-header-equals-escaped", "headers[0]", `warning 13252). It was read as x-foo with the value "bar"; the TwiML here writes x-foo=bar.`},
		{"sip:a@b.example.com?x-foo%3Da%2Cb", document.SeverityWarning, "uri-header-equals-escaped", "headers[0]", `the TwiML here writes x-foo=a%2Cb.`},
		{"sip:a@b.example.com?hatchkey=4815162342;transport=TCP", document.SeverityWarning, "uri-header-semicolon", "headers[0].value", "(so ;transport=TCP does not apply to the call: write it before the ?)"},
		{"sip:a@b.example.com?X-A=1;2", document.SeverityWarning, "uri-header-semicolon", "headers[0].value", "not a URI parameter, and Twilio's docs say to percent-encode it (%3B). It was kept in the value; the TwiML here writes it as %3B."},
		{"sip:a@b.example.com?User-to-User=AB;encoding=hex", document.SeverityWarning, "uri-header-semicolon", "headers[0].value", "raw ; in its value (AB;encoding=hex)"},
		{"sip:a@b.example.com?X-A=1&amp;X-B=2", document.SeverityInfo, "uri-xml-escaped", "headers", "&amp;"},
		{"sip:a@b.example.com?X-A=1&amp;amp;X-B=2", document.SeverityWarning, "uri-xml-escaped-twice", "headers", "more than once"},
		{"sip:a@b.example.com?User-to-User=AB", document.SeverityInfo, "uui-kept-as-header", "headers[0]", "exactly as written: the UUI section would send it as User-to-User: AB;encoding=hex."},
		{"sip:a@b.example.com?X-A=1&x-user-to-user=AB%3Bencoding%3Dhex", document.SeverityInfo, "uui-kept-as-header", "headers[1]", "would send it as X-User-to-User: AB;encoding=hex"},
		{"sip:a@b.example.com?User-to-User=%3Bencoding%3Dhex", document.SeverityInfo, "uui-kept-as-header", "headers[0]", "has no data"},
		{"sip:a@", document.SeverityError, "host-missing", "host", "no host"},
		{"sip:a@:5060", document.SeverityError, "host-missing", "host", "no host"},
	}
	for _, tc := range tests {
		_, diags := Parse(tc.in)
		if !composetest.HasDiag(diags, tc.severity, tc.code, tc.field, tc.phrase) {
			t.Errorf("Parse(%q): no %s %s on %q with %q; got %+v", tc.in, tc.severity, tc.code, tc.field, tc.phrase, diags)
		}
	}
}

// Nothing is reported twice or beside the point: the whole list, in order.
func TestParseURIAllDiagnostics(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"sip:jack@example.com?User-to-User=0A%3Bencoding%3Dhex&x-a=1", nil},
		{"sips:a@b.example.com", []string{"warning uri-sips transport"}},
		{"sip:a@b:1:2", []string{"error host-invalid host"}},
		{"sips:a@b.example.com;transport=TLS", []string{"warning uri-sips transport"}},
		{"sips:a@b.example.com;transport=udp", []string{"warning uri-sips transport", "warning uri-sips transport"}},
		{"sip:a@b.example.com?X-A=1&amp;amp;X-B=2", []string{"warning uri-xml-escaped-twice headers"}},
		{"sip:bob@example.com?x-foo%3Dbar&amp;User-To-User=foobar&amp;Remote-Party-ID=%3Csip%3Afoo%40example.com%3E%3Bparty%3Dcalling",
			[]string{"info uri-xml-escaped headers", "warning uri-header-equals-escaped headers[0]", "info uui-kept-as-header headers[1]"}},
	}
	for _, tc := range tests {
		_, diags := Parse(tc.in)
		var got []string
		for _, d := range diags {
			got = append(got, fmt.Sprintf("%s %s %s", d.Severity, d.Code, d.Field))
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%q): diagnostics %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Every byte sequence survives Build then Parse, NUL, CR/LF and
// invalid UTF-8 included, because values are percent-encoded.
func TestParseURIReadsBuildURI(t *testing.T) {
	odd := []string{"]]>", "a\x00b", "line\r\nX-Injected: 1", "\xff\xfe", "📞", "עברית ‏", "?&;=%", "&amp;", "%zz", " spaced "}
	var targets []document.Target
	for _, d := range composetest.RoundTripDocs() {
		for _, tg := range d.Targets {
			// A target of <Uri> children alone has no URI of its own.
			if tg.Host != "" {
				targets = append(targets, tg)
			}
		}
	}
	for _, s := range odd {
		targets = append(targets, document.Target{User: s, Host: "h.example.com", Edge: s, Headers: []document.Header{{Name: "X-Odd", Value: s}, {Name: s, Value: "v"}}, UUI: document.UUI{Data: s, Encoding: s}})
	}
	for _, tg := range targets {
		uri := Build(tg)
		got, diags := Parse(uri)
		if document.HasErrors(diags) {
			t.Errorf("%s: %+v", uri, diags)
		}
		if want := composetest.URIFields(tg); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", uri, got, want)
		}
	}
}

func TestWithURIKeepsSipAttributes(t *testing.T) {
	old := document.Target{Host: "old.example.com", Username: "u", Password: "p", StatusCallback: "/s", Headers: []document.Header{{Name: "X-Old", Value: "1"}}}
	u, _ := Parse("sip:bob@new.example.com;edge=tokyo?X-New=2")
	got := WithURI(old, u)
	want := document.Target{User: "bob", Host: "new.example.com", Edge: "tokyo", Headers: []document.Header{{Name: "X-New", Value: "2"}}, Username: "u", Password: "p", StatusCallback: "/s"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// A host that cannot be read is left as typed, so the person sees and
// fixes their own text rather than a form this tool made of it.
func TestParseURIKeepsBadHostAsTyped(t *testing.T) {
	for in, want := range map[string]string{"sip:a@b.example.com:1:2": "b.example.com:1:2", "sip:a@[::1": "[::1", "fe80::1:x": "fe80::1:x"} {
		if got, _ := Parse(in); got.Host != want {
			t.Errorf("Parse(%q).Host = %q, want %q", in, got.Host, want)
		}
	}
}
