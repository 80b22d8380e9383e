package sipcompose

import (
	"slices"
	"strconv"
	"strings"
)

// AllowList is what a customer's firewall must allow for the edges a
// Document uses. AsOf and Source date and cite the data so a person can
// judge whether it is still current.
type AllowList struct {
	// Edges are the edges the targets use, "ashburn" when none is set.
	Edges     []string `json:"edges"`
	Signaling []Rule   `json:"signaling"`
	Media     []Rule   `json:"media"`
	AsOf      string   `json:"asOf"`
	Source    string   `json:"source"`
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

// allowListFor collects, for the edges the targets use, the signaling
// blocks Twilio sends SIP from (only for the transports actually used, to
// the port each target listens on) and the media range.
func allowListFor(doc Document) AllowList {
	// Each edge a target uses with each way SIP reaches that target,
	// without repeats, in target order: a list on the stack for the
	// usual few targets, not a map per keystroke.
	type use struct {
		edge string
		sig  signaling
	}
	var buf [MaxTargets]use
	uses := buf[:0]
	for i := range doc.Targets {
		t := &doc.Targets[i]
		e, ok := targetEdge(t)
		if !ok {
			continue // Validate reports the unknown edge or region.
		}
		if u := (use{e.Name, targetSignaling(t)}); !slices.Contains(uses, u) {
			uses = append(uses, u)
		}
	}
	if len(uses) == 0 {
		uses = append(uses, use{DefaultEdge, targetSignaling(&Target{})})
	}
	nEdges, nRules := 0, 0
	for _, e := range edges {
		n := 0
		for _, u := range uses {
			if u.edge == e.Name {
				n++
			}
		}
		if n > 0 {
			nEdges++
			nRules += n * len(e.Signaling)
		}
	}
	a := AllowList{Edges: make([]string, 0, nEdges), Signaling: make([]Rule, 0, nRules), AsOf: IPDataAsOf, Source: IPDataSource}
	// edges.go order, so the same set of edges always lists the same way.
	var sigBuf [MaxTargets]signaling
	for _, e := range edges {
		sigs := sigBuf[:0]
		for _, u := range uses {
			if u.edge == e.Name {
				sigs = append(sigs, u.sig)
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
	a.Media = []Rule{{CIDR: MediaCIDR, Protocol: "udp", SourcePorts: MediaPorts, Purpose: "RTP media from Twilio (every edge)"}}
	return a
}

// targetEdge is the edge a target's traffic leaves Twilio from: its edge,
// else the edge of its legacy region, else the default.
func targetEdge(t *Target) (Edge, bool) {
	switch {
	case t.Edge == "san-jose":
		// A Twilio docs typo for Oregon; Validate says so.
		return LookupEdge("umatilla")
	case t.Edge != "":
		return LookupEdge(t.Edge)
	case t.Region != "":
		return EdgeForRegion(t.Region)
	}
	return LookupEdge(DefaultEdge)
}

// signaling is one way SIP reaches a customer: protocol, destination port
// and a readable purpose.
type signaling struct{ proto, port, purpose string }

// targetSignaling is the protocol and destination port of a target's SIP
// signaling: TLS (asked for, or implied by secure=true) on TCP 5061,
// otherwise UDP or TCP 5060, unless the target names its own port.
func targetSignaling(t *Target) signaling {
	transport := strings.ToLower(t.Transport)
	if t.Secure {
		transport = "tls"
	}
	// Purposes are spelled out whole: this runs per target on every
	// keystroke.
	s := signaling{"udp", "5060", "SIP signaling from Twilio (UDP)"}
	switch transport {
	case "tcp":
		s.proto, s.purpose = "tcp", "SIP signaling from Twilio (TCP)"
	case "tls":
		s = signaling{"tcp", "5061", "SIP signaling from Twilio (TLS)"}
	}
	if t.Port > 0 {
		s.port = strconv.Itoa(t.Port)
	}
	return s
}
