package diagnose_test

import (
	"bytes"
	"encoding/binary"
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

// liveCapture is a recorded case's document and capture.
func liveCapture(t *testing.T, name string) (sipcompose.Document, []byte) {
	t.Helper()
	cases := liveCases(t)
	i := slices.IndexFunc(cases, func(c liveCase) bool { return c.Name == name })
	if i < 0 {
		t.Fatalf("no recorded case %s", name)
	}
	data, err := os.ReadFile(filepath.Join("testdata", "live", name+".pcap"))
	if err != nil {
		t.Fatal(err)
	}
	return cases[i].doc, data
}

// TestCutCaptureIsNoFault: the recorded healthy call's capture, cut at
// every 25th byte (a truncated file, or a capture stopped early), is never
// diagnosed as a fault: what the cut leaves out is unknown, not absent.
// Where the cut comes before the final response or right after the first
// RTP, Diagnose says the capture ends too soon to tell.
func TestCutCaptureIsNoFault(t *testing.T) {
	doc, data := liveCapture(t, "healthy")
	said := map[string]bool{}
	for n := 24; n <= len(data); n += 25 {
		r := diagnose.Check(evidence.Read(evidence.Input{Name: "healthy.pcap", Data: data[:n]}), &doc)
		if r.Faults() != 0 {
			t.Fatalf("cut at byte %d of %d:\n%s", n, len(data), r.Text())
		}
		for _, f := range r.Findings {
			switch {
			case f.Code == "no-final-response" && strings.Contains(f.Message, "before any final response or CANCEL: it does not show how the call went on"):
				said["no final response yet"] = true
			case f.Code == "media-blocked" && strings.Contains(f.Message, "too soon to tell one-way audio"):
				said["one way so far"] = true
			}
		}
	}
	if len(said) != 2 {
		t.Errorf("the cuts said only %v", said)
	}
}

// TestOneWayWithoutBye: the recorded one-way call's capture cut before its
// BYE (a capture stopped during the call) is too short to tell one-way
// audio at 0.05 s of RTP, and is one-way audio when its last RTP packet
// comes 3 s later, with none back.
func TestOneWayWithoutBye(t *testing.T) {
	doc, data := liveCapture(t, "one-way-audio")
	// The pcap's records: a 16-byte header (seconds first, little-endian
	// here) and the packet.
	var starts []int
	for at := 24; at+16 <= len(data); at += 16 + int(binary.LittleEndian.Uint32(data[at+8:])) {
		starts = append(starts, at)
	}
	bye := slices.IndexFunc(starts, func(at int) bool { return bytes.Contains(data[at:min(at+200, len(data))], []byte("BYE sip:")) })
	if bye < 2 {
		t.Fatalf("no BYE among %d records", len(starts))
	}
	severity := func(capture []byte) sipcompose.Severity {
		for _, f := range diagnose.Check(evidence.Read(evidence.Input{Name: "cut.pcap", Data: capture}), &doc).Findings {
			if f.Code == "media-blocked" {
				return f.Severity
			}
		}
		return ""
	}
	cut := bytes.Clone(data[:starts[bye]])
	if got := severity(cut); got != sipcompose.SeverityInfo {
		t.Errorf("0.05 s of RTP one way: %q", got)
	}
	last := starts[bye-1]
	binary.LittleEndian.PutUint32(cut[last:], binary.LittleEndian.Uint32(cut[last:])+3)
	if got := severity(cut); got != sipcompose.SeverityError {
		t.Errorf("3 s of RTP one way: %q", got)
	}
}
