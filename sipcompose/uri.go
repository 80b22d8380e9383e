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
	return buildURI(t, "")
}

// buildURI is BuildURI with header values and UUI data keeping, besides
// letters and digits, the bytes in valueKeep: none in Twilio's documented
// form, compactKeep in the compact one.
func buildURI(t Target, valueKeep string) string {
	var b strings.Builder
	b.WriteString("sip:")
	if user := t.User; user != "" {
		// "sip://" reads as the common slip for "sip:", and ParseURI
		// drops those slashes; a user that starts with "/" has its first
		// one encoded so its URI never starts that way.
		if strings.HasPrefix(user, "/") {
			b.WriteString("%2F")
			user = user[1:]
		}
		writeEncoded(&b, user, userKeep)
		b.WriteByte('@')
	}
	host := uriHost(t.Host)
	if ipv6Literal(host) {
		writeEncoded(&b, host, ipv6Keep)
	} else {
		writeEncoded(&b, host, hostKeep)
	}
	if t.Port != 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(t.Port))
	}
	param := func(name, value string) {
		if value != "" {
			b.WriteString(";" + name + "=")
			writeEncoded(&b, value, tokenKeep)
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
	sep := "?"
	header := func(name, value string) {
		b.WriteString(sep)
		writeEncoded(&b, name, tokenKeep)
		b.WriteByte('=')
		writeEncoded(&b, value, valueKeep)
		sep = "&"
	}
	if t.UUI.Data != "" {
		header(UUIHeaderName(t.UUI), uuiValue(t.UUI))
	}
	for _, h := range t.Headers {
		if h.Name != "" {
			header(h.Name, h.Value)
		}
	}
	return b.String()
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
