package validate

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
)

// TestHeaderPrefix: a fresh row's "X-" and a name pasted after it are
// diagnosed, in the URI's header rows and in the <Header> elements alike,
// at the row's name; a row with no name adds nothing to the URI, and a
// proper X- name has no prefix finding.
func TestHeaderPrefix(t *testing.T) {
	for _, list := range []string{"headers", "headerElements"} {
		doc := func(names ...string) document.Document {
			tg := document.Target{User: "alice", Host: "pbx.example.com"}
			for _, n := range names {
				if list == "headers" {
					tg.Headers = append(tg.Headers, document.Header{Name: n})
				} else {
					tg.HeaderElements = append(tg.HeaderElements, document.Header{Name: n})
				}
			}
			return document.Document{Targets: []document.Target{tg}}
		}
		for _, tc := range []struct {
			name, code string
			sev        document.Severity
			phrase     string
		}{
			{"X-", "header-name-incomplete", document.SeverityError, "only the prefix"},
			{"x-", "header-name-incomplete", document.SeverityError, "only the prefix"},
			{"X-X-customName", "header-name-double-prefix", document.SeverityWarning, `did you mean "X-customName"`},
			{"x-X-a", "header-name-double-prefix", document.SeverityWarning, `did you mean "X-a"`},
		} {
			diags := validated(doc(tc.name))
			i := slices.IndexFunc(diags, func(d document.Diagnostic) bool { return d.Code == tc.code })
			if i < 0 {
				t.Errorf("%s %q: no %s in %+v", list, tc.name, tc.code, diags)
				continue
			}
			if d := diags[i]; d.Severity != tc.sev || d.Field != "targets[0]."+list+"[0].name" || !strings.Contains(d.Message, tc.phrase) {
				t.Errorf("%s %q: %+v, want %s on the name saying %q", list, tc.name, d, tc.sev, tc.phrase)
			}
		}
		for _, name := range []string{"X-customName", "X-Xylophone", "User-to-User"} {
			for _, d := range validated(doc(name)) {
				if strings.HasPrefix(d.Code, "header-name-") {
					t.Errorf("%s %q: %+v", list, name, d)
				}
			}
		}
	}
	empty := document.Document{Targets: []document.Target{{User: "alice", Host: "pbx.example.com", Headers: []document.Header{{}, {Name: "X-A"}}}}}
	if uri, diags := resolve.Document(empty)[0].URI, validated(empty); uri != "sip:alice@pbx.example.com?X-A=" || len(diags) != 0 {
		t.Errorf("an empty row: URI %q, diagnostics %+v; want it to add nothing", uri, diags)
	}
}

// TestHeaderElementNames: every name rule of the URI's header rows holds
// for <Header> elements, at the element's name; where the rule is one
// Twilio documents only for the URI's headers, the message says so, and
// the URI's rows never carry that caveat.
func TestHeaderElementNames(t *testing.T) {
	for _, tc := range []struct {
		why     string
		uui     document.UUI
		headers []document.Header
		name    string
		code    string
		phrase  string
		caveat  bool
	}{
		{why: "not a token", name: "X-Bad Name", code: "header-name-invalid", phrase: "13252", caveat: true},
		{why: "X-Twilio in any case", name: "x-TWILIO-a", code: "header-name-reserved", phrase: "32113", caveat: true},
		{why: "not X- nor standard", name: "Contact", code: "header-name-not-allowed", phrase: "X-Contact", caveat: true},
		{why: "X- alone", name: "X-", code: "header-name-incomplete", phrase: "only the prefix"},
		{why: "X- twice", name: "X-X-Case", code: "header-name-double-prefix", phrase: `"X-Case"`},
		{why: "UUI rules", name: "user-to-user", code: "uui-not-hex", phrase: "hex digits"},
		{why: "also a URI header, any case", headers: []document.Header{{Name: "X-Case", Value: "1"}}, name: "x-case", code: "header-duplicate", phrase: "also header 1 in the URI"},
		{why: "also the UUI", uui: document.UUI{Data: "0A"}, name: "User-To-User", code: "header-duplicate", phrase: "also UUI"},
		{why: "also the UUI under its other name", uui: document.UUI{Data: "0A"}, name: "X-User-to-User", code: "header-duplicate", phrase: "also UUI"},
	} {
		tg := document.Target{User: "alice", Host: "pbx.example.com", UUI: tc.uui, Headers: tc.headers, HeaderElements: []document.Header{{Name: tc.name, Value: "zz"}}}
		field := "targets[0].headerElements[0].name"
		if tc.code == "uui-not-hex" {
			field = "targets[0].headerElements[0].value"
		}
		diags := validated(document.Document{Targets: []document.Target{tg}})
		i := slices.IndexFunc(diags, func(d document.Diagnostic) bool { return d.Code == tc.code && d.Field == field })
		if i < 0 {
			t.Errorf("%s (%q): no %s at %s in %+v", tc.why, tc.name, tc.code, field, diags)
			continue
		}
		msg := diags[i].Message
		if !strings.Contains(msg, tc.phrase) || strings.Contains(msg, "none for <Header> elements") != tc.caveat {
			t.Errorf("%s (%q): %q, want %q and the undocumented caveat %v", tc.why, tc.name, msg, tc.phrase, tc.caveat)
		}
		// The same name as a URI header: the same finding, no caveat.
		uri := document.Target{User: "alice", Host: "pbx.example.com", UUI: tc.uui, Headers: append(slices.Clone(tc.headers), document.Header{Name: tc.name, Value: "zz"})}
		row := strings.Replace(field, "headerElements[0]", "headers["+strconv.Itoa(len(tc.headers))+"]", 1)
		diags = validated(document.Document{Targets: []document.Target{uri}})
		if j := slices.IndexFunc(diags, func(d document.Diagnostic) bool { return d.Code == tc.code && d.Field == row }); j < 0 || strings.Contains(diags[j].Message, "<Header> elements") {
			t.Errorf("%s (%q) as a URI header: want %s at %s without the caveat in %+v", tc.why, tc.name, tc.code, row, diags)
		}
	}
}

func TestHostWithPort(t *testing.T) {
	for host, want := range map[string]bool{"pbx.example.com:5070": true, "203.0.113.10:5060": true, "pbx.example.com": false, "[2001:db8::1]": false, "pbx.example.com:": false, "pbx.example.com:50a": false} {
		doc := document.Document{Targets: []document.Target{{User: "a", Host: host}}}
		found := slices.ContainsFunc(validated(doc), func(d document.Diagnostic) bool {
			return d.Code == "host-with-port" && d.Field == "targets[0].host" && strings.Contains(d.Message, "use the Port field")
		})
		if found != want {
			t.Errorf("%q: host-with-port %v, want %v", host, found, want)
		}
	}
}
