package sipcompose

import (
	"slices"
	"strconv"
	"strings"
)

// allowedStandardHeaders are the only non-X- headers Twilio passes on
// (User-to-User always; the other three since 2024-06-03).
var allowedStandardHeaders = []string{"User-to-User", "Remote-Party-ID", "P-Preferred-Identity", "P-Called-Party-ID"}

// headers checks a target's header rows, then the length limits of its
// URI.
func (v *validator) headers(p string, t Target, uri string) {
	// The row each name was first seen in, by strings.ToLower of it: SIP
	// header names ignore case. The UUI, sent first, is row -1.
	const uuiRow = -1
	seen := make(map[string]int, 2+len(t.Headers))
	if t.UUI.Data != "" {
		seen[strings.ToLower(UUIHeader)] = uuiRow
		seen[strings.ToLower(UUIHeaderXPrefix)] = uuiRow
	}
	for i, h := range t.Headers {
		// The row's path is built once, its fields' paths only for a
		// finding: most rows have none.
		row := p + ".headers[" + strconv.Itoa(i) + "]"
		v.text(row, "name", h.Name)
		v.text(row, "value", h.Value)
		if h.Name == "" {
			if h.Value != "" {
				v.add(SeverityError, "header-name-missing", row+".name", "This header has a value but no name: enter a name starting with X-.")
			}
			continue
		}
		v.headerName(row, h.Name)
		if uuiName(h.Name) {
			v.uuiRow(row+".value", h.Name, h.Value)
		}
		v.xPrefix(row, h.Name)
		lower := strings.ToLower(h.Name)
		prev, dup := seen[lower]
		switch {
		case !dup:
			seen[lower] = i
		case prev == uuiRow:
			v.add(SeverityWarning, "header-duplicate", row+".name", "Header %q is sent twice (also UUI): keep one, or pack both values into one header.", h.Name)
		default:
			v.add(SeverityWarning, "header-duplicate", row+".name", "Header %q is sent twice (also header %d): keep one, or pack both values into one header.", h.Name, prev+1)
		}
	}
	hp := headersPart(uri)
	if len(hp) > MaxHeadersLength {
		v.add(SeverityError, "headers-too-long", p+".headers",
			"The encoded headers are %d characters; Twilio needs fewer than 1024 (errors 21227, 13251). Shorten or drop some values.", len(hp))
	}
	// Twilio's headers limit (1024) is larger than its URI limit (255), so
	// the URI limit cannot include the headers; the docs never say so,
	// hence only advice when the whole URI passes 255.
	switch base, _, _ := strings.Cut(uri, "?"); {
	case len(base) > MaxURILength:
		v.add(SeverityError, "uri-too-long", p+".host",
			"The SIP URI (without headers) is %d characters; Twilio needs fewer than 255 (error 13243).", len(base))
	case len(uri) > MaxURILength && len(hp) <= MaxHeadersLength:
		v.add(SeverityInfo, "uri-long-with-headers", p+".headers",
			"With its headers the SIP URI is %d characters. Twilio limits the URI to under 255 and the headers to under 1024 without saying whether the first includes the second; if Twilio reports error 13243, shorten the headers.", len(uri))
	}
}

// headerName applies Twilio's rules for the name of the header row at
// row, in any case, as SIP compares names.
func (v *validator) headerName(row, name string) {
	switch {
	case !tokenValid(name):
		v.add(SeverityError, "header-name-invalid", row+".name",
			"Header name %q: use only letters, digits and hyphens (error 13252: invalid header name).", name)
	case xTwilio(name):
		v.add(SeverityError, "header-name-reserved", row+".name",
			"Header name %q: names starting with X-Twilio are reserved and Twilio drops the header (error 32113). Choose another X- name.", name)
	case !xHeader(name) && !standardHeader(name):
		v.add(SeverityError, "header-name-not-allowed", row+".name",
			"Header %q is not passed on: custom headers must start with X- (e.g. X-%s); the only other allowed names are %s (errors 13252, 32113).",
			name, name, strings.Join(allowedStandardHeaders, ", "))
	}
}

// xHeader reports whether a header name starts with X-, in any case.
func xHeader(name string) bool {
	return hasPrefixFold(name, "x-")
}

// xTwilio reports whether a header name starts with X-Twilio, which
// Twilio keeps for itself, in any case.
func xTwilio(name string) bool {
	return hasPrefixFold(name, "x-twilio")
}

// hasPrefixFold is strings.HasPrefix ignoring case, for an ASCII prefix.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// standardHeader reports whether name is one of the non-X- headers Twilio
// passes on.
func standardHeader(name string) bool {
	return slices.ContainsFunc(allowedStandardHeaders, func(s string) bool { return strings.EqualFold(s, name) })
}

// tokenValid is RFC 3261's token, the grammar of header names.
func tokenValid(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && !strings.ContainsRune("-.!%*_+`'~", rune(s[i])) {
			return false
		}
	}
	return s != ""
}

func (v *validator) uui(p string, u UUI) {
	v.text(p, "uui.data", u.Data)
	v.text(p, "uui.encoding", u.Encoding)
	if u.Data != "" {
		v.uuiRules(p+".uui.data", p+".uui.encoding", u, "UUI data")
	}
}

// uuiRules checks UUI data against its encoding; what names the data in
// the messages (the UUI section, or a header row).
func (v *validator) uuiRules(dataField, encodingField string, u UUI, what string) {
	enc := UUIEncoding(u)
	switch {
	case strings.EqualFold(enc, "hex") && !isHexDigits(u.Data):
		v.add(SeverityError, "uui-not-hex", dataField,
			"%s must be hex digits (0-9, A-F) with encoding=hex (error 32112: invalid header value). Use the text→hex helper to convert text.", what)
	case strings.EqualFold(enc, "hex") && len(u.Data)%2 != 0:
		// Twilio's own example sends "123456789", so Twilio passes an odd
		// count on; the receiver may not decode the last half-octet.
		v.add(SeverityWarning, "uui-hex-odd", dataField,
			"%s has %d hex digits: hex encodes whole octets, so use an even number or the receiver may drop the last digit.", what, len(u.Data))
	case !strings.EqualFold(enc, "hex"):
		v.add(SeverityWarning, "uui-encoding-unknown", encodingField,
			"UUI encoding %q: Twilio documents only encoding=hex; the receiver may not understand another.", enc)
	}
}

// xPrefix diagnoses an X- name whose prefix is all there is, or is there
// twice. "X-" alone names nothing: Twilio would pass on a header no PBX
// reads. "X-X-…" is almost always a name typed or pasted after an "X-"
// that was already in the field.
func (v *validator) xPrefix(row, name string) {
	switch {
	case !xHeader(name):
	case len(name) == 2:
		v.add(SeverityError, "header-name-incomplete", row+".name",
			`Header name "X-" is only the prefix: type the rest of the name (e.g. X-Account), or remove the header.`)
	case xHeader(name[2:]):
		v.add(SeverityWarning, "header-name-double-prefix", row+".name",
			"Header name %q starts with X- twice: did you mean %q? Twilio would pass it on as typed.", name, name[2:])
	}
}
