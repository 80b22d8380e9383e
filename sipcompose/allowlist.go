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
	used := map[string][]signaling{}
	var order []string
	for _, t := range doc.Targets {
		e, ok := targetEdge(t)
		if !ok {
			continue // Validate reports the unknown edge or region.
		}
		s := targetSignaling(t)
		if _, seen := used[e.Name]; !seen {
			order = append(order, e.Name)
		}
		if !slices.Contains(used[e.Name], s) {
			used[e.Name] = append(used[e.Name], s)
		}
	}
	if len(order) == 0 {
		order = []string{DefaultEdge}
		used[DefaultEdge] = []signaling{targetSignaling(Target{})}
	}
	a := AllowList{Edges: []string{}, Signaling: []Rule{}, AsOf: IPDataAsOf, Source: IPDataSource}
	// edges.go order, so the same set of edges always lists the same way.
	for _, e := range edges {
		sigs, ok := used[e.Name]
		if !ok {
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
func targetEdge(t Target) (Edge, bool) {
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
func targetSignaling(t Target) signaling {
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
