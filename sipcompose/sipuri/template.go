package sipuri

import "strings"

// TwiML Bins (Twilio's console, where support engineers paste TwiML) fill
// template tags such as {{To}}, {{From}} or a custom {{Case}} before Twilio
// reads the TwiML. Twilio's TwiML Bins page (dateModified 2026-09-01,
// https://www.twilio.com/docs/serverless/twiml-bins) says to "use
// templating using Handlebars" and shows {{From}} and {{ Body }}; its
// support article "How to use templates with TwiML Bins"
// (https://support.twilio.com/hc/en-us/articles/230878368) says Mustache
// templates let a Bin "insert dynamic content", "render conditional
// content", "iterate through lists" and "execute built-in functions", the
// one built-in being e164 ({{#e164}}{{To}}{{/e164}}, which Twilio's
// registered-endpoint docs use to take the number out of a SIP To). What a
// tag is filled with is a parameter of the request to the Bin: those
// Twilio sends (To, From, CallSid …) and the query parameters of the Bin's
// URL (…?Case=42 fills {{Case}}).
//
// Twilio's error 90025 ("Template body has unsupported tag type …
// supports only data tags") is about Content Templates (the Content API's
// message templates), not Bins: its page
// (https://www.twilio.com/docs/api/errors/90025) names ContentVariables
// and the Content API, and links only to Content Templates' pages.
//
// So a tag is written exactly as typed in every output: percent-encoding
// {{To}} as %7B%7BTo%7D%7D would leave the Bin nothing to fill. A tag's
// text holds none of the characters that delimit a URI's parts (@ : ; ? &
// = %), so one kept as typed never changes the URI's structure.

// TagKind is what a template tag does, by its sigil.
type TagKind int

const (
	TagVariable TagKind = iota // {{Name}}: the parameter's value (HTML-escaped, in Mustache and Handlebars)
	TagTriple                  // {{{Name}}}: the value, not escaped
	TagSection                 // {{#Name}}: what follows, up to {{/Name}}, if Name is set (or the e164 function)
	TagInverted                // {{^Name}}: what follows if Name is not set
	TagClose                   // {{/Name}}
	TagComment                 // {{! text}}
	TagPartial                 // {{> name}}
)

// Tag is one template tag in a field's value.
type Tag struct {
	Text string // as typed: "{{ To }}"
	Kind TagKind
	Name string // "To"
	At   int    // its byte offset in the value
}

// Tags are the template tags in s, in order.
func Tags(s string) []Tag {
	var out []Tag
	for tg, ok := nextTag(s, 0); ok; tg, ok = nextTag(s, tg.At+len(tg.Text)) {
		out = append(out, tg)
	}
	return out
}

// HasTags reports whether s holds a template tag.
func HasTags(s string) bool {
	_, ok := nextTag(s, 0)
	return ok
}

// nextTag is the first tag in s at or after from. A tag starts with {{:
// jumping from one to the next keeps a keystroke's check of every field
// (the customer's side, the probe's command) from trying each character
// of each value.
func nextTag(s string, from int) (Tag, bool) {
	for i := from; ; i++ {
		j := strings.Index(s[i:], "{{")
		if j < 0 {
			return Tag{}, false
		}
		i += j
		if tg, ok := tagAt(s, i); ok {
			return tg, true
		}
	}
}

// tagAt reads the tag that starts at s[i], if one does: "{{", an optional
// sigil, a name of letters, digits and _ . - (or, after !, words), spaces
// around them, "}}"; or a name in triple braces.
func tagAt(s string, i int) (Tag, bool) {
	rest := s[i:]
	if !strings.HasPrefix(rest, "{{") {
		return Tag{}, false
	}
	open, closing, kind := "{{", "}}", TagVariable
	if strings.HasPrefix(rest, "{{{") {
		open, closing, kind = "{{{", "}}}", TagTriple
	}
	// Looking no further than a tag can be long keeps reading a value
	// linear, however many {{ a 200 KB paste holds.
	window := rest[len(open):min(len(rest), len(open)+maxTagInner+len(closing))]
	end := strings.Index(window, closing)
	if end < 0 {
		return Tag{}, false
	}
	inner := strings.Trim(rest[len(open):len(open)+end], " ")
	text := rest[:len(open)+end+len(closing)]
	if kind == TagVariable && inner != "" {
		if k, ok := sigils[inner[0]]; ok {
			kind, inner = k, strings.TrimLeft(inner[1:], " ")
		}
	}
	valid := tagName(inner)
	if kind == TagComment {
		valid = strings.Trim(inner, " ") == "" || tagName(strings.ReplaceAll(inner, " ", "_"))
	}
	if !valid {
		return Tag{}, false
	}
	return Tag{Text: text, Kind: kind, Name: inner, At: i}, true
}

