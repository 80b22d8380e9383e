package audit

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"sipcompose/sipcompose/allowlist"
	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
)

// udpAndTLS needs ashburn's signaling over UDP 5060 and TLS 5061, and media.
var udpAndTLS = allowListOf(document.Document{Targets: []document.Target{{Host: "a"}, {Host: "b", Transport: "tls"}}})

// udpOnly needs ashburn's UDP signaling and media: the CLI's default.
var udpOnly = allowListOf(document.Document{Targets: []document.Target{{Host: "a"}}})

// statuses lists a report's verdicts as "udp/5060=covered".
func statuses(rep Report) string {
	var s []string
	for _, v := range rep.Verdicts {
		port := v.Rule.Ports
		if port == "" {
			port = "media"
		}
		s = append(s, v.Rule.Protocol+"/"+port+"="+v.Status)
	}
	return strings.Join(s, " ")
}

// findings lists a report's findings as "stale@3".
func findings(rep Report) string {
	var s []string
	for _, f := range rep.Findings {
		s = append(s, fmt.Sprintf("%s@%d", f.Kind, f.Line))
	}
	return strings.Join(s, " ")
}

func TestAuditVerdicts(t *testing.T) {
	tests := []struct {
		name     string
		allow    allowlist.List
		rules    string
		want     string // statuses
		findings string
		reason   string // in the first verdict not covered, or the first verdict
	}{
		{"list covers all", udpOnly, "54.172.60.0/30 udp 5060\n168.86.128.0/18 udp 10000-60000 # media\n",
			"udp/5060=covered udp/media=covered", "", "line 1 accepts it"},
		{"list without protocol or port", udpOnly, "# Twilio\n54.172.60.0/30\n168.86.128.0/18\n",
			"udp/5060=covered udp/media=covered", "", ""},
		{"list misses media", udpOnly, "54.172.60.0/30 udp 5060\n",
			"udp/5060=covered udp/media=missing", "", "not in the list"},
		{"list with a narrower media block", udpOnly, "54.172.60.0/30 udp 5060\n168.86.128.0/19 udp 10000-60000\n",
			"udp/5060=covered udp/media=partly", "", "covers only part of 168.86.128.0/18"},
		{"list with the old media port range", udpOnly, "54.172.60.0/30 udp 5060\n168.86.128.0/18 udp 10000:20000\n",
			"udp/5060=covered udp/media=partly", "", "only from port 10000-20000, needs from port 10000-60000"},
		{"list with the wrong protocol", udpAndTLS, "54.172.60.0/30 udp 5060,5061\n168.86.128.0/18 udp\n",
			"tcp/5061=partly udp/5060=covered udp/media=covered", "", "line 1 accepts it with the wrong protocol: udp, not tcp"},
		{"legacy media block is stale, and only partly signaling", udpAndTLS, "54.172.60.0/23 udp 10000-20000\n168.86.128.0/18 udp\n",
			"tcp/5061=partly udp/5060=partly udp/media=covered", "stale@1", "wrong protocol"},
		{"a legacy block on the signaling port is not stale", udpOnly, "54.172.60.0/23 udp 5060\n168.86.128.0/18 udp\n",
			"udp/5060=covered udp/media=covered", "", ""},
		{"today's signaling block on any port is not stale", udpOnly, "54.172.60.0/30\n168.86.128.0/18 udp\n",
			"udp/5060=covered udp/media=covered", "", ""},
		{"a wide block holding a legacy range is not stale", udpOnly, "54.0.0.0/8\n168.86.128.0/18\n",
			"udp/5060=covered udp/media=covered", "", ""},

		{"iptables-save: policy drop and nothing else", udpOnly, "*filter\n:INPUT DROP [0:0]\n:FORWARD ACCEPT [0:0]\nCOMMIT\n",
			"udp/5060=missing udp/media=missing", "drops@2", "chain filter INPUT drops it by its policy"},
		{"iptables-save: policy accept", udpOnly, "*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n",
			"udp/5060=covered udp/media=covered", "", "accepts it by its policy"},
		{"iptables-save: a final reject", udpOnly, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 54.172.60.0/30 -p udp -m udp --dport 5060 -j ACCEPT\n-A INPUT -j REJECT --reject-with icmp-port-unreachable\nCOMMIT\n",
			"udp/5060=covered udp/media=missing", "drops@4", "line 4 rejects it"},
		{"iptables-save: an earlier drop shadows the accept", udpOnly, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp -j DROP\n-A INPUT -s 54.172.60.0/30 -p udp --dport 5060 -j ACCEPT\n-A INPUT -s 168.86.128.0/18 -p udp -j ACCEPT\nCOMMIT\n",
			"udp/5060=shadowed udp/media=shadowed", "drops@3 shadowed@4 shadowed@5", "line 4 would accept it but comes after"},
		{"iptables-save: loopback and established rules do not count", udpOnly, "*filter\n:INPUT DROP [0:0]\n-A INPUT -i lo -j ACCEPT\n-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A INPUT -s 168.86.128.0/18 -p udp -m state --state NEW -j ACCEPT\nCOMMIT\n",
			"udp/5060=missing udp/media=covered", "drops@2", ""},
		{"iptables-save: a user chain and RETURN", udpOnly, "*filter\n:INPUT DROP [0:0]\n:TWILIO - [0:0]\n-A INPUT -p udp -j TWILIO\n-A TWILIO -s 54.172.60.0/30 -m multiport --dports 5060,5061 -j ACCEPT\n-A TWILIO -s 168.86.128.0/18 -j RETURN\n-A TWILIO -s 168.86.0.0/16 -j ACCEPT\nCOMMIT\n",
			"udp/5060=covered udp/media=missing", "drops@2", "line 5 accepts it"},
		{"iptables-save: a drop of part of the block first", udpOnly, "*filter\n:INPUT DROP [0:0]\n-A INPUT -s 168.86.130.0/24 -j DROP\n-A INPUT -s 168.86.128.0/18 -p udp -j ACCEPT\n-A INPUT -s 54.172.60.0/30 -p udp --dport 5060 -j ACCEPT\nCOMMIT\n",
			"udp/5060=covered udp/media=partly", "", "line 3 drops some of it"},
		{"iptables-save: interface conditions are assumed and said", udpOnly, "*filter\n:INPUT DROP [0:0]\n-A INPUT -s 54.172.60.0/30 -i eth0 -p udp --dport 5060 -j ACCEPT\n-A INPUT -s 168.86.128.0/18 -p udp --sport 10000:60000 -j ACCEPT\nCOMMIT\n",
			"udp/5060=covered udp/media=covered", "", "assuming -i eth0 match"},
		{"iptables-save: media limited to destination ports", udpOnly, "*filter\n:INPUT DROP [0:0]\n-A INPUT -s 54.172.60.0/30 -p udp --dport 5060 -j ACCEPT\n-A INPUT -s 168.86.128.0/18 -p udp --dport 10000:60000 -j ACCEPT\nCOMMIT\n",
			"udp/5060=covered udp/media=partly", "drops@2", "only to port 10000-60000, needs any port on your side"},
		{"iptables-save: other tables, IPv6 and counters", udpOnly, "# Generated by iptables-save v1.8.9\n*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n*filter\n:INPUT DROP [0:0]\n[5:300] -A INPUT -s 54.172.60.0/30 -p udp -j ACCEPT\n-A INPUT -s 2001:db8::/32 -j ACCEPT\n*weird\nCOMMIT\n",
			"udp/5060=covered udp/media=missing", "ignored@2 drops@6 ignored@8 ignored@9", ""},

		{"iptables-save: ufw's chains, broadcast drops and local returns", udpOnly, `*filter
:INPUT DROP [0:0]
:ufw-before-input - [0:0]
:ufw-not-local - [0:0]
:ufw-user-input - [0:0]
:ufw-after-input - [0:0]
:ufw-skip-to-policy-input - [0:0]
-A INPUT -j ufw-before-input
-A INPUT -j ufw-after-input
-A ufw-before-input -i lo -j ACCEPT
-A ufw-before-input -m conntrack --ctstate INVALID -j DROP
-A ufw-before-input -j ufw-not-local
-A ufw-before-input -j ufw-user-input
-A ufw-not-local -m addrtype --dst-type LOCAL -j RETURN
-A ufw-not-local -m addrtype --dst-type MULTICAST -j RETURN
-A ufw-not-local -j DROP
-A ufw-user-input -s 54.172.60.0/30 -p udp -m udp --dport 5060 -j ACCEPT
-A ufw-after-input -m addrtype --dst-type BROADCAST -j ufw-skip-to-policy-input
-A ufw-skip-to-policy-input -j DROP
COMMIT
`, "udp/5060=covered udp/media=missing", "drops@2", "line 17 accepts it"},
		{"nft: broadcast and multicast drops do not count", udpOnly, "table inet f {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tfib daddr type { broadcast, multicast } drop\n\t\tmeta pkttype broadcast drop\n\t\tfib daddr type != local drop\n\t}\n}\n",
			"udp/5060=covered udp/media=covered", "", "accepts it by its policy"},
		{"iptables-save: drop what is not from Twilio, then accept", udpOnly, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp ! -s 54.172.60.0/30 -m udp --dport 5060 -j DROP\n-A INPUT -s 168.86.128.0/18 -p udp -m udp ! --sport 10000:60000 -j DROP\n-A INPUT -s 54.172.60.0/30 -p udp --dport 5060 -j ACCEPT\nCOMMIT\n",
			"udp/5060=covered udp/media=partly", "", "line 3 drops some of it (only to port 5060, needs any port on your side)"},
		{"iptables-save: a source-port drop catches signaling", udpOnly, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp -m udp ! --sport 10000:60000 -j DROP\n-A INPUT -s 54.172.60.0/30 -p udp --dport 5060 -j ACCEPT\nCOMMIT\n",
			"udp/5060=partly udp/media=covered", "", "line 3 drops some of it (only from port 0-9999, 60001-65535, needs any port on Twilio's side)"},
		{"nft: drop every port but Twilio's", udpOnly, "table ip f {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tip saddr != { 54.172.60.0/30, 168.86.128.0/18 } drop\n\t\tudp dport != 5060 udp sport != 10000-60000 drop\n\t}\n}\n",
			"udp/5060=covered udp/media=covered", "", "accepts it by its policy"},
		{"iptables commands with no policy", udpOnly, "iptables -A INPUT -s 54.172.60.0/30 -p udp --dport 5060 -j ACCEPT\n",
			"udp/5060=covered udp/media=missing", "", "the paste does not show the chain's policy"},
		{"iptables commands: -I puts a drop first", udpOnly, "iptables -P INPUT DROP\niptables -A INPUT -s 54.172.60.0/30 -p udp -j ACCEPT\nsudo iptables -I INPUT -s 54.172.60.0/24 -j DROP\n",
			"udp/5060=shadowed udp/media=missing", "drops@1 shadowed@2 drops@3", ""},

		{"nft: two base chains, one drops", udpOnly, `table inet a {
	chain input {
		type filter hook input priority filter; policy accept;
		ip saddr { 54.172.60.0/30, 168.86.128.0/18 } accept
	}
}
table ip b {
	chain input {
		type filter hook input priority 10; policy drop;
		iif "lo" accept
		ct state established,related accept
		meta l4proto udp ip saddr 54.172.60.0/30 th dport 5060 counter packets 0 bytes 0 accept
	}
}
`, "udp/5060=covered udp/media=missing", "drops@9", "line 4 accepts it; line 12 accepts it"},
		{"nft: a named set and a jump", udpOnly, `table inet filter {
	set twilio {
		type ipv4_addr
		flags interval
		elements = { 54.172.60.0/30,
			     168.86.128.0/18 }
	}
	chain input {
		type filter hook input priority filter; policy drop;
		ip saddr @twilio jump sip
	}
	chain sip {
		udp dport 5060 accept
		udp sport 10000-60000 accept
	}
}
`, "udp/5060=covered udp/media=covered", "", "line 13 accepts it"},
		{"nft: a drop before the accept", udpOnly, `table ip f {
	chain input {
		type filter hook input priority 0; policy drop;
		ip saddr 54.172.0.0/16 drop
		ip saddr 54.172.60.0/30 udp dport { 5060, 5061 } accept
		ip6 saddr 2001:db8::/32 accept
	}
}
table ip6 g {
	chain input {
		type filter hook input priority 0; policy drop;
	}
}
table bridge h {
}
`, "udp/5060=shadowed udp/media=missing", "drops@3 drops@4 shadowed@5 ignored@6 ignored@9 ignored@14", "line 4 drops it"},
		{"nft: a base chain on another hook is not input", udpOnly, "table ip f {\n\tchain out {\n\t\ttype filter hook output priority 0; policy drop;\n\t}\n}\n",
			"udp/5060=missing udp/media=missing", "", "no input chain"},

		// A near match shares the addresses or the ports of what is needed.
		{"an SSH rule is no near match for media", udpOnly, "*filter\n:INPUT DROP [0:0]\n-A INPUT -s 54.172.60.0/30 -p udp --dport 5060 -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n",
			"udp/5060=covered udp/media=missing", "drops@2", "no rule accepts it and chain filter INPUT drops it by its policy"},
		{"DNS for any source is no near match for signaling", udpOnly, "*filter\n:INPUT DROP [0:0]\n-A INPUT -p udp --dport 53 -j ACCEPT\n-A INPUT -s 168.86.128.0/18 -p udp -j ACCEPT\nCOMMIT\n",
			"udp/5060=missing udp/media=covered", "drops@2", "no rule accepts it and chain filter INPUT drops it by its policy"},
		{"the right port for any source, the wrong protocol, is one", udpAndTLS, "*filter\n:INPUT DROP [0:0]\n-A INPUT -p udp --dport 5061 -j ACCEPT\n-A INPUT -s 54.172.60.0/30 -p udp --dport 5060 -j ACCEPT\n-A INPUT -s 168.86.128.0/18 -p udp -j ACCEPT\nCOMMIT\n",
			"tcp/5061=partly udp/5060=covered udp/media=covered", "drops@2", "line 3 accepts it with the wrong protocol: udp, not tcp"},
		{"Twilio's block on the wrong port is one", udpOnly, "*filter\n:INPUT DROP [0:0]\n-A INPUT -s 54.172.60.0/30 -p udp --dport 5080 -j ACCEPT\n-A INPUT -s 168.86.128.0/18 -p udp -j ACCEPT\nCOMMIT\n",
			"udp/5060=partly udp/media=covered", "drops@2", "line 3 accepts it with the wrong port: to port 5080, needs to port 5060"},
		{"all but a block on the wrong protocol is none", udpOnly, "*filter\n:INPUT DROP [0:0]\n-A INPUT ! -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -j ACCEPT\n-A INPUT -s 54.172.60.0/30 -p udp --dport 5060 -j ACCEPT\nCOMMIT\n",
			"udp/5060=covered udp/media=missing", "drops@2", ""},
		{"all of IPv4 on the wrong protocol is none", udpOnly, "*filter\n:INPUT DROP [0:0]\n-A INPUT -s 0.0.0.0/0 -p tcp -j ACCEPT\n-A INPUT -s 168.86.128.0/18 -p udp -j ACCEPT\nCOMMIT\n",
			"udp/5060=missing udp/media=covered", "drops@2", ""},
		{"a jump taking some of it is followed", udpOnly, "*filter\n:INPUT DROP [0:0]\n:T - [0:0]\n-A INPUT -s 168.86.128.0/19 -j T\n-A INPUT -s 54.172.60.0/30 -p udp --dport 5060 -j ACCEPT\n-A T -p udp -j ACCEPT\nCOMMIT\n",
			"udp/5060=covered udp/media=partly", "drops@2", "line 4 sends some of it (covers only part of 168.86.128.0/18) to chain T, where line 6 accepts it"},
		{"iptables-save: -I puts its rule first, as iptables-restore does", udpOnly, "*filter\n:INPUT DROP [0:0]\n-A INPUT -s 54.172.60.0/24 -j DROP\n-I INPUT -s 54.172.60.0/30 -p udp -m udp --dport 5060 -j ACCEPT\n-I INPUT 2 -s 168.86.128.0/18 -p udp -j ACCEPT\nCOMMIT\n",
			"udp/5060=covered udp/media=covered", "", "line 4 accepts it"},
		{"nft: insert rule puts its rule first, add rule last", udpOnly, "table ip f {\n\tchain input {\n\t\ttype filter hook input priority 0; policy drop;\n\t\tip saddr 54.172.60.0/24 drop\n\t}\n}\ninsert rule ip f input ip saddr 54.172.60.0/30 udp dport 5060 accept\nadd rule f input ip saddr 168.86.128.0/18 udp sport 10000-60000 accept\nadd rule ip f input ip saddr 168.86.128.0/18 drop\n",
			"udp/5060=covered udp/media=covered", "", "line 7 accepts it"},
		{"nft: a table on one line, as nft -f takes it", udpOnly, "table inet t { chain input { type filter hook input priority 0; policy drop; ct state { established, related } accept; ip saddr { 54.172.60.0/30 } udp dport 5060 accept; }; }\ntable inet t { chain input { ip saddr 168.86.128.0/18 meta l4proto udp accept; }; }\n",
			"udp/5060=covered udp/media=covered", "", "line 2 accepts it"},
		{"a later accept of some of it", udpOnly, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp -j DROP\n-A INPUT -s 54.172.60.0/31 -p udp --dport 5060 -j ACCEPT\nCOMMIT\n",
			"udp/5060=shadowed udp/media=missing", "drops@3 shadowed@4", "line 4 would accept some of it but comes after"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Check(tc.allow, tc.rules)
			if err != nil {
				t.Fatal(err)
			}
			if got := statuses(rep); got != tc.want {
				t.Errorf("verdicts %s\nwant     %s", got, tc.want)
			}
			if got := findings(rep); got != tc.findings {
				t.Errorf("findings %q, want %q\n%+v", got, tc.findings, rep.Findings)
			}
			var reasons []string
			for _, v := range rep.Verdicts {
				reasons = append(reasons, v.Reason)
				if v.Status != Covered && len(v.By) == 0 && !strings.Contains(v.Reason, "does not show") && !strings.Contains(v.Reason, "not in the list") && !strings.Contains(v.Reason, "no input chain") {
					t.Errorf("a %s verdict names no rule: %+v", v.Status, v)
				}
			}
			if all := strings.Join(reasons, "\n"); !strings.Contains(all, tc.reason) {
				t.Errorf("no reason says %q:\n%s", tc.reason, all)
			}
			if want := !strings.Contains(strings.ReplaceAll(tc.want, "=covered", ""), "="); rep.OK() != want {
				t.Errorf("OK() = %v for %s", rep.OK(), tc.want)
			}
			if rep.Summary == "" {
				t.Error("no summary")
			}
		})
	}
}

