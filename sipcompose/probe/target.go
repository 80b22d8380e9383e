package probe

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"sipcompose/sipcompose"
)

// Target is one URI Twilio dials, as the probe meets it: where it goes,
// how (Twilio's defaults applied), and what Twilio's INVITE would carry.
type Target struct {
	// Label names it in the report: "Target 1", "Target 1, <Uri> 2", or
	// "URI 1" for a URI given on the command line.
	Label string `json:"label"`
	// URI is the URI as Twilio is given it (the REST To, or the <Uri>),
	// percent-encoded, without a password.
	URI string `json:"uri"`
	// RequestURI is the URI of the INVITE's request line, where the
	// probe's OPTIONS goes.
	RequestURI string `json:"requestUri"`
	// Host is the URI's host: a name, or an address without brackets.
	Host string `json:"host"`
	// Port is where Twilio sends: the URI's port, else 5060 (5061 for TLS).
	Port      int  `json:"port"`
	PortGiven bool `json:"portGiven,omitempty"`
	// Transport is how Twilio sends: "udp" (its default), "tcp" or "tls"
	// (transport=tls or secure=true).
	Transport      string `json:"transport"`
	TransportGiven bool   `json:"transportGiven,omitempty"`
	Secure         bool   `json:"secure,omitempty"`
	// Headers are the custom headers Twilio's INVITE carries, decoded as
	// the PBX reads them; the probe's OPTIONS carries the same.
	Headers []Header `json:"headers,omitempty"`
	// Dropped names the headers Twilio drops (error 32113 and kin); the
	// OPTIONS leaves them out too.
	Dropped []string `json:"dropped,omitempty"`
	// Credentials reports a username on the <Sip> or <Uri>: Twilio answers
	// a 401 or 407 challenge only then. The probe never sends them.
	Credentials bool `json:"credentials,omitempty"`
	// Notes are what the document says about the target beside the probe.
	Notes []string `json:"notes,omitempty"`
}

// Header is one custom header line as the PBX reads it.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Addr is the host as an address, when the URI names one.
func (t Target) Addr() (netip.Addr, bool) {
	a, err := netip.ParseAddr(t.Host)
	return a, err == nil
}

// Describe says how Twilio reaches the target, and which of it is
// Twilio's default, in one line: "TLS to port 5061 (Twilio's default port
// for TLS)".
func (t Target) Describe() string {
	transport, port := strings.ToUpper(t.Transport), strconv.Itoa(t.Port)
	switch {
	case !t.TransportGiven && !t.PortGiven:
		return transport + " to port " + port + ": Twilio's defaults (the URI names no transport or port)"
	case !t.TransportGiven:
		return transport + " (Twilio's default: the URI names no transport) to port " + port
	case !t.PortGiven:
		return transport + " to port " + port + " (Twilio's default port for " + transport + ")"
	}
	return transport + " to port " + port + ", as the URI says"
}

// Targets are the URIs Twilio dials for doc, in order: each target's own
// URI and each of its <Uri> children. A target that cannot be probed (no
// host, a bad port, a transport Twilio does not know) is an error naming
// it, in one line.
func Targets(doc sipcompose.Document) ([]Target, error) {
	return targetsOf(doc, sipcompose.Compose(doc))
}

// targetsOf is Targets of doc composed already: r is Compose(doc).
func targetsOf(doc sipcompose.Document, r sipcompose.Result) ([]Target, error) {
	if len(doc.Targets) == 0 {
		return nil, errors.New("the document has no targets to probe")
	}
	var out []Target
	for _, inv := range r.Invites {
		t := doc.Targets[inv.Target]
		label := "Target " + strconv.Itoa(inv.Target+1)
		parsed, uri := t, r.URIs[inv.Target]
		if inv.URI > 0 {
			label += ", <Uri> " + strconv.Itoa(inv.URI)
			var problems []sipcompose.Diagnostic
			parsed, problems = sipcompose.ParseURI(t.URIs[inv.URI-1].URI)
			if err := firstError(problems); err != nil {
				return nil, &TargetError{label, err.Error()}
			}
			// Rebuilt rather than as typed, so a password typed into the
			// URI never reaches the report.
			uri = sipcompose.Compose(sipcompose.Document{Targets: []sipcompose.Target{parsed}}).URIs[0]
		}
		pt, err := where(parsed)
		if err != nil {
			return nil, &TargetError{label, err.Error()}
		}
		pt.Label, pt.URI, pt.Credentials = label, uri, inv.Auth != ""
		for _, h := range inv.Headers {
			if h.Sent {
				pt.Headers = append(pt.Headers, Header{Name: h.Name, Value: h.Value})
			} else {
				pt.Dropped = append(pt.Dropped, h.Name)
			}
		}
		if inv.Transport == "" {
			pt.Notes = append(pt.Notes, "Twilio places no call to this target as the document stands: it names no edge Twilio has (see `sipcompose compose`'s diagnostics). The probe checks the endpoint all the same.")
		}
		out = append(out, pt)
	}
	if len(out) == 0 {
		return nil, errors.New("the document's targets dial no URI")
	}
	return out, nil
}

