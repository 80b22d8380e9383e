package twiml

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"sipcompose/sipcompose/internal/param"
)

// syntax is what reading the XML syntax of pasted TwiML found: the text
// with each raw & written &amp;, as it was meant, where those & were, and
// the first error that leaves nothing to read.
//
// A raw & is an & that does not start a well-formed entity or character
// reference (&amp; &#38; &#x26;): in "?X-A=1&X-B=2" it is the header
// separator Twilio's <Sip> page asks to write &amp;. It is read as &amp;
// in character data and attribute values, wherever they are: in <Sip>
// text and in a <Dial action="…?a=1&b=2"> alike, and in a verb import does
// not keep, so that a "<Say>Tom & Jerry</Say>" beside the <Dial> does not
// refuse the whole paste. Everywhere else (in a tag, between attributes,
// as an element name) it is an error like any other. A well-formed
// reference to an entity XML does not define (&nbsp;) is an error too:
// that is no & meant as &amp;.
type syntax struct {
	text string
	// fixes are the byte offsets of the raw & in the pasted text, in
	// order, for originalOffset.
	fixes []int
	amps  []rawAmp
	err   *syntaxError
}

// rawAmp is one raw & read as &amp;: where it was, and the element whose
// text (attr "") or attribute holds it, named by its path of element
// indexes from the document down (elementPath's form).
type rawAmp struct {
	pos  position
	path string
	tag  string
	attr string
}

// syntaxError is the first error in the XML syntax, at the character it
// concerns.
type syntaxError struct {
	pos position
	msg string
	// lenient marks an error of XML's that encoding/xml lets through
	// (attributes with no space between them), which Twilio's parser, an
	// XML one, need not.
	lenient bool
}

// position is a place in the pasted text: its line and column, both from
// 1, the column counted in characters (as an editor counts them), not in
// bytes.
type position struct{ line, col int }

// positionAt is the position of byte offset off in s.
func positionAt(s string, off int) position {
	off = min(off, len(s))
	start := strings.LastIndexByte(s[:off], '\n') + 1
	return position{strings.Count(s[:start], "\n") + 1, utf8.RuneCountInString(s[start:off]) + 1}
}

// readSyntax checks the XML syntax of s, reading every raw & as &amp;.
func readSyntax(s string) syntax {
	sc := &scanner{s: s, counts: []int{0}}
	sc.run()
	out := syntax{text: s, fixes: sc.fixes, amps: sc.amps, err: sc.err}
	if len(sc.fixes) > 0 {
		var b strings.Builder
		b.Grow(len(s) + 4*len(sc.fixes))
		last := 0
		for _, at := range sc.fixes {
			b.WriteString(s[last : at+1])
			b.WriteString("amp;")
			last = at + 1
		}
		b.WriteString(s[last:])
		out.text = b.String()
	}
	return out
}

// originalOffset maps a byte offset in the text readSyntax wrote back to
// the pasted one: every fix inserted "amp;" after an &.
func originalOffset(fixes []int, off int) int {
	for _, at := range fixes {
		switch {
		case off > at+4:
			off -= 4
		case off > at:
			return at
		}
	}
	return off
}

// scanner walks pasted XML once, keeping the open elements.
type scanner struct {
	s     string
	i     int
	open  []openElement
	fixes []int // byte offsets of the raw & read as &amp;
	amps  []rawAmp
	err   *syntaxError
	// counts[d] is how many elements were opened at depth d so far under
	// the current parent: the next one's index there.
	counts []int
}

type openElement struct {
	name string
	off  int
	path string
}

func (sc *scanner) fail(off int, msg string) {
	sc.err = &syntaxError{pos: positionAt(sc.s, off), msg: msg}
}

