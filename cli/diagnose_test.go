//go:build !wasm

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sipcompose/sipcompose/diagnose"
)

func evidenceFile(name string) string {
	return filepath.Join("..", "sipcompose", "evidence", "testdata", name)
}

// TestDiagnoseText: several inputs at once, each named as read; the fault
// first, then its fix, then its evidence; exit 1.
func TestDiagnoseText(t *testing.T) {
	code, out, errOut := runInput("32011\n", "diagnose", evidenceFile("pjsip.txt"), "-")
	if code != 1 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"Read:\n  ../sipcompose/evidence/testdata/pjsip.txt: SIP messages: 2 from pjsip logger",
		"  <stdin>: Twilio codes: 32011\n",
		"\nERROR auth-challenge-no-credentials\n  The PBX asked for digest credentials (407 Proxy Authentication Required)",
		"\n  Fix: Set username and password",
		"\n  Evidence:\n    ../sipcompose/evidence/testdata/pjsip.txt line 2: 12:00:00.101  54.172.60.0:5060 → (this host)  INVITE sip:+14158675309@pbx.example.com SIP/2.0\n    ../sipcompose/evidence/testdata/pjsip.txt line 32: 12:00:00.103  (this host) → 54.172.60.0:5060  SIP/2.0 407 Proxy Authentication Required\n",
		"confirmed the endpoint challenged for credentials Twilio did not have [check auth-challenge-no-credentials]",
		"\nFaults found: 1 error, 1 Twilio code.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Index(out, "Fix:") > strings.Index(out, "Evidence:") {
		t.Errorf("the fix must come before the evidence:\n%s", out)
	}
}

// TestDiagnoseJSON: what was read and the findings, each with code,
// severity, message, evidence, fix and field.
func TestDiagnoseJSON(t *testing.T) {
	doc := filepath.Join("testdata", "cli", "doc.json")
	code, out, _ := runInput("DialCallStatus=failed&DialSipResponseCode=407", "diagnose", "-doc", doc, "-format", "json")
	var r diagnose.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil || code != 1 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if len(r.Findings) == 0 {
		t.Fatalf("no findings:\n%s", out)
	}
	f := r.Findings[0]
	// doc.json's target has a username: the challenge went unanswered
	// although the document has credentials.
	if f.Code != "auth-challenge-no-credentials" || f.Severity != "warning" || f.Field != "targets[0].username" || f.Fix == "" || len(f.Evidence) != 1 {
		t.Errorf("%+v", f)
	}
	var raw map[string]any
	json.Unmarshal([]byte(out), &raw)
	finding := raw["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"code", "severity", "message", "evidence", "fix"} {
		if _, ok := finding[k]; !ok {
			t.Errorf("finding has no %q: %v", k, finding)
		}
	}
	code, out, _ = runInput("Level=INFO", "diagnose", "-format", "json", "-")
	if code != 0 || !strings.Contains(out, `"findings": []`) {
		t.Errorf("no fault: exit %d\n%s", code, out)
	}
}

func TestDiagnoseErrors(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.bin")
	os.WriteFile(junk, []byte("\x00\x01\x02\x03binary junk\xff"), 0o644)
	cut := filepath.Join(dir, "cut.pcap")
	os.WriteFile(cut, []byte("\xd4\xc3\xb2\xa1\x02\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x40\x00\x00\x00\x40\x00\x00\x00E"), 0o644)
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string // substring
		stdout string // substring
	}{
		{"empty stdin", "", []string{"diagnose"}, 2, "<stdin>: empty: nothing to read", ""},
		{"binary junk", "", []string{"diagnose", junk}, 2, "binary data that is no pcap or pcapng capture", ""},
		{"prose", "please help, it broke", []string{"diagnose"}, 2, "nothing recognised", ""},
		{"looks like SIP", "INVITE sip:a@b SIP/2.0\nnot a header\n", []string{"diagnose"}, 2, "a header line without a name and colon", ""},
		{"truncated capture", "", []string{"diagnose", cut}, 0, "", "truncated at byte 41"},
		{"missing file", "", []string{"diagnose", "nope.pcap"}, 2, "nope.pcap: no such file or directory", ""},
		{"one missing, one read", "13246\n", []string{"diagnose", "nope.pcap", "-"}, 1, "nope.pcap: no such file", "twilio-policy"},
		{"a directory", "", []string{"diagnose", dir}, 2, "a directory, not a file", ""},
		{"missing doc", "32011", []string{"diagnose", "-doc", "nope.json"}, 2, "nope.json: no such file", ""},
		{"bad doc", "32011", []string{"diagnose", "-doc", cut}, 2, "cut.pcap:", ""},
		{"unknown format", "", []string{"diagnose", "-format", "xml"}, 2, `unknown format "xml"`, ""},
		{"flag after a file", "", []string{"diagnose", "a", "-format", "json"}, 2, "flags go before FILE", ""},
		{"help", "", []string{"diagnose", "-h"}, 0, "usage: sipcompose diagnose [-doc DOC.json] [-format text|json] [FILE...|-]", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runInput(tc.stdin, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.stderr) || !strings.Contains(out, tc.stdout) {
				t.Errorf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
			}
		})
	}
}

// TestDiagnoseLargeFiles: a 200 MB capture is streamed (its packets all
// counted) and 200 MB of text or junk is refused after its first 16 MB,
// each with a clear message. The files are sparse: they take no disk.
func TestDiagnoseLargeFiles(t *testing.T) {
	dir := t.TempDir()
	big := func(name string, head []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, head, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(p, 200<<20); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A pcap header, then records of zeros: 16-byte headers of empty packets.
	pcap := big("big.pcap", []byte("\xd4\xc3\xb2\xa1\x02\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\x00\x00\x01\x00\x00\x00"))
	code, out, errOut := runInput("", "diagnose", pcap)
	if code != 0 || !strings.Contains(out, "capture: pcap (Ethernet), 13,107,198 packets, 0 SIP dialogs, 0 RTP flows\n    (the file ends inside a packet record (truncated at byte 209715200)") {
		t.Errorf("200 MB capture: exit %d %q\n%s", code, errOut, out)
	}
	text := big("big.log", []byte("INVITE sip:a@b SIP/2.0\n"))
	code, _, errOut = runInput("", "diagnose", text)
	if code != 2 || !strings.Contains(errOut, "binary data") {
		t.Errorf("200 MB of zeros: exit %d %q", code, errOut)
	}
	log := filepath.Join(dir, "day.log")
	os.WriteFile(log, []byte(strings.Repeat("[2026-03-01 12:00:00] VERBOSE[1] pbx.c: nothing to see here\n", 300_000)), 0o644)
	code, _, errOut = runInput("", "diagnose", log)
	if code != 2 || !strings.Contains(errOut, "text larger than the 16 MB read from a paste or log: cut it to the call first") {
		t.Errorf("18 MB log: exit %d %q", code, errOut)
	}
}
