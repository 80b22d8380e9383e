package audit

import (
	"strings"
	"testing"

	"sipcompose/internal/testenv"
	"sipcompose/sipcompose/allowlist"
	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
)

// exportsToLoad are allow-lists whose exports the real tools load: the
// CLI's default, several edges and transports, Interconnect addresses and
// a custom port.
var exportsToLoad = []allowlist.List{
	udpOnly,
	udpAndTLS,
	allowListOf(document.Document{Targets: []document.Target{
		{Host: "a", Edge: "tokyo"}, {Host: "b", Edge: "london-ix", Transport: "tcp", Port: 5080}, {Host: "c", Region: "us2", Secure: true},
	}}),
}

// TestAuditIPTablesExportLoaded runs the iptables export in sh with the
// real iptables, dumps it with iptables-save and with nft list ruleset
// (iptables on Debian writes nftables rules), and audits both dumps: fully
// covered, nothing else to say.
func TestAuditIPTablesExportLoaded(t *testing.T) {
	for _, a := range exportsToLoad {
		script := composetest.WriteTemp(t, "rules.sh", a.IPTables())
		out := testenv.Script(t, "sh -e "+script+" >&2\niptables-save\necho '#split'\nnft list ruleset\n", "iptables", "iptables-save", "nft")
		save, nft, _ := strings.Cut(out, "#split\n")
		for name, dump := range map[string]string{"iptables-save": save, "nft list ruleset": nft} {
			rep, err := Check(a, dump)
			if err != nil {
				t.Fatalf("%s: %v\n%s", name, err, dump)
			}
			if !rep.OK() || len(rep.Findings) > 0 {
				t.Errorf("%s of the export for %v: %s\n%s\n%+v\n%s", name, a.Edges, rep.Summary, statuses(rep), rep.Findings, dump)
			}
		}
	}
}

// TestAuditNFTablesExportLoaded loads the nft export with nft -f and audits
// nft list ruleset's dump of it.
func TestAuditNFTablesExportLoaded(t *testing.T) {
	for _, a := range exportsToLoad {
		file := composetest.WriteTemp(t, "rules.nft", a.NFTables())
		dump := testenv.Script(t, "nft -f "+file+"\nnft list ruleset\n", "nft")
		rep, err := Check(a, dump)
		if err != nil {
			t.Fatalf("%v\n%s", err, dump)
		}
		if !rep.OK() || len(rep.Findings) > 0 {
			t.Errorf("export for %v: %s\n%s\n%+v\n%s", a.Edges, rep.Summary, statuses(rep), rep.Findings, dump)
		}
	}
}

// handWritten are rule sets as admins write them, with what the audit must
// find once the real tools have loaded and dumped them.
var handWritten = []struct {
	name       string
	iptables   string // for iptables-restore
	nft        string // for nft -f
	want, kind string // statuses of udpAndTLS; finding kinds in line order
}{
	{
		name: "stale legacy media, missing media, TLS missing",
		iptables: `*filter
:INPUT DROP [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -s 54.172.60.0/23 -p udp -m multiport --dports 5060,10000:20000 -j ACCEPT
COMMIT
`,
		nft: `table inet filter {
	chain input {
		type filter hook input priority filter; policy drop;
		iif "lo" accept
		ct state established,related accept
		ip saddr 54.172.60.0/23 udp dport { 5060, 10000-20000 } accept
	}
}
`,
		want: "tcp/5061=partly udp/5060=covered udp/media=missing", kind: "drops stale",
	},
	{
		name: "partial: media on the old ports, a narrower signaling block",
		iptables: `*filter
:INPUT DROP [0:0]
-A INPUT -s 54.172.60.0/31 -p tcp -m tcp --dport 5061 -j ACCEPT
-A INPUT -s 54.172.60.0/30 -p udp -m udp --dport 5060 -j ACCEPT
-A INPUT -s 168.86.128.0/18 -p udp -m udp --sport 10000:20000 -j ACCEPT
COMMIT
`,
		nft: `table ip filter {
	chain input {
		type filter hook input priority 0; policy drop;
		ip saddr 54.172.60.0/31 tcp dport 5061 accept
		ip saddr 54.172.60.0/30 udp dport 5060 accept
		ip saddr 168.86.128.0/18 udp sport 10000-20000 accept
	}
}
`,
		want: "tcp/5061=partly udp/5060=covered udp/media=partly", kind: "drops",
	},
	{
		name: "shadowed by an earlier drop, then a final reject",
		iptables: `*filter
:INPUT ACCEPT [0:0]
:TWILIO - [0:0]
-A INPUT -s 54.172.60.0/24 -j DROP
-A INPUT -s 54.172.60.0/30 -p udp -m udp --dport 5060 -j ACCEPT
-A INPUT -p udp -j TWILIO
-A INPUT -s 54.172.60.0/30 -p tcp -m tcp --dport 5061 -j ACCEPT
-A INPUT -j REJECT --reject-with icmp-port-unreachable
-A TWILIO -s 168.86.128.0/18 -p udp -j ACCEPT
COMMIT
`,
		nft: `table ip filter {
	chain input {
		type filter hook input priority 0; policy accept;
		ip saddr 54.172.60.0/24 drop
		ip saddr 54.172.60.0/30 udp dport 5060 accept
		meta l4proto udp jump twilio
		ip saddr 54.172.60.0/30 tcp dport 5061 accept
		reject
	}
	chain twilio {
		ip saddr 168.86.128.0/18 accept
	}
}
`,
		want: "tcp/5061=shadowed udp/5060=shadowed udp/media=covered", kind: "drops shadowed shadowed",
	},
	{
		name: "everything covered, behind the usual loopback and state rules",
		iptables: `*filter
:INPUT DROP [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT
-A INPUT -s 54.172.60.0/30 -p udp -m multiport --dports 5060,5061 -j ACCEPT
-A INPUT -s 54.172.60.0/30 -p tcp -m multiport --dports 5060,5061 -j ACCEPT
-A INPUT -s 168.86.128.0/18 -p udp -m udp --sport 10000:60000 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
COMMIT
`,
		nft: `table inet filter {
	set twilio_sig {
		type ipv4_addr
		flags interval
		elements = { 54.172.60.0/30 }
	}
	chain input {
		type filter hook input priority 0; policy drop;
		iifname "lo" accept
		ct state { established, related } accept
		ip saddr @twilio_sig meta l4proto { tcp, udp } th dport { 5060, 5061 } accept
		ip saddr 168.86.128.0/18 udp sport 10000-60000 accept
		tcp dport 22 accept
	}
}
`,
		want: "tcp/5061=covered udp/5060=covered udp/media=covered", kind: "",
	},
}

