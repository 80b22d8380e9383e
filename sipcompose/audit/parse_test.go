package audit

import (
	"fmt"
	"strings"
	"testing"
)

// ruleWords prints what the parser kept of a rule, compactly.
func ruleWords(r *fwRule) string {
	var w []string
	add := func(k string, s spans, port bool) {
		if s == nil {
			return
		}
		var parts []string
		for _, x := range s {
			if port {
				parts = append(parts, spanWords(spans{x}))
			} else {
				parts = append(parts, fmt.Sprintf("%d.%d.%d.%d-%d.%d.%d.%d", x.lo>>24, x.lo>>16&255, x.lo>>8&255, x.lo&255, x.hi>>24, x.hi>>16&255, x.hi>>8&255, x.hi&255))
			}
		}
		w = append(w, k+"="+strings.Join(parts, ","))
	}
	add("src", r.src, false)
	if r.protos != nil {
		w = append(w, "proto="+strings.Join(r.protos, ","))
	}
	add("dport", r.dport, true)
	add("sport", r.sport, true)
	add("port", r.listed, true)
	if r.action != "" {
		w = append(w, strings.TrimSpace(r.action+" "+r.target))
	}
	if r.never != "" {
		w = append(w, "never")
	}
	if len(r.assumed) > 0 {
		w = append(w, "assumed="+strings.Join(r.assumed, "|"))
	}
	if r.ipv6 {
		w = append(w, "ipv6")
	}
	return strings.Join(w, " ")
}

func TestAuditParsesRules(t *testing.T) {
	tests := []struct{ format, line, want string }{
		{"iptables", `-A INPUT -s 54.172.60.0/30,208.78.112.64 -p udp -m udp --dport 5060 -m comment --comment "a \"b\" c" -j ACCEPT`,
			"src=54.172.60.0-54.172.60.3,208.78.112.64-208.78.112.64 proto=udp dport=5060 accept"},
		{"iptables", "-A INPUT -p 17 -m multiport --dports 5060,5061,10000:20000 --sports :1024 -j DROP",
			"proto=udp dport=5060,5061,10000-20000 sport=0-1024 drop"},
		{"iptables", "-A INPUT -j REJECT --reject-with icmp-port-unreachable", "reject"},
		{"iptables", "-A INPUT -p tcp -j TWILIO", "proto=tcp jump TWILIO"},
		{"iptables", "-A INPUT -g TWILIO", "goto TWILIO"},
		{"iptables", "-A INPUT -j LOG --log-prefix \"in: \"", ""},
		{"iptables", "-A INPUT -i lo -j ACCEPT", "accept never"},
		{"iptables", "-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT", "accept never"},
		{"iptables", "-A INPUT -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT", "accept"},
		{"iptables", "-A INPUT -m conntrack ! --ctstate NEW -j ACCEPT", "accept never"},
		{"iptables", "-A INPUT ! -s 10.0.0.0/8 -i eth0 -d 192.0.2.1 -m limit --limit 5/min -j ACCEPT",
			"src=0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255 accept assumed=-i eth0|-d 192.0.2.1|--limit 5/min"},
		{"iptables", "-A INPUT -p tcp ! --dport 22 -j DROP", "proto=tcp dport=0-21,23-65535 drop"},
		{"iptables", "-A INPUT ! -s 0.0.0.0/0 -j DROP", "src= drop"},
		{"iptables", "-A INPUT -s 2001:db8::/32 -j ACCEPT", "src=0.0.0.0-0.0.0.0 accept ipv6"},
		{"iptables", "-A INPUT -p udp --dport sip -j ACCEPT", "proto=udp dport=5060 accept"},
		{"nft", "ip saddr { 54.172.60.0/30, 1.2.3.4-1.2.3.9 } meta l4proto { tcp, udp } th dport { 5060-5061 } counter packets 3 bytes 180 accept comment \"x\"",
			"src=54.172.60.0-54.172.60.3,1.2.3.4-1.2.3.9 proto=tcp,udp dport=5060-5061 accept"},
		{"nft", "ip protocol 17 udp sport 10000-60000 log prefix \"media \" level info accept", "proto=udp sport=10000-60000 accept"},
		{"nft", "iifname \"lo\" accept", "accept never"},
		{"nft", "iifname \"eth0\" ip saddr != 10.0.0.0/8 jump twilio", "src=0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255 jump twilio assumed=iifname \"eth0\""},
		{"nft", "udp dport != { 10000-60000, 5060 } drop", "proto=udp dport=0-5059,5061-9999,60001-65535 drop"},
		{"nft", "meta l4proto != udp accept", "accept assumed=meta l4proto != udp"},
		{"nft", "ct state { established, related } accept", "accept never"},
		{"nft", "ct state new,established accept", "accept"},
		{"nft", "tcp flags syn limit rate 10/second accept", "proto=tcp accept assumed=tcp flags syn limit rate 10/second"},
		{"nft", "icmp type echo-request accept", "proto=icmp accept assumed=icmp type echo-request"},
		{"nft", "reject with icmp type port-unreachable", "reject"},
		{"nft", "meta nfproto ipv6 accept", "ipv6"},
		{"list", "54.172.60.0/30, 54.244.51.0/30 tcp/5061", "src=54.172.60.0-54.172.60.3,54.244.51.0-54.244.51.3 proto=tcp port=5061 accept"},
		{"list", "168.86.128.0/18 udp 10000:60000 # media", "src=168.86.128.0-168.86.191.255 proto=udp port=10000-60000 accept"},
		{"list", "1.2.3.4 both", "src=1.2.3.4-1.2.3.4 proto=tcp,udp accept"},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			r := &fwRule{}
			var err error
			switch tc.format {
			case "iptables":
				words, werr := shellWords(tc.line)
				if werr != nil {
					t.Fatal(werr)
				}
				err = parseIPTablesRule(words[2:], r)
			case "nft":
				err = parseNFTRule(nftTokens(tc.line), r, nil)
			case "list":
				l, _, _ := strings.Cut(tc.line, "#")
				r.action = "accept"
				err = parsePlainLine(strings.Fields(l), r)
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ruleWords(r); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
