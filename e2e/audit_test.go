//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"sipcompose/browsertest"
)

// TestAuditBox pastes an iptables-save dump with a stale legacy media rule
// and no current media rule into "Check existing rules" for a UDP target,
// reads the verdicts (axe finds nothing on them), sees them change with
// the target's transport, then a paste the audit refuses.
func TestAuditBox(t *testing.T) {
	src := axeSource(t)
	s := browsertest.New(t)
	s.Open("/")
	s.WaitTextContains("TwiML preview", "<Dial")
	showPanel(s, "Rules check")
	s.Choose("Transport", 0, "udp")
	s.Fill("Existing firewall rules", `*filter
:INPUT DROP [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -s 54.172.60.0/30 -p udp -m udp --dport 5060 -j ACCEPT
-A INPUT -s 54.172.60.0/23 -p udp -m multiport --dports 10000:20000 -j ACCEPT
COMMIT
`)
	s.Click("Check rules", 0)
	got := s.WaitTextContains("Audit result", "required rules covered")
	for _, want := range []string{
		"1 of 2 required rules covered, 1 missing, 1 stale rule",
		"covered", "udp 54.172.60.0/30 to port 5060", "line 4 accepts it",
		"missing", "udp 168.86.128.0/18 from port 10000-60000", "chain filter INPUT drops it by its policy",
		"line 5 allows Twilio's obsolete media range 54.172.60.0/23 (us1)", "from third-party lists",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("audit result lacks %q:\n%s", want, got)
		}
	}
	if got := axeViolations(s, src); got != "[]" {
		t.Errorf("axe violations: %s", got)
	}

	// The verdicts follow the document: over TLS, the UDP rule is the
	// wrong protocol for TCP 5061.
	s.Choose("Transport", 0, "tls")
	s.WaitTextContains("Audit result", "0 of 2 required rules covered, 1 partly, 1 missing")
	s.WaitTextContains("Audit result", "line 4 accepts it with the wrong protocol: udp, not tcp")

	s.Fill("Existing firewall rules", "2001:db8::/32 udp 5060\n")
	s.Click("Check rules", 0)
	s.WaitTextContains("Audit result", "Cannot check these rules: every rule is IPv6-only")
	s.NoConsoleErrors()
}
