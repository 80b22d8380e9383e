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
	var buf [24]Header
	headers := appendURIHeaders(buf[:0], t)
	host, keep := uriHost(t.Host), &hostSet
	if ipv6Literal(host) {
		keep = &ipv6Set
	}
	transport := strings.ToLower(t.Transport)
	var b strings.Builder
	b.Grow(uriSize(t, host, keep, transport, headers))
	b.WriteString("sip:")
	if t.User != "" {
		writeEncoded(&b, t.User, &userSet)
		b.WriteByte('@')
	}
	writeEncoded(&b, host, keep)
	if t.Port != 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(t.Port))
	}
	param := func(name, value string) {
		if value != "" {
			b.WriteByte(';')
			b.WriteString(name)
			b.WriteByte('=')
			writeEncoded(&b, value, &tokenSet)
		}
	}
	param("transport", transport)
	if t.Secure {
		param("secure", "true")
	}
	param("edge", t.Edge)
	param("region", t.Region)
	for i, h := range headers {
		if i == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		writeEncoded(&b, h.Name, &tokenSet)
		b.WriteByte('=')
		writeEncoded(&b, h.Value, &alnumOnly)
	}
	return b.String()
}

// uriSize is BuildURI's exact length, so its builder allocates once.
func uriSize(t Target, host string, keep *byteSet, transport string, headers []Header) int {
	n := len("sip:") + encodedLen(host, keep)
	if t.Port != 0 {
		n += 1 + len(strconv.Itoa(t.Port))
	}
	if t.User != "" {
		n += encodedLen(t.User, &userSet) + 1
	}
	for _, p := range [...]struct{ name, value string }{{"transport", transport}, {"edge", t.Edge}, {"region", t.Region}} {
		if p.value != "" {
			n += len(";=") + len(p.name) + encodedLen(p.value, &tokenSet)
		}
	}
	if t.Secure {
		n += len(";secure=true")
	}
	for _, h := range headers {
		n += 2 + encodedLen(h.Name, &tokenSet) + encodedLen(h.Value, &alnumOnly)
	}
	return n
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

// uriHeaders lists the headers in URI order: UUI first (as in Twilio's
// examples), then the custom headers as the person ordered them. A row
// without a name is an unfinished form row, not a header: "=value" is no
// SIP header, and Validate reports the missing name.
func uriHeaders(t Target) []Header {
	return appendURIHeaders(make([]Header, 0, len(t.Headers)+1), t)
}

// appendURIHeaders is uriHeaders appending to out, so BuildURI can list
// the usual few headers without allocating.
func appendURIHeaders(out []Header, t Target) []Header {
	if t.UUI.Data != "" {
		out = append(out, Header{Name: UUIHeaderName(t.UUI), Value: uuiValue(t.UUI)})
	}
	for _, h := range t.Headers {
		if h.Name == "" {
			continue
		}
		out = append(out, h)
	}
	return out
}

// headersPart is the part after "?" that Twilio limits to under 1024
// characters.
func headersPart(uri string) string {
	if i := strings.IndexByte(uri, '?'); i >= 0 {
		return uri[i+1:]
	}
	return ""
}
