package sipuri

import (
	"reflect"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
)

func FuzzParseURI(f *testing.F) {
	for _, tc := range composetest.TwilioForms {
		f.Add(Build(tc.Target))
	}
	f.Add("sips:a:pw@[::1]:5060;lr;transport=TLS?X-A=%zz&&User-to-User=AB;encoding=hex&amp;")
	f.Add("tel:+1")
	f.Add("sip:{{#e164}}{{To}}{{/e164}}@{{Host}};edge=dublin?X-{{Name}}={{ Case }}&X-E=%7B%7BCase%7D%7D&X-T={{{Raw}}}")
	f.Fuzz(func(t *testing.T, s string) {
		tg, diags := Parse(s)
		for _, d := range diags {
			if d.Code == "" || d.Message == "" {
				t.Fatalf("empty diagnostic %+v", d)
			}
		}
		// Build promises a faithful URI only for a valid host: a host like
		// "[a]b]" has no URI that reads back. Other findings (a header name
		// Twilio refuses) must still read back.
		if document.HasErrors(diags) || !ValidHost(tg.Host) {
			return
		}
		uri := Build(tg)
		again, diags := Parse(uri)
		if document.HasErrors(diags) {
			t.Fatalf("%q built %q, which does not parse: %+v", s, uri, diags)
		}
		if !reflect.DeepEqual(again, tg) {
			t.Fatalf("%q read as\n%+v\nbuilt %q, read back as\n%+v", s, tg, uri, again)
		}
	})
}
