package sipuri

import (
	"reflect"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
)

func TestTags(t *testing.T) {
	tests := []struct {
		in   string
		want []Tag
	}{
		{"{{To}}", []Tag{{"{{To}}", TagVariable, "To", 0}}},
		{"a{{ Body }}b", []Tag{{"{{ Body }}", TagVariable, "Body", 1}}},
		{"{{#e164}}{{To}}{{/e164}}", []Tag{{"{{#e164}}", TagSection, "e164", 0}, {"{{To}}", TagVariable, "To", 9}, {"{{/e164}}", TagClose, "e164", 15}}},
		{"{{{Raw}}}{{^Name}}{{! a note }}{{> part}}", []Tag{{"{{{Raw}}}", TagTriple, "Raw", 0}, {"{{^Name}}", TagInverted, "Name", 9}, {"{{! a note }}", TagComment, "a note", 18}, {"{{> part}}", TagPartial, "part", 31}}},
		{"{{SipHeader_X-Case}}{{a.b}}", []Tag{{"{{SipHeader_X-Case}}", TagVariable, "SipHeader_X-Case", 0}, {"{{a.b}}", TagVariable, "a.b", 20}}},
		// Not tags: nothing a URI's parts are split at, no & or =, no
		// name, no closing braces, a space inside a name.
		{"{{a&b}} {{a@b}} {{& x}} {{=<% %>=}} {{}} {{To} {{phone number}} {To}", nil},
	}
	for _, tc := range tests {
		if got := Tags(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Tags(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
		if HasTags(tc.in) != (tc.want != nil) {
			t.Errorf("HasTags(%q) = %v", tc.in, !(tc.want != nil))
		}
	}
}

// A template tag is written as typed in every part of a URI; what is
// around it is encoded as always.
func TestBuildKeepsTemplateTags(t *testing.T) {
	tests := []struct {
		t    document.Target
		want string
	}{
		{document.Target{User: "{{To}}", Host: "pbx.example.com"}, "sip:{{To}}@pbx.example.com"},
		{document.Target{User: "{{#e164}}{{To}}{{/e164}}", Host: "pbx.example.com"}, "sip:{{#e164}}{{To}}{{/e164}}@pbx.example.com"},
		{document.Target{User: "a b{{ To }}", Host: "{{Host}}", Headers: []document.Header{{Name: "X-Case", Value: "case {{Case}}!"}, {Name: "X-{{Name}}", Value: "{{{From}}}"}}},
			"sip:a%20b{{ To }}@{{Host}}?X-Case=case%20{{Case}}%21&X-{{Name}}={{{From}}}"},
		{document.Target{Host: "h", UUI: document.UUI{Data: "{{UUI}}"}}, "sip:h?User-to-User={{UUI}}%3Bencoding%3Dhex"},
		{document.Target{User: "{{a&b}}", Host: "h"}, "sip:%7B%7Ba%26b%7D%7D@h"},
	}
	for _, tc := range tests {
		if got := Build(tc.t); got != tc.want {
			t.Errorf("Build(%+v) = %s, want %s", tc.t, got, tc.want)
		}
		if got := BuildCompact(tc.t); got != tc.want {
			t.Errorf("BuildCompact(%+v) = %s", tc.t, got)
		}
	}
	if got := PercentEncode("{{From}} +1"); got != "{{From}}%20%2B1" {
		t.Errorf("PercentEncode: %s", got)
	}
}

// Parse reads tags as typed and gives them back byte for byte; a tag
// written percent-encoded (as this tool wrote it before) is read as the
// tag, and said.
func TestParseTemplateTags(t *testing.T) {
	for _, uri := range []string{
		"sip:{{To}}@pbx.example.com?X-Case={{Case}}&X-From={{#e164}}{{From}}{{/e164}}",
		"sip:{{ To }}@{{Host}};transport=tls?X-{{Name}}={{{Raw}}}",
	} {
		tg, diags := Parse(uri)
		if len(diags) != 0 {
			t.Errorf("%s: %+v", uri, diags)
		}
		if got := Build(tg); got != uri {
			t.Errorf("%s built back as %s", uri, got)
		}
	}
	tg, diags := Parse("sip:%7B%7BTo%7D%7D@pbx.example.com?X-Case=%7B%7BCase%7D%7D")
	if tg.User != "{{To}}" || tg.Headers[0].Value != "{{Case}}" ||
		!composetest.HasDiag(diags, document.SeverityWarning, "uri-template-encoded", "user", `"%7B%7BTo%7D%7D" holds a TwiML Bin template tag percent-encoded: a Bin fills only a tag written as typed, so Twilio would have sent the braces. It was read as {{To}}`) ||
		!composetest.HasDiag(diags, document.SeverityWarning, "uri-template-encoded", "headers[0].value", "{{Case}}") {
		t.Errorf("%+v %+v", tg, diags)
	}
}

func TestFill(t *testing.T) {
	values := map[string]string{"To": "sip:+15125551212@acme.sip.us1.twilio.com", "From": "+14155550100", "Case": "42"}
	value := func(name string) string { return values[name] }
	tests := []struct{ in, want string }{
		{"sip:{{Case}}@h", "sip:42@h"},
		{"{{#e164}}{{To}}{{/e164}}", "+15125551212"},
		{"{{#e164}}{{From}}{{/e164}}", "+14155550100"},
		{"{{#Case}}case {{Case}}{{/Case}}{{^Case}}none{{/Case}}", "case 42"},
		{"{{#Nope}}x{{/Nope}}{{^Nope}}none{{/Nope}}{{Nope}}", "none"},
		{"{{! note }}{{> part}}{{{From}}}", "+14155550100"},
		{"{{#e164}}{{To}}", "+15125551212"},
		{"a}}{{b", "a}}{{b"},
	}
	for _, tc := range tests {
		if got := Fill(tc.in, value); got != tc.want {
			t.Errorf("Fill(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
