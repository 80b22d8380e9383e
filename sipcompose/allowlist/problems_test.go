package allowlist

import (
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/edge"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/resolve"
)

// TestAllowListUnknownEdge: a target whose edge or region Twilio does not
// know gets no addresses, not ashburn's, and neither do the other targets:
// every export says what to fix instead.
func TestAllowListUnknownEdge(t *testing.T) {
	for name, tc := range map[string]struct {
		targets []document.Target
		want    []string
	}{
		"miscased edge": {[]document.Target{{Host: "a", Edge: "Frankfurt"}},
			[]string{`SIP target 1: unknown edge "Frankfurt" (edge names are lowercase: frankfurt) — fix the edge to see its addresses.`}},
		"unknown edge beside a valid one": {[]document.Target{{Host: "a", Edge: "tokyo"}, {Host: "b", Edge: "mars"}},
			[]string{`SIP target 2: unknown edge "mars" — fix the edge to see its addresses.`}},
		"roaming": {[]document.Target{{Host: "a", Edge: "roaming"}},
			[]string{`SIP target 1: the roaming edge is not available for SIP — pick an edge to see its addresses.`}},
		"unknown region": {[]document.Target{{Host: "a", Region: "eu1"}, {Host: "b", Region: "DE1"}},
			[]string{
				`SIP target 1: unknown region "eu1" — fix the region to see its addresses.`,
				`SIP target 2: unknown region "DE1" (region names are lowercase: de1) — fix the region to see its addresses.`,
			}},
		"control characters stay on one line": {[]document.Target{{Host: "a", Edge: "x\ny"}},
			[]string{`SIP target 1: unknown edge "x\ny" — fix the edge to see its addresses.`}},
	} {
		t.Run(name, func(t *testing.T) {
			a := allowListOf(document.Document{Targets: tc.targets})
			if strings.Join(a.Problems, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems\n%q\nwant\n%q", a.Problems, tc.want)
			}
			if len(a.Edges)+len(a.Signaling)+len(a.Media) != 0 {
				t.Errorf("addresses shown despite problems: %+v", a)
			}
			for export, out := range map[string]string{"table": a.Table(), "cidrs": a.CIDRs(), "iptables": a.IPTables(), "nftables": a.NFTables()} {
				for _, cidr := range append(allCIDRs(), edge.MediaCIDR) {
					if strings.Contains(out, cidr) {
						t.Errorf("%s shows %s:\n%s", export, cidr, out)
					}
				}
				for _, w := range tc.want {
					if !strings.Contains(out, w) {
						t.Errorf("%s lacks %q:\n%s", export, w, out)
					}
				}
			}
		})
	}
}

// The scripts say what is wrong in comments only: run, they change
// nothing.
func TestAllowListProblemsGolden(t *testing.T) {
	a := allowListOf(document.Document{Targets: []document.Target{{Host: "a", Edge: "tokyo"}, {Host: "b", Edge: "Frankfurt"}}})
	composetest.Golden(t, "unknown-edge.allowlist.txt", a.Table())
	composetest.Golden(t, "unknown-edge.iptables.sh", a.IPTables())
	for _, out := range []string{a.CIDRs(), a.IPTables(), a.NFTables()} {
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if !strings.HasPrefix(line, "# ") {
				t.Errorf("line %q is not a comment in\n%s", line, out)
			}
		}
	}
}

func allCIDRs() []string {
	var out []string
	for _, e := range edge.All() {
		out = append(out, e.Signaling...)
	}
	return out
}

// allowListOf is the allow-list Compose gives doc.
func allowListOf(doc document.Document) List { return For(doc, resolve.Document(doc)) }
