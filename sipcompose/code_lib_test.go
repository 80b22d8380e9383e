package sipcompose

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/beevik/etree"

	"sipcompose/sipcompose/codegen"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/internal/param"
)

// The Code programs run here with the real helper libraries: the TwiML each
// prints must be Compose's TwiML as XML, and the form each REST program
// sends (through an HTTP client that records it) must be the curl form's.

// Credentials the programs and the curl form get in the tests.
// twilio-go refuses a token that is not alphanumeric before sending.
const (
	testAccountSID  = "AC0123456789abcdef0123456789abcdef"
	testAuthToken   = "testtoken0123456789"
	testSIPPassword = "rest-pw 'x' & \"y\""
)

// codeRun is one program for a harness: its source and environment.
type codeRun struct {
	Src string            `json:"src"`
	Env map[string]string `json:"env"`
}

// codeOut is what a harness saw a program do: its standard output and
// error, and the form of each request it made.
type codeOut struct {
	Out      string       `json:"out"`
	Err      string       `json:"err"`
	Requests [][][]string `json:"requests"`
}

// codeLibDocs are the goldens, the seed's examples, Twilio's documented
// forms and hostile documents.
func codeLibDocs(t *testing.T) []Document {
	docs := composetest.Documents()
	docs = append(docs,
		Document{},
		composetest.Sequential(),
		Document{Dial: Dial{CallerID: "+14155550100", Record: "record-from-ringing-dual"}, Targets: []Target{
			{Host: "a.example.com", Username: "u1", Password: "one"},
			{Host: "b.example.com", Username: "u2", Password: "two"},
			{Host: "c.example.com", Username: "u3", Password: "one"},
		}, REST: REST{TwiML: "<Response><Say>hi ${x} %s `id`</Say></Response>"}},
		// Empty list items, which Validate reports: every form leaves them
		// out (the programs once sent an empty StatusCallbackEvent).
		Document{Dial: Dial{Record: "record-from-answer", RecordingStatusCallback: "https://example.com/r", RecordingStatusCallbackEvent: []string{"", "completed", ""}},
			Targets: []Target{{Host: "pbx.example.com", StatusCallback: "https://example.com/s", StatusCallbackEvent: []string{"answered", ""}}}},
	)
	for _, name := range []string{"../cli/testdata/cli/doc.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var doc Document
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	data, err := os.ReadFile("../cli/testdata/cli/twilio.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := Parse(string(data))
	docs = append(docs, doc)
	docs = append(docs, composetest.CodeURIDocuments()...)
	for _, s := range composetest.HostileCodeValues {
		docs = append(docs, composetest.HostileCodeDocument(s))
	}
	return docs
}

func TestCodeTwiMLInvalidXMLCharacters(t *testing.T) {
	// Compose writes U+FFFD for what XML cannot carry; the programs hand
	// the libraries the same, so their XML is well-formed and equal.
	doc := composetest.HostileCodeDocument("nul\x00 bad\xff\xfe end")
	r := Compose(doc)
	for _, p := range codegen.All(doc, r.URIs) {
		if strings.Contains(p.TwiML, `\x00`) || strings.Contains(p.TwiML, `\u0000`) || strings.Contains(p.TwiML, `\xff`) {
			t.Errorf("%s: the TwiML program writes a character XML cannot carry:\n%s", p.Lang, p.TwiML)
		}
	}
}

// checkCodeLib runs every document's programs for lang through run (one
// process for the TwiML programs, one for the REST ones) and compares.
func checkCodeLib(t *testing.T, lang codegen.Lang, withRecorder func(string) string, run func(t *testing.T, runs []codeRun) []codeOut) {
	docs := codeLibDocs(t)
	var twimlRuns, callRuns []codeRun
	var callDocs []int
	for i, doc := range docs {
		r := Compose(doc)
		p, _ := codegen.For(doc, r.URIs, lang)
		twimlRuns = append(twimlRuns, codeRun{Src: p.TwiML, Env: twimlPasswordEnvs(doc)})
		if p.Call == "" {
			if len(doc.Targets) > 0 {
				t.Errorf("doc %d: no call program", i)
			}
			continue
		}
		callRuns = append(callRuns, codeRun{Src: withRecorder(p.Call), Env: map[string]string{
			codegen.EnvAccountSID: testAccountSID, codegen.EnvAuthToken: testAuthToken, codegen.EnvSIPPassword: testSIPPassword,
		}})
		callDocs = append(callDocs, i)
	}
	outs := run(t, twimlRuns)
	for i, out := range outs {
		r := Compose(docs[i])
		if out.Err != "" {
			t.Errorf("doc %d: the TwiML program failed: %s\n%s", i, out.Err, twimlRuns[i].Src)
			continue
		}
		if err := sameXML(out.Out, r.TwiML); err != nil {
			t.Errorf("doc %d: %v\nlibrary: %s\nCompose: %s\nprogram:\n%s", i, err, out.Out, r.TwiML, twimlRuns[i].Src)
		}
	}
	outs = run(t, callRuns)
	for k, out := range outs {
		doc := docs[callDocs[k]]
		if out.Err != "" {
			t.Errorf("doc %d: the call program failed: %s\n%s", callDocs[k], out.Err, callRuns[k].Src)
			continue
		}
		want := curlForms(t, Compose(doc).Curl)
		got := make([]url.Values, len(out.Requests))
		for i, req := range out.Requests {
			got[i] = url.Values{}
			for _, kv := range req {
				got[i].Add(kv[0], kv[1])
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("doc %d: the library sent\n%v\nthe curl form sends\n%v\nprogram:\n%s", callDocs[k], got, want, callRuns[k].Src)
		}
		if n := strings.Count(out.Out, "CA"); n != len(doc.Targets) {
			t.Errorf("doc %d: printed %d call SIDs, want %d: %q", callDocs[k], n, len(doc.Targets), out.Out)
		}
	}
}

// twimlPasswordEnvs sets each variable a TwiML program reads to the
// password it stands for, as Compose writes it: a character XML cannot
// carry is U+FFFD there (Validate reports it), and the libraries would
// write it as it is.
func twimlPasswordEnvs(doc Document) map[string]string {
	env := map[string]string{}
	sips, uris := codegen.PasswordEnvs(doc.Targets)
	for i, t := range doc.Targets {
		if sips[i] != "" {
			env[sips[i]] = param.XMLSafe(t.Password)
		}
		for k, u := range t.URIs {
			if uris[i][k] != "" {
				env[uris[i][k]] = param.XMLSafe(u.Password)
			}
		}
	}
	return env
}

// curlForms runs the curl form in sh with a stub curl and returns the form
// of each command: what curl would send, with the test's credentials.
func curlForms(t *testing.T, curl string) []url.Values {
	out := composetest.RunWithStub(t, "curl", `printf '%s\0' "$@"; printf '\001\0'`, curl,
		codegen.EnvAccountSID+"="+testAccountSID, codegen.EnvAuthToken+"="+testAuthToken, codegen.EnvSIPPassword+"="+testSIPPassword)
	var forms []url.Values
	form := url.Values{}
	args := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "\x01":
			forms = append(forms, form)
			form = url.Values{}
		case "--data-urlencode":
			i++
			name, value, _ := strings.Cut(args[i], "=")
			form.Add(name, value)
		}
	}
	return forms
}

// sameXML compares two XML documents as trees: the same elements,
// attributes and text, attribute order and whitespace-only text aside. got
// is a library's one-line output, so it may hold no raw tab, CR or LF: in
// an attribute a parser would read them as spaces.
func sameXML(got, want string) error {
	if strings.ContainsAny(strings.TrimSuffix(got, "\n"), "\t\r\n") {
		return fmt.Errorf("raw whitespace control character in the library's XML")
	}
	g, w := etree.NewDocument(), etree.NewDocument()
	if err := g.ReadFromString(got); err != nil {
		return fmt.Errorf("library output: %v", err)
	}
	if err := w.ReadFromString(want); err != nil {
		return fmt.Errorf("Compose: %v", err)
	}
	if a, b := canonicalXML(g.Root()), canonicalXML(w.Root()); a != b {
		return fmt.Errorf("XML differs:\n%s\nwant\n%s", a, b)
	}
	return nil
}

// canonicalXML writes e with sorted attributes and no whitespace-only text.
func canonicalXML(e *etree.Element) string {
	if e == nil {
		return "(none)"
	}
	var b strings.Builder
	var walk func(e *etree.Element, depth int)
	walk = func(e *etree.Element, depth int) {
		attrs := map[string]string{}
		for _, a := range e.Attr {
			attrs[a.FullKey()] = a.Value
		}
		fmt.Fprintf(&b, "%s<%s", strings.Repeat("  ", depth), e.FullTag())
		for _, k := range slices.Sorted(maps.Keys(attrs)) {
			fmt.Fprintf(&b, " %s=%q", k, attrs[k])
		}
		b.WriteString(">\n")
		for i, c := range e.Child {
			switch c := c.(type) {
			case *etree.Element:
				walk(c, depth+1)
			case *etree.CharData:
				data := c.Data
				// Compose's indent of a <Sip>'s first child element
				// follows its URI text; the libraries write none.
				if i+1 < len(e.Child) {
					if _, ok := e.Child[i+1].(*etree.Element); ok {
						data = strings.TrimRight(data, " \n")
					}
				}
				if strings.TrimSpace(data) != "" {
					fmt.Fprintf(&b, "%s%q\n", strings.Repeat("  ", depth+1), data)
				}
			}
		}
	}
	walk(e, 0)
	return b.String()
}

// withClient adds a recording HTTP client to the line that makes the
// program's client, through the library's public option for it.
func withClient(line, withRecorder string) func(string) string {
	return func(src string) string {
		if strings.Count(src, line) != 1 {
			panic("the call program does not make its client with " + line)
		}
		return strings.Replace(src, line, withRecorder, 1)
	}
}

// runHarness runs a harness script with the programs as JSON on stdin.
func runHarness(t *testing.T, cmd *exec.Cmd, runs []codeRun) []codeOut {
	t.Helper()
	in, err := json.Marshal(runs)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdin = strings.NewReader(string(in))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var outs []codeOut
	if err := json.Unmarshal(out, &outs); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(outs) != len(runs) {
		t.Fatalf("%d results for %d programs", len(outs), len(runs))
	}
	return outs
}
