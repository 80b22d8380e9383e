package components

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"sipcompose/diagnoseworker/session"
	"sipcompose/sipcompose"
	"sipcompose/sipcompose/diagnose"
)

// TestDiagnoseViewReadsTheWorkersReply: the panel's view of a report,
// decoded from the worker's JSON, holds every field of the report the
// panel shows, as the report has it: encoded again and read as a
// diagnose.Report, it is the report with only what the panel leaves out
// (whether a code is known, a finding's Twilio errors, a cause's check)
// missing. A renamed JSON tag on either side fails here, not on the page.
func TestDiagnoseViewReadsTheWorkersReply(t *testing.T) {
	live := filepath.Join("..", "sipcompose", "diagnose", "testdata", "live")
	exchange, err := os.ReadFile(filepath.Join(live, "challenge-407.txt"))
	if err != nil {
		t.Fatal(err)
	}
	pcap, err := os.ReadFile(filepath.Join(live, "one-way-audio.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	var s session.Session
	s.SetText("Error 32011\nDialCallStatus=failed\n" + string(exchange))
	whole := func(from, to int64) ([]byte, error) { return pcap[from:to], nil }
	if err := s.ReadFile("one-way-audio.pcap", int64(len(pcap)), whole, func(session.Progress) {}); err != nil {
		t.Fatal(err)
	}
	doc := sipcompose.Document{Targets: []sipcompose.Target{{User: "+14158675309", Host: "pbx.example.com"}}}
	reply, err := s.CheckJSON([]byte(`{"targets": [{"user": "+14158675309", "host": "pbx.example.com"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var v diagnoseView
	if err := json.Unmarshal(reply, &v); err != nil {
		t.Fatal(err)
	}
	want := s.Check(&doc)
	if v.Text != want.Text || v.Summary != want.Summary || v.Faults != want.Faults || v.Readable != want.Readable || v.Faults == 0 {
		t.Errorf("view %q %q %d %v, want %q %q %d %v", v.Text, v.Summary, v.Faults, v.Readable, want.Text, want.Summary, want.Faults, want.Readable)
	}
	r := want.Report
	if len(r.Findings) == 0 || len(r.Codes) == 0 || len(r.Codes[0].Causes) == 0 || len(r.Timelines) == 0 {
		t.Fatalf("the evidence does not exercise every list of the report: %s", want.Text)
	}
	round, err := json.Marshal(v.Report)
	if err != nil {
		t.Fatal(err)
	}
	var got diagnose.Report
	if err := json.Unmarshal(round, &got); err != nil {
		t.Fatal(err)
	}
	full, _ := json.Marshal(r)
	var expect diagnose.Report
	if err := json.Unmarshal(full, &expect); err != nil {
		t.Fatal(err)
	}
	for i := range expect.Findings {
		expect.Findings[i].TwilioErrors = nil
	}
	for i := range expect.Codes {
		expect.Codes[i].Known = false
		for j := range expect.Codes[i].Causes {
			expect.Codes[i].Causes[j].Check = ""
		}
	}
	if !reflect.DeepEqual(got, expect) {
		t.Errorf("the view lost or changed part of the report:\nview   %s\nreport %s", round, full)
	}

	var none diagnoseView
	if err := json.Unmarshal([]byte(`{"report":null,"text":"","summary":"","faults":0,"readable":false}`), &none); err != nil || none.Report != nil {
		t.Errorf("no evidence: %+v %v", none, err)
	}
}

// TestDiagnosisAsksAgainOnlyOnChange: the panel asks the worker again when
// the evidence or the document changed since its last check, and only
// then.
func TestDiagnosisAsksAgainOnlyOnChange(t *testing.T) {
	doc := sipcompose.Document{Targets: []sipcompose.Target{{User: "+14158675309", Host: "pbx.example.com"}}}
	var d Diagnosis
	if d.check(&doc); d.report != nil || !d.current(&doc) || !d.current(nil) {
		t.Fatal("no evidence: not current")
	}
	// Text, checked without a worker (none outside a browser): current
	// against the document asked about, and only it.
	d.setText("32011")
	if d.current(&doc) {
		t.Error("a new paste is current before it is checked")
	}
	d.check(nil)
	if d.current(&doc) || !d.current(nil) {
		t.Error("checked without a document, current against one")
	}
	d.check(&doc)
	edited := doc.Clone()
	edited.Targets[0].Username = "trunk"
	if !d.current(&doc) || d.current(&edited) {
		t.Error("an edited document is current")
	}
	d.clear()
	if d.text != "" || !d.empty() || !d.current(&edited) {
		t.Error("cleared, there is still evidence to check")
	}
}

func TestMegabytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 KB", 1: "1 KB", 256 << 10: "256 KB", 10 << 20: "10.0 MB", 3_300_000: "3.1 MB"} {
		if got := megabytes(n); got != want {
			t.Errorf("megabytes(%d) = %q, want %q", n, got, want)
		}
	}
}
