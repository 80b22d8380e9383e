package twiml

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/beevik/etree"

	"sipcompose/sipcompose/document"
)

// elementPath is e's path of element indexes from the document down, the
// name readSyntax gives the element that holds a raw &: "0/2/1" is the
// second element inside the third inside the first.
func elementPath(e *etree.Element) string {
	var idx []string
	for p := e.Parent(); p != nil; e, p = p, p.Parent() {
		n := 0
		for _, c := range p.ChildElements() {
			if c == e {
				break
			}
			n++
		}
		idx = append(idx, strconv.Itoa(n))
	}
	slices.Reverse(idx)
	return strings.Join(idx, "/")
}

// rawAmps reports the raw & import read as &amp; in e, one diagnostic for
// its text (at field text) and one for each attribute (at the field attr
// names), so each shows beside the field it concerns.
func (p *parser) rawAmps(e *etree.Element, text string, attr func(key string) string) {
	path := elementPath(e)
	found := p.amps[path]
	delete(p.amps, path)
	for len(found) > 0 {
		first := found[0]
		same := func(a rawAmp) bool { return a.attr == first.attr }
		n := len(slices.DeleteFunc(slices.Clone(found), func(a rawAmp) bool { return !same(a) }))
		found = slices.DeleteFunc(found, same)
		field := text
		if first.attr != "" {
			field = attr(first.attr)
		}
		p.add(document.SeverityError, "parse-raw-ampersand", field, "%s It was read as the &amp; it was meant to be, and the TwiML composed here writes &amp;.", rawAmpWords(first, n))
	}
}

// leftoverAmps reports the raw & in elements import does not keep (a
// <Say> beside the <Dial>): Twilio rejects the whole TwiML for them too.
func (p *parser) leftoverAmps() {
	paths := make([]string, 0, len(p.amps))
	for path := range p.amps {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		found := p.amps[path]
		p.add(document.SeverityError, "parse-raw-ampersand", "", "%s It was read as &amp;, so that the rest could be imported.", rawAmpWords(found[0], len(found)))
	}
	p.amps = nil
}

// rawAmpWords says where the first of n raw & is and what Twilio makes of
// the TwiML: the & is XML's escape character, so a document with a raw one
// is not XML, and Twilio's 12100 page asks for & to be written &amp;.
func rawAmpWords(first rawAmp, n int) string {
	where := "the text of <" + first.tag + ">"
	switch {
	case first.tag == "":
		where = "the text outside the elements"
	case first.attr != "":
		where = "the value of " + first.attr + " in <" + first.tag + ">"
	}
	what := "a raw & in " + where
	if n > 1 {
		what = fmt.Sprintf("%d raw & in %s (the first here)", n, where)
	}
	return fmt.Sprintf("Line %d, column %d: %s. Twilio rejects this TwiML as sent: XML needs every & written &amp; (error 12100, document parse failure).", first.pos.line, first.pos.col, what)
}
