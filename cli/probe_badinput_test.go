//go:build !wasm

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestProbeBadInput: what the probe cannot read stops it before any
// packet, with one line saying why and exit status 2.
func TestProbeBadInput(t *testing.T) {
	dir := t.TempDir()
	doc := func(name, json string) string { return writeDoc(t, dir, name, json) }
	badTransport := doc("ws.json", `{"targets": [{"host": "pbx.example.com"}, {"host": "pbx.example.com", "transport": "ws"}]}`)
	badChild := doc("child.json", `{"targets": [{"host": "", "uris": [{"uri": "tel:+14155550100"}]}]}`)
	noTargets := doc("empty.json", `{"targets": []}`)
	notJSON := doc("bad.json", `{"targets": [`)

	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"a URI with no host", []string{"sip:alice@"}, "sipcompose probe: sip:alice@: The URI has no host: it should look like sip:user@pbx.example.com.\n"},
		{"an unknown transport", []string{"sip:alice@pbx.example.com;transport=sctp"}, `sipcompose probe: sip:alice@pbx.example.com;transport=sctp: Transport "sctp": use udp, tcp or tls (error 32110: invalid URI parts are ignored).` + "\n"},
		{"not a SIP URI", []string{"tel:+14155550100"}, `sipcompose probe: tel:+14155550100: "tel:" is not a SIP URI: Twilio dials only sip: URIs (e.g. sip:alice@pbx.example.com).` + "\n"},
		{"a bad port", []string{"sip:alice@pbx.example.com:70000"}, `sipcompose probe: sip:alice@pbx.example.com:70000: Port "70000": use 1 to 65535; it was not kept.` + "\n"},
		{"a host with a space", []string{"sip:alice@pbx example.com"}, `sipcompose probe: sip:alice@pbx example.com: Host "pbx example.com": use a host name`},
		{"the second of two URIs is bad", []string{"sip:alice@pbx.example.com", "sip:bob@"}, "sipcompose probe: sip:bob@: The URI has no host"},
		{"a document target's transport", []string{"-doc", badTransport}, "sipcompose probe: " + badTransport + `: Target 2: Transport "ws": use udp, tcp or tls`},
		{"a document's <Uri>", []string{"-doc", badChild}, "sipcompose probe: " + badChild + `: Target 1, <Uri> 1: "tel:" is not a SIP URI`},
		{"a document with no targets", []string{"-doc", noTargets}, "sipcompose probe: " + noTargets + ": the document has no targets to probe\n"},
		{"a document that is not JSON", []string{"-doc", notJSON}, "sipcompose: " + notJSON + ":1:14: "},
		{"a missing document", []string{"-doc", filepath.Join(dir, "nope.json")}, "no such file or directory\n"},
		{"a document and URIs", []string{"-doc", noTargets, "sip:alice@pbx.example.com"}, "sipcompose probe: give -doc or SIP URIs, not both\n"},
		{"nothing to probe", nil, "sipcompose probe: nothing to probe: give -doc DOC.json or one or more SIP URIs (sipcompose probe -h)\n"},
		{"a flag after the URIs", []string{"sip:alice@pbx.example.com", "-timeout", "1s"}, "sipcompose probe: flags go before the URIs: sipcompose probe [flags] [SIPURI…]\n"},
		{"a timeout of zero", []string{"-timeout", "0s", "sip:alice@pbx.example.com"}, "sipcompose probe: -timeout 0s: use 100ms to 1m0s\n"},
		{"a timeout too long", []string{"-timeout", "2m", "sip:alice@pbx.example.com"}, "sipcompose probe: -timeout 2m0s: use 100ms to 1m0s\n"},
		{"an unknown format", []string{"-format", "yaml", "sip:alice@pbx.example.com"}, `sipcompose: unknown format "yaml": use text or json` + "\n"},
		// As every command: the flag package's line, then the usage. There
		// is no flag to change the resolver or the roots (see probeEnv).
		{"an unknown flag", []string{"-resolver", "127.0.0.1:53", "sip:alice@pbx.example.com"}, "flag provided but not defined: -resolver\nusage: sipcompose probe "},
		{"too many URIs", append([]string{}, strings.Fields(strings.Repeat("sip:a@pbx.example.com ", 21))...), "sipcompose probe: 21 URIs to probe: at most 20 in one run"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			code, out, errOut := runInput("", append([]string{"probe"}, tc.args...)...)
			if took := time.Since(start); took > time.Second {
				t.Errorf("took %s: bad input must stop the probe before any network step", took)
			}
			if code != 2 || out != "" {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			if !strings.Contains(errOut, tc.stderr) {
				t.Errorf("stderr %q, want %q", errOut, tc.stderr)
			}
			if usage := strings.HasPrefix(errOut, "flag provided"); !usage && (!strings.HasPrefix(errOut, "sipcompose") || strings.Count(errOut, "\n") != 1) {
				t.Errorf("want one line, got %q", errOut)
			}
		})
	}
}

// TestProbeHelp: -h prints the usage, its flags and the exit statuses,
// and the CLI's own usage lists the command.
func TestProbeHelp(t *testing.T) {
	code, out, errOut := runInput("", "probe", "-h")
	for _, want := range []string{"usage: sipcompose probe [-doc DOC.json] [-timeout 5s] [-format text|json] [SIPURI…]", "-timeout duration", "docs/probe.md", "Exit status: 0 no step failed"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("no %q in:\n%s", want, errOut)
		}
	}
	if code != 0 || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	if _, out, _ := runInput("", "help"); !strings.Contains(out, "\n  probe    probe the customer's SIP endpoint") {
		t.Errorf("the usage does not list probe:\n%s", out)
	}
}

// writeDoc writes a document for -doc into dir and returns its path.
func writeDoc(t *testing.T, dir, name, json string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(json), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
