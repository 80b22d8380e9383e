package sipcompose

import (
	"encoding/json"
	"strings"
	"testing"

	"sipcompose/sipcompose/internal/composetest"
)

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

func TestComposeIsDeterministic(t *testing.T) {
	first := Compose(composetest.Full())
	for i := 0; i < 20; i++ {
		if got := Compose(composetest.Full()); got.TwiML != first.TwiML || got.Curl != first.Curl {
			t.Fatal("two composes of the same document differ")
		}
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
		composetest.WellFormed(t, r.TwiML)
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

// A document with no target still composes: a <Dial> with no <Sip>, the
// no-targets error first, and empty lists rather than nil ones.
func TestComposeNoTargets(t *testing.T) {
	r := Compose(Document{Dial: Dial{Timeout: 20}})
	if !strings.Contains(r.TwiML, "<Dial timeout=\"20\"/>") {
		t.Errorf("TwiML:\n%s", r.TwiML)
	}
	if len(r.Diagnostics) == 0 || r.Diagnostics[0].Code != "no-targets" || r.Diagnostics[0].Severity != SeverityError {
		t.Errorf("diagnostics %+v, want the no-targets error first", r.Diagnostics)
	}
	if r.URIs == nil || r.Diagnostics == nil {
		t.Error("URIs and Diagnostics must be empty slices, not nil (JSON [] rather than null)")
	}
}

// Characters XML cannot carry are replaced, never written, and the
// validator names the field.
func TestTwiMLInvalidCharacters(t *testing.T) {
	r := Compose(Document{
		Dial:    Dial{Action: "/a\x00b"},
		Targets: []Target{{Host: "h", Username: "u\xffv", Password: "p\x1bq", URL: "/ok\uFFFE"}},
	})
	composetest.WellFormed(t, r.TwiML)
	for _, want := range []string{"action=\"/a\uFFFDb\"", "username=\"u\uFFFDv\"", "password=\"p\uFFFDq\"", "url=\"/ok\uFFFD\""} {
		if !strings.Contains(r.TwiML, want) {
			t.Errorf("TwiML lacks %s:\n%s", want, r.TwiML)
		}
	}
	want := map[string]string{
		"dial.action":         "text-control-character",
		"targets[0].username": "text-invalid",
		"targets[0].password": "text-control-character",
		"targets[0].url":      "text-control-character",
	}
	for _, d := range r.Diagnostics {
		if want[d.Field] == d.Code && d.Severity == SeverityError {
			delete(want, d.Field)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing diagnostics %v in %+v", want, r.Diagnostics)
	}
}
