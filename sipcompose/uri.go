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
	var list [24]Header
	headers := appendURIHeaders(list[:0], t)
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
		b = appendEncoded(b, t.User, &userSet)
		b = append(b, '@')
	}
	b = appendEncoded(b, host, keep)
	if t.Port != 0 {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(t.Port), 10)
	}
	param := func(name, value string) {
		if value != "" {
			b = append(b, ';')
			b = append(b, name...)
			b = append(b, '=')
			b = appendEncoded(b, value, &tokenSet)
		}
	}
	param("transport", strings.ToLower(t.Transport))
	if t.Secure {
		param("secure", "true")
	}
	param("edge", t.Edge)
	param("region", t.Region)
	for i, h := range headers {
		if i == 0 {
			b = append(b, '?')
		} else {
			b = append(b, '&')
		}
		b = appendEncoded(b, h.Name, &tokenSet)
		b = append(b, '=')
		b = appendEncoded(b, h.Value, &alnumOnly)
	}
	return string(b)
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
