package validate

import (
	"slices"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/edge"
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/sipuri"
)

var (
	transports          = []string{"udp", "tcp", "tls"}
	legacyTwilioRegions = []string{"us1", "us2", "ie1", "de1", "sg1", "jp1", "br1", "au1"}
)

// target checks one <Sip> target, r being its resolution.
func (v *validator) target(p string, t document.Target, r resolve.Resolution) {
	v.text(p, "user", t.User)
	if strings.ContainsAny(standIn(t.User), " \t") {
		v.add(document.SeverityError, "user-invalid", p+".user", "User %q has spaces: remove them (a phone number is written +14158675309).", t.User)
	}
	v.templateFill(p, "user", t.User, placeUser)
	v.userPlaceholder(p, t.User)
	// A target of <Uri> children alone, with nothing of a URI of its own,
	// needs no host.
	if !r.ChildrenAlone() {
		v.host(p, t.Host)
	}
	if t.Port < 0 || t.Port > 65535 {
		v.add(document.SeverityError, "port-invalid", p+".port", "Port %d: use 1 to 65535, or leave it empty for 5060 (5061 with TLS).", t.Port)
	}
	if t.Transport != "" && !slices.Contains(transports, strings.ToLower(t.Transport)) {
		v.add(document.SeverityError, "transport-invalid", p+".transport", "Transport %q: use udp, tcp or tls (error 32110: invalid URI parts are ignored).", t.Transport)
	}
	if t.Secure && t.Transport != "" && strings.ToLower(t.Transport) != "tls" {
		v.add(document.SeverityWarning, "secure-without-tls", p+".transport",
			"secure=true turns on SRTP and TLS signaling: set Transport to tls (or leave it empty) so the URI says what Twilio will do.")
	}
	v.edge(p, t, r)
	v.headers(p, t, r.URI)
	v.encodedCharacters(p, t)
	v.uui(p, t.UUI)

	v.credentials(p, t.Username, t.Password)
	v.callbacks(p, t)
	v.amd(p, t)
	v.sipChildren(p, t, r)
}

// credentials checks SIP digest auth: a username and a password, both or
// neither.
func (v *validator) credentials(p, username, password string) {
	v.text(p, "username", username)
	v.text(p, "password", password)
	switch {
	case password != "" && username == "":
		v.add(document.SeverityError, "password-without-username", p+".username", "A password needs a username: set Username or clear Password (error 21225).")
	case username != "" && password == "":
		v.add(document.SeverityError, "username-without-password", p+".password", "Username %q needs a password (error 21225: SipAuthPassword is required with SipAuthUsername).", username)
	}
}

func (v *validator) host(p, host string) {
	h := strings.TrimSpace(host)
	v.text(p, "host", host)
	if sipuri.HasTags(h) {
		v.templateFill(p, "host", h, placeHost)
	}
	// A host a TwiML Bin fills in is checked around its tags.
	checked := standIn(h)
	lower := strings.ToLower(checked)
	switch {
	case h == "":
		v.add(document.SeverityError, "host-missing", p+".host", "Enter the host to ring, e.g. pbx.example.com or 203.0.113.10.")
		return
	case strings.ContainsAny(checked, "@?;") || strings.HasPrefix(lower, "sip:") || strings.HasPrefix(lower, "sips:"):
		v.add(document.SeverityError, "host-invalid", p+".host", "Host %q looks like a whole SIP URI: paste it into Host to import it, or enter only the host name.", h)
		return
	case hostWithPort(h):
		host, port, _ := strings.Cut(h, ":")
		v.add(document.SeverityError, "host-with-port", p+".host", "Host %q includes a port: enter %s here and use the Port field for %s.", h, host, port)
		return
	case !sipuri.ValidHost(checked):
		if words := invalidHostWords(h); words != "" {
			v.add(document.SeverityError, "host-invalid", p+".host", "%s", words)
		} else {
			v.add(document.SeverityError, "host-invalid", p+".host", "Host %q: use a host name (letters, digits, - and .), an IPv4 address or a bracketed IPv6 address (error 13243: invalid SIP URI).", h)
		}
		return
	}
	v.hostPlaceholder(p, h)
	lower = strings.TrimSuffix(lower, ".")
	if labels := strings.Split(lower, "."); len(labels) >= 5 && labels[len(labels)-4] == "sip" && strings.HasSuffix(lower, ".twilio.com") {
		loc, name := labels[len(labels)-3], strings.Join(labels[:len(labels)-4], ".")
		if loc == "us1" || loc == "us1-ix" {
			v.add(document.SeverityWarning, "twilio-domain-deprecated", p+".host",
				"%s: the .sip.%s.twilio.com form still works but is deprecated; dial %s.sip.twilio.com.", h, loc, name)
		} else {
			v.add(document.SeverityError, "twilio-domain-edge", p+".host",
				"%s: to ring a device registered to a Twilio SIP Domain, dial the global form %s.sip.twilio.com (error 32220).", h, name)
		}
		return
	}
	if strings.HasSuffix(lower, ".sip.twilio.com") {
		v.add(document.SeverityInfo, "twilio-sip-domain", p+".host",
			"Twilio SIP Domains can be dialed only from the same account or its parent (error 32214).")
	}
}