func TestAuditRefusesBadInput(t *testing.T) {
	tests := []struct{ name, rules, want string }{
		{"empty", "", "no rules to check"},
		{"blank", " \n\t\n", "no rules to check"},
		{"10 MB", strings.Repeat("54.172.60.0/30 udp 5060\n", 10<<20/24+1), "an audit reads at most 1.0 MiB"},
		{"binary", "*filter\n\x00\x01", "not text"},
		{"invalid UTF-8", "54.172.60.0/30 \xff\xfe", "not text"},
		{"ip6tables-save", "# Generated by ip6tables-save v1.8.9\n*filter\n:INPUT DROP [0:0]\n-A INPUT -s 2001:db8::/32 -j ACCEPT\nCOMMIT\n", "IPv6 rules"},
		{"IPv6 list", "2001:db8::/32 udp 5060\n", "every rule is IPv6-only"},
		{"IPv6 nft", "table ip6 f {\n\tchain input {\n\t\ttype filter hook input priority 0; policy drop;\n\t\tip6 saddr ::1 accept\n\t}\n}\n", "every rule is IPv6-only"},
		{"prose", "# my rules\nallow twilio please\n", `line 2: cannot tell the format from "allow twilio please"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Check(udpOnly, tc.rules)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	unknownEdge := allowListOf(document.Document{Targets: []document.Target{{Host: "a", Edge: "mars"}}})
	if _, err := Check(unknownEdge, "54.172.60.0/30\n"); err == nil || !strings.Contains(err.Error(), "has no addresses to check against") || !strings.Contains(err.Error(), "mars") {
		t.Errorf("an allow-list with problems: %v", err)
	}
	// The limit is stated and exact.
	at := strings.Repeat("#", MaxInput-len("54.172.60.0/30\n")) + "\n54.172.60.0/30"
	if _, err := Check(udpOnly, at[1:]+"\n"); err != nil {
		t.Errorf("a paste of exactly %d bytes: %v", MaxInput, err)
	}
}

// TestAuditNamesUnreadableLines: every line the audit cannot read is
// reported with its number, and the rest is still audited.
func TestAuditNamesUnreadableLines(t *testing.T) {
	tests := []struct{ name, rules, want string }{
		{"iptables-save", "*filter\n:INPUT DROP [0:0]\n-A INPUT -s 54.172.60.0/33 -j ACCEPT\n-A INPUT -p udp --dport 99999 -j ACCEPT\n-A INPUT -s 1.2.3.4 oops -j ACCEPT\n-A INPUT --comment 'open\nhello\n:INPUT SOMETIMES [0:0]\nCOMMIT\n-A INPUT -j ACCEPT\n",
			"drops@2 unreadable@3 unreadable@4 unreadable@5 unreadable@6 unreadable@7 unreadable@8 unreadable@10"},
		{"iptables commands", "iptables -A INPUT -s 54.172.60.0/30 -j ACCEPT\nrm -rf /\niptables -Z\niptables -L INPUT\n", "unreadable@2 unreadable@3 unreadable@4"},
		{"nft", "table ip f {\n\tchain input {\n\t\ttype filter hook input priority 0; policy maybe;\n\t\tip saddr 300.1.1.1 accept\n\t\tip saddr @nope accept\n\t\tudp dport { 5060 accept\n\t}\n}\n}\nstray\ntable ip g {\n",
			"unreadable@3 unreadable@4 unreadable@5 unreadable@6 unreadable@10 unreadable@12"},
		{"list", "54.172.60.0/30 udp 5060\n54.172.60.0/30 sctp\nlocalhost\n168.86.128.0/18 udp 70000\n", "unreadable@2 unreadable@3 unreadable@4"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Check(udpOnly, tc.rules)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range rep.Findings {
				if f.Kind == FindingUnreadable || f.Kind == FindingDrops {
					got = append(got, fmt.Sprintf("%s@%d", f.Kind, f.Line))
				}
				if f.Kind == FindingUnreadable && !strings.HasPrefix(f.Message, fmt.Sprintf("line %d not read: ", f.Line)) {
					t.Errorf("message does not name its line: %q", f.Message)
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("findings %q\nwant     %q\n%+v", strings.Join(got, " "), tc.want, rep.Findings)
			}
			if !strings.Contains(rep.Summary, "not read") {
				t.Errorf("summary %q does not count the lines not read", rep.Summary)
			}
		})
	}
}

// TestAuditNFTCommandsItCannotPlace: an add or insert rule command the
// audit cannot place as nft would is named, with why.
func TestAuditNFTCommandsItCannotPlace(t *testing.T) {
	rules := "table ip f {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n\t}\n}\n" +
		"insert rule ip g input ip saddr 1.2.3.4 accept\n" +
		"insert rule ip f input position 2 ip saddr 1.2.3.4 accept\n" +
		"add rule ip f\n"
	rep, err := Check(udpOnly, rules)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		if f.Kind == FindingUnreadable {
			got = append(got, f.Message)
		}
	}
	want := []string{
		"line 6 not read: chain ip g input is not in the paste before this line",
		"line 7 not read: insert rule … position is not read by the audit: only first (insert) or last (add)",
		"line 8 not read: add rule needs a table, a chain and a rule",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAuditOwnExports: what the allow-list exports audits as covered
// (the commands and the nft file as written; the real tools' dumps of them
// are checked in audit_tools_test.go).
func TestAuditOwnExports(t *testing.T) {
	for _, a := range []allowlist.List{udpOnly, udpAndTLS, allowListOf(document.Document{Targets: []document.Target{{Host: "a", Edge: "london-ix", Transport: "tcp", Port: 5080}, {Host: "b", Edge: "sydney"}}})} {
		for name, out := range map[string]string{"iptables": a.IPTables(), "nftables": a.NFTables(), "cidrs": a.CIDRs()} {
			rep, err := Check(a, out)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !rep.OK() || len(rep.Findings) > 0 {
				t.Errorf("%s export of %v: %s\n%s %+v", name, a.Edges, rep.Summary, statuses(rep), rep.Findings)
			}
		}
	}
}

// TestAuditLargePastes: pastes near the limit, in the shapes that once
// made the audit quadratic (many drops before many accepts, a set left
// open over thousands of lines, thousands of -I), finish quickly enough
// for the page: seconds would freeze it, so the bound is loose only for
// a loaded machine.
func TestAuditLargePastes(t *testing.T) {
	fill := func(head string, line func(i int) string) string {
		var b strings.Builder
		b.WriteString(head)
		for i := 0; b.Len() < MaxInput-100; i++ {
			b.WriteString(line(i))
		}
		return b.String()
	}
	pastes := map[string]string{
		"drops then accepts": fill("*filter\n:INPUT DROP [0:0]\n", func(i int) string {
			if i%2 == 0 {
				return fmt.Sprintf("-A INPUT -s 10.%d.%d.0/24 -j DROP\n", i/256%256, i%256)
			}
			return fmt.Sprintf("-A INPUT -s 11.%d.%d.0/24 -j ACCEPT\n", i/256%256, i%256)
		}),
		"open set": fill("table ip f {\n\tchain input {\n\t\ttype filter hook input priority 0; policy drop;\n\t\tip saddr { 1.2.3.4,\n", func(int) string { return "1.2.3.4,\n" }),
		"inserts":  fill("iptables -P INPUT DROP\n", func(int) string { return "iptables -I INPUT -s 1.2.3.4 -j ACCEPT\n" }),
		"list":     fill("", func(i int) string { return fmt.Sprintf("10.%d.%d.0/24 udp 5060\n", i/256%256, i%256) }),
	}
	for name, paste := range pastes {
		start := time.Now()
		rep, err := Check(udpAndTLS, paste)
		if d := time.Since(start); err != nil || d > 3*time.Second {
			t.Errorf("%s (%d bytes): %v in %v, %s", name, len(paste), err, d, rep.Summary)
		}
	}
}

// allowListOf is the allow-list Compose gives doc.
func allowListOf(doc document.Document) allowlist.List {
	return allowlist.For(doc, resolve.Document(doc))
}

// The rules to add for a plain list are list lines: appended, they cover
// what they are for.
func TestAuditRulesToAddList(t *testing.T) {
	paste := "54.172.60.0/30 udp 5060,5061\n168.86.128.0/19 udp 10000-60000\n"
	rep, err := Check(udpAndTLS, paste)
	if err != nil {
		t.Fatal(err)
	}
	if got := statuses(rep); got != "tcp/5061=partly udp/5060=covered udp/media=partly" {
		t.Fatalf("%s", got)
	}
	want := [][]string{{"54.172.60.0/30 tcp 5061"}, nil, {"168.86.128.0/18 udp 10000-60000"}}
	for i, v := range rep.Verdicts {
		if strings.Join(v.Add, "|") != strings.Join(want[i], "|") {
			t.Errorf("%s: add %q, want %q", v.Rule.Describe(), v.Add, want[i])
		}
		paste += strings.Join(v.Add, "\n") + "\n"
	}
	if again, _ := Check(udpAndTLS, paste); !again.OK() {
		t.Errorf("with the rules added: %s", statuses(again))
	}
}
