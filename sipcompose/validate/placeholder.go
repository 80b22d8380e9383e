package validate

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/sipuri"
)

// typographic are the characters word processors, docs and chat apps put
// where a value had plain ones, or that cannot be seen: pasted into User or
// Host they are sent percent-encoded, and no PBX has such a user or host.
var typographic = map[rune]string{
	'…': "an ellipsis (…), as docs and chat apps shorten a value",
	'“': "typographic quotes (“ ”)", '”': "typographic quotes (“ ”)", '„': "typographic quotes („ “)",
	'‘': "typographic quotes (‘ ’)", '’': "typographic quotes (‘ ’)", '‚': "typographic quotes (‚ ‘)",
	'«': "guillemets (« »)", '»': "guillemets (« »)", '‹': "guillemets (‹ ›)", '›': "guillemets (‹ ›)",
	'–': "a typographic dash (–) where a hyphen (-) was meant", '—': "a typographic dash (—) where a hyphen (-) was meant",
	'\u00a0': "an invisible no-break space (U+00A0)", '\u202f': "an invisible narrow no-break space (U+202F)",
	'\u200b': "an invisible zero-width space (U+200B)", '\u200c': "an invisible zero-width non-joiner (U+200C)",
	'\u200d': "an invisible zero-width joiner (U+200D)", '\u2060': "an invisible word joiner (U+2060)",
	'\ufeff': "an invisible byte-order mark (U+FEFF)", '\u00ad': "an invisible soft hyphen (U+00AD)",
}

// docHosts are the hosts Twilio's docs and ours use to stand for the
// customer's: the names RFC 2606 keeps for documentation, bare, and
// your.domain, which no DNS has. A name under them (pbx.example.com, the
// page's own example) is a stand-in too, but one a person types on purpose
// to try the tool, so it is not named.
var docHosts = []string{"example.com", "example.net", "example.org", "your.domain", "yourdomain.com", "your-domain.com"}

// placeholder says why s, a User or Host as typed, looks like a
// placeholder pasted from docs rather than a value: typographic characters,
// a name in <angle>, [square] or {single curly} brackets, a shell or
// Windows variable ($VAR, ${VAR}, %VAR%), a phone number of X's, one of
// the docs' hosts; or "". TwiML Bin template tags ({{To}}) are values
// (the Bin fills them) and are left aside.
func placeholder(s string, host bool) string {
	if sipuri.HasTags(s) {
		s = sipuri.Fill(s, func(string) string { return "x" })
	}
	// Before trimming: a no-break space is white space to TrimSpace.
	for _, r := range s {
		if what, ok := typographic[r]; ok {
			return what
		}
	}
	s = strings.TrimSpace(s)
	if v := variable(s); v != "" {
		return "the variable " + v + ", which nothing fills in here"
	}
	if b := bracketed(s, host); b != "" {
		return "the placeholder " + b
	}
	if !host && xNumber(s) {
		return "a phone number with X's for digits"
	}
	if host {
		for _, h := range docHosts {
			if strings.EqualFold(strings.TrimSuffix(s, "."), h) {
				return h + ", which Twilio's docs use for the customer's host"
			}
		}
	}
	return ""
}

// bracketed is the first <name>, [name] or {name} in s, or "": what docs
// write for a value to fill in. A bracketed IPv6 host is no placeholder.
func bracketed(s string, host bool) string {
	if host && sipuri.BracketedIPv6(s) {
		return ""
	}
	for _, pair := range []string{"<>", "[]", "{}"} {
		open := strings.IndexByte(s, pair[0])
		if open < 0 {
			continue
		}
		end := strings.IndexByte(s[open+1:], pair[1])
		if end <= 0 {
			continue
		}
		inner := s[open+1 : open+1+end]
		if host && pair == "[]" && (strings.Contains(inner, ":") || strings.Trim(inner, "0123456789.") == "") {
			continue // an address in brackets, good or bad: no placeholder
		}
		if strings.ContainsAny(inner, pair) {
			continue
		}
		return s[open : open+2+end]
	}
	return ""
}