// edge reports what the resolution found wrong with the target's edge,
// and checks the legacy region beside it.
func (v *validator) edge(p string, t document.Target, r resolve.Resolution) {
	switch r.EdgeFrom {
	case resolve.EdgeRoaming:
		v.add(document.SeverityError, "edge-roaming", p+".edge", "The roaming edge is not available for SIP: pick an edge near the customer's SIP infrastructure.")
	case resolve.EdgeSanJose:
		v.add(document.SeverityWarning, "edge-san-jose", p+".edge",
			"Edge \"san-jose\" appears only in one Twilio table, for Oregon; every other Twilio source calls it umatilla (san-jose-ix is Interconnect). Use umatilla.")
	case resolve.EdgeUnknown:
		v.unknownEdge(p, t.Edge, r.Meant)
	}
	// The region is checked even beside an edge, which Twilio would read
	// first: it is still sent.
	if t.Region != "" {
		if _, meant, from := resolve.Region(t.Region); from == resolve.RegionUnknown {
			v.unknownRegion(p, t.Region, meant)
		}
	}
	if t.Edge != "" && t.Region != "" {
		v.add(document.SeverityWarning, "edge-and-region", p+".region",
			"Both edge and region are set and Twilio documents no precedence: keep only Edge (region is the legacy form).")
	}
	if r.Registered && (t.Edge != "" || t.Region != "") {
		field := p + ".edge"
		if t.Edge == "" {
			field = p + ".region"
		}
		v.add(document.SeverityWarning, "edge-ignored-registered", field,
			"Twilio ignores the edge when ringing a device registered to a Twilio SIP Domain: the call leaves from the edge the device registered on.")
	}
}

// unknownEdge says what an edge Twilio does not know probably means: the
// edge it names in the wrong case (meant), or the edges edge.Suggest
// finds, rather than all sixteen.
func (v *validator) unknownEdge(p, value string, meant edge.Edge) {
	s := edge.Suggest(value)
	switch {
	case meant.Name != "":
		v.add(document.SeverityError, "edge-unknown", p+".edge", "Edge %q: edge names are lowercase, write %s.", value, meant.Name)
	case len(s) == 0:
		v.add(document.SeverityError, "edge-unknown", p+".edge", "Unknown edge %q: use one of %s.", value, edgeNames())
	case s[0].By == edge.ByRegion:
		e := s[0].Edge
		v.add(document.SeverityError, "edge-unknown", p+".edge", "Edge %q: that is a legacy region's name, %s, which is edge %s: write edge %s, or put %s in Region.", value, e.Region, e.Name, e.Name, e.Region)
	default:
		v.add(document.SeverityError, "edge-unknown", p+".edge", "Unknown edge %q: did you mean %s?", value, suggestedWhere(s))
	}
}

// unknownRegion is unknownEdge for a legacy region.
func (v *validator) unknownRegion(p, value string, meant edge.Edge) {
	s := edge.Suggest(value)
	switch {
	case meant.Name != "":
		v.add(document.SeverityError, "region-unknown", p+".region", "Region %q: region names are lowercase, write %s (or better, the edge %s).", value, meant.Region, meant.Name)
	case len(s) == 0:
		v.add(document.SeverityError, "region-unknown", p+".region", "Unknown legacy region %q: use one of %s, or better, the matching edge.", value, strings.Join(legacyTwilioRegions, ", "))
	case s[0].By == edge.ByRegion:
		v.add(document.SeverityError, "region-unknown", p+".region", "Region %q: did you mean %s (or better, the edge %s)?", value, s[0].Edge.Region, s[0].Edge.Name)
	default:
		var regions []string
		for _, x := range s {
			regions = append(regions, x.Edge.Region+" (edge "+x.Edge.Name+")")
		}
		v.add(document.SeverityError, "region-unknown", p+".region", "Unknown legacy region %q: did you mean %s? Better still, put the edge in Edge.", value, strings.Join(regions, " or "))
	}
}

// suggestedWhere names suggested edges, each read from a place with where
// it is ("umatilla (US West (Oregon))").
func suggestedWhere(s []edge.Suggestion) string {
	names := make([]string, len(s))
	for i, x := range s {
		names[i] = x.Edge.Name
		if x.By == edge.ByPlace {
			names[i] += " (" + x.Edge.Location
			if x.Edge.Interconnect {
				names[i] = x.Edge.Name + " (Interconnect, " + x.Edge.Location
			}
			names[i] += ")"
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func edgeNames() string {
	var names []string
	for _, e := range edge.All() {
		names = append(names, e.Name)
	}
	return strings.Join(names, ", ")
}

// hostWithPort reports whether h is a host name or IPv4 address followed
// by ":port", as people copy it from a PBX's settings.
func hostWithPort(h string) bool {
	host, port, ok := strings.Cut(h, ":")
	if !ok || port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "" {
		return false
	}
	return sipuri.ValidHost(standIn(host))
}
