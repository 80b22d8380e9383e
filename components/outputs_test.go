package components

import (
	"strings"
	"testing"
)

// TestShownPart: an output is shown whole unless a line or the whole is
// too long; then each long line shows its start and an ellipsis, the whole
// at most shownLimit characters, never half a character.
func TestShownPart(t *testing.T) {
	long := strings.Repeat("v", 200_000)
	for _, c := range []struct {
		name, in, want string
		cut            bool
	}{
		{"short", "<Response/>\n", "<Response/>\n", false},
		{"lines at the limit", strings.Repeat("a", lineLimit-1) + "\n" + strings.Repeat("b", lineLimit), strings.Repeat("a", lineLimit-1) + "\n" + strings.Repeat("b", lineLimit), false},
		{"a long line", "<Sip>" + long + "</Sip>\n<Dial/>\n", "<Sip>" + long[:lineLimit-5] + "…\n<Dial/>\n", true},
		{"a long last line", "a\n" + long, "a\n" + long[:lineLimit] + "…", true},
		{"many lines", strings.Repeat(strings.Repeat("x", 99)+"\n", 1000), strings.Repeat(strings.Repeat("x", 99)+"\n", shownLimit/100), true},
		{"a character across the cut", strings.Repeat("a", lineLimit-1) + "é" + long, strings.Repeat("a", lineLimit-1) + "…", true},
	} {
		got, cut := shownPart(c.in)
		if got != c.want || cut != c.cut {
			t.Errorf("%s: shownPart gave %d characters (cut %v), want %d (cut %v); ends %q", c.name, len(got), cut, len(c.want), c.cut, got[max(0, len(got)-20):])
		}
	}
}
