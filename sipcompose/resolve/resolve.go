// Package resolve reads each target of a Document once, as Twilio will read
// it: its URI in the form Compose writes (Twilio's documented encoding, or
// the compact one where only that fits), the edge its SIP leaves from or
// why it has none, its transport and port, and its <Uri> children. Every
// renderer and rule reads the resolution instead of deciding again, so
// they can never disagree.
package resolve

import (
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/edge"
	"sipcompose/sipcompose/sipuri"
)

// Resolution is one target as Twilio will read it: its URI, the edge its
// SIP leaves Twilio from (or why it has none), and how its signaling
// travels. Compose resolves each target once, and every renderer and rule
// (TwiML, curl, allow-list, Validate) reads the Resolution instead of
// deciding again, so they can never disagree.
type Resolution struct {
	// URI is the target's SIP URI, as sipuri.Build writes it, or with its
	// header values in the compact form (see encodeHeaders).
	URI string
	// DocumentedHeaders is, when URI's headers are in the compact form
	// because Twilio's documented form would not fit, how long the
	// documented headers were; 0 otherwise.
	DocumentedHeaders int
	// Edge is where Twilio sends this target's SIP from. It is set only
	// when HasEdge is true.
	Edge edge.Edge
	// EdgeFrom says how Edge was found, or why the target has none.
	EdgeFrom EdgeFrom
	// Meant is, for an edge or region that names a known one but in the
	// wrong case ("Frankfurt"), that edge, to suggest. It is never used as
	// the target's edge: Twilio does not know the miscased name.
	Meant edge.Edge
	// Registered reports a Twilio SIP Domain host (*.sip.twilio.com):
	// Twilio then ignores the edge and sends from the edge the device
	// registered on, which the document cannot know.
	Registered bool
	// Transport is how SIP signaling travels: "udp", "tcp" or "tls"
	// (secure=true means tls; an unknown transport leaves udp).
	Transport string
	// Port is the customer's port that signaling goes to: the target's
	// own, else 5060 (5061 for tls).
	Port int
	// Children are the target's <Uri> children, read once, in order.
	Children []Child
}

// Child is one <Uri> child of a target as Twilio reads it. The validator,
// the INVITE previews and the allow-list all read it here, so they can
// never disagree on what a child dials.
type Child struct {
	// Parsed is the child's URI as sipuri.Parse reads it.
	Parsed document.Target
	// Problems are what sipuri.Parse found in it.
	Problems []document.Diagnostic
	// Resolution is Parsed's, with URI the child's URI as typed, trimmed:
	// Twilio dials it as typed.
	Resolution Resolution
}

// Readable reports whether the child reads as a SIP URI: sipuri.Parse found
// no error in it.
func (c Child) Readable() bool {
	return !document.HasErrors(c.Problems)
}

// ChildrenAlone reports a target of <Uri> children and nothing of a URI
// of its own (its URI a bare "sip:"): it is dialed only through them.
func (r Resolution) ChildrenAlone() bool {
	return len(r.Children) > 0 && r.URI == "sip:"
}

// EdgeFrom is how a target's edge was found, or why it has none.
type EdgeFrom string

const (
	// EdgeDefault: neither edge nor region is set; Twilio uses DefaultEdge.
	EdgeDefault EdgeFrom = "default"
	// EdgeNamed: the target's edge names a known edge.
	EdgeNamed EdgeFrom = "edge"
	// EdgeSanJose: "san-jose", a Twilio docs typo for umatilla, which Edge
	// holds; Validate warns.
	EdgeSanJose EdgeFrom = "san-jose"
	// EdgeFromRegion: no edge, and the legacy region names a known edge.
	EdgeFromRegion EdgeFrom = "region"
	// EdgeUnknown: the edge is no known edge (Meant holds the edge a
	// miscased name stands for).
	EdgeUnknown EdgeFrom = "unknown-edge"
	// EdgeRoaming: "roaming", an edge Twilio does not offer for SIP.
	EdgeRoaming EdgeFrom = "roaming"
	// RegionUnknown: no edge, and the region is no known region (Meant
	// holds the edge a miscased region stands for).
	RegionUnknown EdgeFrom = "unknown-region"
)

