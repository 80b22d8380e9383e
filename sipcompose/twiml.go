package sipcompose

import (
	"strings"
	"unicode/utf8"

	"github.com/beevik/etree"
)

// renderTwiML writes the document as Twilio's docs show TwiML: the XML
// declaration, <Response>, two-space indent, one element per line and a
// final newline. Attributes are added in a fixed order so the same
// document always gives the same bytes. The <Sip> texts are the targets'
// URIs; etree escapes them (& → &amp;), never string concatenation.
func renderTwiML(doc Document, res []Resolution) string {
	x := etree.NewDocument()
	// Only &, < and > need escaping in text; Twilio's examples leave
	// quotes alone, and so do we.
	x.WriteSettings.CanonicalText = true
	x.WriteSettings.CanonicalAttrVal = true
	x.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	dial := x.CreateElement("Response").CreateElement("Dial")
	setAttributes(dial, dialAttributes(&doc.Dial))
	for i := range doc.Targets {
		t := &doc.Targets[i]
		sip := dial.CreateElement("Sip")
		setAttributes(sip, sipAttributes(t))
		// BuildURI percent-encodes every byte outside printable ASCII,
		// so a URI needs no xmlSafe.
		sip.SetText(res[i].URI)
		sipChildren(sip, t, res[i])
	}
	x.Indent(2)
	out, _ := x.WriteToString()
	return out
}

// setAttributes adds vs to e in their order, which attributes.go fixes so
// the same document always gives the same bytes.
func setAttributes(e *etree.Element, vs []codeValue) {
	for _, v := range vs {
		e.CreateAttr(v.name, v.text())
	}
}

// xmlSafe replaces what XML 1.0 cannot carry at all (NUL and other control
// characters, invalid UTF-8, U+FFFE/U+FFFF) with U+FFFD, so the TwiML is
// always well-formed. Validate reports such characters as errors; this is
// only the guarantee that bad input never becomes bad XML.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return utf8.RuneError
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}

// xmlChar is XML 1.0's Char production.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}
