package probe

import (
	"net/netip"
	"strconv"
	"strings"
)

// SIP is what the OPTIONS request found.
type SIP struct {
	Addr      netip.AddrPort `json:"addr"`
	Transport string         `json:"transport"`
	// Status and Reason are the final response's, 0 when none came.
	Status int    `json:"status,omitempty"`
	Reason string `json:"reason,omitempty"`
	// Server and UserAgent are the response's headers of those names.
	Server    string `json:"server,omitempty"`
	UserAgent string `json:"userAgent,omitempty"`
	RTT       Millis `json:"rttMs,omitempty"`
	// TimedOut: no final response within Timeout. Error is any other
	// failure, as the SIP stack said it.
	TimedOut bool   `json:"timedOut,omitempty"`
	Error    string `json:"error,omitempty"`
	Timeout  Millis `json:"timeoutMs"`
	// UncheckedTLS: sent over TLS without checking the certificate,
	// which the TLS step judges, to see whether SIP answers behind it.
	UncheckedTLS bool `json:"uncheckedTls,omitempty"`
}

// Observations are everything the probe saw of one target; a nil step
// did not run.
type Observations struct {
	DNS   DNS    `json:"dns"`
	Reach *Reach `json:"reach,omitempty"`
	TLS   *TLS   `json:"tls,omitempty"`
	SIP   *SIP   `json:"sip,omitempty"`
}

// Judge is the target's report: each step's observations and what they
// mean for Twilio.
func Judge(t Target, o Observations) Report {
	return Report{Target: t, Steps: []Step{
		JudgeDNS(t, o.DNS),
		JudgeReach(t, o.Reach),
		JudgeTLS(t, o.TLS),
		JudgeSIP(t, o),
	}}
}

// maxAddrs bounds how many of a host's addresses are dialed.
const maxAddrs = 4

// Dialable are the addresses to reach: the URI's own address, or the
// first few the host resolves to.
func Dialable(t Target, d DNS) []netip.AddrPort {
	addrs := d.Addrs
	if a, numeric := t.Addr(); numeric {
		addrs = []netip.Addr{a}
	}
	out := make([]netip.AddrPort, 0, min(len(addrs), maxAddrs))
	for _, a := range addrs[:min(len(addrs), maxAddrs)] {
		out = append(out, netip.AddrPortFrom(a, uint16(t.Port)))
	}
	return out
}

// SIPAddr is where the OPTIONS goes, given what the earlier steps saw:
// over UDP the first address that did not refuse; over TCP the first that
// connected; over TLS the one whose handshake agreed TLS 1.2 or later. ok
// is false when there is none, and JudgeSIP says why.
func SIPAddr(t Target, o Observations) (addr netip.AddrPort, ok bool) {
	if o.Reach == nil {
		return addr, false
	}
	if t.Transport == "udp" {
		for _, d := range o.Reach.Dials {
			if d.Result == Quiet || d.Result == Answered {
				return d.Addr, true
			}
		}
		return addr, false
	}
	if t.Transport == "tls" {
		if o.TLS == nil || o.TLS.Version == "" {
			return addr, false
		}
		return o.TLS.Addr, true
	}
	for _, d := range o.Reach.Dials {
		if d.Result == Connected {
			return d.Addr, true
		}
	}
	return addr, false
}

