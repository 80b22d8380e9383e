package components

import (
	"reflect"
	"regexp"
	"testing"
)

// rowPathRegexp is what matchRowPath stands for.
var rowPathRegexp = regexp.MustCompile(`^(\w+)\[(\d+)\]$`)

var rowSteps = []string{
	"headers[1]", "targets[0]", "targets[10]", "uris[123]", "headerElements[2]", "a_b9[007]", "x[0]",
	"", "[1]", "headers[]", "headers[1", "headers1]", "headers[1]x", "headers[a]", "headers[-1]", "head ers[1]",
	"headers[1][2]", "headers]1[", "h[1]]", "h[[1]", "é[1]", "h[١]", "host", "dial", "targets[1].host", "h[1]\n",
	"[", "]", "[]", "h[]]", "h[1 ]", "ß[0]", "H-X[3]",
}

func TestMatchRowPathAsRegexp(t *testing.T) {
	for _, s := range rowSteps {
		if got, want := matchRowPath(s), rowPathRegexp.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("matchRowPath(%q) = %q, the regexp gives %q", s, got, want)
		}
	}
}

func FuzzMatchRowPath(f *testing.F) {
	for _, s := range rowSteps {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := matchRowPath(s), rowPathRegexp.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("matchRowPath(%q) = %q, the regexp gives %q", s, got, want)
		}
	})
}
