package components

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/capture"
)

// TestDiagnosis: the panel's state reads what was pasted and picked, and
// checks it against the document again only when either changed.
func TestDiagnosis(t *testing.T) {
	live := filepath.Join("..", "sipcompose", "diagnose", "testdata", "live")
	exchange, err := os.ReadFile(filepath.Join(live, "challenge-407.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := sipcompose.Document{Targets: []sipcompose.Target{{User: "+14158675309", Host: "pbx.example.com"}}}
	var d Diagnosis
	if d.check(&doc); d.report != nil || !d.current(&doc) {
		t.Fatalf("no evidence: report %v", d.report)
	}

	d.setText("32011")
	if d.current(&doc) {
		t.Error("a new paste is current before it is checked")
	}
	d.check(nil)
	if len(d.report.Codes) != 1 || d.report.Codes[0].Number != 32011 || d.report.Read[0].Source != pastedName {
		t.Errorf("32011: %+v", d.report)
	}
	if d.current(&doc) || !d.current(nil) {
		t.Error("checked without a document, current against one")
	}

	d.setText(string(exchange))
	d.check(&doc)
	if f := d.report.Findings; len(f) == 0 || f[0].Code != "auth-challenge-no-credentials" || f[0].Field != "targets[0].username" {
		t.Errorf("407: findings %+v", f)
	}
	edited := doc.Clone()
	edited.Targets[0].Username = "trunk"
	if !d.current(&doc) || d.current(&edited) {
		t.Error("an edited document is current")
	}

	call, err := os.ReadFile(filepath.Join(live, "forbidden-403.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := capture.Read(call)
	if err != nil {
		t.Fatal(err)
	}
	d.addFile(evidenceFile{name: "forbidden-403.pcap", capture: &c})
	d.addFile(evidenceFile{name: "junk.bin", text: []byte{0, 1, 2}})
	d.check(&edited)
	var read []string
	for _, it := range d.report.Read {
		read = append(read, it.Source+": "+strings.Join(it.Kinds, ", ")+strings.Join(it.Problems, ", "))
	}
	if got := strings.Join(read, "\n"); !strings.Contains(got, "forbidden-403.pcap: capture: pcap") || !strings.Contains(got, "junk.bin: binary data") {
		t.Errorf("read:\n%s", got)
	}
	if !d.report.Has("auth-rejected") || !d.readable() {
		t.Errorf("the capture's 403 is not auth-rejected: %s", d.report.Text())
	}

	d.clear()
	if d.check(&doc); d.report != nil || !d.empty() {
		t.Error("cleared, there is still a report")
	}
}

func TestMegabytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 KB", 1: "1 KB", 256 << 10: "256 KB", 10 << 20: "10.0 MB", 3_300_000: "3.1 MB"} {
		if got := megabytes(n); got != want {
			t.Errorf("megabytes(%d) = %q, want %q", n, got, want)
		}
	}
}
