package sipcompose

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beevik/etree"

	"sipcompose/sipcompose/internal/composetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestTwilioDocumentedForms(t *testing.T) {
	for _, tc := range composetest.TwilioForms {
		t.Run(tc.Name, func(t *testing.T) {
			got := Compose(Document{Targets: []Target{tc.Target}}).TwiML
			want := "<Sip>" + tc.Want + "</Sip>"
			if !strings.Contains(got, want) {
				t.Errorf("TwiML lacks %s:\n%s", want, got)
			}
		})
	}
}

func TestComposeGolden(t *testing.T) {
	docs := map[string]Document{
		"full":       composetest.Full(),
		"sequential": composetest.Sequential(),
		"empty":      {},
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			r := Compose(doc)
			golden(t, name+".xml", r.TwiML)
			golden(t, name+".curl.sh", r.Curl)
			golden(t, name+".allowlist.txt", r.AllowList.Table())
		})
	}
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestComposeIsDeterministic(t *testing.T) {
	first := Compose(composetest.Full())
	for i := 0; i < 20; i++ {
		if got := Compose(composetest.Full()); got.TwiML != first.TwiML || got.Curl != first.Curl {
			t.Fatal("two composes of the same document differ")
		}
	}
}

// wellFormed fails unless s parses with both encoding/xml and etree.
func wellFormed(t testing.TB, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("encoding/xml rejects the TwiML: %v\n%s", err, s)
		}
	}
	if err := etree.NewDocument().ReadFromString(s); err != nil {
		t.Fatalf("etree rejects the TwiML: %v\n%s", err, s)
	}
}

func TestHostileValuesStayWellFormed(t *testing.T) {
	nasty := []string{"]]>", "<x>&amp;\"'", "a\x00b", "line\r\nX-Injected: 1", "\xff\xfe", "emoji 📞", "עברית RTL ‏", "?&;=%", strings.Repeat("v", 100_000)}
	for _, s := range nasty {
		doc := Document{
			Dial:    Dial{CallerID: s, Action: s},
			Targets: []Target{{User: s, Host: s, Edge: s, Transport: s, Headers: []Header{{Name: s, Value: s}, {Name: "X-Ok", Value: s}}, UUI: UUI{Data: s, Encoding: s}, Username: s, Password: s, URL: s}},
		}
		r := Compose(doc)
		wellFormed(t, r.TwiML)
		if !r.HasErrors() {
			t.Errorf("%q: no error diagnostic", s)
		}
		// The value of X-Ok can never start a header of its own.
		if strings.Contains(r.URIs[0], "X-Injected") && !strings.Contains(r.URIs[0], "%0D%0AX-Injected") {
			t.Errorf("%q: header injected: %s", s, r.URIs[0])
		}
		if n := strings.Count(r.URIs[0], "&"); n != 2 {
			t.Errorf("%q: %d header separators in %s, want 2 (three headers)", s, n, r.URIs[0])
		}
	}
}

// A Result in JSON has lists, never null, whether empty or not.
func TestResultJSONHasEmptyLists(t *testing.T) {
	for _, tc := range []struct {
		doc  Document
		want []string
	}{
		{Document{Targets: []Target{{User: "a", Host: "h.example.com"}}}, []string{`"diagnostics":[]`, `"uris":["sip:a@h.example.com"]`}},
		{Document{}, []string{`"uris":[]`, `"diagnostics":[{"code":"no-targets"`}},
	} {
		b, err := json.Marshal(Compose(tc.doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("JSON lacks %s:\n%s", w, b)
			}
		}
	}
}

// The URI is the REST API's To value as is: Compose must not XML-escape it.
func TestComposeURIsAreNotXMLEscaped(t *testing.T) {
	tg := Target{User: "a", Host: "h", Headers: []Header{{Name: "X-A", Value: "1"}, {Name: "X-B", Value: "2"}}}
	r := Compose(Document{Targets: []Target{tg, tg}})
	if len(r.URIs) != 2 || r.URIs[0] != "sip:a@h?X-A=1&X-B=2" || r.URIs[1] != r.URIs[0] {
		t.Errorf("URIs = %q", r.URIs)
	}
}
