package twiml

import (
	"strings"
	"testing"

	"github.com/beevik/etree"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/resolve"
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
	if err := x.ReadFromString(rendered(composetest.Full())); err != nil {
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
	got := rendered(document.Document{Targets: []document.Target{{User: "jack", Host: "example.com"}}})
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
	got := rendered(document.Document{Dial: document.Dial{Timeout: 20}})
	want := `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Dial timeout="20"/>
</Response>
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// XML escaping is etree's job and only where XML needs it: & and < in
// text (quotes stay as typed, as in Twilio's docs); &, < and " in
// attributes; line breaks and tabs in attributes as character references
// so they survive parsing.
func TestTwiMLEscaping(t *testing.T) {
	got := rendered(document.Document{
		Dial:    document.Dial{Action: `/done?a=1&b="2"<'3'>`, CallerID: "x\ty"},
		Targets: []document.Target{{Host: "h", URL: "/s?x=1&y=2"}},
	})
	for _, want := range []string{
		`action="/done?a=1&amp;b=&quot;2&quot;&lt;'3'>"`,
		`callerId="x&#x9;y"`,
		`url="/s?x=1&amp;y=2"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("TwiML lacks %s:\n%s", want, got)
		}
	}
	composetest.WellFormed(t, got)
	x := etree.NewDocument()
	if err := x.ReadFromString(got); err != nil {
		t.Fatal(err)
	}
	if got := x.FindElement("//Dial").SelectAttrValue("action", ""); got != `/done?a=1&b="2"<'3'>` {
		t.Errorf("action reads back as %q", got)
	}
}

// The <Sip> text reads back as exactly the URI, whatever the values.
func TestTwiMLSipTextReadsBack(t *testing.T) {
	targets := []document.Target{
		{User: `a"b'c`, Host: "h", Headers: []document.Header{{Name: "X-A", Value: `<>&"'`}, {Name: "X-B", Value: "]]>"}}},
		{Host: "h", UUI: document.UUI{Data: "x&y", Encoding: "a<b"}},
	}
	doc := document.Document{Targets: targets}
	res := resolve.Document(doc)
	got := Render(doc, res)
	x := etree.NewDocument()
	if err := x.ReadFromString(got); err != nil {
		t.Fatal(err)
	}
	for i, sip := range x.FindElements("//Sip") {
		if sip.Text() != res[i].URI {
			t.Errorf("Sip %d reads back as %q, want %q", i, sip.Text(), res[i].URI)
		}
	}
	if !strings.Contains(got, `sip:a%22b'c@h?`) {
		t.Errorf("the quote in the user part: %s", got)
	}
}

// rendered is the TwiML Compose writes for doc.
func rendered(doc document.Document) string { return Render(doc, resolve.Document(doc)) }

func TestRenderGolden(t *testing.T) {
	for name, doc := range map[string]document.Document{"full": composetest.Full(), "sequential": composetest.Sequential(), "templated": composetest.Templated(), "empty": {}} {
		composetest.Golden(t, name+".xml", rendered(doc))
	}
}
