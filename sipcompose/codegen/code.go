// Package codegen writes the same call in the forms the customer's
// developers run: the curl commands of the REST Calls API, and, for each
// of Twilio's helper libraries (Node.js, Python, Go), a program that
// builds the TwiML and one that places the REST call. Every value is
// quoted for its language and no secret is written into a program.
package codegen

import (
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/param"
	"sipcompose/sipcompose/resolve"
)

// Lang is a language whose Twilio helper library the programs use.
// Only languages whose library the tests run are offered.
type Lang string

const (
	LangNode   Lang = "node"
	LangPython Lang = "python"
	LangGo     Lang = "go"
)

// Langs lists the languages in the order the page and the CLI show them.
var Langs = []Lang{LangNode, LangPython, LangGo}

// Programs are one language's two complete programs for a Document.
type Programs struct {
	Lang Lang `json:"lang"`
	// Library names the helper library as its package manager spells it.
	Library string `json:"library"`
	// TwiML builds the same TwiML as Result.TwiML with the library's
	// builder and prints it.
	TwiML string `json:"twiml"`
	// Call places the same REST call(s) as Result.Curl.
	Call string `json:"call"`
}

// All writes, for each of Langs, the program that builds doc's TwiML with
// the helper library and the one that places its REST call. uris are the
// targets' URIs as Compose built them (Result.URIs): the programs pass them
// on already percent-encoded, so the libraries, which encode nothing, send
// what the TwiML preview shows.
//
// No secret is written into a program: credentials and SIP passwords are
// read from the environment variables the curl form reads. Every value is
// a string literal quoted for its language, so no input changes what a
// program says or stops it compiling.
//
// The programs are not part of Compose; the page asks For for the one
// language its Code panel shows.
func All(doc document.Document, uris []string) []Programs {
	m := newCodeModel(doc, uris)
	out := make([]Programs, len(Langs))
	for i, lang := range Langs {
		out[i] = m.programs(lang)
	}
	return out
}

// For is All's programs for lang alone, or false when lang is not
// offered.
func For(doc document.Document, uris []string, lang Lang) (Programs, bool) {
	if _, ok := codeWriters[lang]; !ok {
		return Programs{}, false
	}
	return newCodeModel(doc, uris).programs(lang), true
}

// codeWriters are each language's library and two program writers.
var codeWriters = map[Lang]struct {
	library     string
	twiml, call func(codeModel) string
}{
	LangNode:   {"twilio (npm)", nodeTwiML, nodeCall},
	LangPython: {"twilio (PyPI; Debian python3-twilio)", pythonTwiML, pythonCall},
	LangGo:     {"github.com/twilio/twilio-go", goTwiML, goCall},
}

func (m codeModel) programs(lang Lang) Programs {
	w := codeWriters[lang]
	return Programs{Lang: lang, Library: w.library, TwiML: w.twiml(m), Call: w.call(m)}
}

// codeSip is one <Sip> noun: its URI (empty when Compose writes no text),
// attributes and children.
type codeSip struct {
	uri     string
	attrs   []param.Value
	uris    []codeURI
	headers [][]param.Value // each <Header>'s name and value
}

// codeURI is one <Sip><Uri>: its text and attributes.
type codeURI struct {
	uri   string
	attrs []param.Value
}

// sipChildren says whether any <Sip> has <Uri> or <Headers> elements.
func (m codeModel) sipChildren() bool {
	for _, s := range m.sips {
		if s.children() {
			return true
		}
	}
	return false
}

// children says whether the <Sip> has <Uri> or <Headers> elements.
func (s codeSip) children() bool { return len(s.uris) > 0 || len(s.headers) > 0 }

// codeModel is what every language's programs say, decided once.
type codeModel struct {
	dial  []param.Value
	sips  []codeSip
	calls [][]param.Value // one REST call per target
	// notes are comments on the REST programs, one line each.
	notes []string
	// twimlEnvs and callEnvs are the variables each program reads besides
	// the account's credentials.
	twimlEnvs []string
	callEnvs  []string
}

// Comments the programs share, in every language's comment syntax.
const (
	noteTwiMLURI = "The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;."
	noteCallURI  = "The SIP URI is already percent-encoded: pass it as is; the library form-encodes it (& is sent as %26)."
)

