package sipuri

import "strings"

const upperHex = "0123456789ABCDEF"

// PercentEncode is the SIP step of rendering a header value or UUI data:
// every byte that is not an ASCII letter or digit becomes %XX (uppercase).
// It is stricter than RFC 3261 needs, but it is what Twilio's own examples
// do byte for byte, and it guarantees a value can never end a header or
// start another one. A TwiML Bin template tag ({{Case}}) stays as typed:
// the Bin fills it in before Twilio reads the URI.
func PercentEncode(s string) string {
	return encode(s, "")
}

// EncodeParam percent-encodes a URI parameter's value as Build writes
// it.
func EncodeParam(s string) string { return encode(s, tokenKeep) }

// EncodeUser percent-encodes a URI's user part as Build writes it.
func EncodeUser(s string) string { return encode(s, userKeep) }

// encode percent-encodes every byte of s except ASCII letters, digits and
// the bytes in keep.
func encode(s, keep string) string {
	var b strings.Builder
	b.Grow(len(s))
	writeEncoded(&b, s, keep)
	return b.String()
}

// writeEncoded writes s to b as encode returns it, for a caller that is
// building a longer string. A TwiML Bin template tag ({{To}}) is written
// as typed, so the Bin can fill it (see Tags).
func writeEncoded(b *strings.Builder, s, keep string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '{' {
			if tg, ok := tagAt(s, i); ok {
				b.WriteString(tg.Text)
				i += len(tg.Text) - 1
				continue
			}
		}
		if isAlnum(c) || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&15])
	}
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// Characters kept as typed in each part of a URI, besides letters and
// digits. Everything else is percent-encoded, so nothing a person types
// can change the URI's structure (start a parameter, a header or another
// header).
const (
	// userKeep is RFC 3261's unreserved and user-unreserved sets minus
	// ; ? and &: legal in the user part, but they delimit parameters and
	// headers everywhere else, and a parser that splits before reading the
	// user (as Twilio's header handling may) would cut the URI there.
	userKeep = "-_.!~*'()+$,=/"
	// hostKeep covers a host name or IPv4 address, so a stray ":" cannot
	// read as a port.
	hostKeep = "-."
	// ipv6Keep covers a bracketed IPv6 host.
	ipv6Keep = "-.[]:"
	// tokenKeep is for parameter values and header names.
	tokenKeep = "-_.!~*'+"
)

// compactKeep is what the compact form keeps in header values besides
// letters and digits: RFC 3986's unreserved characters, what a limit needs
// when Twilio's documented form triples every - and .
const compactKeep = "-._~"
