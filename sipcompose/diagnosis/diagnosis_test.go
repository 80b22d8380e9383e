package diagnosis_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/capture"
	"sipcompose/sipcompose/diagnose"
	"sipcompose/sipcompose/diagnosis"
	"sipcompose/sipcompose/evidence"
)

// TestReportSurvivesJSON: a report read back from its JSON, as the page
// reads what its Diagnose worker posts, is the report: every list of it
// filled, its text and summary the same.
func TestReportSurvivesJSON(t *testing.T) {
	live := filepath.Join("..", "diagnose", "testdata", "live")
	exchange, err := os.ReadFile(filepath.Join(live, "challenge-407.txt"))
	if err != nil {
		t.Fatal(err)
	}
	pcap, err := os.ReadFile(filepath.Join(live, "one-way-audio.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := capture.Read(pcap)
	if err != nil {
		t.Fatal(err)
	}
	ev := evidence.Read(evidence.Input{Name: "pasted text", Data: append([]byte("Error 32011\nDialCallStatus=failed\n"), exchange...)})
	ev.AddCapture("one-way-audio.pcap", c)
	ev.Add(evidence.Input{Name: "junk.bin", Data: []byte{0, 1, 2}})
	doc := sipcompose.Document{Targets: []sipcompose.Target{{User: "+14158675309", Host: "pbx.example.com"}}}
	r := diagnose.Check(ev, &doc)
	if len(r.Findings) == 0 || len(r.Codes) == 0 || len(r.Codes[0].Causes) == 0 || len(r.Timelines) == 0 || len(r.Read) < 3 {
		t.Fatalf("the evidence does not fill every list of the report:\n%s", r.Text())
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back diagnosis.Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, r) || back.Text() != r.Text() || back.Summary() != r.Summary() || !back.Readable() {
		t.Errorf("read back from its JSON, the report changed:\n%s\nwas\n%s", back.Text(), r.Text())
	}

	var none *diagnosis.Report
	if err := json.Unmarshal([]byte("null"), &none); err != nil || none != nil {
		t.Errorf("null: %+v %v", none, err)
	}
	if (diagnosis.Report{Read: []diagnosis.Item{{Source: "junk.bin"}}}).Readable() {
		t.Error("nothing read, and the report is readable")
	}
}
