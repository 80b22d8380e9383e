package twiml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/beevik/etree"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/sipuri"
)

// MaxInput bounds what Parse reads: far beyond any real <Dial>, small
// enough that a pasted file cannot stall the page.
const MaxInput = 1 << 20

// Parse reads TwiML (as pasted from a console or written by Compose) into a
// Document, through etree. What it cannot keep — other verbs, other nouns,
// unknown attributes, <Sip> children — is named in a Diagnostic rather
// than silently dropped. Compose(Parse(Compose(d).TwiML)) gives the same
// TwiML as Compose(d).
func Parse(twiml string) (document.Document, []document.Diagnostic) {
	p := &parser{diags: []document.Diagnostic{}}
	return p.parse(twiml), p.diags
}

type parser struct {
	diags []document.Diagnostic
	// amps are the raw & read as &amp;, by the path of the element that
	// holds them (elementPath), until a diagnostic names them.
	amps map[string][]rawAmp
	// written counts the header values written in each form that tells
	// them apart (see writtenForm).
	written struct{ compact, documented int }
}

func (p *parser) add(sev document.Severity, code, field, format string, args ...any) {
	p.diags = append(p.diags, document.Diagnostic{Code: code, Severity: sev, Field: field, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) parse(twiml string) document.Document {
	var doc document.Document
	switch {
	case len(twiml) > MaxInput:
		p.add(document.SeverityError, "parse-too-large", "", "The TwiML is %d bytes; import takes at most %d.", len(twiml), MaxInput)
		return doc
	case strings.TrimSpace(twiml) == "":
		p.add(document.SeverityError, "parse-empty", "", "Nothing to import: paste TwiML starting with <Response>.")
		return doc
	}
	syn := readSyntax(twiml)
	if e := syn.err; e != nil {
		p.add(document.SeverityError, "parse-xml", "", "Line %d, column %d: %s", e.pos.line, e.pos.col, e.msg)
		return doc
	}
	// What the scanner leaves to encoding/xml (which names XML allows, the
	// XML declaration), at the place it stopped in the text as pasted.
	if off, msg := xmlSyntax(syn.text); msg != "" {
		at := positionAt(twiml, originalOffset(syn.fixes, off))
		p.add(document.SeverityError, "parse-xml", "", "Line %d, column %d: this is not well-formed XML (%s).", at.line, at.col, msg)
		return doc
	}
	p.amps = map[string][]rawAmp{}
	for _, a := range syn.amps {
		p.amps[a.path] = append(p.amps[a.path], a)
	}
	x := etree.NewDocument()
	// So repeatedAttrs sees what etree would otherwise merge silently.
	x.ReadSettings.PreserveDuplicateAttrs = true
	// Well-formed XML can still be too deep for etree (1024 levels).
	if err := x.ReadFromString(syn.text); err != nil {
		p.add(document.SeverityError, "parse-xml", "", "The TwiML could not be read: %v.", err)
		return doc
	}
	defer p.leftoverAmps()
	root := x.Root()
	switch {
	case root == nil:
		p.add(document.SeverityError, "parse-no-response", "", "This is not TwiML: it has no <Response> element. A lone SIP URI goes into a target's Host field.")
		return doc
	case root.FullTag() != "Response":
		p.add(document.SeverityError, "parse-no-response", "", "TwiML must start with <Response>; this starts with <%s>.%s", root.FullTag(), caseHint(root, "Response"))
		return doc
	}
	p.outsideRoot(x, root)
	var dial *etree.Element
	var verbs dropped
	laterDials := 0
	for _, e := range root.ChildElements() {
		switch {
		case e.FullTag() == "Dial" && dial == nil:
			dial = e
		case e.FullTag() == "Dial":
			laterDials++
		default:
			verbs.add(e)
		}
	}
	p.droppedElements(verbs, document.SeverityWarning, "parse-not-kept", "", "<%s>%s is not part of a SIP dial and was not kept.%s", "Dial")
	if laterDials > 0 {
		p.add(document.SeverityWarning, "parse-not-kept", "", "Only the first <Dial> is imported; %s not kept.", plural(laterDials, "a later <Dial> was", "later <Dial>s were"))
	}
	if dial == nil {
		p.add(document.SeverityError, "parse-no-dial", "", "No <Dial> found: the TwiML to import needs <Dial><Sip>…</Sip></Dial>.")
		return doc
	}
	doc.Dial = p.dial(dial)
	p.rawAmps(dial, "dial", func(key string) string { return "dial." + key })
	if text := ownText(dial); text != "" {
		p.add(document.SeverityWarning, "parse-not-kept", "dial", "<Dial> had a number as text (%q), which is not a SIP target; it was not kept.", text)
	}
	var nouns, rejected dropped
	for _, e := range dial.ChildElements() {
		switch {
		case e.FullTag() == "Sip":
			doc.Targets = append(doc.Targets, p.sip(len(doc.Targets), e))
		case slices.Contains(dialNouns, e.FullTag()):
			nouns.add(e)
		default:
			rejected.add(e)
		}
	}
	p.droppedElements(nouns, document.SeverityWarning, "parse-not-kept", "targets", "<%s>%s inside <Dial> is not a SIP target and was not kept.%s", "Sip")
	p.droppedElements(rejected, document.SeverityError, "parse-rejected", "targets", "<%s>%s inside <Dial>: "+notInSchema("Twilio's <Dial> takes only the nouns "+strings.Join(tagList(dialNouns), ", ")+" and <Sip>.")+" It was not kept.%s", "Sip")
	if len(doc.Targets) == 0 {
		p.add(document.SeverityError, "parse-no-sip", "targets", "The <Dial> has no <Sip>: nothing to import.")
	}
	// Header values written compact, and none in Twilio's documented form:
	// the document keeps the form they were written in.
	if p.written.compact > 0 && p.written.documented == 0 {
		doc.Encoding = document.EncodingCompact
		p.add(document.SeverityInfo, "parse-encoding-compact", "encoding",
			"The header values were written in the compact form (- . _ ~ as they are, where Twilio's examples encode them), so the TwiML here writes them that way too.")
	}
	return doc
}

// dropped collects the elements import cannot keep, so a paste with a
// thousand <Say>s gets one diagnostic, not a thousand.
type dropped struct {
	first []*etree.Element
	count map[string]int
}

func (d *dropped) add(e *etree.Element) {
	if d.count == nil {
		d.count = map[string]int{}
	}
	if d.count[e.FullTag()] == 0 {
		d.first = append(d.first, e)
	}
	d.count[e.FullTag()]++
}

// droppedElements reports each tag of d once; format takes the tag, how
// many times it appeared and the hint when it is want in the wrong case.
func (p *parser) droppedElements(d dropped, sev document.Severity, code, field, format, want string) {
	for _, e := range d.first {
		times := ""
		if n := d.count[e.FullTag()]; n > 1 {
			times = fmt.Sprintf(" (%d of them)", n)
		}
		p.add(sev, code, field, format, e.FullTag(), times, caseHint(e, want))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// caseHint explains why e was not read as want when only the case differs,
// the usual slip when TwiML is typed by hand.
func caseHint(e *etree.Element, want string) string {
	if e.FullTag() == want || !strings.EqualFold(e.FullTag(), want) {
		return ""
	}
	return fmt.Sprintf(" TwiML names are case-sensitive: write <%s>.", want)
}

// outsideRoot reports what follows </Response>: encoding/xml, unlike the
// XML spec, accepts elements and text there, and Twilio would not see them.
func (p *parser) outsideRoot(x *etree.Document, root *etree.Element) {
	after := false
	for _, c := range x.Child {
		switch c := c.(type) {
		case *etree.Element:
			if after {
				p.add(document.SeverityWarning, "parse-not-kept", "", "<%s> after </Response> is outside the TwiML and was not kept.", c.FullTag())
			}
			after = after || c == root
		case *etree.CharData:
			if text := strings.TrimSpace(c.Data); after && text != "" {
				p.add(document.SeverityWarning, "parse-not-kept", "", "The text %q after </Response> is outside the TwiML and was not kept.", text)
			}
		}
	}
}

// ownText is e's character data outside its child elements, trimmed:
// Dial's Text() would see only what comes before the first child.
func ownText(e *etree.Element) string {
	var b strings.Builder
	for _, c := range e.Child {
		if cd, ok := c.(*etree.CharData); ok {
			b.WriteString(cd.Data)
		}
	}
	return strings.TrimSpace(b.String())
}

// xmlSyntax finds the first syntax error encoding/xml sees, which is what
// etree reads with: its message and the byte offset where it stopped. The
// scanner (readSyntax) has already said, at the right character, what
// people get wrong.
func xmlSyntax(s string) (int, string) {
	d := xml.NewDecoder(strings.NewReader(s))
	// A pasted string is already text: an encoding="ISO-8859-1" declaration
	// describes the file it came from, not these bytes. etree reads it the
	// same way.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return 0, ""
		}
		if err != nil {
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
			}
			return int(d.InputOffset()), msg
		}
	}
}

func (p *parser) dial(e *etree.Element) document.Dial {
	var d document.Dial
	p.repeatedAttrs("dial", e)
	for _, a := range e.Attr {
		if set, ok := dialAttrs[a.FullKey()]; ok {
			set(p, &d, "dial."+a.Key, a.Value)
		} else {
			p.notKept("dial", "Dial", a, slices.Collect(maps.Keys(dialAttrs)))
		}
	}
	return d
}

func (p *parser) sip(i int, e *etree.Element) document.Target {
	var t document.Target
	field := fmt.Sprintf("targets[%d]", i)
	uris, headers, misplaced := p.sipChildren(field, e)
	// A <Sip> of <Uri> children alone has no URI of its own to read.
	if text := ownText(e); text != "" || len(uris) == 0 {
		var diags []document.Diagnostic
		t, diags = sipuri.ParseSipText(text)
		for _, d := range diags {
			if d.Code == "uri-scheme" {
				// The rest of the TwiML is still imported; say what this
				// target became, which a pasted URI (refused) does not.
				d.Message += fmt.Sprintf(" It was not kept: SIP target %d is imported empty.", i+1)
			}
			d.Field = strings.TrimSuffix(field+"."+d.Field, ".")
			p.diags = append(p.diags, d)
		}
		p.writtenLengths(field, text)
		p.writtenForm(text)
	}
	textField := field + ".host"
	if strings.Contains(ownText(e), "?") {
		textField = field + ".headers"
	}
	p.rawAmps(e, textField, func(key string) string { return field + "." + key })
	for _, h := range misplaced {
		p.sipHeaderElement(fmt.Sprintf("%s.headers[%d]", field, len(t.Headers)), h)
		t.Headers = append(t.Headers, h)
	}
	t.URIs, t.HeaderElements = uris, headers
	p.repeatedAttrs(field, e)
	for _, a := range e.Attr {
		if set, ok := sipAttrs[a.FullKey()]; ok {
			set(p, &t, field+"."+a.Key, a.Value)
		} else {
			p.notKept(field, "Sip", a, slices.Collect(maps.Keys(sipAttrs)))
		}
	}
	return t
}

// repeatedAttrs reports an attribute given twice: XML forbids it, but
// encoding/xml and etree accept it, and the last one wins.
func (p *parser) repeatedAttrs(field string, e *etree.Element) {
	count := map[string]int{}
	for _, a := range e.Attr {
		count[a.FullKey()]++
	}
	for i, a := range e.Attr {
		if count[a.FullKey()] > 1 && slices.IndexFunc(e.Attr[i+1:], func(b etree.Attr) bool { return b.FullKey() == a.FullKey() }) < 0 {
			p.add(document.SeverityWarning, "parse-attribute-repeated", field,
				"<%s> has %s %d times, which XML does not allow; the last one (%q) was kept.", e.FullTag(), a.FullKey(), count[a.FullKey()], a.Value)
		}
	}
}

// notKept reports an attribute import drops. Namespace declarations carry
// no data, so they go without a word; a known name in the wrong case gets
// the right spelling, since Twilio ignores it just the same.
func (p *parser) notKept(field, tag string, a etree.Attr, known []string) {
	if a.Space == "xmlns" || a.Space == "" && a.Key == "xmlns" {
		return
	}
	for _, k := range known {
		if strings.EqualFold(k, a.FullKey()) {
			p.add(document.SeverityWarning, "parse-attribute-not-kept", field,
				"<%s %s=%q>: TwiML attribute names are case-sensitive and Twilio ignores this one; write %s. It was not kept.", tag, a.FullKey(), a.Value, k)
			return
		}
	}
	p.add(document.SeverityWarning, "parse-attribute-not-kept", field, "<%s %s=%q> is not an attribute this tool knows; it was not kept.", tag, a.FullKey(), a.Value)
}
