package diagnose_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
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
	data, err := os.ReadFile(filepath.Join("testdata", "live", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name            string
		Doc             json.RawMessage
		Pcap, Text, Log []string
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 17 {
		t.Fatalf("%d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			doc, err := sipcompose.DecodeDocument(c.Doc)
			if err != nil {
				t.Fatal(err)
			}
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
