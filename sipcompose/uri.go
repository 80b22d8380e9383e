package sipcompose

import (
	"net/netip"
	"strconv"
	"strings"
)

// BuildURI renders t as the SIP URI Twilio dials, in the order Twilio
// documents: sip:user@host[:port], then ;params, then ?headers. Header
// values are percent-encoded here; XML escaping is TwiML's job, so the
// result is also the REST API's "To" value as is.
func BuildURI(t Target) string {
	uri, _ := buildURI(&t)
	return uri
}

// buildURI is BuildURI that also reports whether every custom header row
// is plain: its name a token, its value printable ASCII. Encoding looks at
// each of their bytes anyway, so validation need not scan them again.
func buildURI(t *Target) (string, bool) {
	host, keep := uriHost(t.Host), &hostSet
	if ipv6Literal(host) {
		keep = &ipv6Set
	}
	// Built on the stack and copied once into a string of the exact
	// length: sizing a builder up front took a second pass over every
	// value.
	var buf [1024]byte
	b := append(buf[:0], "sip:"...)
	if t.User != "" {
		user := t.User
		// "sip://" reads as the common slip for "sip:", and ParseURI
		// drops those slashes; a user that starts with "/" has its first
		// one encoded so its URI never starts that way.
		if user[0] == '/' {
			b = append(b, "%2F"...)
			user = user[1:]
		}
		b, _ = appendEncoded(b, user, &userSet, &userSet)
		b = append(b, '@')
	}
	b, _ = appendEncoded(b, host, keep, keep)
	if t.Port != 0 {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(t.Port), 10)
	}
	param := func(name, value string) {
		if value != "" {
			b = append(b, ';')
			b = append(b, name...)
			b = append(b, '=')
			b, _ = appendEncoded(b, value, &tokenSet, &tokenSet)
		}
	}
	param("transport", strings.ToLower(t.Transport))
	if t.Secure {
		param("secure", "true")
	}
	param("edge", t.Edge)
	param("region", t.Region)
	// The headers in URI order: UUI first (as in Twilio's examples), then
	// the custom headers as the person ordered them. A row without a name
	// is an unfinished form row, not a header: "=value" is no SIP header,
	// and Validate reports the missing name.
	sep, plain := byte('?'), true
	header := func(name, value string) (ok bool) {
		b = append(b, sep)
		sep = '&'
		b, ok = appendEncoded(b, name, &tokenSet, &tokenChars)
		b = append(b, '=')
		var printable bool
		b, printable = appendEncoded(b, value, &alnumOnly, &printableASCII)
		return ok && printable
	}
	if t.UUI.Data != "" {
		header(UUIHeaderName(t.UUI), uuiValue(t.UUI))
	}
	for _, h := range t.Headers {
		if h.Name == "" {
			plain = false
			continue
		}
		if !header(h.Name, h.Value) {
			plain = false
		}
	}
	return string(b), plain
}

// uriHost trims what people paste around a host and brackets a bare IPv6
// address, which would otherwise read as host:port.
func uriHost(h string) string {
	h = strings.TrimSpace(h)
	if strings.Count(h, ":") > 1 && !strings.HasPrefix(h, "[") {
		return "[" + h + "]"
	}
	return h
}

// ipv6Literal reports whether h is a bracketed IPv6 address, the only host
// whose ":" and brackets may stand unencoded.
func ipv6Literal(h string) bool {
	if len(h) < 2 || h[0] != '[' || h[len(h)-1] != ']' {
		return false
	}
	a, err := netip.ParseAddr(h[1 : len(h)-1])
	return err == nil && a.Is6()
}

// headersPart is the part after "?" that Twilio limits to under 1024
// characters.
func headersPart(uri string) string {
	if i := strings.IndexByte(uri, '?'); i >= 0 {
		return uri[i+1:]
	}
	return ""
}
