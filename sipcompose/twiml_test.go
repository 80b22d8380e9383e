package sipcompose

import (
	"strings"
	"testing"

	"github.com/beevik/etree"

	"sipcompose/sipcompose/internal/composetest"
)

// attrNames lists e's attribute names in document order.
func attrNames(e *etree.Element) string {
	var names []string
	for _, a := range e.Attr {
		names = append(names, a.Key)
	}
	return strings.Join(names, " ")
}

func TestTwiMLAttributeOrder(t *testing.T) {
	x := etree.NewDocument()
	if err := x.ReadFromString(Compose(composetest.Full()).TwiML); err != nil {
		t.Fatal(err)
	}
	dial := x.FindElement("/Response/Dial")
	const wantDial = "action method timeout hangupOnStar timeLimit callerId record trim recordingStatusCallback " +
		"recordingStatusCallbackMethod recordingStatusCallbackEvent recordingTrack answerOnBridge ringTone referUrl referMethod sequential"
	if got := attrNames(dial); got != wantDial {
		t.Errorf("Dial attributes:\n%s\nwant\n%s", got, wantDial)
	}
	sips := dial.SelectElements("Sip")
	const wantSip = "username password url method statusCallbackEvent statusCallback statusCallbackMethod machineDetection " +
		"machineDetectionTimeout machineDetectionSpeechThreshold machineDetectionSpeechEndThreshold machineDetectionSilenceTimeout " +
		"amdStatusCallback amdStatusCallbackMethod"
	if got := attrNames(sips[0]); got != wantSip {
		t.Errorf("Sip attributes:\n%s\nwant\n%s", got, wantSip)
	}
	if got := attrNames(sips[1]); got != "" {
		t.Errorf("second Sip has attributes %q; zero values must be omitted", got)
	}
}

func TestTwiMLLayout(t *testing.T) {
	got := Compose(Document{Targets: []Target{{User: "jack", Host: "example.com"}}}).TwiML
	want := `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Dial>
    <Sip>sip:jack@example.com</Sip>
  </Dial>
</Response>
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTwiMLNoTargets(t *testing.T) {
	r := Compose(Document{Dial: Dial{Timeout: 20}})
	want := `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Dial timeout="20"/>
</Response>
`
	if r.TwiML != want {
		t.Errorf("got\n%s\nwant\n%s", r.TwiML, want)
	}
	if len(r.Diagnostics) == 0 || r.Diagnostics[0].Code != "no-targets" || r.Diagnostics[0].Severity != SeverityError {
		t.Errorf("diagnostics %+v, want the no-targets error first", r.Diagnostics)
	}
	if r.URIs == nil || r.Diagnostics == nil {
		t.Error("URIs and Diagnostics must be empty slices, not nil (JSON [] rather than null)")
	}
}

// XML escaping is etree's job and only where XML needs it: & and < in
// text (quotes stay as typed, as in Twilio's docs); &, < and " in
// attributes; line breaks and tabs in attributes as character references
// so they survive parsing.
func TestTwiMLEscaping(t *testing.T) {
	r := Compose(Document{
		Dial:    Dial{Action: `/done?a=1&b="2"<'3'>`, CallerID: "x\ty"},
		Targets: []Target{{Host: "h", URL: "/s?x=1&y=2"}},
	})
	for _, want := range []string{
		`action="/done?a=1&amp;b=&quot;2&quot;&lt;'3'>"`,
		`callerId="x&#x9;y"`,
		`url="/s?x=1&amp;y=2"`,
	} {
		if !strings.Contains(r.TwiML, want) {
			t.Errorf("TwiML lacks %s:\n%s", want, r.TwiML)
		}
	}
	wellFormed(t, r.TwiML)
	x := etree.NewDocument()
	if err := x.ReadFromString(r.TwiML); err != nil {
		t.Fatal(err)
	}
	if got := x.FindElement("//Dial").SelectAttrValue("action", ""); got != `/done?a=1&b="2"<'3'>` {
		t.Errorf("action reads back as %q", got)
	}
}

// The <Sip> text reads back as exactly the URI, whatever the values.
func TestTwiMLSipTextReadsBack(t *testing.T) {
	targets := []Target{
		{User: `a"b'c`, Host: "h", Headers: []Header{{Name: "X-A", Value: `<>&"'`}, {Name: "X-B", Value: "]]>"}}},
		{Host: "h", UUI: UUI{Data: "x&y", Encoding: "a<b"}},
	}
	r := Compose(Document{Targets: targets})
	x := etree.NewDocument()
	if err := x.ReadFromString(r.TwiML); err != nil {
		t.Fatal(err)
	}
	for i, sip := range x.FindElements("//Sip") {
		if sip.Text() != r.URIs[i] {
			t.Errorf("Sip %d reads back as %q, want %q", i, sip.Text(), r.URIs[i])
		}
	}
	if !strings.Contains(r.TwiML, `sip:a%22b'c@h?`) {
		t.Errorf("the quote in the user part: %s", r.TwiML)
	}
}

// Characters XML cannot carry are replaced, never written, and the
// validator names the field.
func TestTwiMLInvalidCharacters(t *testing.T) {
	r := Compose(Document{
		Dial:    Dial{Action: "/a\x00b"},
		Targets: []Target{{Host: "h", Username: "u\xffv", Password: "p\x1bq", URL: "/ok\uFFFE"}},
	})
	wellFormed(t, r.TwiML)
	for _, want := range []string{"action=\"/a\uFFFDb\"", "username=\"u\uFFFDv\"", "password=\"p\uFFFDq\"", "url=\"/ok\uFFFD\""} {
		if !strings.Contains(r.TwiML, want) {
			t.Errorf("TwiML lacks %s:\n%s", want, r.TwiML)
		}
	}
	want := map[string]string{
		"dial.action":         "text-control-character",
		"targets[0].username": "text-invalid",
		"targets[0].password": "text-control-character",
		"targets[0].url":      "text-control-character",
	}
	for _, d := range r.Diagnostics {
		if want[d.Field] == d.Code && d.Severity == SeverityError {
			delete(want, d.Field)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing diagnostics %v in %+v", want, r.Diagnostics)
	}
}
