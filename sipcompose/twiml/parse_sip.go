package twiml

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/beevik/etree"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/sipuri"
)

// uriAttrs and headerAttrs are the attributes Twilio's helper libraries
// define for <Uri> and <Header> (twilio-go 1.31's VoiceUri, VoiceHeader).
var uriAttrs = map[string]func(u *document.SipURI, v string){
	"priority": func(u *document.SipURI, v string) { u.Priority = v },
	"weight":   func(u *document.SipURI, v string) { u.Weight = v },
	"username": func(u *document.SipURI, v string) { u.Username = v },
	"password": func(u *document.SipURI, v string) { u.Password = v },
}

var headerAttrs = map[string]func(h *document.Header, v string){
	"name":  func(h *document.Header, v string) { h.Name = v },
	"value": func(h *document.Header, v string) { h.Value = v },
}

// sipChildren reads the <Uri> and <Headers> children of a <Sip>, which
// Twilio's helper libraries write (twilio-go since 1.30, twilio-python
// since 9.10), keeping every value as written. A header where Twilio
// takes none (<SipHeader>, a <Header> without <Headers>) is read as meant
// (misplaced, for the caller to put in the URI, or in headers); anything
// else inside <Sip> is named and not kept. Both are errors: Twilio
// rejects or ignores them.
func (p *parser) sipChildren(field string, sip *etree.Element) (uris []document.SipURI, headers, misplaced []document.Header) {
	var other dropped
	for _, c := range sip.ChildElements() {
		h, isHeader := misplacedHeader(c)
		switch {
		case c.FullTag() == "Uri":
			f := fmt.Sprintf("%s.uris[%d]", field, len(uris))
			u := document.SipURI{URI: ownText(c)}
			readAttrs(p, f, c, &u, uriAttrs)
			p.rawAmps(c, f+".uri", func(key string) string { return f + "." + key })
			uris = append(uris, u)
		case c.FullTag() == "Headers":
			headers = p.headerElements(field, c, headers)
		case isHeader && c.FullTag() == "Header":
			f := fmt.Sprintf("%s.headerElements[%d]", field, len(headers))
			p.bareHeaderElement(f, h)
			p.rawAmps(c, f, func(key string) string { return f + "." + key })
			headers = append(headers, h)
		case isHeader:
			misplaced = append(misplaced, h)
			p.rawAmps(c, field+".headers", func(string) string { return field + ".headers" })
		default:
			other.add(c)
		}
	}
	p.rejectedChildren(other, field, "Sip", sipUnknownWords, "Uri", "Headers")
	return uris, headers, misplaced
}

// headerElements appends the <Header name value/> rows of one <Headers>.
func (p *parser) headerElements(field string, e *etree.Element, rows []document.Header) []document.Header {
	for _, a := range e.Attr {
		p.notKept(field, "Headers", a, nil)
	}
	if text := ownText(e); text != "" {
		p.add(document.SeverityWarning, "parse-not-kept", field, "<Headers> had text (%q); only <Header name value/> rows are read from it, so it was not kept.", text)
	}
	var other dropped
	defer func() {
		p.rejectedChildren(other, field, "Headers", notInSchema("Twilio's helper libraries put only <Header name value/> rows in <Headers>."), "Header")
	}()
	for _, c := range e.ChildElements() {
		if c.FullTag() != "Header" {
			other.add(c)
			continue
		}
		f := fmt.Sprintf("%s.headerElements[%d]", field, len(rows))
		var h document.Header
		readAttrs(p, f, c, &h, headerAttrs)
		p.rawAmps(c, f, func(key string) string { return f + "." + key })
		if h == (document.Header{}) {
			p.add(document.SeverityWarning, "parse-not-kept", field, "A <Header> with no name and no value was not kept.")
			continue
		}
		rows = append(rows, h)
	}
	return rows
}

// readAttrs reads the attributes of a <Uri> or <Header> into v and
// reports what it holds besides them and its text: the helper libraries
// give neither any children.
func readAttrs[T any](p *parser, field string, e *etree.Element, v *T, known map[string]func(*T, string)) {
	p.repeatedAttrs(field, e)
	for _, a := range e.Attr {
		if set, ok := known[a.FullKey()]; ok {
			set(v, a.Value)
		} else {
			p.notKept(field, e.FullTag(), a, slices.Collect(maps.Keys(known)))
		}
	}
	var other dropped
	for _, c := range e.ChildElements() {
		other.add(c)
	}
	p.rejectedChildren(other, field, e.FullTag(), notInSchema("Twilio's helper libraries give <"+e.FullTag()+"> no child elements."))
	if e.FullTag() == "Header" && ownText(e) != "" {
		p.add(document.SeverityWarning, "parse-not-kept", field+".value", "<Header> had text (%q): the value is its value attribute, so the text was not kept.", ownText(e))
	}
}

// writtenLengths checks Twilio's URI limits on a <Sip> URI as the TwiML
// wrote it, since that is what Twilio reads: the TwiML composed from the
// import may encode the headers differently, and Validate measures that.
// (A <Uri> is composed as written, so Validate measures it as written.)
func (p *parser) writtenLengths(field, uri string) {
	base, headers, _ := strings.Cut(strings.TrimSpace(uri), "?")
	if len(base) > sipuri.MaxURILength {
		p.add(document.SeverityError, "uri-too-long", field+".host",
			"As written, the SIP URI (without headers) is %d characters; Twilio needs fewer than 255 (error 13243).", len(base))
	}
	if len(headers) > sipuri.MaxHeadersLength {
		p.add(document.SeverityError, "headers-too-long", field+".headers",
			"As written, the headers part of the URI is %d characters; Twilio needs fewer than 1024 (errors 21227, 13251).", len(headers))
	}
}

// writtenForm counts the header values of a <Sip> URI that show how they
// were encoded: a raw - . _ or ~ is the compact form, one of them encoded
// (%2D %2E %5F %7E) Twilio's documented form. Values with none of the four
// read the same in both.
func (p *parser) writtenForm(uri string) {
	_, headers, _ := strings.Cut(uri, "?")
	headers, _ = sipuri.UnescapeAmp(headers)
	for _, h := range strings.Split(headers, "&") {
		_, value, _ := strings.Cut(h, "=")
		if strings.ContainsAny(value, "-._~") {
			p.written.compact++
		}
		upper := strings.ToUpper(value)
		for _, e := range []string{"%2D", "%2E", "%5F", "%7E"} {
			if strings.Contains(upper, e) {
				p.written.documented++
				break
			}
		}
	}
}
