package twiml

import (
	"github.com/beevik/etree"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/param"
	"sipcompose/sipcompose/resolve"
)

// sipChildren adds a target's <Uri> and <Headers> children after the
// <Sip> text, as Twilio's helper libraries define them. A <Sip> with
// <Uri> children and nothing of a URI of its own (r.ChildrenAlone) has
// no text. Each <Uri> is written as r read it, typed and trimmed: it is
// the URI Twilio dials.
func sipChildren(sip *etree.Element, t *document.Target, r resolve.Resolution) {
	if r.ChildrenAlone() {
		sip.SetText("")
	}
	for k := range t.URIs {
		e := sip.CreateElement("Uri")
		setAttributes(e, param.URI(&t.URIs[k]))
		e.SetText(param.XMLSafe(r.Children[k].Resolution.URI))
	}
	if rows := param.NamedHeaders(t.HeaderElements); len(rows) > 0 {
		headers := sip.CreateElement("Headers")
		for _, h := range rows {
			setAttributes(headers.CreateElement("Header"), param.Header(h))
		}
	}
}
