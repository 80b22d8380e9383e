package validate

import (
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/sipuri"
)

// headers checks a target's header rows, then the length limits of its
// URI.
func (v *validator) headers(p string, t document.Target, uri string) {
	v.headerRows(p, t)
	hp := sipuri.HeadersPart(uri)
	if len(hp) > sipuri.MaxHeadersLength {
		v.add(document.SeverityError, "headers-too-long", p+".headers",
			"The encoded headers are %d characters; Twilio needs fewer than 1024 (errors 21227, 13251). Shorten or drop some values.", len(hp))
	}
	// Twilio's headers limit (1024) is larger than its URI limit (255), so
	// the URI limit cannot include the headers; the docs never say so,
	// hence only advice when the whole URI passes 255.
	switch base, _, _ := strings.Cut(uri, "?"); {
	case len(base) > sipuri.MaxURILength:
		v.add(document.SeverityError, "uri-too-long", p+".host",
			"The SIP URI (without headers) is %d characters; Twilio needs fewer than 255 (error 13243).", len(base))
	case len(uri) > sipuri.MaxURILength && len(hp) <= sipuri.MaxHeadersLength:
		v.add(document.SeverityInfo, "uri-long-with-headers", p+".headers",
			"With its headers the SIP URI is %d characters. Twilio limits the URI to under 255 and the headers to under 1024 without saying whether the first includes the second; if Twilio reports error 13243, shorten the headers.", len(uri))
	}
}

// headerRows checks a target's header rows, those in its URI and those
// sent as <Header> elements, by the same rules: Twilio's for a name, the
// prefix checks, the UUI's for a row under the UUI's name, and no name
// twice, across both lists and the UUI.
func (v *validator) headerRows(p string, t document.Target) {
	// Where each name was first seen, by strings.ToLower of it: SIP header
	// names ignore case.
	seen := make(map[string]firstSeen, 2+len(t.Headers)+len(t.HeaderElements))
	if t.UUI.Data != "" {
		seen[strings.ToLower(sipuri.UUIHeader)] = firstSeen{list: "uui"}
		seen[strings.ToLower(sipuri.UUIHeaderXPrefix)] = firstSeen{list: "uui"}
	}
	for i, h := range t.Headers {
		v.headerRow(p, "headers", i, h, seen)
	}
	for i, h := range t.HeaderElements {
		v.headerRow(p, "headerElements", i, h, seen)
	}
}

// headerRow checks row i of list ("headers" or "headerElements").
func (v *validator) headerRow(p, list string, i int, h document.Header, seen map[string]firstSeen) {
	// The row's path is built once, its fields' paths only for a finding:
	// most rows have none.
	row := p + "." + list + "[" + strconv.Itoa(i) + "]"
	v.text(row, "name", h.Name)
	v.text(row, "value", h.Value)
	if h.Name == "" {
		if h.Value != "" {
			v.add(document.SeverityError, "header-name-missing", row+".name", "This header has a value but no name: enter a name starting with X-.")
		}
		return
	}
	if sipuri.HasTags(h.Name) {
		v.templateFill(row, "name", h.Name, placeHeaderName)
	} else {
		v.headerName(row, list, h.Name)
		v.xPrefix(row, h.Name)
	}
	if uuiName(h.Name) {
		v.uuiRow(row, h.Name, h.Value)
	} else if list == "headers" {
		v.templateFill(row, "value", h.Value, placeHeaderValue)
	}
	lower := strings.ToLower(h.Name)
	if first, dup := seen[lower]; dup {
		v.add(document.SeverityWarning, "header-duplicate", row+".name", "Header %q is sent twice (%s): keep one, or pack both values into one header.", h.Name, first.also(list))
		return
	}
	seen[lower] = firstSeen{list, i}
}

// firstSeen is the row a header name was first seen in: the UUI, or row
// of list.
type firstSeen struct {
	list string // "uui", "headers" or "headerElements"
	row  int
}

