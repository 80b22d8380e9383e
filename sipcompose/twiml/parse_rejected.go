package twiml

import (
	"fmt"

	"github.com/beevik/etree"

	"sipcompose/sipcompose/document"
)

// dialNouns are the nouns <Dial> takes besides <Sip>, in twilio-go 1.31's
// VoiceDial: Twilio dials them, and import does not keep them. Any other
// element inside <Dial> is not TwiML Twilio knows there.
var dialNouns = []string{"Application", "Client", "Conference", "Number", "Queue", "Sim", "WhatsApp"}

// tagList writes names as tags: "<Number>".
func tagList(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "<" + n + ">"
	}
	return out
}

// notInSchema says what Twilio does with an element its reference does not
// allow where allowed (a sentence) says what is: Twilio's errors name a
// schema warning (12200) for TwiML it does not expect, and one published
// <Sip> with a <SipHeader> inside was rejected on every call; which of the
// two an element gets, Twilio does not document.
func notInSchema(allowed string) string {
	return allowed + " Twilio does not say whether it rejects the call for another element or ignores it (warning 12200, schema validation); either way the element does nothing."
}

// sipUnknownWords is notInSchema for <Sip>, with what Twilio did with the
// one such element seen on real calls.
const sipUnknownWords = "Twilio's <Sip> holds its SIP URI as text, and Twilio's helper libraries add only <Uri> and <Headers>. For another element Twilio may reject the call, as it rejects every call whose <Sip> holds a <SipHeader> (\"Dial->Sip: Invalid SIP URI\", error 13243), or ignore it; Twilio does not say which."

// misplacedHeader reads an element that carries a custom header where
// Twilio takes none: a <SipHeader name="X-A">1</SipHeader> (or with a
// value attribute), or a <Header name value/> without its <Headers>. It
// returns the header as meant, and whether e is one.
func misplacedHeader(e *etree.Element) (document.Header, bool) {
	switch e.FullTag() {
	case "SipHeader", "Header":
	default:
		return document.Header{}, false
	}
	h := document.Header{Name: e.SelectAttrValue("name", ""), Value: e.SelectAttrValue("value", ownText(e))}
	return h, h.Name != ""
}

// sipHeaderElement says that Twilio rejects the <SipHeader> a <Sip> held,
// which import kept as the URI header at field.
func (p *parser) sipHeaderElement(field string, h document.Header) {
	p.add(document.SeverityError, "parse-rejected", field,
		"<SipHeader name=%q> inside <Sip>: Twilio rejects this <Sip> on every call (\"Dial->Sip: Invalid SIP URI\", error 13243), since <SipHeader> is no TwiML element. A custom header goes in the SIP URI (?%s=…) or in <Headers><Header name=\"%s\" value=\"…\"/></Headers>. It was read as the URI header %s, which the TwiML composed here writes in the URI.",
		h.Name, h.Name, h.Name, h.Name)
}

// bareHeaderElement says that a <Header> stood in <Sip> without its
// <Headers>, which import kept as the <Header> element at field.
func (p *parser) bareHeaderElement(field string, h document.Header) {
	p.add(document.SeverityError, "parse-rejected", field,
		"<Header name=%q> directly inside <Sip>: Twilio's helper libraries write <Header> inside <Headers>, and Twilio does not say what it does with one outside: it may reject the call, as it does for a <SipHeader> there (\"Dial->Sip: Invalid SIP URI\", error 13243), or ignore the header. It was read as a <Header> element, which the TwiML composed here writes inside <Headers>.",
		h.Name)
}

// rejectedChildren reports, once a tag, the elements d holds inside
// parent that Twilio's schema does not allow there.
func (p *parser) rejectedChildren(d dropped, field, parent, words string, want ...string) {
	for _, e := range d.first {
		times := ""
		if n := d.count[e.FullTag()]; n > 1 {
			times = fmt.Sprintf(" (%d of them)", n)
		}
		hints := ""
		for _, w := range want {
			hints += caseHint(e, w)
		}
		p.add(document.SeverityError, "parse-rejected", field, "<%s><%s>%s: %s It was not kept.%s", parent, e.FullTag(), times, words, hints)
	}
}
