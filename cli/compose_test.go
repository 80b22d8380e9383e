//go:build !wasm

package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sipcompose/sipcompose"
)

var updateCLI = flag.Bool("update", false, "rewrite testdata/cli golden outputs")

// runInput runs the CLI in-process on stdin and returns its exit code,
// stdout and stderr.
func runInput(stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errb, nil)
	return code, out.String(), errb.String()
}

func goldenCLI(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "cli", name)
	if *updateCLI {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run TestCompose -update creates it)", err)
	}
	if got != string(want) {
		t.Errorf("%s:\n--- got\n%s--- want\n%s", name, got, want)
	}
}

// docWarning is what compose says of testdata/cli/doc.json, Twilio's own
// example: its host, your.domain, is the docs' stand-in for the
// customer's.
const docWarning = "warning placeholder targets[0].host: Host \"your.domain\" holds your.domain, which Twilio's docs use for the customer's host: it looks pasted from docs, and no PBX of the customer's answers there. Enter the customer's host.\n"

func TestComposeFormats(t *testing.T) {
	for _, format := range []string{"twiml", "uri", "curl", "allowlist", "cidrs", "iptables", "nftables", "invite", "callbacks", "json"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := runInput("", "compose", "-format", format, filepath.Join("testdata", "cli", "doc.json"))
			if code != 0 || errOut != docWarning {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			// TwiML carries the password (Twilio needs it there); no other
			// form prints it.
			if format != "json" && format != "twiml" && strings.Contains(out, "never-printed") {
				t.Errorf("the SIP password was printed:\n%s", out)
			}
			goldenCLI(t, "doc."+format+".golden", out)
		})
	}
}

func TestComposeStdinAndDefaults(t *testing.T) {
	code, out, _ := runInput(`{"targets":[{"user":"alice","host":"example.com","edge":"frankfurt"}]}`, "compose")
	if code != 0 || !strings.Contains(out, "<Sip>sip:alice@example.com;edge=frankfurt</Sip>") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = runInput(`{"targets":[{"host":"example.com"}]}`, "compose", "-format", "uri", "-")
	if code != 0 || out != "sip:example.com\n" {
		t.Errorf("exit %d: %q", code, out)
	}
}

func TestComposeErrors(t *testing.T) {
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string // substring, "" = must be empty
		stderr string // substring
	}{
		{"diagnostic errors still print", "", []string{"compose", filepath.Join("testdata", "cli", "bad.json")}, 1,
			"<Sip>sip:pbx.example.com?Account=42</Sip>", "error header-name-not-allowed targets[0].headers[0].name: Header \"Account\""},
		{"bad JSON", "{\n  \"targets\": [\n    {\"host\": 5}\n  ]\n}", []string{"compose"}, 1, "", "sipcompose: <stdin>:3:14: targets.host must be a string, not number\n"},
		{"unknown field", `{"target": []}`, []string{"compose"}, 1, "", `unknown field "target"`},
		{"missing file", "", []string{"compose", "nope.json"}, 1, "", "nope.json: no such file or directory"},
		{"unknown format", "", []string{"compose", "-format", "yaml"}, 2, "", `unknown format "yaml"`},
		{"two files", "", []string{"compose", "a", "b"}, 2, "", "one input at most"},
		{"flag after the file", "", []string{"compose", "doc.json", "-format", "uri"}, 2, "", "sipcompose compose: flags go before FILE: sipcompose compose [flags] [FILE|-]\n"},
		{"unknown command", "", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"no command", "", nil, 2, "", "usage: sipcompose"},
		{"compose help", "", []string{"compose", "-h"}, 0, "", "  nftables     the allow-list as a file for nft -f\n"},
		{"lint help", "", []string{"lint", "-help"}, 0, "", "usage: sipcompose lint [FILE|-]"},
		{"bad flag", "", []string{"compose", "-fmt", "uri"}, 2, "", "flag provided but not defined: -fmt"},
		{"empty input", "\n", []string{"compose"}, 1, "", "sipcompose: <stdin>:1:1: the document is empty"},
		{"bad UTF-8", "{\"dial\": {\"callerId\": \"\xff\"}}", []string{"compose"}, 1, "", "sipcompose: <stdin>:1:24: not valid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runInput(tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errOut)
			}
			if (tc.stdout == "" && out != "") || !strings.Contains(out, tc.stdout) {
				t.Errorf("stdout %q, want %q", out, tc.stdout)
			}
			if !strings.Contains(errOut, tc.stderr) {
				t.Errorf("stderr %q, want %q", errOut, tc.stderr)
			}
		})
	}
}

