package sipuri

import (
	"strings"

	"sipcompose/sipcompose/document"
)

// Names of the User-to-User header: Twilio accepts it bare or X- prefixed.
const (
	UUIHeader        = "User-to-User"
	UUIHeaderXPrefix = "X-User-to-User"
)

// DefaultUUIEncoding is the only UUI encoding Twilio documents.
const DefaultUUIEncoding = "hex"

// UUIHeaderName is the header name u is sent as.
func UUIHeaderName(u document.UUI) string {
	if u.XPrefix {
		return UUIHeaderXPrefix
	}
	return UUIHeader
}

// UUIEncoding is u's encoding with the default applied.
func UUIEncoding(u document.UUI) string {
	if u.Encoding == "" {
		return DefaultUUIEncoding
	}
	return u.Encoding
}

// UUIValue is the decoded header value: the data and its encoding
// parameter (RFC 7433), percent-encoded later like any other value.
func UUIValue(u document.UUI) string {
	return u.Data + ";encoding=" + UUIEncoding(u)
}

// TextToHex turns text into the uppercase hex of its UTF-8 bytes, for
// people who want to send readable text as hex-encoded UUI.
func TextToHex(s string) string {
	var b strings.Builder
	b.Grow(2 * len(s))
	for i := 0; i < len(s); i++ {
		b.WriteByte(upperHex[s[i]>>4])
		b.WriteByte(upperHex[s[i]&15])
	}
	return b.String()
}

// IsHex reports whether s is a non-empty run of hex digits.
func IsHex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
