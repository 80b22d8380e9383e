package probe

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// Reach is what reaching the target's port found, one dial per address:
// a connection over TCP (and TCP under TLS); over UDP, which has no
// connection to make, one CRLF keep-alive (RFC 5626) from a connected
// socket, to which a host with nothing on the port answers ICMP port
// unreachable.
type Reach struct {
	Dials []Dial `json:"dials"`
	// Timeout is how long each dial (or keep-alive) waited.
	Timeout Millis `json:"timeoutMs"`
}

// Dial is one connection attempt, or one UDP keep-alive.
type Dial struct {
	Addr netip.AddrPort `json:"addr"`
	// Result is "connected", "refused" (a reset, or over UDP an ICMP port
	// unreachable: nothing listens, or a firewall rejects), "timeout" (no
	// answer), "quiet" (UDP: nothing came back, which an open port and a
	// firewall that drops both give), "answered" (UDP: a datagram came
	// back), "unreachable" (no route from this machine) or "error".
	Result string `json:"result"`
	// Error is what the system said, when it did not connect.
	Error string `json:"error,omitempty"`
	Took  Millis `json:"tookMs"`
}

// Dial results.
const (
	Connected   = "connected"
	Refused     = "refused"
	TimedOut    = "timeout"
	Quiet       = "quiet"
	Answered    = "answered"
	Unreachable = "unreachable"
	DialError   = "error"
)

// JudgeReach says whether the target's port answers on its transport. r
// is nil when there was no address to dial.
func JudgeReach(t Target, r *Reach) Step {
	s := step("reach")
	judgePort(&s, t)
	switch {
	case r == nil:
		s.skip("reach-no-address", "No address to reach: see DNS.")
		return s
	case t.Transport == "udp":
		judgeUDP(&s, t, r)
		return s
	}
	var failed []Dial
	for _, d := range r.Dials {
		switch d.Result {
		case Connected:
			s.saw("TCP to %s: connected in %s.", d.Addr, ms(d.Took))
		case TimedOut:
			s.saw("TCP to %s: no answer within %s.", d.Addr, r.Timeout)
		default:
			s.saw("TCP to %s: %s (%s).", d.Addr, d.Result, d.Error)
		}
		if d.Result != Connected {
			failed = append(failed, d)
		}
	}
	switch {
	case len(failed) == 0:
		s.mean(Pass, "reach-ok", "Port %d accepts TCP from this machine.", t.Port)
	default:
		judgeFailed(&s, t, r, failed)
	}
	return s
}

// judgeUDP reads what the UDP keep-alives drew. An ICMP port unreachable
// is conclusive; silence is not, as a port that answers and a firewall
// that drops look alike from here.
func judgeUDP(s *Step, t Target, r *Reach) {
	var failed []Dial
	for _, d := range r.Dials {
		switch d.Result {
		case Refused:
			s.saw("UDP to %s: ICMP port unreachable (%s).", d.Addr, d.Error)
		case Quiet:
			s.saw("UDP to %s: no ICMP port unreachable within %s.", d.Addr, r.Timeout)
		case Answered:
			s.saw("UDP to %s: a datagram came back.", d.Addr)
		default:
			s.saw("UDP to %s: %s (%s).", d.Addr, d.Result, d.Error)
		}
		if d.Result != Quiet && d.Result != Answered {
			failed = append(failed, d)
		}
	}
	if len(failed) == 0 {
		s.skip("reach-udp", "No address refused UDP %d, but UDP has no connection to make, so a port that answers and one behind a firewall that drops packets look alike from here: the SIP step's OPTIONS shows whether anything answers.", t.Port)
		return
	}
	judgeFailed(s, t, r, failed)
}

// judgeFailed says what the dials that failed mean, some or all of them.
func judgeFailed(s *Step, t Target, r *Reach, failed []Dial) {
	switch {
	case len(failed) < len(r.Dials):
		s.mean(Warn, "reach-partial", "Not every address answers: %s. Twilio may send to any of the host's addresses, and a call sent to one that does not answer fails (warning 32011).", dialList(failed))
	default:
		judgeNoConnect(s, t, failed[0].Result, r.Timeout)
	}
}

// judgeNoConnect explains why no address accepted a connection (or, over
// UDP, why each refused).
func judgeNoConnect(s *Step, t Target, result string, timeout Millis) {
	switch {
	case result == Refused && t.Transport == "udp":
		s.mean(Fail, "reach-refused",
			"Nothing takes UDP on port %d from this machine: the host answered ICMP port unreachable, so the PBX does not listen there for UDP, or a firewall rejects this machine. If the PBX listens elsewhere, put that port or transport in the URI; if it listens here, Twilio's call fails the same way (warning 32011).",
			t.Port)
		return
	}
	switch result {
	case Refused:
		s.mean(Fail, "reach-refused",
			"Nothing accepts TCP on port %d from this machine: the PBX does not listen there for %s, or a firewall rejects this machine. If the PBX listens elsewhere, put that port or transport in the URI; if it listens here, Twilio's call fails the same way (warning 32011).",
			t.Port, strings.ToUpper(t.Transport))
	case TimedOut:
		s.mean(Fail, "reach-timeout",
			"No answer within %s: a firewall drops this machine's packets, or the host is down. A PBX that lets in only Twilio's addresses looks exactly like this from here, so this does not prove Twilio's call fails; from Twilio's addresses the same silence is warning 32011 (allow Twilio's signaling addresses on TCP %d).",
			timeout, t.Port)
	case Unreachable:
		s.mean(Fail, "reach-unreachable",
			"This machine has no route to the host: it proves nothing about Twilio's path, but nothing here could check the port either.")
	default:
		s.mean(Fail, "reach-error", "No connection could be made from this machine (see above).")
	}
}

// judgePort flags a port that belongs to the other kind of transport, as
// Twilio applies its defaults (5060 UDP/TCP, 5061 TLS).
func judgePort(s *Step, t Target) {
	switch {
	case t.Transport == "tls" && t.Port == 5060:
		s.mean(Warn, "port-tls-on-5060", "The URI sends TLS to port 5060, SIP's port for UDP and TCP; TLS is usually on 5061. Check the PBX really takes TLS there.")
	case t.Transport != "tls" && t.Port == 5061:
		s.mean(Warn, "port-plain-on-5061", "The URI sends %s to port 5061, SIP's port for TLS. If the PBX listens for TLS there, add ;transport=tls; Twilio sends %s as written.", strings.ToUpper(t.Transport), strings.ToUpper(t.Transport))
	}
}

func dialList(ds []Dial) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.Addr.String() + " " + d.Result
	}
	return strings.Join(parts, ", ")
}

// Millis is a duration that JSON writes in milliseconds, as a person
// reads a round trip or a timeout.
type Millis time.Duration

func (m Millis) String() string { return time.Duration(m).String() }

func (m Millis) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(m)/float64(time.Millisecond), 'f', -1, 64), nil
}

func (m *Millis) UnmarshalJSON(b []byte) error {
	f, err := strconv.ParseFloat(string(b), 64)
	*m = Millis(f * float64(time.Millisecond))
	return err
}

// ms is a duration as a person reads a round trip: "0.4 ms", "112.0 ms".
func ms(d Millis) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}