func TestLint(t *testing.T) {
	code, out, errOut := runInput("", "lint", filepath.Join("testdata", "cli", "twilio.xml"))
	if code != 0 || errOut != "" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	// Twilio's own example: its host is the docs' stand-in, its UUI odd.
	if out != "warning placeholder targets[0].host: Host \"example.com\" holds example.com, which Twilio's docs use for the customer's host: it looks pasted from docs, and no PBX of the customer's answers there. Enter the customer's host.\n"+
		"warning uui-hex-odd targets[0].uui.data: UUI data has 9 hex digits: hex encodes whole octets, so use an even number or the receiver may drop the last digit.\n" {
		t.Errorf("stdout %q", out)
	}

	code, out, _ = runInput(`<Response><Dial><Sip>sip:a@pbx.example.com</Sip></Dial></Response>`, "lint")
	if code != 0 || out != "no problems found\n" {
		t.Errorf("exit %d: %q", code, out)
	}

	code, out, _ = runInput("<Response><Dial><Sip>sip:a@pbx.example.com?Foo=1</Sip></Dial></Response>", "lint", "-")
	if code != 1 || !strings.HasPrefix(out, "error header-name-not-allowed targets[0].headers[0].name:") {
		t.Errorf("exit %d: %q", code, out)
	}

	// A value the import rejects does not hide the other targets' problems,
	// nor is it reported twice.
	code, out, _ = runInput("<Response><Dial><Sip>sip:@</Sip><Sip>sip:b@h2.example.com?Foo=1</Sip></Dial></Response>", "lint")
	var codes []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		codes = append(codes, f[0]+" "+f[1]+" "+strings.TrimSuffix(f[2], ":"))
	}
	want := []string{
		"error host-missing targets[0].host",
		"error header-name-not-allowed targets[1].headers[0].name",
		"info several-targets targets",
	}
	if code != 1 || strings.Join(codes, "\n") != strings.Join(want, "\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}

	// Lengths are measured on the TwiML as written: 26 UUIDs joined by "-"
	// fit in the compact form and not in Twilio's documented one, and
	// commas as written fit where encoded they would not.
	uuids := strings.TrimSuffix(strings.Repeat("123e4567-e89b-12d3-a456-426614174000-", 26), "-")
	for _, tc := range []struct {
		headers string
		code    int
		out     string
	}{
		{"X-Ids=" + uuids, 0, "info parse-encoding-compact encoding:"},
		{"X-Ids=" + sipcompose.PercentEncode(uuids), 1, "error headers-too-long targets[0].headers: As written, the headers part of the URI is 1225 characters"},
		{"X-A=" + strings.Repeat(",", 1000), 0, "no problems found"},
	} {
		code, out, _ = runInput("<Response><Dial><Sip>sip:a@pbx.example.com?"+tc.headers+"</Sip></Dial></Response>", "lint")
		if code != tc.code || !strings.HasPrefix(out, tc.out) || strings.Count(out, "headers-too-long") > 1 {
			t.Errorf("%.20s…: exit %d: %q", tc.headers, code, out)
		}
	}

	code, out, _ = runInput("<Response><Say>hi</Say></Response>", "lint")
	if code != 1 || strings.Contains(out, "no-targets") || !strings.HasPrefix(out, "error parse-no-dial -: ") {
		t.Errorf("exit %d: %q", code, out)
	}

	code, out, errOut = runInput("<Response>\n<Dial>\n</Response>", "lint")
	if code != 1 || out != "" || errOut != "sipcompose: <stdin>: Line 3, column 1: </Response> does not close <Dial>, which is opened at line 2, column 1.\n" {
		t.Errorf("exit %d: %q %q", code, out, errOut)
	}
}

// A raw & between headers is imported as the &amp; it was meant to be:
// lint names it (an error: Twilio rejects the TwiML as sent) and checks
// the rest; compose of the document writes &amp;.
func TestLintRawAmpersand(t *testing.T) {
	in := "<Response><Dial action=\"/next?a=1&b=2\"><Sip>sip:alice@pbx.example.com?X-Case=42&X-Name=Bob&amp;X-Bad Name=1</Sip></Dial></Response>"
	code, out, errOut := runInput(in, "lint")
	want := []string{
		"error parse-raw-ampersand dial.action: Line 1, column 34: a raw & in the value of action in <Dial>. Twilio rejects this TwiML as sent: XML needs every & written &amp; (error 12100, document parse failure).",
		"error parse-raw-ampersand targets[0].headers: Line 1, column 80: a raw & in the text of <Sip>.",
		"error header-name-invalid targets[0].headers[2].name:",
	}
	for _, w := range want {
		if !strings.Contains(out, "\n"+w) && !strings.HasPrefix(out, w) {
			t.Errorf("no line %q in\n%s", w, out)
		}
	}
	if code != 1 || errOut != "" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// What Twilio rejects is an error: lint exits 1 on a <SipHeader>, names
// where such a header belongs, and checks the header as read.
func TestLintRejectedElements(t *testing.T) {
	code, out, _ := runInput(`<Response><Dial><Sip>sip:a@pbx.example.com<SipHeader name="X A">1</SipHeader></Sip><Say>x</Say></Dial></Response>`, "lint")
	for _, w := range []string{
		"error parse-rejected targets: <Say> inside <Dial>:",
		`error parse-rejected targets[0].headers[0]: <SipHeader name="X A"> inside <Sip>: Twilio rejects this <Sip> on every call ("Dial->Sip: Invalid SIP URI", error 13243)`,
		"error header-name-invalid targets[0].headers[0].name:",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("no %q in\n%s", w, out)
		}
	}
	if code != 1 {
		t.Errorf("exit %d", code)
	}
}