// maxTagInner is the most a tag holds between its braces: far more than
// any parameter's name.
const maxTagInner = 128

// sigils are the first characters inside {{ }} that change what a tag
// does. Mustache's & (unescaped) and = (new delimiters) are not among
// them: an & cannot stand raw in TwiML, and the Bin would read the &amp;
// XML needs as part of the name.
var sigils = map[byte]TagKind{'#': TagSection, '^': TagInverted, '/': TagClose, '!': TagComment, '>': TagPartial}

// tagName reports whether s names a parameter: letters, digits and _ . -
// (a dotted Mustache name, a SipHeader_X-Foo parameter).
func tagName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && strings.IndexByte("_.-", s[i]) < 0 {
			return false
		}
	}
	return s != ""
}

// Fill renders the tags of s as a TwiML Bin would, each parameter's value
// given by value ("" for one the request does not have): a variable
// becomes its value, a section what it holds when the parameter is set
// (or, for e164, the number in what it holds), an inverted section what
// it holds when it is not, a comment or partial nothing. Fill writes
// values as they are: Mustache and Handlebars HTML-escape {{Name}}, which
// Twilio's XML reader would undo, but Twilio does not document whether its
// Bins escape at all (the validator says so where it matters). Tests fill
// previews with sample values; the validator fills with a stand-in to check
// what is around the tags.
func Fill(s string, value func(name string) string) string {
	out, _ := fill(s, 0, "", value)
	return out
}

// fill renders s from i up to the {{/name}} that closes section name ("":
// the end), and returns where it stopped.
func fill(s string, i int, name string, value func(string) string) (string, int) {
	var b strings.Builder
	for i < len(s) {
		tg, ok := tagAt(s, i)
		if !ok {
			b.WriteByte(s[i])
			i++
			continue
		}
		i += len(tg.Text)
		switch tg.Kind {
		case TagVariable, TagTriple:
			b.WriteString(value(tg.Name))
		case TagSection, TagInverted:
			inner, next := fill(s, i, tg.Name, value)
			i = next
			set := value(tg.Name) != ""
			switch {
			case tg.Kind == TagSection && tg.Name == "e164":
				b.WriteString(e164(inner))
			case set == (tg.Kind == TagSection):
				b.WriteString(inner)
			}
		case TagClose:
			if tg.Name == name {
				return b.String(), i
			}
		}
	}
	return b.String(), i
}

// e164 is Twilio's e164 function of TwiML Bins: the phone number in a SIP
// URI ("sip:+15125551212@mydomain.sip.us1.twilio.com" gives
// "+15125551212"), or in a number as written.
func e164(s string) string {
	s = strings.TrimSpace(s)
	if lower := strings.ToLower(s); strings.HasPrefix(lower, "sip:") || strings.HasPrefix(lower, "sips:") {
		s = s[strings.IndexByte(s, ':')+1:]
		if at := strings.IndexByte(s, '@'); at >= 0 {
			s = s[:at]
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; '0' <= c && c <= '9' || c == '+' && b.Len() == 0 {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// StandIn is s with every template tag filled with a stand-in value, x:
// what the rules check a field by, since what the Bin fills in cannot be
// known here but what is around it can ("{{Host}}:5060" still has a port
// in its host).
func StandIn(s string) string {
	if !HasTags(s) {
		return s
	}
	return Fill(s, func(string) string { return "x" })
}
