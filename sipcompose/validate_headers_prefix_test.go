package sipcompose

import (
	"slices"
	"strings"
	"testing"
)

// TestHeaderPrefix: a fresh row's "X-" and a name pasted after it are
// diagnosed, a row with no name adds nothing to the URI, and a proper X-
// name has no prefix finding.
func TestHeaderPrefix(t *testing.T) {
	doc := func(names ...string) Document {
		tg := Target{User: "alice", Host: "pbx.example.com"}
		for _, n := range names {
			tg.Headers = append(tg.Headers, Header{Name: n})
		}
		return Document{Targets: []Target{tg}}
	}
	for _, tc := range []struct {
		name, code string
		sev        Severity
		phrase     string
	}{
		{"X-", "header-name-incomplete", SeverityError, "only the prefix"},
		{"x-", "header-name-incomplete", SeverityError, "only the prefix"},
		{"X-X-customName", "header-name-double-prefix", SeverityWarning, `did you mean "X-customName"`},
		{"x-X-a", "header-name-double-prefix", SeverityWarning, `did you mean "X-a"`},
	} {
		r := Compose(doc(tc.name))
		i := slices.IndexFunc(r.Diagnostics, func(d Diagnostic) bool { return d.Code == tc.code })
		if i < 0 {
			t.Errorf("%q: no %s in %+v", tc.name, tc.code, r.Diagnostics)
			continue
		}
		if d := r.Diagnostics[i]; d.Severity != tc.sev || d.Field != "targets[0].headers[0].name" || !strings.Contains(d.Message, tc.phrase) {
			t.Errorf("%q: %+v, want %s on the name saying %q", tc.name, d, tc.sev, tc.phrase)
		}
	}
	for _, name := range []string{"X-customName", "X-Xylophone", "User-to-User"} {
		for _, d := range Validate(doc(name)) {
			if strings.HasPrefix(d.Code, "header-name-") {
				t.Errorf("%q: %+v", name, d)
			}
		}
	}
	if r := Compose(doc("", "X-A")); r.URIs[0] != "sip:alice@pbx.example.com?X-A=" || len(r.Diagnostics) != 0 {
		t.Errorf("an empty row: URI %q, diagnostics %+v; want it to add nothing", r.URIs[0], r.Diagnostics)
	}
}

func TestHostWithPort(t *testing.T) {
	for host, want := range map[string]bool{"pbx.example.com:5070": true, "203.0.113.10:5060": true, "pbx.example.com": false, "[2001:db8::1]": false, "pbx.example.com:": false, "pbx.example.com:50a": false} {
		doc := Document{Targets: []Target{{User: "a", Host: host}}}
		found := slices.ContainsFunc(Validate(doc), func(d Diagnostic) bool {
			return d.Code == "host-with-port" && d.Field == "targets[0].host" && strings.Contains(d.Message, "use the Port field")
		})
		if found != want {
			t.Errorf("%q: host-with-port %v, want %v", host, found, want)
		}
	}
}
