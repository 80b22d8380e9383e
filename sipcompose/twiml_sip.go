package sipcompose

import (
	"strings"

	"github.com/beevik/etree"
)

// sipChildren adds a target's <Uri> and <Headers> children after the
// <Sip> text, as Twilio's helper libraries define them. A <Sip> with
// <Uri> children and nothing of a URI of its own (uri is a bare "sip:")
// has no text. Each <Uri> is written as typed, trimmed: it is the URI
// Twilio dials.
func sipChildren(sip *etree.Element, t *Target, uri string) {
	if len(t.URIs) > 0 && uri == "sip:" {
		sip.SetText("")
	}
	for k := range t.URIs {
		u := &t.URIs[k]
		e := sip.CreateElement("Uri")
		setAttributes(e, uriAttributes(u))
		e.SetText(xmlSafe(strings.TrimSpace(u.URI)))
	}
	if rows := namedHeaders(t.HeaderElements); len(rows) > 0 {
		headers := sip.CreateElement("Headers")
		for _, h := range rows {
			setAttributes(headers.CreateElement("Header"), headerAttributes(h))
		}
	}
}

// namedHeaders are the rows with a name: a row without one is an
// unfinished form row, and Validate reports a value without a name.
func namedHeaders(rows []Header) []Header {
	var out []Header
	for _, h := range rows {
		if h.Name != "" {
			out = append(out, h)
		}
	}
	return out
}
