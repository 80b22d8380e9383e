// Package param is the vocabulary the TwiML, the curl form and the
// helper-library programs share: each <Dial>, <Sip>, <Uri> and <Header>
// attribute and each REST parameter as a Value of Twilio's own name and
// the Document's value, in the order they are written, so adding one is one
// line and no two outputs can disagree on a name, a value or the order.
package param

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"sipcompose/sipcompose/document"
)

// Kind says how a value is written in a program.
type Kind int

const (
	KindString Kind = iota
	KindInt
	KindBool // always true: false values are left out
	KindList
	KindEnv // s names the environment variable that holds the value
)

// Value is one TwiML attribute or REST parameter. Name is Twilio's own
// spelling: the TwiML attribute ("callerId") or the REST parameter
// ("SipAuthUsername"); each language derives its identifier from it.
type Value struct {
	Name string
	Kind Kind
	S    string
	N    int
	List []string
}

// Attr is a TwiML attribute; XMLSafe makes it the value Compose writes, so
// the library is handed what the TwiML preview shows.
func Attr(name, v string) Value { return Value{Name: name, S: XMLSafe(v)} }

// REST is a REST parameter, sent as typed, as the curl form sends it.
func REST(name, v string) Value { return Value{Name: name, S: v} }

// Int is a whole-number attribute or parameter; 0 is not set.
func Int(name string, n int) Value { return Value{Name: name, Kind: KindInt, N: n} }

// Bool is a boolean attribute or parameter, set only when true.
func Bool(name string, b bool) Value {
	if !b {
		return Value{}
	}
	return Value{Name: name, Kind: KindBool}
}

// Env is a value read from the environment variable env when the
// program runs, so no secret is written into it.
func Env(name, env string) Value { return Value{Name: name, Kind: KindEnv, S: env} }

// List is a list parameter, sent as one field per item. An empty
// item (Validate reports it) names nothing, as in the TwiML's
// space-separated form, so it is left out of the curl form and the
// programs alike.
func List(name string, l []string) Value {
	var items []string
	for _, e := range l {
		if e != "" {
			items = append(items, e)
		}
	}
	return Value{Name: name, Kind: KindList, List: items}
}

// Present keeps the values that are set: zero ones leave Twilio's
// defaults in force, as in the TwiML and the curl form.
func Present(vs ...Value) []Value {
	out := vs[:0]
	for _, v := range vs {
		switch {
		case v.Name == "",
			v.Kind == KindString && v.S == "",
			v.Kind == KindInt && v.N == 0,
			v.Kind == KindList && len(v.List) == 0:
			continue
		}
		out = append(out, v)
	}
	return out
}

// Text is an attribute's value as the TwiML writes it.
func (v Value) Text() string {
	switch v.Kind {
	case KindInt:
		return strconv.Itoa(v.N)
	case KindBool:
		return "true"
	}
	return v.S
}

// XMLSafe replaces what XML 1.0 cannot carry at all (NUL and other control
// characters, invalid UTF-8, U+FFFE/U+FFFF) with U+FFFD, so the TwiML is
// always well-formed. Validate reports such characters as errors; this is
// only the guarantee that bad input never becomes bad XML.
func XMLSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if XMLChar(r) {
			return r
		}
		return utf8.RuneError
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}

// XMLChar is XML 1.0's Char production: what XML can hold at all.
func XMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}

// NamedHeaders are the rows with a name: a row without one is an
// unfinished form row, and Validate reports a value without a name.
func NamedHeaders(rows []document.Header) []document.Header {
	var out []document.Header
	for _, h := range rows {
		if h.Name != "" {
			out = append(out, h)
		}
	}
	return out
}
