package allowlist

import (
	"reflect"
	"strings"
	"testing"

	"sipcompose/internal/testenv"
	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/edge"
	"sipcompose/sipcompose/internal/composetest"
)

func TestAllowListEdgesAndTransports(t *testing.T) {
	tests := []struct {
		name    string
		targets []document.Target
		edges   []string
		ports   []string // protocol/port of each signaling rule, in order
	}{
		{"default edge, UDP", []document.Target{{Host: "a"}}, []string{"ashburn"}, []string{"udp/5060"}},
		{"legacy region", []document.Target{{Host: "a", Region: "jp1", Transport: "tcp"}}, []string{"tokyo"}, []string{"tcp/5060"}},
		{"san-jose means umatilla", []document.Target{{Host: "a", Edge: "san-jose"}}, []string{"umatilla"}, []string{"udp/5060"}},
		{"secure implies TLS", []document.Target{{Host: "a", Edge: "sydney", Secure: true}}, []string{"sydney"}, []string{"tcp/5061"}},
		{"custom port", []document.Target{{Host: "a", Transport: "tls", Port: 5081}}, []string{"ashburn"}, []string{"tcp/5081"}},
		{"interconnect has three addresses", []document.Target{{Host: "a", Edge: "london-ix"}}, []string{"london-ix"}, []string{"udp/5060", "udp/5060", "udp/5060"}},
		{"edges in a fixed order, transports deduplicated",
			[]document.Target{{Host: "a", Edge: "tokyo"}, {Host: "b", Edge: "dublin", Transport: "tls"}, {Host: "c", Edge: "tokyo"}},
			[]string{"dublin", "tokyo"}, []string{"tcp/5061", "udp/5060"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := allowListOf(document.Document{Targets: tc.targets})
			if !reflect.DeepEqual(a.Edges, tc.edges) {
				t.Errorf("edges %v, want %v", a.Edges, tc.edges)
			}
			var ports []string
			for _, r := range a.Signaling {
				ports = append(ports, r.Protocol+"/"+r.Ports)
			}
			if !reflect.DeepEqual(ports, tc.ports) {
				t.Errorf("signaling %v, want %v", ports, tc.ports)
			}
			if len(a.Media) != 1 || a.Media[0].CIDR != edge.MediaCIDR || a.Media[0].SourcePorts != edge.MediaPorts {
				t.Errorf("media %+v", a.Media)
			}
			if a.AsOf != edge.DataAsOf || a.Source != edge.DataSource {
				t.Errorf("provenance %q %q", a.AsOf, a.Source)
			}
		})
	}
}

func TestAllowListExports(t *testing.T) {
	a := allowListOf(document.Document{Targets: []document.Target{{Host: "a", Edge: "frankfurt", Transport: "tls"}}})
	composetest.Golden(t, "frankfurt-tls.iptables.sh", a.IPTables())
	composetest.Golden(t, "frankfurt-tls.nft", a.NFTables())
	if got, want := a.CIDRs(), "35.156.191.128/30\n168.86.128.0/18\n"; got != want {
		t.Errorf("CIDRs %q, want %q", got, want)
	}
	for _, out := range []string{a.Table(), a.IPTables(), a.NFTables()} {
		if !strings.Contains(out, edge.DataAsOf) {
			t.Errorf("export lacks the as-of date:\n%s", out)
		}
	}
}

// TestNFTablesLoadsInNft has the real nft load the export, with a purpose
// holding quotes and a line break, in a network namespace of its own, and
// reads the comment back from nft list ruleset.
func TestNFTablesLoadsInNft(t *testing.T) {
	a := allowListOf(document.Document{Targets: []document.Target{
		{Host: "a", Edge: "tokyo"}, {Host: "b", Edge: "london-ix", Transport: "tcp", Port: 5080}, {Host: "c", Region: "us2", Secure: true},
	}})
	a.Media[0].Purpose = `a "quoted"` + "\nline"
	dump := testenv.Script(t, "nft -f "+composetest.WriteTemp(t, "rules.nft", a.NFTables())+"\nnft list ruleset\n", "nft")
	if want := `comment "a 'quoted' line"`; !strings.Contains(dump, want) {
		t.Errorf("nft list ruleset lacks %s:\n%s", want, dump)
	}
}

func TestFirewallComments(t *testing.T) {
	a := List{Edges: []string{"x"}, Signaling: []Rule{{Edge: "x", CIDR: "192.0.2.0/30", Protocol: "udp", Ports: "5060", Purpose: `it's "odd"` + "\n"}}}
	if got, want := a.NFTables(), `accept comment "it's 'odd' , edge x"`; !strings.Contains(got, want) {
		t.Errorf("nft comment: want %q in\n%s", want, got)
	}
	if got, want := a.IPTables(), `--comment 'sipcompose: it'\''s "odd" , edge x' -j ACCEPT`; !strings.Contains(got, want) {
		t.Errorf("iptables comment: want %q in\n%s", want, got)
	}
}

// TestIPTablesArgvThroughShell runs the export in sh with a stub iptables
// that prints its arguments: the comments arrive as one argument each.
func TestIPTablesArgvThroughShell(t *testing.T) {
	a := allowListOf(document.Document{Targets: []document.Target{{Host: "a", Edge: "london-ix", Transport: "tcp", Port: 5080}}})
	a.Media[0].Purpose = `it's "$HOME" $(id)` + "\n;"
	out := composetest.RunWithStub(t, "iptables", `printf '%s|' "$@"; echo`, a.IPTables(), "HOME=/home/x")
	want := "" +
		"-A|INPUT|-s|185.187.132.68/32|-p|tcp|--dport|5080|-m|comment|--comment|sipcompose: SIP signaling from Twilio (TCP), edge london-ix|-j|ACCEPT|\n" +
		"-A|INPUT|-s|185.187.132.69/32|-p|tcp|--dport|5080|-m|comment|--comment|sipcompose: SIP signaling from Twilio (TCP), edge london-ix|-j|ACCEPT|\n" +
		"-A|INPUT|-s|185.187.132.70/32|-p|tcp|--dport|5080|-m|comment|--comment|sipcompose: SIP signaling from Twilio (TCP), edge london-ix|-j|ACCEPT|\n" +
		"-A|INPUT|-s|168.86.128.0/18|-p|udp|--sport|10000:60000|-m|comment|--comment|sipcompose: it's \"$HOME\" $(id) ;|-j|ACCEPT|\n"
	if out != want {
		t.Errorf("argv:\n%s\nwant\n%s", out, want)
	}
}

func TestTableGolden(t *testing.T) {
	for name, doc := range map[string]document.Document{"full": composetest.Full(), "sequential": composetest.Sequential(), "empty": {}} {
		composetest.Golden(t, name+".allowlist.txt", allowListOf(doc).Table())
	}
}
