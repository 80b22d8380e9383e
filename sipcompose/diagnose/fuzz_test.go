package diagnose

import (
	"encoding/json"
	"regexp"
	"testing"

	"sipcompose/internal/evidencegen"
	"sipcompose/sipcompose/evidence"
)

// wasPercentEscape is the expression hasPercentEscape replaced, so that
// package regexp stays out of the page's app.wasm; the oracle it must
// agree with.
var wasPercentEscape = regexp.MustCompile(`%[0-9A-Fa-f]{2}`)

func TestPercentEscapeAsRegexp(t *testing.T) {
	found := 0
	for _, l := range append(evidencegen.Lines(evidencegen.Samples(t), 100), "%", "%4", "%4g", "%41", "a%%41", "%%4") {
		if was := wasPercentEscape.MatchString(l); was != hasPercentEscape(l) {
			t.Errorf("%q: the expression says %v", l, was)
		} else if was {
			found++
		}
	}
	if found < 20 {
		t.Errorf("only %d lines hold a percent-escape: the test hardly tries it", found)
	}
}

// FuzzCheck: any evidence is checked without a panic, against no document
// and against one with custom headers, and the report encodes as JSON;
// hasPercentEscape agrees with its expression on any text.
func FuzzCheck(f *testing.F) {
	samples := evidencegen.Samples(f)
	for i := range 20 {
		f.Add(evidencegen.Input(samples, uint64(i)))
	}
	for _, s := range samples {
		f.Add(s.Data)
	}
	doc := baseDoc
	f.Fuzz(func(t *testing.T, data []byte) {
		if wasPercentEscape.Match(data) != hasPercentEscape(string(data)) {
			t.Fatalf("%q: hasPercentEscape differs from %s", data, wasPercentEscape)
		}
		ev := evidence.Read(evidence.Input{Name: "fuzz", Data: data})
		for _, r := range []Report{Check(ev, nil), Check(ev, &doc)} {
			if _, err := json.Marshal(r); err != nil {
				t.Fatal(err)
			}
			r.Text()
		}
	})
}