// variable is the first $VAR, ${VAR}, $(VAR) or %VAR% in s, or "".
func variable(s string) string {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && (s[i+1] == '{' || s[i+1] == '(' || nameStart(s[i+1])):
			j := i + 1
			if s[j] == '{' || s[j] == '(' {
				j++
			}
			k := j
			for k < len(s) && (nameStart(s[k]) || '0' <= s[k] && s[k] <= '9') {
				k++
			}
			if k > j {
				if k < len(s) && (s[k] == '}' || s[k] == ')') {
					k++
				}
				return s[i:k]
			}
		case s[i] == '%':
			k := i + 1
			for k < len(s) && (nameStart(s[k]) || '0' <= s[k] && s[k] <= '9') {
				k++
			}
			if k < len(s) && s[k] == '%' && k > i+1 && nameStart(s[i+1]) {
				return s[i : k+1]
			}
		}
	}
	return ""
}

func nameStart(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

// xNumber reports a phone number written with X's for digits, as docs
// write one: "+1XXXXXXXXXX", "415-XXX-XXXX".
func xNumber(s string) bool {
	s = strings.TrimPrefix(s, "+")
	if s == "" || !strings.Contains(strings.ToUpper(s), "XXX") {
		return false
	}
	return strings.Trim(s, "0123456789xX-. ()") == ""
}

// userPlaceholder names what looks like a placeholder in a target's User.
// Its Host is named by hostPlaceholder, or, when the host is invalid
// anyway, in its error (invalidHostWords).
func (v *validator) userPlaceholder(p, user string) {
	if what := placeholder(user, false); what != "" {
		v.add(document.SeverityWarning, "placeholder", p+".user",
			"User %q holds %s: it looks pasted from docs, and Twilio would send it percent-encoded as %s, which no PBX knows. Enter the real user.", user, what, sipuri.EncodeUser(user))
	}
}

// hostPlaceholder is userPlaceholder for a Host that is otherwise valid.
func (v *validator) hostPlaceholder(p, host string) {
	if what := placeholder(host, true); what != "" {
		v.add(document.SeverityWarning, "placeholder", p+".host",
			"Host %q holds %s: it looks pasted from docs, and no PBX of the customer's answers there. Enter the customer's host.", host, what)
	}
}

// invalidHostWords says why an invalid host is, when it is a placeholder.
func invalidHostWords(host string) string {
	if what := placeholder(host, true); what != "" {
		return fmt.Sprintf("Host %q holds %s: it looks pasted from docs, and it is no host name Twilio can dial (error 13243: invalid SIP URI). Enter the customer's host.", host, what)
	}
	return ""
}

// encodedCharacters notes, once a target, the characters of its header
// values that are sent percent-encoded where a person would not expect it:
// a space, a %, and every character outside ASCII. Punctuation (, + - ; =)
// is encoded too, as Twilio's docs ask and show in their own examples
// (Bob,Shield+Title-Manager); a space becomes %20, not + or a space, é
// becomes its UTF-8 bytes, and a % (a value pasted already encoded) becomes
// %25, which the PBX then reads as a %. The composer keeps no state between
// keystrokes, so "the first time" is the first row of the target with such
// a character, and each character is named once, on that row.
func (v *validator) encodedCharacters(p string, t document.Target) {
	var seen []string
	named := map[rune]bool{}
	first := -1
	escaped := false
	for i, h := range t.Headers {
		if h.Name == "" {
			continue
		}
		value := h.Value
		if sipuri.HasTags(value) {
			value = sipuri.Fill(value, func(string) string { return "" })
		}
		for j, r := range value {
			if r != ' ' && r != '%' && r < utf8.RuneSelf || r == utf8.RuneError {
				continue
			}
			if r == '%' && j+2 < len(value) && isHex(value[j+1]) && isHex(value[j+2]) {
				escaped = true
			}
			if !named[r] {
				named[r] = true
				if first < 0 {
					first = i
				}
				seen = append(seen, string(r))
			}
		}
	}
	if first < 0 {
		return
	}
	var words []string
	for k, c := range seen {
		if k == maxNamed {
			words = append(words, fmt.Sprintf("and %d more", len(seen)-maxNamed))
			break
		}
		name := c
		if c == " " {
			name = "a space"
		}
		words = append(words, name+" as "+sipuri.PercentEncode(c))
	}
	also := ""
	if escaped {
		also = " A value that is already percent-encoded is encoded again (%2C becomes %252C), so the PBX reads %2C: enter values decoded."
	}
	v.add(document.SeverityInfo, "header-value-encoded", fmt.Sprintf("%s.headers[%d].value", p, first),
		"Header values are sent percent-encoded, as Twilio asks: %s. The PBX reads them decoded, as typed here.%s", strings.Join(words, ", "), also)
}

// maxNamed is how many characters a note names.
const maxNamed = 8

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
