package app

import (
	"reflect"
	"testing"

	"sipcompose/components"
	"sipcompose/sipcompose"
)

func TestValueAt(t *testing.T) {
	doc := exampleDocument()
	for path, want := range map[string]any{
		"dial.answerOnBridge":            true,
		"dial.timeout":                   0,
		"targets[0].headers[1].value":    "true",
		"targets[0].uui.data":            "0A1B2C3D",
		"targets[0].transport":           "tls",
		"targets[0].statusCallbackEvent": []string(nil),
	} {
		if got, ok := valueAt(doc, path); !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("valueAt(%q) = %#v, %v; want %#v", path, got, ok, want)
		}
	}
	if got, ok := valueAt(doc, "targets[0]"); !ok || !reflect.DeepEqual(got, doc.Targets[0]) {
		t.Errorf("valueAt(targets[0]) = %#v, %v", got, ok)
	}
	for _, path := range []string{"", "targets[1].host", "targets[0].headers[5].name", "nope", "targets[x]", "dial.timeout.x"} {
		if got, ok := valueAt(doc, path); ok {
			t.Errorf("valueAt(%q) = %#v, want nothing", path, got)
		}
	}
}

// TestPruneKept: a finding goes once the value of the field it names is
// another (or the field is gone), and stays through edits of other
// fields; one that names no field stays.
func TestPruneKept(t *testing.T) {
	p := &page{}
	doc := exampleDocument()
	doc.Dial.AnswerOnBridge = false
	found := p.keep(doc, []sipcompose.Diagnostic{
		{Code: "parse-bool", Field: "dial.answerOnBridge"},
		{Code: "parse-number", Field: "dial.timeout"},
		{Code: "parse-not-kept"},
		{Code: "parse-attribute-not-kept", Field: "targets[0]"},
	}, "the import")
	codes := func(ks []kept) (out []string) {
		for _, k := range ks {
			out = append(out, k.finding.Code)
		}
		return out
	}
	edited := doc.Clone()
	edited.Dial.CallerID = "+15005550006"
	if got := codes(pruneKept(found, edited)); len(got) != 4 {
		t.Errorf("an edit of another field pruned: %v", got)
	}
	edited.Dial.AnswerOnBridge = true
	edited.Targets[0].Host = "other.example.com"
	if got := codes(pruneKept(found, edited)); !reflect.DeepEqual(got, []string{"parse-number", "parse-not-kept"}) {
		t.Errorf("after editing answerOnBridge and target 1: %v", got)
	}
	edited.Targets = nil
	edited.Dial.Timeout = 30
	if got := codes(pruneKept(found, edited)); !reflect.DeepEqual(got, []string{"parse-not-kept"}) {
		t.Errorf("after removing the targets and editing the timeout: %v", got)
	}
	if ids := findings(found); ids[0].ID == ids[1].ID || ids[0].From != "the import" {
		t.Errorf("findings %+v", ids)
	}
	var none []components.Finding
	if got := findings(nil); !reflect.DeepEqual(got, none) {
		t.Errorf("findings(nil) = %v", got)
	}
}
