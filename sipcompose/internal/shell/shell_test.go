package shell

import "testing"

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"sip:a@b;transport=tls?X-A=1&X-B=2": `'sip:a@b;transport=tls?X-A=1&X-B=2'`,
		"it's":                              `'it'\''s'`,
		"":                                  `''`,
		"$(rm -rf /) `x` \"y\"":             `'$(rm -rf /) ` + "`x`" + ` "y"'`,
	} {
		if got := Quote(in); got != want {
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}
