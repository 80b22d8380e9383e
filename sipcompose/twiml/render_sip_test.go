package twiml

import (
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
)

func TestTwiMLSipChildren(t *testing.T) {
	got := rendered(composetest.URIDocument())
	want := `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Dial recordingConfigurationId="JX123" events="call-progress-event" passports="eyJh">
    <Sip>
      <Uri priority="1" weight="10" username="u" password="p1">sip:a@one.example.com?X-A=1&amp;X-B=2</Uri>
      <Uri>sip:b@two.example.com</Uri>
      <Headers>
        <Header name="X-C" value="a &amp; b"/>
        <Header name="X-D"/>
      </Headers>
    </Sip>
    <Sip>sip:c@three.example.com
      <Headers>
        <Header name="X-E" value="1"/>
      </Headers>
    </Sip>
  </Dial>
</Response>
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A <Headers> list whose rows all lack a name writes nothing: no element,
// and no line break inside the <Sip> text, which is the URI Twilio reads.
func TestSipTextHasNoIndentForUnnamedHeaderElements(t *testing.T) {
	doc := document.Document{Targets: []document.Target{{User: "a", Host: "h.example.com", HeaderElements: []document.Header{{Name: "", Value: "unfinished"}}}}}
	if got, want := rendered(doc), "    <Sip>sip:a@h.example.com</Sip>\n"; !strings.Contains(got, want) {
		t.Errorf("TwiML lacks %q:\n%s", want, got)
	}
}
