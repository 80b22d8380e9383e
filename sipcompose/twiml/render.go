// Package twiml writes a Document as the TwiML Twilio's docs show, and
// reads pasted TwiML back into a Document, through etree: XML escaping is
// etree's job, never string concatenation. What import cannot keep is
// named in a Diagnostic rather than dropped in silence.
package twiml

import (
	"github.com/beevik/etree"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/param"
	"sipcompose/sipcompose/resolve"
)

// Render writes the document as Twilio's docs show TwiML: the XML
// declaration, <Response>, two-space indent, one element per line and a
// final newline. Attributes are added in a fixed order so the same
// document always gives the same bytes. The <Sip> texts are the targets'
// URIs; etree escapes them (& → &amp;), never string concatenation.
func Render(doc document.Document, res []resolve.Resolution) string {
	x := etree.NewDocument()
	// Only &, < and > need escaping in text; Twilio's examples leave
	// quotes alone, and so do we.
	x.WriteSettings.CanonicalText = true
	x.WriteSettings.CanonicalAttrVal = true
	x.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	dial := x.CreateElement("Response").CreateElement("Dial")
	setAttributes(dial, param.Dial(&doc.Dial))
	for i := range doc.Targets {
		t := &doc.Targets[i]
		sip := dial.CreateElement("Sip")
		setAttributes(sip, param.Sip(t))
		// sipuri.Build percent-encodes every byte outside printable ASCII,
		// so a URI needs no param.XMLSafe.
		sip.SetText(res[i].URI)
		sipChildren(sip, t, res[i])
	}
	x.Indent(2)
	out, _ := x.WriteToString()
	return out
}

// setAttributes adds vs to e in their order, which package param fixes so
// the same document always gives the same bytes.
func setAttributes(e *etree.Element, vs []param.Value) {
	for _, v := range vs {
		e.CreateAttr(v.Name, v.Text())
	}
}
