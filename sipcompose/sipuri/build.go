// Package sipuri reads and writes the SIP URIs Twilio dials: a Target's
// URI in the order Twilio documents, percent-encoding (Twilio's documented
// form and the compact one), the User-to-User header, and Twilio's rules
// for hosts, header names and the URI's length. It is the only place that
// knows a URI's syntax.
package sipuri

import (
	"net/netip"
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
)

// Build renders t as the SIP URI Twilio dials, in the order Twilio
// documents: sip:user@host[:port], then ;params, then ?headers. Header
// values are percent-encoded here; XML escaping is TwiML's job, so the
// result is also the REST API's "To" value as is.
func Build(t document.Target) string {
	return buildURI(t, "")
}

// BuildCompact is Build with header values and UUI data in the compact
// form: RFC 3986's unreserved characters kept as they are.
func BuildCompact(t document.Target) string {
	return buildURI(t, compactKeep)
}

// buildURI is Build with header values and UUI data keeping, besides
// letters and digits, the bytes in valueKeep: none in Twilio's documented
// form, compactKeep in the compact one.
func buildURI(t document.Target, valueKeep string) string {
	var b strings.Builder
	b.WriteString("sip:")
	if user := t.User; user != "" {
		// "sip://" reads as the common slip for "sip:", and Parse
		// drops those slashes; a user that starts with "/" has its first
		// one encoded so its URI never starts that way.
		if strings.HasPrefix(user, "/") {
			b.WriteString("%2F")
			user = user[1:]
		}
		writeEncoded(&b, user, userKeep)
		b.WriteByte('@')
	}
	host := CleanHost(t.Host)
	if BracketedIPv6(host) {
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
		header(UUIHeaderName(t.UUI), UUIValue(t.UUI))
	}
	for _, h := range t.Headers {
		if h.Name != "" {
			header(h.Name, h.Value)
		}
	}
	return b.String()
}

// CleanHost trims what people paste around a host and brackets a bare IPv6
// address, which would otherwise read as host:port.
func CleanHost(h string) string {
	h = strings.TrimSpace(h)
	if strings.Count(h, ":") > 1 && !strings.HasPrefix(h, "[") {
		return "[" + h + "]"
	}
	return h
}

// BracketedIPv6 reports whether h is a bracketed IPv6 address, the only host
// whose ":" and brackets may stand unencoded.
func BracketedIPv6(h string) bool {
	if len(h) < 2 || h[0] != '[' || h[len(h)-1] != ']' {
		return false
	}
	a, err := netip.ParseAddr(h[1 : len(h)-1])
	return err == nil && a.Is6()
}

// HeadersPart is the part after "?" that Twilio limits to under 1024
// characters.
func HeadersPart(uri string) string {
	if i := strings.IndexByte(uri, '?'); i >= 0 {
		return uri[i+1:]
	}
	return ""
}
