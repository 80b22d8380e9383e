package app

import "testing"

func TestKindOf(t *testing.T) {
	for text, want := range map[string]pasteKind{
		`<?xml version="1.0"?><Response/>`:                         pasteTwiML,
		"  <Response><Dial><Sip>sip:a@b</Sip></Dial></Response>\n": pasteTwiML,
		"<sip:alice@pbx.example.com>":                              pasteURI,
		"SIP:alice@pbx.example.com;transport=tls":                  pasteURI,
		"sips:alice@pbx.example.com":                               pasteURI,
		"alice@pbx.example.com":                                    pasteURI,
		"tel:+14155550100":                                         pasteURI,
		"https://sipcompose.example/#doc=eyJ0YXJnZXRzIjpbXX0":      pasteLink,
		"doc=eyJ0YXJnZXRzIjpbXX0":                                  pasteLink,
		"":                                                         pasteUnknown,
		"please call alice@pbx.example.com":                        pasteUnknown,
		"pbx.example.com":                                          pasteUnknown,
	} {
		if got := kindOf(text); got != want {
			t.Errorf("kindOf(%q) = %d, want %d", text, got, want)
		}
	}
}