// also names the row a name was first seen in, for a duplicate in list,
// as the form names rows.
func (f firstSeen) also(list string) string {
	n := strconv.Itoa(f.row + 1)
	switch {
	case f.list == "uui":
		return "also UUI"
	case f.list == "headerElements":
		return "also <Header> element " + n
	case list == "headerElements":
		return "also header " + n + " in the URI"
	}
	return "also header " + n
}

// elementsUndocumented ends a finding that applies Twilio's rules for the
// URI's headers to a <Header> element: Twilio documents none of its own.
const elementsUndocumented = " Twilio documents this rule for headers in the SIP URI and none for <Header> elements; this assumes they follow it."

// headerName says why Twilio drops the header row at row in list, if it
// does.
func (v *validator) headerName(row, list, name string) {
	caveat := ""
	if list == "headerElements" {
		caveat = elementsUndocumented
	}
	switch code := sipuri.DroppedHeader(name); code {
	case "header-name-invalid":
		v.add(document.SeverityError, code, row+".name",
			"Header name %q: use only letters, digits and hyphens (error 13252: invalid header name).%s", name, caveat)
	case "header-name-reserved":
		v.add(document.SeverityError, code, row+".name",
			"Header name %q: names starting with X-Twilio are reserved and Twilio drops the header (error 32113). Choose another X- name.%s", name, caveat)
	case "header-name-not-allowed":
		v.add(document.SeverityError, code, row+".name",
			"Header %q is not passed on: custom headers must start with X- (e.g. X-%s); the only other allowed names are %s (errors 13252, 32113).%s",
			name, name, strings.Join(sipuri.StandardHeaders(), ", "), caveat)
	}
}

func (v *validator) uui(p string, u document.UUI) {
	v.text(p, "uui.data", u.Data)
	v.text(p, "uui.encoding", u.Encoding)
	switch {
	case sipuri.HasTags(u.Data):
		v.templateFill(p, "uui.data", u.Data, placeUUI)
	case u.Data != "":
		v.uuiRules(p+".uui.data", p+".uui.encoding", u, "UUI data")
	}
}

// uuiRules checks UUI data against its encoding; what names the data in
// the messages (the UUI section, or a header row).
func (v *validator) uuiRules(dataField, encodingField string, u document.UUI, what string) {
	enc := sipuri.UUIEncoding(u)
	switch {
	case strings.EqualFold(enc, "hex") && !sipuri.IsHex(u.Data):
		v.add(document.SeverityError, "uui-not-hex", dataField,
			"%s must be hex digits (0-9, A-F) with encoding=hex (error 32112: invalid header value). Use the text→hex helper to convert text.", what)
	case strings.EqualFold(enc, "hex") && len(u.Data)%2 != 0:
		// Twilio's own example sends "123456789", so Twilio passes an odd
		// count on; the receiver may not decode the last half-octet.
		v.add(document.SeverityWarning, "uui-hex-odd", dataField,
			"%s has %d hex digits: hex encodes whole octets, so use an even number or the receiver may drop the last digit.", what, len(u.Data))
	case !strings.EqualFold(enc, "hex"):
		v.add(document.SeverityWarning, "uui-encoding-unknown", encodingField,
			"UUI encoding %q: Twilio documents only encoding=hex; the receiver may not understand another.", enc)
	}
}

// xPrefix diagnoses an X- name whose prefix is all there is, or is there
// twice. "X-" alone names nothing: Twilio would pass on a header no PBX
// reads. "X-X-…" is almost always a name typed or pasted after an "X-"
// that was already in the field.
func (v *validator) xPrefix(row, name string) {
	switch {
	case !sipuri.IsXHeader(name):
	case len(name) == 2:
		v.add(document.SeverityError, "header-name-incomplete", row+".name",
			`Header name "X-" is only the prefix: type the rest of the name (e.g. X-Account), or remove the header.`)
	case sipuri.IsXHeader(name[2:]):
		v.add(document.SeverityWarning, "header-name-double-prefix", row+".name",
			"Header name %q starts with X- twice: did you mean %q? Twilio would pass it on as typed.", name, name[2:])
	}
}
