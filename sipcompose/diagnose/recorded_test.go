package diagnose_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sipcompose/internal/siptest"
	"sipcompose/sipcompose"
	"sipcompose/sipcompose/diagnose"
	"sipcompose/sipcompose/evidence"
)

// TestRecorded reads what the real-traffic test recorded (SIPp playing
// Twilio's INVITE to a broken PBX, tcpdump, Kamailio's log; see
// cli/diagnose_live_test.go) and checks Check names each case's fault from
// the capture, its tcpdump -A text and the PBX's log, without the tools;
// and that sipgo reads every message as the evidence reader does.
func TestRecorded(t *testing.T) {
	cases := liveCases(t)
	if len(cases) < 17 {
		t.Fatalf("%d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			doc := c.doc
			read := map[string]evidence.Evidence{}
			for ext, want := range map[string][]string{".pcap": c.Pcap, ".txt": c.Text, ".kamailio.log": c.Log} {
				path := filepath.Join("testdata", "live", c.Name+ext)
				data, err := os.ReadFile(path)
				if os.IsNotExist(err) && (want == nil || ext == ".kamailio.log") {
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				ev := evidence.Read(evidence.Input{Name: c.Name + ext, Data: data})
				read[ext] = ev
				for _, m := range ev.Messages {
					siptest.SipgoAgrees(t, m)
				}
				if want == nil {
					continue
				}
				r := diagnose.Check(ev, &doc)
				if len(want) == 0 && r.Faults() != 0 || slices.ContainsFunc(want, func(code string) bool { return !r.Has(code) }) {
					t.Errorf("%s: want %v, got:\n%s", ext, want, r.Text())
				}
			}
			// tcpdump -A's text of the capture reads as the capture does,
			// message for message, fragments and segments joined.
			pcap, text := read[".pcap"].Messages, read[".txt"].Messages
			if len(pcap) != len(text) {
				t.Fatalf("%d messages in the capture, %d in its text", len(pcap), len(text))
			}
			for i := range pcap {
				if pcap[i].Text() != text[i].Text() || pcap[i].Src != text[i].Src || pcap[i].Dst != text[i].Dst {
					t.Errorf("message %d: the capture reads\n%s\nits text\n%s", i, pcap[i].Text(), text[i].Text())
				}
			}
		})
	}
}

// liveCase is one entry of cases.json: a recording's document, and the
// finding codes Diagnose must name from its capture, text and log.
type liveCase struct {
	Name            string
	Doc             json.RawMessage
	Pcap, Text, Log []string
	doc             sipcompose.Document
}

func liveCases(t *testing.T) []liveCase {
	data, err := os.ReadFile(filepath.Join("testdata", "live", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []liveCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for i := range cases {
		if cases[i].doc, err = sipcompose.DecodeDocument(cases[i].Doc); err != nil {
			t.Fatal(err)
		}
	}
	return cases
}

// TestDocsExamplesAreRealOutput: each worked example in docs/diagnose.md
// that names a recorded case ("Case `private-sdp`") is what Check says of
// that case's capture, text or log, word for word (white space aside), so
// the page cannot drift from the output.
func TestDocsExamplesAreRealOutput(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "diagnose.md"))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]sipcompose.Document{}
	for _, c := range liveCases(t) {
		cases[c.Name] = c.doc
	}
	checked := 0
	for _, section := range strings.Split(string(doc), "\n### ")[1:] {
		_, afterCase, ok := strings.Cut(section, "Case `")
		name, rest, _ := strings.Cut(afterCase, "`")
		_, block, fenced := strings.Cut(rest, "\n```\n")
		block, _, _ = strings.Cut(block, "\n```")
		if !ok || !fenced || strings.HasPrefix(block, "$") {
			continue
		}
		c, ok := cases[name]
		if !ok {
			t.Errorf("docs/diagnose.md names the case %s, which cases.json has not", name)
			continue
		}
		want := strings.Join(strings.Fields(block), " ")
		var outputs []string
		for _, ext := range []string{".pcap", ".txt", ".kamailio.log"} {
			data, err := os.ReadFile(filepath.Join("testdata", "live", name+ext))
			if err != nil {
				continue
			}
			r := diagnose.Check(evidence.Read(evidence.Input{Name: name + ext, Data: data}), &c)
			got := strings.Join(strings.Fields(r.Text()), " ")
			if strings.Contains(got, want) {
				outputs = nil
				break
			}
			outputs = append(outputs, r.Text())
		}
		if outputs != nil {
			t.Errorf("docs/diagnose.md's example of case %s is not what Diagnose says:\n%s\nDiagnose says:\n%s", name, block, strings.Join(outputs, "\n---\n"))
		}
		checked++
	}
	if checked < 14 {
		t.Errorf("checked %d examples; docs/diagnose.md has more", checked)
	}
}
