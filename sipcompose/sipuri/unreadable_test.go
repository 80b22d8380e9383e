package sipuri

import "testing"

// A pasted URI is refused only when it is no SIP URI at all.
func TestUnreadableURI(t *testing.T) {
	for in, refused := range map[string]string{
		"":                            "uri-empty",
		"tel:+14155550100":            "uri-scheme",
		"sip:alice@pbx.example.com:0": "",
		"sip:alice@pbx example.com":   "",
		"sip:alice@":                  "",
		"sip:a@b.example.com?X-A=%zz": "",
	} {
		_, diags := Parse(in)
		got := Unreadable(diags)
		if refused == "" && got != nil || refused != "" && (len(got) != 1 || got[0].Code != refused) {
			t.Errorf("%q: refused by %+v, want %q", in, got, refused)
		}
	}
}