// TargetError is why a document's target cannot be probed.
type TargetError struct {
	Label   string
	Message string
}

func (e *TargetError) Error() string { return e.Label + ": " + e.Message }

// ParseTarget reads one SIP URI given on the command line, as Twilio
// would dial it; label names it in the report.
func ParseTarget(uri, label string) (Target, error) {
	t, problems := sipcompose.ParseURI(uri)
	if err := firstError(problems); err != nil {
		return Target{}, err
	}
	ts, err := Targets(sipcompose.Document{Targets: []sipcompose.Target{t}})
	if te := (*TargetError)(nil); errors.As(err, &te) {
		return Target{}, errors.New(te.Message)
	} else if err != nil {
		return Target{}, err
	}
	ts[0].Label = label
	return ts[0], nil
}

// where reads how Twilio reaches t: its request URI, transport and port,
// from the INVITE Compose previews for t's URI parts alone (an edge or
// region is no part of where the INVITE goes, and an unknown one would
// leave the preview without a transport).
func where(t sipcompose.Target) (Target, error) {
	bare := sipcompose.Target{User: t.User, Host: t.Host, Port: t.Port, Transport: t.Transport, Secure: t.Secure}
	r := sipcompose.Compose(sipcompose.Document{Targets: []sipcompose.Target{bare}})
	for _, d := range r.Diagnostics {
		switch d.Field {
		case "targets[0].host", "targets[0].port", "targets[0].transport":
			if d.Severity == sipcompose.SeverityError {
				return Target{}, errors.New(d.Message)
			}
		}
	}
	inv := r.Invites[0]
	port, err := strconv.Atoi(inv.Port)
	if err != nil || inv.RequestURI == "" {
		return Target{}, fmt.Errorf("host %q and port %d do not make a URI Twilio dials", t.Host, t.Port)
	}
	return Target{
		RequestURI:     inv.RequestURI,
		Host:           strings.TrimSuffix(strings.TrimPrefix(t.Host, "["), "]"),
		Port:           port,
		PortGiven:      t.Port > 0,
		Transport:      inv.Transport,
		TransportGiven: t.Transport != "" || t.Secure,
		Secure:         t.Secure,
	}, nil
}

// firstError is the first error among a URI's problems, as an error.
func firstError(problems []sipcompose.Diagnostic) error {
	for _, d := range problems {
		if d.Severity == sipcompose.SeverityError {
			return errors.New(d.Message)
		}
	}
	return nil
}

// SRVQuery is one DNS SRV name to ask for a target, and the transport
// its records advertise.
type SRVQuery struct {
	Name      string `json:"name"`
	Transport string `json:"transport"`
}

// SRVQueries are the SRV names RFC 3263 would ask for the target: none
// when the URI names a port or an address (the RFC then skips SRV), the
// one for its transport when it names one, else all three, so a PBX that
// advertises only TCP or TLS shows up beside Twilio's UDP default.
func (t Target) SRVQueries() []SRVQuery {
	if _, numeric := t.Addr(); numeric || t.PortGiven {
		return nil
	}
	all := []SRVQuery{
		{"_sip._udp." + t.Host, "udp"},
		{"_sip._tcp." + t.Host, "tcp"},
		{"_sips._tcp." + t.Host, "tls"},
	}
	if !t.TransportGiven {
		return all
	}
	for _, q := range all {
		if q.Transport == t.Transport {
			return []SRVQuery{q}
		}
	}
	return nil
}
