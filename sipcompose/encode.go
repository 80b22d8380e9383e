package sipcompose

import "slices"

const upperHex = "0123456789ABCDEF"

// PercentEncode is the SIP step of rendering a header value or UUI data:
// every byte that is not an ASCII letter or digit becomes %XX (uppercase).
// It is stricter than RFC 3261 needs, but it is what Twilio's own examples
// do byte for byte, and it guarantees a value can never end a header or
// start another one.
func PercentEncode(s string) string {
	return encodeExcept(s, &alnumOnly)
}

// byteSet marks the bytes kept as typed; a table because encoding runs on
// every keystroke over every header.
type byteSet [256]bool

func newByteSet(extra string) byteSet {
	var set byteSet
	for c := 0; c < 256; c++ {
		set[c] = isAlnum(byte(c))
	}
	for i := 0; i < len(extra); i++ {
		set[extra[i]] = true
	}
	return set
}

var (
	alnumOnly = newByteSet("")
	userSet   = newByteSet(userKeep)
	hostSet   = newByteSet("-.")
	ipv6Set   = newByteSet(ipv6Keep)
	tokenSet  = newByteSet(tokenKeep)
)

// encodeExcept percent-encodes every byte of s not in keep.
func encodeExcept(s string, keep *byteSet) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !keep[s[i]] {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var buf [256]byte
	b, _ := appendEncoded(buf[:0], s, keep, keep)
	return string(b)
}

// appendEncoded is encodeExcept appending to b, so building a URI makes
// no string per part. It also reports whether every byte of s is in
// allowed, a superset of keep: only the bytes it encodes need a look.
func appendEncoded(b []byte, s string, keep, allowed *byteSet) ([]byte, bool) {
	// Room for the worst case, then bytes stored by index: values are
	// short and mostly alternate kept and encoded bytes, where an append
	// per run cost more than the bytes.
	n := len(b)
	b = slices.Grow(b, 3*len(s))[:n+3*len(s)]
	ok := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if keep[c] {
			b[n] = c
			n++
			continue
		}
		ok = ok && allowed[c]
		b[n], b[n+1], b[n+2] = '%', upperHex[c>>4], upperHex[c&15]
		n += 3
	}
	return b[:n], ok
}

// printableASCII is every byte a header value may hold without a closer
// look: no control character, nothing outside ASCII.
var printableASCII = func() (set byteSet) {
	for c := 0x20; c < 0x7f; c++ {
		set[c] = true
	}
	return set
}()

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// Characters kept as typed in each part of a URI. Everything else is
// percent-encoded, so nothing a person types can change the URI's
// structure (start a parameter, a header or another header).
const (
	// userKeep is RFC 3261's unreserved and user-unreserved sets minus
	// ; ? and &: legal in the user part, but they delimit parameters and
	// headers everywhere else, and a parser that splits before reading the
	// user (as Twilio's header handling may) would cut the URI there.
	userKeep = "-_.!~*'()+$,=/"
	// ipv6Keep covers a bracketed IPv6 host; any other host keeps only
	// letters, digits, "-" and ".", so a stray ":" cannot read as a port.
	ipv6Keep = "-.[]:"
	// tokenKeep is for parameter values and header names.
	tokenKeep = "-_.!~*'+"
)