// JudgeSIP says what the answer to OPTIONS means for Twilio's INVITE.
func JudgeSIP(t Target, o Observations) Step {
	s := step("sip")
	sp := o.SIP
	if sp == nil {
		switch {
		case o.Reach == nil:
			s.skip("sip-no-address", "No address to send OPTIONS to: see DNS.")
		case t.Transport == "tls" && o.TLS != nil && o.TLS.Version == "":
			s.skip("sip-no-tls", "No TLS 1.2 or later session to send OPTIONS over, and Twilio gets no further without one: see TLS.")
		case t.Transport == "udp":
			s.skip("sip-no-connection", "No address takes UDP to send OPTIONS to: see Reachability.")
		default:
			s.skip("sip-no-connection", "No connection to send OPTIONS over: see Reachability.")
		}
		return s
	}
	s.saw("OPTIONS %s over %s to %s, with %s.", t.RequestURI, strings.ToUpper(sp.Transport), sp.Addr, headerList(t.Headers))
	if len(t.Dropped) > 0 {
		s.saw("Left out, as Twilio drops them: %s.", strings.Join(t.Dropped, ", "))
	}
	if sp.UncheckedTLS {
		s.saw("Sent without checking the certificate (the TLS step judges it), to see whether SIP answers behind it.")
	}
	switch {
	case sp.TimedOut:
		s.saw("No final response within %s.", sp.Timeout)
		s.mean(Fail, "sip-no-answer",
			"Nothing answered OPTIONS from this machine. A PBX that answers only Twilio's addresses looks exactly like this from here, so this does not prove Twilio's call fails, nor that it works. If the PBX should answer this machine, it is down, not listening for %s on port %d, or a firewall drops the packets. From Twilio's addresses the same silence is warning 32011: allow Twilio's signaling addresses (`sipcompose compose -format allowlist`).",
			strings.ToUpper(t.Transport), t.Port)
		return s
	case sp.Status == 0:
		s.saw("No response: %s.", sp.Error)
		s.mean(Fail, "sip-error", "OPTIONS could not be sent or answered from this machine (see above). That proves nothing about Twilio's path, but nothing here could check the PBX's SIP either.")
		return s
	}
	answer := strconv.Itoa(sp.Status) + " " + sp.Reason + " in " + ms(sp.RTT)
	if sp.Server != "" {
		answer += "; Server: " + sp.Server
	}
	if sp.UserAgent != "" {
		answer += "; User-Agent: " + sp.UserAgent
	}
	s.saw("Answer: %s.", answer)
	judgeAnswer(&s, t, sp)
	return s
}

// judgeAnswer reads the response code as Twilio's INVITE would meet it.
func judgeAnswer(s *Step, t Target, sp *SIP) {
	code := sp.Status
	switch {
	case code >= 200 && code < 300:
		s.mean(Pass, "sip-ok", "A SIP stack answers OPTIONS from this machine. Twilio's INVITE comes from Twilio's signaling addresses, which the PBX must let in too (`sipcompose audit` checks its firewall rules).")
	case code == 401 || code == 407:
		if t.Credentials {
			s.mean(Warn, "sip-challenge", "The PBX asks for digest credentials (%d). The document sets a username, so Twilio answers the challenge with it (the probe sends none). If a call then fails with 401, 403 or 407 again, the username, password or realm is wrong.", code)
		} else {
			s.mean(Warn, "sip-challenge-no-credentials", "The PBX asks for digest credentials (%d), and none are set for this target (a URI alone cannot carry them). Twilio answers a challenge only with the <Sip>'s username and password (SipAuthUsername and SipAuthPassword over REST): add them, or have the PBX trust Twilio's signaling addresses, unless it already does and challenges only others, as this machine.", code)
		}
	case code == 403:
		s.mean(Warn, "sip-forbidden", "The PBX refuses this machine (403). That is what a PBX that trusts only Twilio's addresses should answer, so it does not prove Twilio's call fails; it proves a SIP stack answers on %s port %d. For Twilio's call, the PBX must trust Twilio's signaling addresses, or challenge (401/407) rather than refuse: Twilio sends credentials only after a challenge.", strings.ToUpper(t.Transport), t.Port)
	case code == 404 || code == 484:
		s.mean(Warn, "sip-unknown-user", "The PBX does not know the URI's user (%d). If it answers Twilio's INVITE the same way, the call fails: make the user part match the PBX's dial plan (with or without the +).", code)
	case code == 405 || code == 501:
		s.mean(Pass, "sip-no-options", "A SIP stack answers, but does not serve OPTIONS (%d). That says nothing against INVITE, which Twilio sends.", code)
	case code >= 500 && code < 600:
		s.mean(Fail, "sip-server-error", "The PBX answers with an error (%d): it is up but unwell or overloaded. Twilio's INVITE may meet the same, which it reports as warning 32011.", code)
	default:
		s.mean(Warn, "sip-rejected", "A SIP stack answers, but refuses OPTIONS (%d). Check the PBX's logs for why; Twilio's INVITE may be refused alike.", code)
	}
}

func headerList(hs []Header) string {
	if len(hs) == 0 {
		return "no custom headers"
	}
	parts := make([]string, len(hs))
	for i, h := range hs {
		parts[i] = h.Name + ": " + h.Value
	}
	noun := "custom headers "
	if len(hs) == 1 {
		noun = "custom header "
	}
	return "Twilio's " + noun + strings.Join(parts, ", ")
}