// TestAuditHandWrittenLoaded loads each hand-written rule set with
// iptables-restore and with nft -f, and audits the tools' dumps.
func TestAuditHandWrittenLoaded(t *testing.T) {
	for _, tc := range handWritten {
		t.Run(tc.name, func(t *testing.T) {
			dumps := map[string]string{
				"iptables-save": testenv.Script(t, "iptables-restore < "+composetest.WriteTemp(t, "rules.v4", tc.iptables)+"\niptables-save\n", "iptables-restore", "iptables-save"),
				"nft":           testenv.Script(t, "nft -f "+composetest.WriteTemp(t, "rules.nft", tc.nft)+"\nnft list ruleset\n", "nft"),
			}
			for name, dump := range dumps {
				rep, err := Check(udpAndTLS, dump)
				if err != nil {
					t.Fatalf("%s: %v\n%s", name, err, dump)
				}
				var kinds []string
				for _, f := range rep.Findings {
					kinds = append(kinds, f.Kind)
				}
				if got := statuses(rep); got != tc.want || strings.Join(kinds, " ") != tc.kind {
					t.Errorf("%s: %s, findings %q\nwant %s, findings %q\n%+v\n%+v\n%s", name, got, strings.Join(kinds, " "), tc.want, tc.kind, rep.Verdicts, rep.Findings, dump)
				}
			}
		})
	}
}

// notCovered are rule sets that leave rows missing, partly or shadowed in
// every way the audit names, for TestAuditRulesToAddLoaded: a DROP policy
// with only SSH and UDP signaling (the media is missing: the SSH rule is
// no near match), a final REJECT after a narrow accept, and the
// hand-written sets above.
var notCovered = []struct{ name, iptables, nft string }{
	{
		name: "ssh and udp signaling under a drop policy",
		iptables: `*filter
:INPUT DROP [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -s 54.172.60.0/30 -p udp -m udp --dport 5060 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
COMMIT
`,
		nft: `table inet filter {
	chain input {
		type filter hook input priority filter; policy drop;
		iif "lo" accept
		ct state established,related accept
		ip saddr 54.172.60.0/30 udp dport 5060 accept
		tcp dport 22 accept
	}
}
`,
	},
	{
		name: "a final reject after narrow accepts, and a second table that drops",
		iptables: `*filter
:INPUT ACCEPT [0:0]
-A INPUT -s 54.172.60.0/31 -p tcp -m tcp --dport 5061 -j ACCEPT
-A INPUT -s 168.86.128.0/19 -p udp -m udp --sport 10000:20000 -j ACCEPT
-A INPUT -j REJECT --reject-with icmp-port-unreachable
COMMIT
`,
		nft: `table ip a {
	chain input {
		type filter hook input priority 0; policy accept;
		ip saddr 54.172.60.0/31 tcp dport 5061 accept
		ip saddr 168.86.128.0/19 udp sport 10000-20000 accept
		reject
	}
}
table inet b {
	chain input {
		type filter hook input priority 10; policy drop;
		ip saddr 54.172.60.0/30 accept
	}
}
`,
	},
	{
		name: "no input chain at all",
		nft:  "table ip f {\n\tchain out {\n\t\ttype filter hook output priority 0; policy drop;\n\t}\n}\n",
	},
}

