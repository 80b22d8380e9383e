package param

import "testing"

func TestXMLSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"tab\tlf\ncr\r", "tab\tlf\ncr\r"},
		{"nul\x00", "nul\uFFFD"},
		{"esc\x1b", "esc\uFFFD"},
		{"bad\xff\xfe", "bad\uFFFD"},
		{"nonchar\uFFFF", "nonchar\uFFFD"},
		{"emoji 📞 עברית", "emoji 📞 עברית"},
	}
	for _, tc := range tests {
		if got := XMLSafe(tc.in); got != tc.want {
			t.Errorf("XMLSafe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
