package sipcompose

import (
	"reflect"
	"strings"
	"testing"
)

// uriDocument uses every part of a <Sip> the helper libraries write.
func uriDocument() Document {
	return Document{
		Dial: Dial{RecordingConfigurationID: "JX123", Events: "call-progress-event", Passports: "eyJh"},
		Targets: []Target{
			{URIs: []SipURI{{URI: "sip:a@one.example.com?X-A=1&X-B=2", Priority: "1", Weight: "10", Username: "u", Password: "p1"}, {URI: "sip:b@two.example.com"}},
				HeaderElements: []Header{{Name: "X-C", Value: "a & b"}, {Name: "", Value: "unfinished"}, {Name: "X-D", Value: ""}}},
			{User: "c", Host: "three.example.com", HeaderElements: []Header{{Name: "X-E", Value: "1"}}},
		},
	}
}

func TestTwiMLSipChildren(t *testing.T) {
	got := Compose(uriDocument()).TwiML
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

func TestSipChildrenSecretsAndClone(t *testing.T) {
	d := uriDocument()
	if strings.Contains(string(EncodeDocument(WithoutSecrets(d))), "p1") {
		t.Error("a <Uri> password was kept")
	}
	c := d.Clone()
	c.Targets[0].URIs[0].URI = "changed"
	c.Targets[0].HeaderElements[0].Value = "changed"
	if !reflect.DeepEqual(d, uriDocument()) {
		t.Error("editing the clone changed the original")
	}
}

// A <Headers> list whose rows all lack a name writes nothing: no element,
// and no line break inside the <Sip> text, which is the URI Twilio reads.
func TestSipTextHasNoIndentForUnnamedHeaderElements(t *testing.T) {
	doc := Document{Targets: []Target{{User: "a", Host: "h.example.com", HeaderElements: []Header{{Name: "", Value: "unfinished"}}}}}
	if got, want := Compose(doc).TwiML, "    <Sip>sip:a@h.example.com</Sip>\n"; !strings.Contains(got, want) {
		t.Errorf("TwiML lacks %q:\n%s", want, got)
	}
}
