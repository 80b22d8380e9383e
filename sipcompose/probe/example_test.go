package probe_test

import (
	"fmt"
	"net/netip"
	"time"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/probe"
)

// The page shows this command beside the TwiML: a browser cannot send SIP.
func ExampleCommand() {
	doc := sipcompose.Document{Targets: []sipcompose.Target{{
		User: "+14155550100", Host: "pbx.example.com", Transport: "tls",
		Headers: []sipcompose.Header{{Name: "X-Case", Value: "42"}},
	}}}
	fmt.Println(probe.Command(doc, sipcompose.Compose(doc)))
	// Output: sipcompose probe 'sip:+14155550100@pbx.example.com;transport=tls?X-Case=42'
}

func ExampleClassify() {
	for _, a := range []string{"54.172.60.1", "10.0.0.5", "100.64.1.1", "fe80::1"} {
		fmt.Println(a, probe.Classify(netip.MustParseAddr(a)))
	}
	// Output:
	// 54.172.60.1 public
	// 10.0.0.5 private (10.0.0.0/8, RFC 1918)
	// 100.64.1.1 cgnat (100.64.0.0/10, carrier-grade NAT, RFC 6598)
	// fe80::1 link-local (fe80::/10, RFC 4291)
}

// Judge turns what the CLI observed into verdicts: here a host that
// resolves to a private address and a PBX that answers 403.
func ExampleJudge() {
	t, _ := probe.ParseTarget("sip:alice@pbx.example.com;transport=tcp", "URI 1")
	addr := netip.MustParseAddrPort("10.0.0.5:5060")
	r := probe.Judge(t, probe.Observations{
		DNS:   probe.DNS{Addrs: []netip.Addr{addr.Addr()}},
		Reach: &probe.Reach{Dials: []probe.Dial{{Addr: addr, Result: probe.Connected, Took: probe.Millis(time.Millisecond)}}},
		SIP:   &probe.SIP{Addr: addr, Transport: "tcp", Status: 403, Reason: "Forbidden", RTT: probe.Millis(3 * time.Millisecond)},
	})
	for _, s := range r.Steps {
		fmt.Printf("%-12s %s", s.Title(), s.Status)
		for _, m := range s.Means {
			fmt.Printf(" %s", m.Code)
		}
		fmt.Println()
	}
	fmt.Println(probe.Summary([]probe.Report{r}))
	// Output:
	// DNS          fail dns-not-public
	// Reachability pass reach-ok
	// TLS          skip tls-not-used
	// SIP OPTIONS  warn sip-forbidden
	// 1 target probed: 0 passed, 0 with warnings, 1 failed. Exit status 1.
}