func (sc *scanner) run() {
	s := sc.s
	for sc.i < len(s) && sc.err == nil {
		rest := s[sc.i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			sc.comment()
		case strings.HasPrefix(rest, "<![CDATA["):
			sc.skipPast("]]>", 9, "A <![CDATA[ section is never closed with ]]>.")
		case strings.HasPrefix(rest, "<?"):
			sc.skipPast("?>", 2, "A <? … instruction is never closed with ?>.")
		case strings.HasPrefix(rest, "<!") && len(sc.open) > 0:
			sc.fail(sc.i, "A <! declaration inside <"+sc.open[len(sc.open)-1].name+">: XML allows only comments (<!-- -->) and <![CDATA[ ]]> sections there.")
			sc.err.lenient = true
		case strings.HasPrefix(rest, "<!"):
			sc.declaration()
		case strings.HasPrefix(rest, "</"):
			sc.endTag()
		case rest[0] == '<':
			sc.startTag()
		case rest[0] == '&':
			sc.reference("")
		case strings.HasPrefix(rest, "]]>"):
			sc.fail(sc.i, "]]> may not appear in text: write ]]&gt;.")
		default:
			sc.char()
		}
	}
	if sc.err == nil && len(sc.open) > 0 {
		e := sc.open[len(sc.open)-1]
		sc.fail(e.off, "<"+e.name+"> is opened here and never closed: the text ends before </"+e.name+">.")
	}
}

// skipPast moves past the end marker of a construct that starts at sc.i
// and is skip bytes long, or fails there with msg.
func (sc *scanner) skipPast(end string, skip int, msg string) {
	k := strings.Index(sc.s[sc.i+skip:], end)
	if k < 0 {
		sc.fail(sc.i, msg)
		return
	}
	sc.i += skip + k + len(end)
}

// comment skips a <!-- comment -->, which XML forbids to hold --.
func (sc *scanner) comment() {
	start := sc.i
	if sc.skipPast("-->", 4, "A comment (<!--) is never closed with -->."); sc.err != nil {
		return
	}
	if k := strings.Index(sc.s[start+4:sc.i-3], "--"); k >= 0 {
		sc.fail(start+4+k, "A comment may not hold -- (two hyphens) before its end -->.")
	}
}

// declaration skips a <!DOCTYPE …> (or another <!…>), with its quoted
// strings and [internal subset].
func (sc *scanner) declaration() {
	depth := 0
	for j := sc.i + 2; j < len(sc.s); j++ {
		switch c := sc.s[j]; c {
		case '"', '\'':
			k := strings.IndexByte(sc.s[j+1:], c)
			if k < 0 {
				sc.fail(sc.i, "A <! declaration is never closed with >.")
				sc.err.lenient = true
				return
			}
			j += k + 1
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				sc.i = j + 1
				return
			}
		}
	}
	sc.fail(sc.i, "A <! declaration is never closed with >.")
	sc.err.lenient = true // encoding/xml reads on to the end
}

// char checks one character of text: XML holds no control characters
// but tab and line breaks, and only UTF-8.
func (sc *scanner) char() {
	r, n := utf8.DecodeRuneInString(sc.s[sc.i:])
	if msg := badChar(r, n); msg != "" {
		sc.fail(sc.i, msg)
		return
	}
	sc.i += n
}

// badChar says why a decoded character cannot be in XML, or "".
func badChar(r rune, n int) string {
	switch {
	case r == utf8.RuneError && n <= 1:
		return "This is not UTF-8 text (perhaps pasted from a binary file): retype it."
	case !param.XMLChar(r):
		return "A control character (" + runeName(r) + ") that XML cannot hold: remove it."
	}
	return ""
}

func runeName(r rune) string {
	return "U+" + strings.ToUpper(strconv.FormatInt(int64(0x10000+r), 16)[1:])
}

// name reads an element or attribute name at j: it runs to the first
// character no name holds, where the caller says what is wrong. The
// characters are XML's, more widely read (any character outside ASCII), so
// that no name encoding/xml takes is refused here; encoding/xml, which
// reads the text next, has the last word. Reading them without Unicode's
// tables keeps those out of app.wasm.
func (sc *scanner) name(j int) (string, int) {
	k := j
	for k < len(sc.s) {
		r, n := utf8.DecodeRuneInString(sc.s[k:])
		if !nameChar(r) {
			break
		}
		k += n
	}
	return sc.s[j:k], k
}

