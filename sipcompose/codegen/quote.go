package codegen

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// String literals for the programs. Each writes printable ASCII as
// itself, except the quote and the backslash, and escapes everything else,
// so a literal is one line of plain ASCII whatever the value holds: no
// control character, line break, bidirectional override or look-alike
// letter can change what the program says. Double-quoted strings give
// ${ (JavaScript), { and % (Python) no meaning, and backticks none in any
// of the three.

// quoteJS is a JavaScript string literal. JavaScript strings are UTF-16,
// so a character beyond U+FFFF is written as its surrogate pair. Invalid
// UTF-8 has no JavaScript form and becomes U+FFFD.
func quoteJS(s string) string {
	return quoteASCII(s, func(b *strings.Builder, r rune) {
		if r > 0xFFFF {
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(b, `\u%04x\u%04x`, r1, r2)
			return
		}
		fmt.Fprintf(b, `\u%04x`, r)
	})
}

// quotePython is a Python 3 str literal. Invalid UTF-8 has no str form and
// becomes U+FFFD.
func quotePython(s string) string {
	return quoteASCII(s, func(b *strings.Builder, r rune) {
		switch {
		case r < 0x100:
			fmt.Fprintf(b, `\x%02x`, r)
		case r <= 0xFFFF:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			fmt.Fprintf(b, `\U%08x`, r)
		}
	})
}

// quoteGo is a Go string literal; Go strings are bytes, so invalid UTF-8
// is kept byte for byte.
func quoteGo(s string) string { return strconv.QuoteToASCII(s) }

// quoteASCII writes s in double quotes, escaping " and \ with a backslash
// and every other rune outside printable ASCII with escape. Runs of
// printable ASCII are copied whole: a pasted 200 KB value is quoted on
// every keystroke, and rune by rune that took tens of milliseconds in the
// browser.
func quoteASCII(s string, escape func(*strings.Builder, rune)) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	s = strings.ToValidUTF8(s, string(utf8.RuneError))
	for s != "" {
		n := 0
		for n < len(s) && 0x20 <= s[n] && s[n] < 0x7F && s[n] != '"' && s[n] != '\\' {
			n++
		}
		b.WriteString(s[:n])
		if n == len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[n:])
		if r == '"' || r == '\\' {
			b.WriteByte('\\')
			b.WriteRune(r)
		} else {
			escape(&b, r)
		}
		s = s[n+size:]
	}
	b.WriteByte('"')
	return b.String()
}

// joinQuoted is a list's items quoted and joined with ", ", for a list
// literal.
func joinQuoted(list []string, quote func(string) string) string {
	items := make([]string, len(list))
	for i, s := range list {
		items[i] = quote(s)
	}
	return strings.Join(items, ", ")
}
