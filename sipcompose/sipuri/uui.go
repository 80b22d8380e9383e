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

// uuiHeader fills t.UUI from a User-to-User or X-User-to-User header when
// the UUI section sends that header back byte for byte, and reports
// whether it did. Otherwise the header stays a custom header as written:
// import must not change what Twilio sends (adding ;encoding=hex, or
// respelling the name), and Compose(Parse(TwiML)) must give the same TwiML.
func uuiHeader(t *document.Target, name, value, field string, add addFunc) bool {
	u := ParseUUI(value, strings.EqualFold(name, UUIHeaderXPrefix))
	switch {
	case u.Data == "":
		add(document.SeverityInfo, "uui-kept-as-header", field,
			"The %s header has no data, which the UUI section cannot hold; it was kept as a custom header, exactly as written.", name)
	case UUIHeaderName(u) != name || UUIValue(u) != value:
		add(document.SeverityInfo, "uui-kept-as-header", field,
			"The %s header was kept as a custom header, exactly as written: the UUI section would send it as %s: %s.", name, UUIHeaderName(u), UUIValue(u))
	default:
		t.UUI = u
		return true
	}
	return false
}

// ParseUUI splits a decoded User-to-User value into data and its
// ;encoding= parameter; hex, the default, is stored as "".
func ParseUUI(value string, xPrefix bool) document.UUI {
	u := document.UUI{Data: value, XPrefix: xPrefix}
	if i := lastIndexFold(value, ";encoding="); i >= 0 {
		u.Data = value[:i]
		u.Encoding = value[i+len(";encoding="):]
		if u.Encoding == DefaultUUIEncoding {
			u.Encoding = ""
		}
	}
	return u
}

// lastIndexFold is strings.LastIndex ignoring ASCII case. Lowering the
// whole string first would shift indices where it holds invalid UTF-8.
func lastIndexFold(s, sub string) int {
	for i := len(s) - len(sub); i >= 0; i-- {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
