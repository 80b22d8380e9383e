package sipcompose

import "strings"

// writeShellQuoted writes s for inside single quotes: a quote closes the
// quoting, is written escaped, and reopens it.
func writeShellQuoted(b *strings.Builder, s string) {
	for {
		i := strings.IndexByte(s, '\'')
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		b.WriteString(`'\''`)
		s = s[i+1:]
	}
}

// shellQuote quotes s for POSIX sh, as the curl commands quote values.
func shellQuote(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	writeShellQuoted(&b, s)
	b.WriteByte('\'')
	return b.String()
}
