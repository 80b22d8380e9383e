package validate

import (
	"slices"
	"strings"
)

// hostLike reports whether a relative URL starts with what reads as a
// host name ("www.twilio.ca", "example.com/status"): a dotted name whose
// last label is letters, like a top-level domain, and not a file
// extension a relative path ends in ("status.php", "twiml.xml").
func hostLike(s string) (string, bool) {
	first := s
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		first = s[:i]
	}
	dot := strings.LastIndexByte(first, '.')
	if dot <= 0 || strings.HasPrefix(first, ".") {
		return "", false
	}
	tld := strings.ToLower(first[dot+1:])
	if len(tld) < 2 || !letters(tld) || slices.Contains(pathExtensions, tld) {
		return "", false
	}
	return first, true
}

var pathExtensions = strings.Fields("xml html htm php asp aspx jsp cgi pl py rb js json txt twiml")

// letters reports whether s, already lowercased, is only ASCII letters.
func letters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
