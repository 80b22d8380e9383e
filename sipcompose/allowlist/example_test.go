package allowlist_test

import (
	"fmt"
	"strings"

	"sipcompose/sipcompose/allowlist"
	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
)

func ExampleList_Table() {
	doc := document.Document{Targets: []document.Target{{Host: "pbx.example.com", Edge: "tokyo", Transport: "tls"}}}
	table := allowlist.For(doc, resolve.Document(doc)).Table()
	// The first line names the edges, the as-of date and the source.
	fmt.Print(table[strings.Index(table, "\n\n")+2:])
	// Output:
	// SOURCE CIDR      PROTOCOL  SOURCE PORTS  TO YOUR PORTS  EDGE   PURPOSE
	// 54.65.63.192/30  tcp       any           5061           tokyo  SIP signaling from Twilio (TLS)
	// 168.86.128.0/18  udp       10000-60000   any            any    RTP media from Twilio (every edge)
}

func ExampleList_IPTables() {
	doc := document.Document{Targets: []document.Target{{Host: "pbx.example.com", Region: "ie1"}}}
	fmt.Print(allowlist.For(doc, resolve.Document(doc)).IPTables())
	// Output:
	// # Twilio SIP allow-list for edges dublin; IP data as of 2026-06-22 from https://www.twilio.com/docs/sip-trunking/ip-addresses ; https://www.twilio.com/docs/voice/api/sip-interconnect
	// # -A appends: if your INPUT chain ends in DROP or REJECT, use -I INPUT instead.
	// iptables -A INPUT -s 54.171.127.192/30 -p udp --dport 5060 -m comment --comment 'sipcompose: SIP signaling from Twilio (UDP), edge dublin' -j ACCEPT
	// iptables -A INPUT -s 168.86.128.0/18 -p udp --sport 10000:60000 -m comment --comment 'sipcompose: RTP media from Twilio (every edge)' -j ACCEPT
}

func ExampleList_NFTables() {
	doc := document.Document{Targets: []document.Target{{Host: "pbx.example.com", Port: 5080, Transport: "tcp"}}}
	fmt.Print(allowlist.For(doc, resolve.Document(doc)).NFTables())
	// Output:
	// # Twilio SIP allow-list for edges ashburn; IP data as of 2026-06-22 from https://www.twilio.com/docs/sip-trunking/ip-addresses ; https://www.twilio.com/docs/voice/api/sip-interconnect
	// # Load with: nft -f FILE; remove with: nft delete table inet sipcompose
	// # An accept here does not override a drop in another table:
	// # if your own input chain drops by default, add these rules to that chain instead.
	// table inet sipcompose {
	// 	chain input {
	// 		type filter hook input priority 0; policy accept;
	// 		ip saddr 54.172.60.0/30 tcp dport 5080 accept comment "SIP signaling from Twilio (TCP), edge ashburn"
	// 		ip saddr 168.86.128.0/18 udp sport 10000-60000 accept comment "RTP media from Twilio (every edge)"
	// 	}
	// }
}

func ExampleList_CIDRs() {
	doc := document.Document{Targets: []document.Target{{Host: "pbx.example.com", Edge: "dublin"}}}
	fmt.Print(allowlist.For(doc, resolve.Document(doc)).CIDRs())
	// Output:
	// 54.171.127.192/30
	// 168.86.128.0/18
}