// nameStart reports whether a name may start with the character at j: a
// letter, _ or :, or any character outside ASCII.
func (sc *scanner) nameStart(j int) bool {
	r, _ := utf8.DecodeRuneInString(sc.s[j:])
	return nameStartChar(r)
}

func nameStartChar(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_' || r == ':' || r >= utf8.RuneSelf && r != utf8.RuneError
}

func nameChar(r rune) bool {
	return nameStartChar(r) || '0' <= r && r <= '9' || r == '-' || r == '.'
}

func (sc *scanner) spaces(j int) int {
	for j < len(sc.s) && strings.IndexByte(" \t\r\n", sc.s[j]) >= 0 {
		j++
	}
	return j
}

func (sc *scanner) startTag() {
	start := sc.i
	if start+1 >= len(sc.s) || !sc.nameStart(start+1) {
		sc.fail(start, "A < that starts no tag (a tag's name starts with a letter): in text, write it as &lt;.")
		return
	}
	name, j := sc.name(start + 1)
	depth := len(sc.open)
	index := sc.counts[depth]
	sc.counts[depth]++
	path := strconv.Itoa(index)
	if depth > 0 {
		path = sc.open[depth-1].path + "/" + path
	}
	spaced := false
	for {
		k := sc.spaces(j)
		spaced, j = k > j, k
		switch {
		case j >= len(sc.s):
			sc.fail(start, "The tag <"+name+" is never closed with >.")
			return
		case sc.s[j] == '>':
			sc.open = append(sc.open, openElement{name, start, path})
			sc.counts = append(sc.counts[:depth+1], 0)
			sc.i = j + 1
			return
		case strings.HasPrefix(sc.s[j:], "/>"):
			sc.i = j + 2
			return
		case !spaced || !sc.nameStart(j):
			r, _ := utf8.DecodeRuneInString(sc.s[j:])
			sc.fail(j, "Unexpected "+strconv.QuoteRune(r)+" in the tag <"+name+">: a tag holds its name, then attributes written name=\"value\", each after a space.")
			sc.err.lenient = !spaced && sc.nameStart(j)
			return
		}
		if j = sc.attribute(name, path, j); sc.err != nil {
			return
		}
	}
}

// attribute reads one name="value" of the tag <tag> at j, and returns
// where it ends.
func (sc *scanner) attribute(tag, path string, j int) int {
	attrStart := j
	attr, j := sc.name(j)
	j = sc.spaces(j)
	if j >= len(sc.s) || sc.s[j] != '=' {
		sc.fail(attrStart, "Attribute "+attr+" of <"+tag+"> has no value: write "+attr+"=\"…\".")
		return j
	}
	j = sc.spaces(j + 1)
	if j >= len(sc.s) || sc.s[j] != '"' && sc.s[j] != '\'' {
		sc.fail(j, "The value of "+attr+" in <"+tag+"> is not in quotes: write "+attr+"=\"…\".")
		return j
	}
	quote, open := sc.s[j], j
	for j++; j < len(sc.s) && sc.s[j] != quote; {
		switch sc.s[j] {
		case '<':
			sc.fail(j, "A < in the value of "+attr+" in <"+tag+">: if it belongs there, write it as &lt;; if not, the value's closing "+string(quote)+" is missing.")
			return j
		case '&':
			sc.i = j
			sc.referenceIn(tag, path, attr)
			j = sc.i
		default:
			r, n := utf8.DecodeRuneInString(sc.s[j:])
			if msg := badChar(r, n); msg != "" {
				sc.fail(j, msg)
				return j
			}
			j += n
		}
		if sc.err != nil {
			return j
		}
	}
	if j >= len(sc.s) {
		sc.fail(open, "The value of "+attr+" in <"+tag+"> is never closed: its opening "+string(quote)+" has no closing one.")
		return j
	}
	return j + 1
}

