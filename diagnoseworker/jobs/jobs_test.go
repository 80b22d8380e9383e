package jobs_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"sipcompose/diagnoseworker/jobs"
	"sipcompose/sipcompose"
	"sipcompose/sipcompose/audit"
	"sipcompose/sipcompose/codegen"
	"sipcompose/sipcompose/document"
)

// doc has what the programs and the audit depend on: two targets, one
// with credentials and headers, on two edges.
var doc = document.Document{
	Targets: []document.Target{
		{User: "+14158675309", Host: "pbx.example.com", Edge: "dublin", Transport: "tls", Username: "trunk", Password: "s3cret",
			Headers: []document.Header{{Name: "X-Ticket", Value: "INC-4711/77 & more"}}},
		{Host: "backup.example.com", Edge: "frankfurt"},
	},
	Dial: document.Dial{CallerID: "+14155550100"},
}

// TestCodeIsCodegensAnswer: the page shows what codegen.For writes for the
// document and the URIs Compose builds, in every language.
func TestCodeIsCodegensAnswer(t *testing.T) {
	uris := sipcompose.Compose(doc).URIs
	for _, lang := range codegen.Langs {
		out, err := jobs.Code(document.Encode(doc), string(lang))
		if err != nil {
			t.Fatal(err)
		}
		var got codegen.Programs
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		want, _ := codegen.For(doc, uris, lang)
		if got != want || got.TwiML == "" || got.Call == "" {
			t.Errorf("%s: the page would show\n%+v\nnot codegen's\n%+v", lang, got, want)
		}
	}
}

// TestAuditIsChecksReport: the report the page decodes is audit.Check's,
// whole: verdicts, the rules to add, findings, and what the page derives
// from them (OK, WhereToAdd).
func TestAuditIsChecksReport(t *testing.T) {
	rules := "*filter\n:INPUT DROP [0:0]\n-A INPUT -s 54.171.127.192/30 -p udp --dport 5060 -j ACCEPT\n-A INPUT -s 10.0.0.0/8 -j DROP\nCOMMIT\n"
	out, err := jobs.Audit(document.Encode(doc), rules)
	if err != nil {
		t.Fatal(err)
	}
	var got audit.Report
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	want, err := audit.Check(sipcompose.Compose(doc).AllowList, rules)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the page would show\n%+v\nnot audit.Check's\n%+v", got, want)
	}
	if got.OK() || audit.WhereToAdd(got) == "" || len(got.Verdicts[1].Add) == 0 {
		t.Errorf("an audit with missing rules reads as OK=%v, where %q, add %q", got.OK(), audit.WhereToAdd(got), got.Verdicts[1].Add)
	}
}

// TestErrorsAreMessages: what cannot be answered is a message for the
// person, as audit.Check or the document's reader says it.
func TestErrorsAreMessages(t *testing.T) {
	_, err := jobs.Audit(document.Encode(doc), "")
	_, want := audit.Check(sipcompose.Compose(doc).AllowList, "")
	if err == nil || want == nil || err.Error() != want.Error() {
		t.Errorf("empty rules: %v, want audit.Check's %v", err, want)
	}
	if _, err := jobs.Code(document.Encode(doc), "cobol"); err == nil || err.Error() != `the worker writes no programs in "cobol" (it writes [node python go])` {
		t.Errorf("Code in cobol: %v", err)
	}
	for _, bad := range []string{"", "{", `{"targets": 3}`} {
		if _, err := jobs.Code([]byte(bad), "go"); err == nil || !strings.Contains(err.Error(), "the document sent to the worker does not read") {
			t.Errorf("Code(%q): %v", bad, err)
		}
		if _, err := jobs.Audit([]byte(bad), "10.0.0.0/8"); err == nil || !strings.Contains(err.Error(), "the document sent to the worker does not read") {
			t.Errorf("Audit(%q): %v", bad, err)
		}
	}
}
