//go:build !wasm

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sipcompose/sipcompose/audit"
)

// TestAuditReport: a dump with a stale legacy media rule and no current
// media rule, against the default allow-list (one UDP target on ashburn).
func TestAuditReport(t *testing.T) {
	code, out, errOut := runInput("", "audit", filepath.Join("testdata", "cli", "stale.rules"))
	if code != 1 || errOut != "" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	goldenCLI(t, "stale.audit.golden", out)

	code, out, _ = runInput("", "audit", "-format", "json", filepath.Join("testdata", "cli", "stale.rules"))
	var rep audit.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 1 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if len(rep.Verdicts) != 2 || rep.Verdicts[0].Status != audit.Covered || rep.Verdicts[1].Status != audit.Missing || rep.Format != audit.FormatIPTablesSave {
		t.Errorf("json report: %+v", rep)
	}
}

// TestAuditOwnExport: what compose exports for a document audits as fully
// covered against that document (exit 0), and a default-edge list does not
// cover a Frankfurt TLS document (exit 1).
func TestAuditOwnExport(t *testing.T) {
	doc := filepath.Join("testdata", "cli", "doc.json")
	for _, format := range []string{"iptables", "nftables", "cidrs"} {
		_, rules, _ := runInput("", "compose", "-format", format, doc)
		code, out, errOut := runInput(rules, "audit", "-doc", doc, "-")
		if code != 0 || errOut != "" || !strings.HasSuffix(out, "\n2 of 2 required rules covered\n") {
			t.Errorf("%s: exit %d, stderr %q:\n%s", format, code, errOut, out)
		}
	}
	code, out, _ := runInput("54.172.60.0/30 udp 5060\n168.86.128.0/18 udp\n", "audit", "-doc", doc)
	if code != 1 || !strings.Contains(out, "MISSING   tcp 35.156.191.128/30 to port 5061") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = runInput("54.172.60.0/30 udp 5060\n168.86.128.0/18 udp\n", "audit")
	if code != 0 || !strings.HasSuffix(out, "\n2 of 2 required rules covered\n") {
		t.Errorf("default allow-list: exit %d:\n%s", code, out)
	}
}

func TestAuditErrors(t *testing.T) {
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string // substring
	}{
		{"empty paste", "", []string{"audit"}, 1, "sipcompose: <stdin>: no rules to check"},
		{"binary", "\x00\x01\x02", []string{"audit", "-"}, 1, "sipcompose: <stdin>: the rules are not text"},
		{"over the audit's limit", strings.Repeat("# padding\n", 110_000), []string{"audit"}, 1, "an audit reads at most 1.0 MiB"},
		{"10 MB", strings.Repeat("1.2.3.4\n", 10_000_000/8), []string{"audit"}, 1, "<stdin>: larger than 8388608 bytes"},
		{"IPv6 only", "2001:db8::/32 udp 5060\n", []string{"audit"}, 1, "every rule is IPv6-only"},
		{"not rules", "hello\n", []string{"audit"}, 1, `line 1: cannot tell the format from "hello"`},
		{"missing rules file", "", []string{"audit", "nope.rules"}, 1, "nope.rules: no such file or directory"},
		{"missing doc", "1.2.3.4\n", []string{"audit", "-doc", "nope.json"}, 1, "nope.json: no such file or directory"},
		{"bad doc", "1.2.3.4\n", []string{"audit", "-doc", filepath.Join("testdata", "cli", "stale.rules")}, 1, "stale.rules:1:1:"},
		{"doc errors are said", "1.2.3.4\n", []string{"audit", "-doc", filepath.Join("testdata", "cli", "bad.json")}, 1, "error header-name-not-allowed"},
		{"unknown format", "", []string{"audit", "-format", "xml"}, 2, `unknown format "xml": use text or json`},
		{"two inputs", "", []string{"audit", "a", "b"}, 2, "one input at most"},
		{"flag after the file", "", []string{"audit", "a", "-format", "json"}, 2, "sipcompose audit: flags go before FILE"},
		{"bad flag", "", []string{"audit", "-dco", "x"}, 2, "flag provided but not defined: -dco"},
		{"help", "", []string{"audit", "-h"}, 0, "usage: sipcompose audit [-doc DOC.json] [-format text|json] [RULES|-]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runInput(tc.stdin, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d (want %d), stderr %q, want %q", code, tc.code, errOut, tc.stderr)
			}
			// Only an audit that ran prints a report.
			if ran := strings.Contains(out, "required rules covered"); ran != (tc.name == "doc errors are said") {
				t.Errorf("stdout %q", out)
			}
		})
	}
}

// TestAuditDocWithoutAddresses: a document whose edge Twilio does not
// know has no allow-list to check against; the audit says why.
func TestAuditDocWithoutAddresses(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "mars.json")
	if err := os.WriteFile(doc, []byte(`{"targets":[{"host":"pbx.example.com","edge":"mars"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runInput("54.172.60.0/30\n", "audit", "-doc", doc)
	if code != 1 || out != "" || !strings.Contains(errOut, "mars.json: the document's allow-list has no addresses to check against") || !strings.Contains(errOut, "mars") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
