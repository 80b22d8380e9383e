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
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// twilioForms are Twilio's documented <Sip> texts, from their decoded
// values: the composer must reproduce them byte for byte.
var twilioForms = []struct {
	name string
	t    Target
	want string // as it appears inside <Sip>…</Sip>
}{
	{"one x-header", Target{User: "jack", Host: "example.com", Headers: []Header{{"x-myotherheader", "bar"}}},
		`sip:jack@example.com?x-myotherheader=bar`},
	{"encoded values", Target{User: "+14158675309", Host: "your.domain", Headers: []Header{{"X-customName", "Bob,Shield+Title-Manager"}, {"X-otherHeader", "true"}}},
		`sip:+14158675309@your.domain?X-customName=Bob%2CShield%2BTitle%2DManager&amp;X-otherHeader=true`},
	{"UUI", Target{User: "jack", Host: "example.com", UUI: UUI{Data: "123456789"}, Headers: []Header{{"x-myotherheader", "bar"}}},
		`sip:jack@example.com?User-to-User=123456789%3Bencoding%3Dhex&amp;x-myotherheader=bar`},
	{"X- UUI", Target{User: "jack", Host: "example.com", UUI: UUI{Data: "123456789", XPrefix: true}, Headers: []Header{{"x-myotherheader", "bar"}}},
		`sip:jack@example.com?X-User-to-User=123456789%3Bencoding%3Dhex&amp;x-myotherheader=bar`},
	{"edge", Target{User: "alice", Host: "example.com", Edge: "frankfurt"}, `sip:alice@example.com;edge=frankfurt`},
	{"region", Target{User: "alice", Host: "example.com", Region: "de1"}, `sip:alice@example.com;region=de1`},
}

func TestTwilioDocumentedForms(t *testing.T) {
	for _, tc := range twilioForms {
		t.Run(tc.name, func(t *testing.T) {
			got := Compose(Document{Targets: []Target{tc.t}}).TwiML
			want := "<Sip>" + tc.want + "</Sip>"
			if !strings.Contains(got, want) {
				t.Errorf("TwiML lacks %s:\n%s", want, got)
			}
		})
	}
}

// fullDocument sets every field, so the golden file pins attribute order
// and the rendering of each one.
func fullDocument() Document {
	return Document{
		Dial: Dial{
			CallerID: "+14155550100", Action: "/dial-done", Method: "POST", Timeout: 20, AnswerOnBridge: true,
			Record: "record-from-answer-dual", Sequential: true, HangupOnStar: true, TimeLimit: 3600, RingTone: "uk",
			Trim: "trim-silence", RecordingStatusCallback: "https://example.com/rec", RecordingStatusCallbackMethod: "GET",
			RecordingStatusCallbackEvent: []string{"in-progress", "completed"}, RecordingTrack: "both",
			ReferURL: "https://example.com/refer?a=1&b=2", ReferMethod: "POST",
		},
		Targets: []Target{
			{
				User: "+14158675309", Host: "pbx.example.com", Port: 5061, Transport: "tls", Secure: true, Edge: "dublin",
				Headers:  []Header{{"X-Account", "ACME & Sons <gold>"}, {"P-Preferred-Identity", "<sip:+14155550100@example.com>"}},
				UUI:      UUI{Data: "0A1B2C3D"},
				Username: "trunk", Password: "s3cret", URL: "https://example.com/screen", Method: "GET",
				StatusCallback: "https://example.com/status", StatusCallbackEvent: []string{"initiated", "ringing", "answered", "completed"},
				StatusCallbackMethod: "POST", MachineDetection: "DetectMessageEnd", MachineDetectionTimeout: 45,
				MachineDetectionSpeechThreshold: 2400, MachineDetectionSpeechEndThreshold: 1200, MachineDetectionSilenceTimeout: 5000,
				AMDStatusCallback: "https://example.com/amd", AMDStatusCallbackMethod: "POST",
			},
			{User: "alice", Host: "203.0.113.10", Transport: "tcp", Region: "ie1"},
		},
		REST: REST{URL: "https://example.com/answered"},
	}
}

func TestComposeGolden(t *testing.T) {
	docs := map[string]Document{
		"full":       fullDocument(),
		"sequential": {Dial: Dial{Sequential: true, CallerID: "support"}, Targets: []Target{{User: "a", Host: "one.example.com"}, {User: "b", Host: "two.example.com", Edge: "sydney-ix"}}},
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
	first := Compose(fullDocument())
	for i := 0; i < 20; i++ {
		if got := Compose(fullDocument()); got.TwiML != first.TwiML || got.Curl != first.Curl {
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
			Targets: []Target{{User: s, Host: s, Edge: s, Transport: s, Headers: []Header{{s, s}, {"X-Ok", s}}, UUI: UUI{Data: s, Encoding: s}, Username: s, Password: s, URL: s}},
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
