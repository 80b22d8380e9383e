package sipcompose

import "github.com/beevik/etree"

// sipChildren writes a target's <Uri> and <Headers> children after the
// <Sip> text, one per line, as Twilio's helper libraries define them, and
// returns about how many bytes they add. A <Sip> with <Uri> children and
// nothing of a URI of its own (uri is a bare "sip:") has no text. Each
// <Uri> is written as typed: it is the URI Twilio dials.
func sipChildren(sip *etree.Element, t *Target, uri string) int {
	const indent, inner = "\n      ", "\n        "
	if len(t.URIs) > 0 && uri == "sip:" {
		sip.Child = sip.Child[:0]
	}
	size := 0
	for _, u := range t.URIs {
		sip.CreateText(indent)
		e := sip.CreateElement("Uri")
		size += 32 + len(u.URI) + attrs(e, "priority", u.Priority, "weight", u.Weight, "username", u.Username, "password", u.Password)
		e.CreateText(xmlSafe(u.URI))
	}
	if rows := namedHeaders(t.HeaderElements); len(rows) > 0 {
		sip.CreateText(indent)
		headers := sip.CreateElement("Headers")
		for _, h := range rows {
			headers.CreateText(inner)
			size += 32 + attrs(headers.CreateElement("Header"), "name", h.Name, "value", h.Value)
		}
		headers.CreateText(indent)
		size += 32
	}
	sip.CreateText("\n    ")
	return size
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
