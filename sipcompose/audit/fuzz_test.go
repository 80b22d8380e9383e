package audit

import (
	"slices"
	"strings"
	"testing"
)

// FuzzAudit feeds the audit any paste: it never panics, and it either
// refuses with a message or gives one verdict with a reason per required
// rule, every unreadable line named by its number.
func FuzzAudit(f *testing.F) {
	for _, seed := range []string{
		udpAndTLS.IPTables(), udpAndTLS.NFTables(), udpAndTLS.CIDRs(),
		"*filter\n:INPUT DROP [0:0]\n:T - [0:0]\n-A INPUT -p udp -j T\n-A T -s 54.172.60.0/23 -m multiport --dports 5060,10000:20000 -j ACCEPT\n-A T -j RETURN\n-A INPUT -m conntrack ! --ctstate NEW -j ACCEPT\nCOMMIT\n",
		"table inet f {\n\tset s {\n\t\ttype ipv4_addr\n\t\telements = { 1.2.3.4-1.2.3.9,\n 5.6.7.0/24 }\n\t}\n\tchain input {\n\t\ttype filter hook input priority 0; policy drop;\n\t\tip saddr @s th dport != 5 goto c\n\t}\n\tchain c {\n\t\tjump c\n\t}\n}\n",
		"54.172.60.0/30 tcp/5061 # tls\n168.86.128.0/18, udp, 10000:60000\n",
		"iptables -I INPUT 3 -s 1.2.3.4 -j DROP\niptables -P INPUT DROP\n",
		"*filter\n:INPUT DROP [0:0]\n:T - [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-A INPUT -s 168.86.128.0/19 -j T\n-A T -p udp -j ACCEPT\n-A INPUT -p udp --dport 5061 -j ACCEPT\nCOMMIT\n",
		"table ip f {\n\tchain out {\n\t\ttype filter hook output priority 0; policy drop;\n\t}\n}\n",
		"table inet t { chain input { type filter hook input priority 0; policy drop; ip saddr { 1.2.3.4 } accept; }; }\ninsert rule inet t input ip saddr 5.6.7.8 accept\nadd rule t input position 1 drop\n",
		"*filter\n:INPUT DROP [0:0]\n-I INPUT 9 -s 1.2.3.4 -j ACCEPT\n-I INPUT\nCOMMIT\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, rules string) {
		rep, err := Check(udpAndTLS, rules)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error message")
			}
			return
		}
		if len(rep.Verdicts) != len(udpAndTLS.Signaling)+len(udpAndTLS.Media) {
			t.Fatalf("%d verdicts", len(rep.Verdicts))
		}
		for _, v := range rep.Verdicts {
			if !slices.Contains(statusOrder, v.Status) || v.Reason == "" {
				t.Fatalf("verdict %+v", v)
			}
			// A row not covered says what to add, and only such a row.
			if (v.Status == Covered) != (len(v.Add) == 0) || slices.Contains(v.Add, "") {
				t.Fatalf("verdict %s with rules to add %q", v.Status, v.Add)
			}
		}
		for _, fd := range rep.Findings {
			if fd.Message == "" || (fd.Kind == FindingUnreadable && !strings.Contains(fd.Message, "line ")) {
				t.Fatalf("finding %+v", fd)
			}
		}
		if rep.Summary == "" {
			t.Fatal("no summary")
		}
	})
}
