package sipuri

import (
	"slices"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/ipaddr"
)

// Twilio's limits on a SIP URI (see ../shared/reference/twilio-sip-out.md).
const (
	// MaxURILength: the SIP URI must be "under 255 characters". Twilio
	// states a separate limit for the headers after "?", so this one is
	// measured without them.
	MaxURILength = 254
	// MaxHeadersLength: the headers part must be "under 1024 characters".
	MaxHeadersLength = 1023
)

// ValidHost reports whether h is a host name, an IPv4 address or an IPv6
// address (bracketed or not).
func ValidHost(h string) bool {
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		return ipaddr.Version(h[1:len(h)-1]) == 6
	}
	if strings.Count(h, ":") > 1 {
		return ipaddr.Version(h) == 6
	}
	if len(h) > 253 {
		return false
	}
	// A name of digits and dots only is meant as an IPv4 address (no
	// top-level domain is numeric), so it must be a valid one.
	if strings.Trim(h, "0123456789.") == "" {
		return ipaddr.Version(h) == 4
	}
	for _, label := range strings.Split(strings.TrimSuffix(h, "."), ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			if !isAlnum(label[i]) && label[i] != '-' {
				return false
			}
		}
	}
	return true
}

// allowedStandardHeaders are the only non-X- headers Twilio passes on
// (User-to-User always; the other three since 2024-06-03).
var allowedStandardHeaders = []string{"User-to-User", "Remote-Party-ID", "P-Preferred-Identity", "P-Called-Party-ID"}

// StandardHeaders are the only non-X- headers Twilio passes on.
func StandardHeaders() []string { return slices.Clone(allowedStandardHeaders) }

// DroppedHeader is why Twilio drops a header by its name, in any case, as
// SIP compares names: a diagnostic's code, or "" when Twilio passes the
// name on. The validator and the INVITE preview both decide by it.
func DroppedHeader(name string) string {
	switch {
	case !ValidToken(name):
		return "header-name-invalid"
	case xTwilio(name):
		return "header-name-reserved"
	case !IsXHeader(name) && !standardHeader(name):
		return "header-name-not-allowed"
	}
	return ""
}

// IsXHeader reports whether a header name starts with X-, in any case.
func IsXHeader(name string) bool {
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

// ValidToken is RFC 3261's token, the grammar of header names.
func ValidToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && !strings.ContainsRune("-.!%*_+`'~", rune(s[i])) {
			return false
		}
	}
	return s != ""
}

// Unreadable is the diagnostics of Parse that say the text is no SIP URI
// at all (empty, or tel: and the like), or none when a target was read
// from it, as far as it goes.
func Unreadable(diags []document.Diagnostic) []document.Diagnostic {
	return document.WithCodes(diags, "uri-empty", "uri-scheme")
}
