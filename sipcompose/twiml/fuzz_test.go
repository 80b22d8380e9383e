package twiml

import (
	"testing"

	"sipcompose/sipcompose/internal/composetest"
)

func FuzzParse(f *testing.F) {
	f.Add(rendered(composetest.Full()))
	f.Add("<Response><Dial><Sip>sip:a@b</Sip><Number>1</Number></Dial></Response>")
	f.Add("<Response><Dial timeout='x'><Sip><Uri/></Sip></Dial>")
	f.Add(`<Response><Dial><Sip><Uri priority="1" weight="2" username="u" password="p">sip:a@b?X-A=1&amp;X-B=2</Uri><Uri>sip:c@d</Uri><Headers><Header name="X-C" value="1"/></Headers></Sip></Dial></Response>`)
	f.Add(`<Response><Dial timeout="0" answerOnBridge="True"><Sip>sip:a@b?x-foo%3Dbar&amp;k=1;transport=TCP<Headers><Header/><X/></Headers><Uri><Uri/></Uri></Sip></Dial></Response>`)
	f.Add("<Response><Dial action=\"/n?a=1&b=2\"><Sip>sip:a@b?X-A=1&X-B=2&amp;X-C=3&X-D</Sip></Dial><Say>Tom & Jerry</Say></Response>")
	f.Add("<Response>\r\n<Dial>é<Sip url='a&b'>sip:a@b&</Sip></Dail>")
	f.Add(`<Response><Dial callerId="{{#e164}}{{From}}{{/e164}}"><Sip>sip:{{To}}@pbx.example.com?X-Case={{Case}}&X-From={{ From }}<SipHeader name="X-A">{{A}}</SipHeader></Sip></Dial></Response>`)
	f.Fuzz(func(t *testing.T, s string) {
		// The scanner refuses nothing encoding/xml takes but what XML
		// forbids, and reads no & of it as raw.
		if decodeAll(s) == nil {
			if syn := readSyntax(s); syn.err != nil && !syn.err.lenient || len(syn.fixes) > 0 {
				t.Fatalf("encoding/xml reads %q, the scanner: %+v, %d raw &", s, syn.err, len(syn.fixes))
			}
		}
		doc, diags := Parse(s)
		for _, d := range diags {
			if d.Code == "" || d.Message == "" {
				t.Fatalf("empty diagnostic %+v", d)
			}
		}
		// Whatever import kept, the TwiML made of it imports unchanged.
		first := rendered(doc)
		composetest.WellFormed(t, first)
		again, _ := Parse(first)
		if second := rendered(again); second != first {
			t.Fatalf("%q imported as\n%s\nwhich imports as\n%s", s, first, second)
		}
	})
}
