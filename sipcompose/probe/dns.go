package probe

import (
	"fmt"
	"net/netip"
	"strings"
)

// DNS is what a lookup of the target's host found.
type DNS struct {
	// Addrs are the host's A and AAAA addresses, in the resolver's order;
	// for an address in the URI, that address alone.
	Addrs []netip.Addr `json:"addrs"`
	// NotFound: the name does not exist, or has no A or AAAA record.
	NotFound bool `json:"notFound,omitempty"`
	// Error is any other failure (a timeout, SERVFAIL), as the resolver
	// said it.
	Error string `json:"error,omitempty"`
	// SRV are the answers to Target.SRVQueries, in the same order.
	SRV []SRVAnswer `json:"srv,omitempty"`
}

// SRVAnswer is the answer to one SRV query.
type SRVAnswer struct {
	Query   SRVQuery    `json:"query"`
	Records []SRVRecord `json:"records"`
	// Error is a failure other than "no such records".
	Error string `json:"error,omitempty"`
}

// SRVRecord is one SRV record.
type SRVRecord struct {
	Target   string `json:"target"`
	Port     int    `json:"port"`
	Priority int    `json:"priority"`
	Weight   int    `json:"weight"`
}

func (r SRVRecord) String() string {
	return fmt.Sprintf("priority %d weight %d → %s:%d", r.Priority, r.Weight, strings.TrimSuffix(r.Target, "."), r.Port)
}

// JudgeDNS says what the lookup means: Twilio refuses a host that does not
// resolve or resolves to a non-public address (warning 13254).
func JudgeDNS(t Target, d DNS) Step {
	s := step("dns")
	if a, numeric := t.Addr(); numeric {
		s.saw("The host is an address, nothing to look up: %s is %s.", a, Classify(a))
		judgeAddrs(&s, t, []netip.Addr{a})
		return s
	}
	switch {
	case d.Error != "":
		s.saw("Looking up %s failed: %s.", t.Host, d.Error)
		s.mean(Fail, "dns-error", "%s could not be resolved from this machine. Twilio resolves it with its own resolvers; if they fail too, the call fails (warning 13254: the SIP URI's DNS does not resolve).", t.Host)
	case d.NotFound || len(d.Addrs) == 0:
		s.saw("%s has no A or AAAA record (the name does not exist, or has no address).", t.Host)
		s.mean(Fail, "dns-not-found", "%s does not resolve, so Twilio cannot place the call (warning 13254: the SIP URI's DNS does not resolve). Fix the name in the URI or its DNS records, or put the PBX's public address in the URI.", t.Host)
	default:
		for _, a := range d.Addrs {
			s.saw("%s → %s: %s.", t.Host, a, Classify(a))
		}
		judgeAddrs(&s, t, d.Addrs)
	}
	judgeSRV(&s, t, d)
	return s
}

// judgeAddrs says whether Twilio can send to the addresses.
func judgeAddrs(s *Step, t Target, addrs []netip.Addr) {
	var bad []string
	v4 := false
	for _, a := range addrs {
		if c := Classify(a); !c.Public() {
			bad = append(bad, a.String()+" is "+c.Kind)
		}
		v4 = v4 || a.Unmap().Is4()
	}
	switch {
	case len(bad) > 0:
		s.mean(Fail, "dns-not-public",
			"Twilio refuses a SIP URI whose host is or resolves to a non-public address (warning 13254): %s. Twilio sends from the internet; give the URI a name or address that is public and reaches the PBX (through its NAT or SBC), and make sure the PBX answers on it.",
			strings.Join(bad, ", "))
	case !v4:
		s.mean(Warn, "dns-ipv6-only",
			"%s has only IPv6 addresses. Twilio's published SIP signaling addresses are all IPv4 and it documents no IPv6 for SIP out, so it may not reach the PBX: add an A record (IPv4) if you can.", t.Host)
	default:
		s.mean(Pass, "dns-public", "Every address is public, as Twilio requires.")
	}
}

// judgeSRV reports the SRV records and what they mean for a URI that names
// no port. Twilio documents no SRV lookup for SIP out; the "public report"
// that it does none is a 2021 gist (charsi/222e6e24577d61d70afac6406d54973d)
// whose Twilio Function resolves SRV itself because "Twilio doesn't
// natively support SRV". Where the host has addresses of its own the
// verdicts therefore warn rather than assert.
func judgeSRV(s *Step, t Target, d DNS) {
	var elsewhere, advertised []string
	for _, a := range d.SRV {
		switch {
		case a.Error != "":
			s.saw("SRV %s: the lookup failed: %s.", a.Query.Name, a.Error)
		case len(a.Records) == 0:
			s.saw("SRV %s: no records.", a.Query.Name)
		default:
			for _, r := range a.Records {
				s.saw("SRV %s: %s", a.Query.Name, r)
			}
			if a.Query.Transport != t.Transport {
				advertised = append(advertised, a.Query.Transport)
				continue
			}
			for _, r := range a.Records {
				if !strings.EqualFold(strings.TrimSuffix(r.Target, "."), t.Host) || r.Port != t.Port {
					elsewhere = append(elsewhere, fmt.Sprintf("%s:%d", strings.TrimSuffix(r.Target, "."), r.Port))
				}
			}
		}
	}
	switch {
	case len(elsewhere) > 0 && len(d.Addrs) == 0:
		s.mean(Fail, "dns-srv-only",
			"%s has SRV records for %s (to %s) but no address of its own, and Twilio documents no SRV lookup for SIP out (a public report says it does none): put the SRV's host and port in the URI.",
			t.Host, strings.ToUpper(t.Transport), strings.Join(elsewhere, ", "))
	case len(elsewhere) > 0:
		s.mean(Warn, "dns-srv-elsewhere",
			"The SRV records for %s point to %s, but Twilio documents no SRV lookup for SIP out (and a public report says it does none): it sends to %s's own addresses on port %d. If the PBX listens only where SRV points, put that host and port in the URI.",
			strings.ToUpper(t.Transport), strings.Join(elsewhere, ", "), t.Host, t.Port)
	}
	if len(advertised) > 0 && len(d.SRV) > 1 && !hasRecords(d.SRV, t.Transport) {
		s.mean(Warn, "dns-srv-other-transport",
			"%s advertises SIP over %s (SRV) and not over UDP, but the URI names no transport, so Twilio sends UDP. If the PBX does not take UDP, add ;transport=%s to the URI.",
			t.Host, strings.ToUpper(strings.Join(advertised, " and ")), advertised[0])
	}
}

func hasRecords(answers []SRVAnswer, transport string) bool {
	for _, a := range answers {
		if a.Query.Transport == transport && len(a.Records) > 0 {
			return true
		}
	}
	return false
}