func (sc *scanner) endTag() {
	start := sc.i
	name, j := sc.name(start + 2)
	j = sc.spaces(j)
	switch {
	case name == "":
		sc.fail(start, "A </ that starts no end tag: an end tag is </Name>.")
		return
	case j >= len(sc.s) || sc.s[j] != '>':
		sc.fail(start, "The end tag </"+name+" is never closed with >.")
		return
	case len(sc.open) == 0:
		sc.fail(start, "</"+name+"> closes no open element.")
		return
	}
	top := sc.open[len(sc.open)-1]
	if top.name != name {
		hint := ""
		if strings.EqualFold(top.name, name) {
			hint = " (TwiML names are case-sensitive)"
		}
		at := positionAt(sc.s, top.off)
		sc.fail(start, "</"+name+"> does not close <"+top.name+">, which is opened at line "+strconv.Itoa(at.line)+", column "+strconv.Itoa(at.col)+hint+".")
		return
	}
	sc.open = sc.open[:len(sc.open)-1]
	sc.counts = sc.counts[:len(sc.open)+1]
	sc.i = j + 1
}

// reference reads the & at sc.i in text.
func (sc *scanner) reference(attr string) {
	tag, path := "", ""
	if n := len(sc.open); n > 0 {
		tag, path = sc.open[n-1].name, sc.open[n-1].path
	}
	sc.referenceIn(tag, path, attr)
}

// referenceIn reads the & at sc.i, in the text (attr "") or an attribute
// of the element <tag> at path: a reference XML knows, an error, or a raw
// & read as &amp;.
func (sc *scanner) referenceIn(tag, path, attr string) {
	at := sc.i
	n := referenceLen(sc.s[at+1:])
	if n == 0 {
		sc.fixes = append(sc.fixes, at)
		sc.amps = append(sc.amps, rawAmp{positionAt(sc.s, at), path, tag, attr})
		sc.i = at + 1
		return
	}
	ref := sc.s[at : at+1+n]
	body := ref[1 : len(ref)-1]
	switch {
	case body == "amp" || body == "lt" || body == "gt" || body == "quot" || body == "apos":
	case body[0] == '#':
		if !param.XMLChar(charRef(body)) {
			sc.fail(at, ref+" stands for a character XML cannot hold: remove it.")
			return
		}
	default:
		sc.fail(at, ref+" is not an entity XML knows (it knows &amp; &lt; &gt; &quot; &apos;): write the character itself, or &amp; for an &.")
		return
	}
	sc.i = at + 1 + n
}

// referenceLen is the length of the well-formed reference that rest (what
// follows an &) starts with, ";" included: "amp;" or "#38;" or "#x26;",
// or any "name;" (which need not be an entity XML knows); 0 for none.
func referenceLen(rest string) int {
	k := 0
	switch {
	case strings.HasPrefix(rest, "#x"):
		k = 2
		for k < len(rest) && strings.IndexByte("0123456789abcdefABCDEF", rest[k]) >= 0 {
			k++
		}
		if k == 2 {
			return 0
		}
	case strings.HasPrefix(rest, "#"):
		k = 1
		for k < len(rest) && '0' <= rest[k] && rest[k] <= '9' {
			k++
		}
		if k == 1 {
			return 0
		}
	default:
		r, n := utf8.DecodeRuneInString(rest)
		if !nameStartChar(r) {
			return 0
		}
		k = n
		for k < len(rest) {
			r, n := utf8.DecodeRuneInString(rest[k:])
			if !nameChar(r) {
				break
			}
			k += n
		}
	}
	if k < len(rest) && rest[k] == ';' {
		return k + 1
	}
	return 0
}

// charRef is the character a "#38" or "#x26" reference stands for, or -1.
func charRef(body string) rune {
	base, digits := 10, body[1:]
	if strings.HasPrefix(body, "#x") {
		base, digits = 16, body[2:]
	}
	n, err := strconv.ParseInt(digits, base, 32)
	if err != nil {
		return -1
	}
	return rune(n)
}