// HasEdge reports whether the target validly names an edge, or names none
// and gets the default.
func (r Resolution) HasEdge() bool {
	switch r.EdgeFrom {
	case EdgeDefault, EdgeNamed, EdgeSanJose, EdgeFromRegion:
		return true
	}
	return false
}

// Target reads one target once, for every renderer and rule.
func Target(t document.Target) Resolution {
	r := Resolution{
		URI:        sipuri.Build(t),
		Registered: strings.HasSuffix(strings.ToLower(strings.TrimSpace(t.Host)), ".sip.twilio.com"),
		Transport:  "udp",
		Port:       5060,
	}
	switch strings.ToLower(t.Transport) {
	case "tcp":
		r.Transport = "tcp"
	case "tls":
		r.Transport = "tls"
	}
	if t.Secure {
		r.Transport = "tls"
	}
	if r.Transport == "tls" {
		r.Port = 5061
	}
	if t.Port > 0 {
		r.Port = t.Port
	}
	switch {
	case t.Edge == "roaming":
		r.EdgeFrom = EdgeRoaming
	case t.Edge == "san-jose":
		r.EdgeFrom = EdgeSanJose
		r.Edge, _ = edge.Lookup("umatilla")
	case t.Edge != "":
		r.Edge, r.Meant, r.EdgeFrom = readPlace(t.Edge, edge.Lookup, EdgeNamed, EdgeUnknown)
	case t.Region != "":
		r.Edge, r.Meant, r.EdgeFrom = Region(t.Region)
	default:
		r.EdgeFrom = EdgeDefault
		r.Edge, _ = edge.Lookup(edge.Default)
	}
	if len(t.URIs) > 0 {
		r.Children = make([]Child, len(t.URIs))
	}
	for j, u := range t.URIs {
		c := &r.Children[j]
		c.Parsed, c.Problems = sipuri.Parse(u.URI)
		c.Resolution = Target(c.Parsed)
		c.Resolution.URI = strings.TrimSpace(u.URI)
	}
	return r
}

// Region reads a legacy ";region=" value: the edge it names, or none and
// the edge its lowercase form names (for a miscased "DE1").
func Region(region string) (e, meant edge.Edge, from EdgeFrom) {
	return readPlace(region, edge.ForRegion, EdgeFromRegion, RegionUnknown)
}

// readPlace looks an edge or region value up with find: the edge it names
// (from found), or none and the edge its lowercase form names (from
// unknown).
func readPlace(value string, find func(string) (edge.Edge, bool), found, unknown EdgeFrom) (e, meant edge.Edge, from EdgeFrom) {
	if e, ok := find(value); ok {
		return e, edge.Edge{}, found
	}
	meant, _ = find(strings.ToLower(value))
	return edge.Edge{}, meant, unknown
}

// encodeHeaders sets r.URI's header values in the form Compose writes:
// Twilio's documented form (every byte but letters and digits encoded, as
// its examples do), or the compact form when the document asks for it, or
// for a target whose documented form would break Twilio's headers limit
// and whose compact form fits; r.DocumentedHeaders then says how long the
// documented headers were.
func encodeHeaders(encoding string, t document.Target, r *Resolution) {
	if encoding == document.EncodingCompact {
		r.URI = sipuri.BuildCompact(t)
		return
	}
	if len(sipuri.HeadersPart(r.URI)) <= sipuri.MaxHeadersLength {
		return
	}
	if compact := sipuri.BuildCompact(t); len(sipuri.HeadersPart(compact)) <= sipuri.MaxHeadersLength {
		r.DocumentedHeaders = len(sipuri.HeadersPart(r.URI))
		r.URI = compact
	}
}

// Document resolves each of the document's targets, in order, with
// header values in the form the document asks for.
func Document(doc document.Document) []Resolution {
	res := make([]Resolution, len(doc.Targets))
	for i, t := range doc.Targets {
		res[i] = Target(t)
		encodeHeaders(doc.Encoding, t, &res[i])
	}
	return res
}

// RESTURIs are the URIs the REST API takes as To: each target's own, or
// for a target of <Uri> children alone (its own URI a bare "sip:") the
// first of them, as the curl form dials it.
func RESTURIs(res []Resolution) []string {
	uris := make([]string, len(res))
	for i, r := range res {
		uris[i] = r.URI
		if r.ChildrenAlone() {
			uris[i] = r.Children[0].Resolution.URI
		}
	}
	return uris
}
