package sipcompose

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// valueKind says how a value is written in a program.
type valueKind int

const (
	kindString valueKind = iota
	kindInt
	kindBool // always true: false values are left out
	kindList
	kindEnv // s names the environment variable that holds the value
)

// codeValue is one TwiML attribute or REST parameter. name is Twilio's own
// spelling: the TwiML attribute ("callerId") or the REST parameter
// ("SipAuthUsername"); each language derives its identifier from it.
type codeValue struct {
	name string
	kind valueKind
	s    string
	n    int
	list []string
}

// attr is a TwiML attribute; xmlSafe makes it the value Compose writes, so
// the library is handed what the TwiML preview shows.
func attr(name, v string) codeValue { return codeValue{name: name, s: xmlSafe(v)} }

// param is a REST parameter, sent as typed, as the curl form sends it.
func param(name, v string) codeValue { return codeValue{name: name, s: v} }

func intValue(name string, n int) codeValue { return codeValue{name: name, kind: kindInt, n: n} }

func boolValue(name string, b bool) codeValue {
	if !b {
		return codeValue{}
	}
	return codeValue{name: name, kind: kindBool}
}

// listValue is a list parameter, sent as one field per item. An empty
// item (Validate reports it) names nothing, as in the TwiML's
// space-separated form, so it is left out of the curl form and the
// programs alike.
func listValue(name string, l []string) codeValue {
	var items []string
	for _, e := range l {
		if e != "" {
			items = append(items, e)
		}
	}
	return codeValue{name: name, kind: kindList, list: items}
}

// present keeps the values that are set: zero ones leave Twilio's
// defaults in force, as in the TwiML and the curl form.
func present(vs ...codeValue) []codeValue {
	out := vs[:0]
	for _, v := range vs {
		switch {
		case v.name == "",
			v.kind == kindString && v.s == "",
			v.kind == kindInt && v.n == 0,
			v.kind == kindList && len(v.list) == 0:
			continue
		}
		out = append(out, v)
	}
	return out
}

// text is an attribute's value as the TwiML writes it.
func (v codeValue) text() string {
	switch v.kind {
	case kindInt:
		return strconv.Itoa(v.n)
	case kindBool:
		return "true"
	}
	return v.s
}

// xmlSafe replaces what XML 1.0 cannot carry at all (NUL and other control
// characters, invalid UTF-8, U+FFFE/U+FFFF) with U+FFFD, so the TwiML is
// always well-formed. Validate reports such characters as errors; this is
// only the guarantee that bad input never becomes bad XML.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return utf8.RuneError
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}

// xmlChar is XML 1.0's Char production.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}

// namedHeaders are the rows with a name: a row without one is an
// unfinished form row, and Validate reports a value without a name.
func namedHeaders(rows []Header) []Header {
	var out []Header
	for _, h := range rows {
		if h.Name != "" {
			out = append(out, h)
		}
	}
	return out
}
