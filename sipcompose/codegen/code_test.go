package codegen

import (
	"fmt"
	"go/format"
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
)

// codeExt is each language's file extension for the golden files.
var codeExt = map[Lang]string{LangNode: "js", LangPython: "py", LangGo: "go"}

func TestCodeGolden(t *testing.T) {
	docs := map[string]document.Document{
		"full":       composetest.Full(),
		"sequential": composetest.Sequential(),
		"templated":  composetest.Templated(),
		"empty":      {},
		"uris":       composetest.CodeURIDocuments()[0],
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			r := compose(doc)
			progs := All(doc, r.URIs)
			if len(progs) != len(Langs) {
				t.Fatalf("%d languages, want %d", len(progs), len(Langs))
			}
			for i, p := range progs {
				if p.Lang != Langs[i] {
					t.Errorf("language %d is %s, want %s", i, p.Lang, Langs[i])
				}
				composetest.Golden(t, name+"."+string(p.Lang)+".twiml."+codeExt[p.Lang], p.TwiML)
				if p.Call == "" && len(doc.Targets) > 0 {
					t.Errorf("%s: no call program for %d targets", p.Lang, len(doc.Targets))
				}
				if p.Call != "" {
					composetest.Golden(t, name+"."+string(p.Lang)+".call."+codeExt[p.Lang], p.Call)
				}
			}
		})
	}
}

// The Go programs are as gofmt writes them, whatever the document.
func TestCodeGoIsGofmtClean(t *testing.T) {
	docs := append(composetest.Documents(), document.Document{}, composetest.HostileCodeDocument(`"\`+"\x00\xff"))
	for _, s := range composetest.HostileCodeValues {
		docs = append(docs, composetest.HostileCodeDocument(s))
	}
	for i, doc := range docs {
		p, _ := For(doc, compose(doc).URIs, LangGo)
		for _, src := range []string{p.TwiML, p.Call} {
			if src == "" {
				continue
			}
			formatted, err := format.Source([]byte(src))
			if err != nil {
				t.Errorf("doc %d: %v\n%s", i, err, src)
			} else if string(formatted) != src {
				t.Errorf("doc %d: not gofmt's layout:\n%s\nwant\n%s", i, src, formatted)
			}
		}
	}
}

func TestCodeEmbedsNoSecret(t *testing.T) {
	doc := composetest.Full()
	doc.Targets[0].Password = "xyzzy-secret"
	doc.Targets[0].URIs = []document.SipURI{{URI: "sip:a@b.example.com", Password: "xyzzy-uri-secret"}}
	r := compose(doc)
	for _, p := range All(doc, r.URIs) {
		for _, src := range []string{p.TwiML, p.Call} {
			if strings.Contains(src, "xyzzy") {
				t.Errorf("%s: the password is in the program:\n%s", p.Lang, src)
			}
			if !strings.Contains(src, `"SIP_PASSWORD"`) {
				t.Errorf("%s: the program does not read SIP_PASSWORD:\n%s", p.Lang, src)
			}
		}
	}
}

// Each different password is read from a variable of its own; the same
// password from the same one.
func TestCodePasswordVariables(t *testing.T) {
	got, _ := PasswordEnvs([]document.Target{{Password: "a"}, {}, {Password: "b"}, {Password: "a"}, {Password: "c"}})
	want := []string{"SIP_PASSWORD", "", "SIP_PASSWORD_2", "SIP_PASSWORD", "SIP_PASSWORD_3"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %q, want %q", got, want)
	}
	// <Uri> passwords are numbered on after the <Sip> ones.
	sips, uris := PasswordEnvs([]document.Target{{Password: "a", URIs: []document.SipURI{{Password: "b"}, {}, {Password: "a"}}}, {Password: "c"}})
	if g, w := fmt.Sprint(sips, uris), "[SIP_PASSWORD SIP_PASSWORD_2] [[SIP_PASSWORD_3  SIP_PASSWORD] []]"; g != w {
		t.Errorf("got %s, want %s", g, w)
	}
}

func TestCodeQuoting(t *testing.T) {
	for _, tc := range []struct{ in, js, py, gosrc string }{
		{`plain`, `"plain"`, `"plain"`, `"plain"`},
		{`a"b\c`, `"a\"b\\c"`, `"a\"b\\c"`, `"a\"b\\c"`},
		{"${x} %s {0} `id`", "\"${x} %s {0} `id`\"", "\"${x} %s {0} `id`\"", "\"${x} %s {0} `id`\""},
		{"\r\n\t\x00\x7f", `"\u000d\u000a\u0009\u0000\u007f"`, `"\x0d\x0a\x09\x00\x7f"`, `"\r\n\t\x00\x7f"`},
		{"é\u2028📞", `"\u00e9\u2028\ud83d\udcde"`, `"\xe9\u2028\U0001f4de"`, `"\u00e9\u2028\U0001f4de"`},
		{"\xff", `"\ufffd"`, `"\ufffd"`, `"\xff"`},
		// Runs between escapes are kept whole; adjacent invalid bytes are one U+FFFD.
		{"ab\x01cd\xff\xfeef\"", `"ab\u0001cd\ufffdef\""`, `"ab\x01cd\ufffdef\""`, `"ab\x01cd\xff\xfeef\""`},
	} {
		if got := quoteJS(tc.in); got != tc.js {
			t.Errorf("quoteJS(%q) = %s, want %s", tc.in, got, tc.js)
		}
		if got := quotePython(tc.in); got != tc.py {
			t.Errorf("quotePython(%q) = %s, want %s", tc.in, got, tc.py)
		}
		if got := quoteGo(tc.in); got != tc.gosrc {
			t.Errorf("quoteGo(%q) = %s, want %s", tc.in, got, tc.gosrc)
		}
	}
}

// For writes one language's programs, the same as All's, and offers
// no language All does not.
func TestCodeFor(t *testing.T) {
	docs := append(composetest.Documents(), document.Document{}, composetest.Full(), composetest.HostileCodeDocument(`"\`+"\x00\xff"))
	for i, doc := range docs {
		uris := compose(doc).URIs
		for _, want := range All(doc, uris) {
			got, ok := For(doc, uris, want.Lang)
			if !ok || got != want {
				t.Errorf("doc %d, %s: For = %v %+v, want All's %+v", i, want.Lang, ok, got, want)
			}
		}
	}
	if p, ok := For(composetest.Full(), compose(composetest.Full()).URIs, "cobol"); ok || p != (Programs{}) {
		t.Errorf("an unknown language gave %v %+v", ok, p)
	}
}
