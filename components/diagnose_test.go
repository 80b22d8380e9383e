package components

import (
	"testing"

	"sipcompose/sipcompose"
)

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