// TestAuditRulesToAddLoaded: every row the audit does not find covered
// comes with the rule to add in the paste's format; the real tools load
// the paste (their own dump) with that rule added where the audit says, and
// the audit finds the row covered both in the edited paste and in what the
// tools dump from it.
func TestAuditRulesToAddLoaded(t *testing.T) {
	sets := notCovered
	for _, h := range handWritten {
		sets = append(sets, struct{ name, iptables, nft string }{h.name, h.iptables, h.nft})
	}
	restore := func(t *testing.T, rules string) string {
		return testenv.Script(t, "iptables-restore < "+composetest.WriteTemp(t, "rules.v4", rules)+"\niptables-save\n", "iptables-restore", "iptables-save")
	}
	load := func(t *testing.T, rules string) string {
		return testenv.Script(t, "nft -f "+composetest.WriteTemp(t, "rules.nft", rules)+"\nnft list ruleset\n", "nft")
	}
	for _, tc := range sets {
		t.Run(tc.name, func(t *testing.T) {
			for name, tool := range map[string]struct {
				source string
				load   func(*testing.T, string) string
				add    func(paste string, lines []string) string
			}{
				"iptables-save": {tc.iptables, restore, beforeFilterCommit},
				"nft":           {tc.nft, load, func(paste string, lines []string) string { return paste + strings.Join(lines, "\n") + "\n" }},
			} {
				if tool.source == "" {
					continue
				}
				dump := tool.load(t, tool.source)
				rep, err := Check(udpAndTLS, dump)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for i, v := range rep.Verdicts {
					if v.Status == Covered {
						if len(v.Add) > 0 {
							t.Errorf("%s: a covered row has rules to add: %+v", name, v)
						}
						continue
					}
					if len(v.Add) == 0 {
						t.Errorf("%s: a %s row has no rule to add: %+v", name, v.Status, v)
						continue
					}
					edited := tool.add(dump, v.Add)
					// The edited paste itself, as a user pastes it back
					// before loading it, and what the tool makes of it.
					for _, paste := range []string{edited, tool.load(t, edited)} {
						again, err := Check(udpAndTLS, paste)
						if err != nil {
							t.Fatalf("%s with %q: %v", name, v.Add, err)
						}
						if got := again.Verdicts[i]; got.Status != Covered {
							t.Errorf("%s: with %q added, %s is %s: %s\n%s", name, v.Add, v.Rule.Describe(), got.Status, got.Reason, paste)
						}
						for _, f := range again.Findings {
							if f.Kind == FindingUnreadable {
								t.Errorf("%s: with %q added: %s", name, v.Add, f.Message)
							}
						}
					}
				}
			}
		})
	}
}

// beforeFilterCommit puts lines into iptables-save output's *filter table,
// before its COMMIT, where iptables-restore takes them.
func beforeFilterCommit(paste string, lines []string) string {
	start := strings.Index(paste, "*filter\n")
	end := start + strings.Index(paste[start:], "\nCOMMIT\n") + 1
	return paste[:end] + strings.Join(lines, "\n") + "\n" + paste[end:]
}

// TestAuditRulesToAddCommands: for a script of iptables commands, the rules
// to add are iptables commands; the script with them appended, run by sh
// with the real iptables, leaves every row covered.
func TestAuditRulesToAddCommands(t *testing.T) {
	script := "iptables -P INPUT DROP\niptables -A INPUT -p tcp --dport 22 -j ACCEPT\niptables -A INPUT -s 54.172.60.0/31 -p udp --dport 5060 -j ACCEPT\n"
	rep, err := Check(udpAndTLS, script)
	if err != nil {
		t.Fatal(err)
	}
	var add []string
	for _, v := range rep.Verdicts {
		if v.Status == Covered || len(v.Add) != 1 || !strings.HasPrefix(v.Add[0], "iptables -I INPUT ") {
			t.Fatalf("%+v", v)
		}
		add = append(add, v.Add...)
	}
	dump := testenv.Script(t, "sh -e "+composetest.WriteTemp(t, "rules.sh", script+strings.Join(add, "\n")+"\n")+" >&2\niptables-save\n", "iptables", "iptables-save")
	again, err := Check(udpAndTLS, dump)
	if err != nil || !again.OK() {
		t.Errorf("%v %s\n%s\n%s", err, again.Summary, statuses(again), dump)
	}
}
