// Package shell quotes values for POSIX sh, for the curl form and the
// allow-list's iptables script.
package shell

import "strings"

// WriteQuoted writes s for inside single quotes: a quote closes the
// quoting, is written escaped, and reopens it.
func WriteQuoted(b *strings.Builder, s string) {
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

// Quote quotes s for POSIX sh, as the curl commands quote values.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	WriteQuoted(&b, s)
	b.WriteByte('\'')
	return b.String()
}
