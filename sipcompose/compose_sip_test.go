package sipcompose

import (
	"strings"
	"testing"

	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/sipuri"
)

func TestComposeEncoding(t *testing.T) {
	long := Target{User: "a", Host: "b.example.com", Headers: []Header{{Name: "X-Ids", Value: composetest.IDs}}}
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
			"X-Ids=" + composetest.IDs, "headers-compact"},
		{"compact for that target only",
			Document{Targets: []Target{long, {Host: "c.example.com", Headers: []Header{{Name: "X-A", Value: "a-b"}}}}},
			"X-Ids=" + composetest.IDs, "headers-compact"},
		{"compact when the document asks",
			Document{Encoding: EncodingCompact, Targets: []Target{{Host: "your.domain", Headers: []Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager_x.y~z"}}, UUI: UUI{Data: "0A"}}}},
			"User-to-User=0A%3Bencoding%3Dhex&X-customName=Bob%2CShield%2BTitle-Manager_x.y~z", "encoding-compact"},
		{"neither form fits",
			Document{Targets: []Target{{Host: "b.example.com", Headers: []Header{{Name: "X-Ids", Value: composetest.IDs + composetest.IDs}}}}},
			"X-Ids=" + PercentEncode(composetest.IDs+composetest.IDs), "headers-too-long"},
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
	doc, diags := Parse("<Response><Dial><Sip>sip:a@b.example.com?X-Ids=" + composetest.IDs + "</Sip></Dial></Response>")
	for _, d := range append(diags, Validate(doc)...) {
		if d.Severity == SeverityError {
			t.Errorf("%+v", d)
		}
	}
}

// Import keeps the form header values were written in, so composing what
// it read gives the same TwiML: a target made compact to fit, alone or
// beside one in the documented form, or a document compact throughout.
func TestEncodingRoundTrip(t *testing.T) {
	long := Target{Host: "b.example.com", Headers: []Header{{Name: "X-Ids", Value: composetest.IDs}}}
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

// A target of <Uri> children alone reaches every part: the allow-list
// takes each <Uri>'s edge and transport, and the REST form dials the
// first <Uri> and says what it leaves out.
func TestSipChildrenReachEveryPart(t *testing.T) {
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