func newCodeModel(doc document.Document, uris []string) codeModel {
	var m codeModel
	d := &doc.Dial
	m.dial = param.Dial(d)
	passwordEnvs, uriPasswordEnvs := PasswordEnvs(doc.Targets)
	for i := range doc.Targets {
		t := &doc.Targets[i]
		if t.Password != "" {
			m.twimlEnvs = appendNew(m.twimlEnvs, passwordEnvs[i])
		}
		sip := codeSip{uri: uris[i], attrs: passwordFromEnv(param.Sip(t), passwordEnvs[i])}
		// A <Sip> of <Uri>s alone has no text (sipChildren); its REST
		// URI, uris[i], is its first <Uri>.
		bare := resolve.Target(*t).ChildrenAlone()
		if bare {
			sip.uri = ""
		}
		for k := range t.URIs {
			u := &t.URIs[k]
			if u.Password != "" {
				m.twimlEnvs = appendNew(m.twimlEnvs, uriPasswordEnvs[i][k])
			}
			sip.uris = append(sip.uris, codeURI{uri: param.XMLSafe(strings.TrimSpace(u.URI)), attrs: passwordFromEnv(param.URI(u), uriPasswordEnvs[i][k])})
		}
		for _, h := range param.NamedHeaders(t.HeaderElements) {
			sip.headers = append(sip.headers, param.Header(h))
		}
		m.sips = append(m.sips, sip)
		if bare {
			m.notes = appendNew(m.notes, commentText(curlFirstURIComment))
		}
		call := restParams(&doc, t, uris[i], bare)
		if c := templateComment(call); c != "" {
			m.notes = appendNew(m.notes, c)
		}
		for _, v := range call {
			if v.Kind == param.KindEnv {
				m.callEnvs = appendNew(m.callEnvs, v.S)
			}
		}
		m.calls = append(m.calls, call)
	}
	if len(uris) > 1 {
		m.notes = append(m.notes, strconv.Itoa(len(uris))+" targets: each call is placed on its own; <Dial> rings them "+dialMode(doc.Dial)+" and bridges the first to answer.")
	}
	if d.CallerID == "" {
		m.notes = append(m.notes, commentText(curlFromComment))
	}
	if doc.REST.URL == "" && doc.REST.TwiML == "" {
		m.notes = append(m.notes, commentText(curlURLComment))
	}
	if recording(d.Record) && strings.Contains(d.Record, "ringing") {
		m.notes = append(m.notes, commentText(curlRingingComment))
	}
	for _, t := range doc.Targets {
		if len(param.NamedHeaders(t.HeaderElements)) > 0 {
			m.notes = appendNew(m.notes, commentText(curlHeaderElementsComment))
		}
	}
	return m
}

// PasswordEnvs names the variable each password is read from: each
// target's SIP password, SIP_PASSWORD (as the curl form reads) for the
// first and SIP_PASSWORD_2, SIP_PASSWORD_3… for each different one after
// it, then its <Uri>s' passwords, numbered on from the targets' so a
// document without <Uri>s keeps its names. The same password is read
// from the same variable.
func PasswordEnvs(targets []document.Target) (sips []string, uris [][]string) {
	var seen []string
	name := func(password string) string {
		if password == "" {
			return ""
		}
		n := 0
		for n < len(seen) && seen[n] != password {
			n++
		}
		if n == len(seen) {
			seen = append(seen, password)
		}
		if n == 0 {
			return EnvSIPPassword
		}
		return EnvSIPPassword + "_" + strconv.Itoa(n+1)
	}
	sips = make([]string, len(targets))
	for i, t := range targets {
		sips[i] = name(t.Password)
	}
	uris = make([][]string, len(targets))
	for i, t := range targets {
		for _, u := range t.URIs {
			uris[i] = append(uris[i], name(u.Password))
		}
	}
	return sips, uris
}

// passwordFromEnv is attrs with the password, if set, read from env: no
// secret is written into a program.
func passwordFromEnv(attrs []param.Value, env string) []param.Value {
	for k, v := range attrs {
		if v.Name == "password" {
			attrs[k] = param.Env("password", env)
		}
	}
	return attrs
}

func appendNew(l []string, s string) []string {
	for _, x := range l {
		if x == s {
			return l
		}
	}
	return append(l, s)
}

// commentText is one of the curl form's comments without its "# " and
// line break.
func commentText(c string) string {
	return strings.TrimSuffix(strings.TrimPrefix(c, "# "), "\n")
}

// envSentence is the comment that says which variables a program reads.
func envSentence(envs []string) string {
	list := envs[len(envs)-1]
	if len(envs) > 1 {
		list = strings.Join(envs[:len(envs)-1], ", ") + " and " + list
	}
	return "Reads " + list + " from the environment."
}

// snake turns a Twilio name into Python's keyword: callerId → caller_id,
// SipAuthUsername → sip_auth_username.
func snake(name string) string {
	var b strings.Builder
	for i, r := range name {
		if 'A' <= r && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lowerFirst turns a REST parameter into its twilio-node key
// (SipAuthUsername → sipAuthUsername); upperFirst a TwiML attribute into
// its twilio-go field (callerId → CallerId).
func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }
func upperFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
