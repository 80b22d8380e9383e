// Package allowlist is what a customer's firewall must let in for a
// Document: the blocks Twilio's SIP signaling comes from, for the edges,
// transports and ports the targets use, and the media range, dated and
// sourced; and its exports (a table, the blocks alone, an iptables script
// and an nftables file). A target whose edge Twilio would not know makes
// the list a list of Problems instead of another edge's addresses.
package allowlist

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/edge"
	"sipcompose/sipcompose/resolve"
)

// List is what a customer's firewall must allow for the edges a
// Document uses. AsOf and Source date and cite the data so a person can
// judge whether it is still current.
type List struct {
	// Edges are the edges the targets use, "ashburn" when none is set;
	// empty when there are Problems.
	Edges     []string `json:"edges"`
	Signaling []Rule   `json:"signaling"`
	Media     []Rule   `json:"media"`
	AsOf      string   `json:"asOf"`
	Source    string   `json:"source"`
	// Problems say why there are no addresses: a target names an edge or
	// region Twilio does not know, so the list is empty until it is
	// fixed, rather than showing another edge's addresses.
	Problems []string `json:"problems,omitempty"`
}

// Rule is one block of addresses with the protocol and ports to allow.
type Rule struct {
	Edge     string `json:"edge,omitempty"`
	CIDR     string `json:"cidr"`
	Protocol string `json:"protocol"` // "udp" or "tcp"
	// Ports are the destination ports on the customer's side ("5061");
	// empty means any.
	Ports string `json:"ports,omitempty"`
	// SourcePorts are Twilio's side ("10000-60000"); empty means any.
	SourcePorts string `json:"sourcePorts,omitempty"`
	Purpose     string `json:"purpose"` // e.g. "SIP signaling from Twilio (TLS)"
}

// For collects, for the edges the targets use, the signaling
// blocks Twilio sends SIP from (only for the transports actually used, to
// the port each target listens on) and the media range. A target whose
// edge Twilio would not know makes the whole list a list of Problems: a
// firewall opened for the other targets only, or for another edge, would
// look right and not be.
func For(doc document.Document, res []resolve.Resolution) List {
	a := List{Edges: []string{}, Signaling: []Rule{}, Media: []Rule{}, AsOf: edge.DataAsOf, Source: edge.DataSource}
	dialed := dialedURIs(doc, res)
	res = make([]resolve.Resolution, len(dialed))
	for k, d := range dialed {
		res[k] = d.r
		if !d.r.HasEdge() {
			a.Problems = append(a.Problems, problem(d.r, d.target, d.t))
		}
	}
	if len(a.Problems) > 0 {
		return a
	}
	if len(res) == 0 {
		res = []resolve.Resolution{resolve.Target(document.Target{})}
	}
	// edges.go order, so the same set of edges always lists the same way;
	// within an edge, each way SIP reaches a target once, by protocol and
	// port.
	for _, e := range edge.All() {
		var sigs []signaling
		for _, r := range res {
			if r.Edge.Name != e.Name {
				continue
			}
			if s := signalingOf(r); !slices.Contains(sigs, s) {
				sigs = append(sigs, s)
			}
		}
		if len(sigs) == 0 {
			continue
		}
		a.Edges = append(a.Edges, e.Name)
		slices.SortFunc(sigs, func(x, y signaling) int {
			if c := strings.Compare(x.proto, y.proto); c != 0 {
				return c
			}
			return strings.Compare(x.port, y.port)
		})
		for _, cidr := range e.Signaling {
			for _, s := range sigs {
				a.Signaling = append(a.Signaling, Rule{Edge: e.Name, CIDR: cidr, Protocol: s.proto, Ports: s.port, Purpose: s.purpose})
			}
		}
	}
	// Twilio documents the ports media leaves from, not the customer's RTP
	// range, so the media rule matches on source ports.
	a.Media = []Rule{{CIDR: edge.MediaCIDR, Protocol: "udp", SourcePorts: edge.MediaPorts, Purpose: "RTP media from Twilio (every edge)"}}
	return a
}

// dialedURI is one URI a target dials, as its target's index, what it
// reads as and its resolution.
type dialedURI struct {
	target int
	t      document.Target
	r      resolve.Resolution
}

// dialedURIs are every URI the targets dial: each target's own, and each
// <Uri> child that reads as a SIP URI, with its own edge and transport (a
// target of <Uri>s alone is dialed only through them).
func dialedURIs(doc document.Document, res []resolve.Resolution) []dialedURI {
	out := make([]dialedURI, 0, len(doc.Targets))
	for i, t := range doc.Targets {
		if !res[i].ChildrenAlone() {
			out = append(out, dialedURI{i, t, res[i]})
		}
		for _, c := range res[i].Children {
			if c.Readable() {
				out = append(out, dialedURI{i, c.Parsed, c.Resolution})
			}
		}
	}
	return out
}

// signaling is one way SIP reaches a customer: protocol, destination port
// and a readable purpose.
type signaling struct{ proto, port, purpose string }

// signalingOf is how a resolved target's SIP signaling reaches it: TLS
// on TCP, else UDP or TCP, to its port.
func signalingOf(r resolve.Resolution) signaling {
	s := signaling{"udp", strconv.Itoa(r.Port), "SIP signaling from Twilio (UDP)"}
	switch r.Transport {
	case "tcp":
		s.proto, s.purpose = "tcp", "SIP signaling from Twilio (TCP)"
	case "tls":
		s.proto, s.purpose = "tcp", "SIP signaling from Twilio (TLS)"
	}
	return s
}

// problem is why target i has no edge, for the allow-list to show in
// place of addresses, in the form's words ("SIP target 2").
func problem(r resolve.Resolution, i int, t document.Target) string {
	var what, fix string
	switch {
	case r.EdgeFrom == resolve.EdgeRoaming:
		what, fix = "the roaming edge is not available for SIP", "pick an edge"
	case r.EdgeFrom == resolve.RegionUnknown && r.Meant.Name != "":
		what = fmt.Sprintf("unknown region %q (region names are lowercase: %s)", t.Region, r.Meant.Region)
		fix = "fix the region"
	case r.EdgeFrom == resolve.RegionUnknown:
		what, fix = fmt.Sprintf("unknown region %q", t.Region), "fix the region"
	case r.Meant.Name != "":
		what = fmt.Sprintf("unknown edge %q (edge names are lowercase: %s)", t.Edge, r.Meant.Name)
		fix = "fix the edge"
	case len(edge.Suggest(t.Edge)) > 0:
		what = fmt.Sprintf("unknown edge %q (did you mean %s?)", t.Edge, edge.SuggestedNames(edge.Suggest(t.Edge)))
		fix = "fix the edge"
	default:
		what, fix = fmt.Sprintf("unknown edge %q", t.Edge), "fix the edge"
	}
	return fmt.Sprintf("SIP target %d: %s — %s to see its addresses.", i+1, what, fix)
}

// Describe is a required rule in one line, as the audit names it:
// "udp 54.172.60.0/30 to port 5060", "udp 168.86.128.0/18 from port
// 10000-60000".
func (r Rule) Describe() string {
	s := r.Protocol + " " + r.CIDR
	if r.SourcePorts != "" {
		s += " from port " + r.SourcePorts
	}
	if r.Ports != "" {
		s += " to port " + r.Ports
	}
	return s
}
