package logline

import (
	"strings"
	"unicode/utf8"
)

// A scanner reads a log line a piece at a time from the front, so that a
// reader is the format written out: scan a date, a space, a clock... Once
// a piece is missing the scanner stops, every later piece is missing too,
// and ok says so at the end. A reader that has a choice to make tries it
// on a copy (try := sc).
//
// The readers read each format exactly as regular expressions once did
// (recognisers_test.go keeps those as the oracle), without putting package
// regexp into the page's app.wasm.
type scanner struct {
	rest string
	ok   bool
}

func newScanner(s string) scanner { return scanner{rest: s, ok: true} }

func (sc *scanner) fail() string {
	sc.ok = false
	return ""
}

// cut takes the first n bytes of the rest, then sep; it fails when n is 0
// or sep does not follow.
func (sc *scanner) cut(n int, sep string) string {
	if !sc.ok || n == 0 {
		return sc.fail()
	}
	piece := sc.rest[:n]
	rest, ok := strings.CutPrefix(sc.rest[n:], sep)
	if !ok {
		return sc.fail()
	}
	sc.rest = rest
	return piece
}

// lit reads text, which must come next.
func (sc *scanner) lit(text string) {
	if rest, ok := strings.CutPrefix(sc.rest, text); sc.ok && ok {
		sc.rest = rest
		return
	}
	sc.fail()
}

// maybe reads text if it comes next.
func (sc *scanner) maybe(text string) {
	if sc.ok {
		sc.rest = strings.TrimPrefix(sc.rest, text)
	}
}

// skip reads any run of the bytes in chars.
func (sc *scanner) skip(chars string) {
	if sc.ok {
		sc.rest = strings.TrimLeft(sc.rest, chars)
	}
}

// end fails unless the whole line has been read.
func (sc *scanner) end() {
	if sc.rest != "" {
		sc.fail()
	}
}

// oneOf reads the first of words that comes next, and returns it.
func (sc *scanner) oneOf(words ...string) string {
	for _, w := range words {
		if rest, ok := strings.CutPrefix(sc.rest, w); sc.ok && ok {
			sc.rest = rest
			return w
		}
	}
	return sc.fail()
}

// number reads a run of ASCII digits, then sep.
func (sc *scanner) number(sep string) string { return sc.cut(len(digits(sc.rest)), sep) }

// word reads a run of letters, digits and underscores, then sep.
func (sc *scanner) word(sep string) string { return sc.cut(len(wordRun(sc.rest)), sep) }

// field reads the longest run without white space that sep follows, then
// sep.
func (sc *scanner) field(sep string) string {
	for n := len(field(sc.rest)); sc.ok && n > 0; n-- {
		if strings.HasPrefix(sc.rest[n:], sep) {
			return sc.cut(n, sep)
		}
	}
	return sc.fail()
}

// bracketed reads "[...]" and returns what is inside, which holds no "]".
func (sc *scanner) bracketed() string {
	sc.lit("[")
	inside, rest, found := strings.Cut(sc.rest, "]")
	if !sc.ok || !found {
		return sc.fail()
	}
	sc.rest = rest
	return inside
}

// fixed reads exactly n digits, then sep.
func (sc *scanner) fixed(n int, sep string) string {
	if len(digits(sc.rest)) < n {
		return sc.fail()
	}
	return sc.cut(n, sep)
}

// date reads a date written year, month, day with sep between them
// ("2026-03-01", "2026/03/01"), and returns it with "-" between.
func (sc *scanner) date(sep string) string {
	y, m, d := sc.fixed(4, sep), sc.fixed(2, sep), sc.fixed(2, "")
	if !sc.ok {
		return ""
	}
	return y + "-" + m + "-" + d
}

// clock reads a time of day, "12:00:00", with its fraction of a second
// (".123456") when it has one; fraction says it must.
func (sc *scanner) clock(fraction bool) string {
	start := sc.rest
	sc.fixed(2, ":")
	sc.fixed(2, ":")
	sc.fixed(2, "")
	if frac, ok := strings.CutPrefix(sc.rest, "."); sc.ok && ok && digits(frac) != "" {
		sc.rest = frac[len(digits(frac)):]
	} else if fraction {
		sc.fail()
	}
	if !sc.ok {
		return ""
	}
	return start[:len(start)-len(sc.rest)]
}

// ipv4 reads the four numbers of an IPv4 address ("54.172.60.0"), of one
// to three digits each; the address is not checked further.
func (sc *scanner) ipv4() string {
	start := sc.rest
	for i := range 4 {
		if i > 0 {
			sc.lit(".")
		}
		if n := sc.number(""); len(n) > 3 {
			sc.fail()
		}
	}
	if !sc.ok {
		return ""
	}
	return start[:len(start)-len(sc.rest)]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

// isWord is a letter, a digit or an underscore, in ASCII.
func isWord(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' }

func isHex(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// spaces are the white space between a log line's fields: ASCII's space,
// tab, line ends and form feed (not the vertical tab).
const spaces = " \t\n\f\r"

// digits is the run of ASCII digits s starts with ("" when none).
func digits(s string) string {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return s[:n]
}

// wordRun is the run of letters, digits and underscores s starts with.
func wordRun(s string) string {
	n := 0
	for n < len(s) && isWord(s[n]) {
		n++
	}
	return s[:n]
}

// field is the run of s up to its first white space.
func field(s string) string {
	if i := strings.IndexAny(s, spaces); i >= 0 {
		return s[:i]
	}
	return s
}

// trimSpaces trims white space (of spaces) from both ends of s.
func trimSpaces(s string) string { return strings.Trim(s, spaces) }

// cutPrefixFold is strings.CutPrefix in any case, comparing as
// strings.EqualFold does: by Unicode's simple folding, so the long s (ſ)
// is an s and the Kelvin sign a k.
func cutPrefixFold(s, prefix string) (string, bool) {
	rest := s
	for _, p := range prefix {
		r, n := utf8.DecodeRuneInString(rest)
		if n == 0 || !strings.EqualFold(string(r), string(p)) {
			return s, false
		}
		rest = rest[n:]
	}
	return rest, true
}
