package diagnose

import (
	"fmt"
	"slices"
	"strings"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/evidence"
)

// Checks of how Twilio's INVITE reached the PBX, and the PBX's final
// answer when it is a refusal.

// checkPolicy: Twilio's account, permission and geo codes stop the call
// before any INVITE (fact sheet §1.6).
func (c *call) checkPolicy() []Finding {
	var out []Finding
	for _, code := range c.ev.Codes {
		tc, ok := twilioCodeOf(code.Number)
		if !ok || !tc.policy {
			continue
		}
		f := Finding{
			Code: "twilio-policy", Severity: sipcompose.SeverityError,
			Message:      fmt.Sprintf("Twilio error %d: %s. %s Twilio stops such a call itself, before it sends any INVITE to the PBX.", code.Number, tc.title, tc.meaning),
			Fix:          tc.fix,
			Evidence:     []Line{{At: code.Ref.String(), Text: code.Text}},
			TwilioErrors: []int{code.Number},
		}
		if tc.leg != "" {
			f.Message += " It concerns " + tc.leg + "."
		}
		if len(c.dialogs) > 0 {
			f.Message += " Yet an INVITE is in the evidence: the code may be about another call or leg."
		}
		if f.Fix == "" {
			f.Fix = "Look the code up in the Twilio Console (Monitor > Errors) and ask Twilio Support."
		}
		out = append(out, f)
	}
	return out
}

// gatewaysUncertain is what the fact sheet (§2.5) leaves open about the
// signalling addresses.
const gatewaysUncertain = "Twilio publishes these /30s for Elastic SIP Trunking; whether <Dial><Sip> calls use exactly the same ones is not documented (error 32011's page points at the SIP Interface list instead)."

// allowlistHint ends a fix that names addresses to allow.
const allowlistHint = "sipcompose compose -format allowlist prints every rule to add."

// gateways says which addresses the PBX must trust for signalling.
func (c *call) gateways(e sipcompose.Edge, known bool) string {
	if c.doc != nil && len(c.res.AllowList.Signaling) > 0 {
		var rules []string
		for _, r := range c.res.AllowList.Signaling {
			rules = append(rules, r.Describe())
		}
		return strings.Join(rules, "; ")
	}
	if known {
		return fmt.Sprintf("%s's gateways, %s, on 5060 (UDP/TCP) and 5061 (TLS)", e.Name, strings.Join(e.Signaling, ", "))
	}
	return "the /30 gateways of the edge the call leaves from, on 5060 (UDP/TCP) and 5061 (TLS)"
}

// checkSource: the INVITE's source against the edge the document asks
// for, and a PBX that ignores Twilio altogether or says it does not know
// it (fact sheet §2.5: each edge's /30s, and allow them all; §0.2: ashburn
// is the default edge; §2.3, row "none": firewalls, ACLs, fail2ban).
func (c *call) checkSource() []Finding {
	var out []Finding
	for i := range c.dialogs {
		d := &c.dialogs[i]
		inv := d.invites[0]
		e, at, twilio := twilioSide(inv)
		if twilio && d.preview != nil && d.preview.Edge != "" && d.preview.Edge != e.Name {
			sev := sipcompose.SeverityWarning
			if len(d.responses) == 0 || d.final() != nil && d.final().Status == 403 {
				sev = sipcompose.SeverityError
			}
			out = append(out, Finding{
				Code: "edge-mismatch", Severity: sev, Field: d.field("edge"),
				Message: fmt.Sprintf("The INVITE came from Twilio's %s edge (%s), but the document sends this target from %s (%s). A PBX or firewall that trusts only %s's gateways refuses or ignores it.",
					e.Name, strings.Join(e.Signaling, ", "), d.preview.Edge, strings.Join(d.preview.Signaling, ", "), d.preview.Edge),
				Fix:       fmt.Sprintf("Make sure the TwiML Twilio runs is this document's: its <Sip> URI must carry ;edge=%s (without it Twilio sends from ashburn). Twilio advises allowing every edge's gateways, so a call still gets through when it leaves from another edge.", d.preview.Edge),
				Evidence:  []Line{at},
				Uncertain: gatewaysUncertain,
			})
		}
		if len(d.responses) > 0 || c.refused(inv) {
			continue
		}
		// No answer at all: Twilio's retransmissions show the INVITE
		// was sent again and again; a callback's 408 says Twilio gave up.
		if len(d.invites) < 2 && c.status != 408 && !c.hasCode(32011) {
			continue
		}
		lines := []Line{msgLine(inv)}
		if len(d.invites) > 1 {
			last := d.invites[len(d.invites)-1]
			lines = append(lines, msgLine(last))
		}
		if c.status == 408 {
			lines = append(lines, c.statusLine)
		}
		msg := "The PBX never answered the INVITE, not even with 100 Trying"
		if len(d.invites) > 1 {
			msg += fmt.Sprintf(", though Twilio sent it %d times", len(d.invites))
		}
		if span := d.invites[len(d.invites)-1].Time.Sub(inv.Time); len(d.invites) > 1 && span > 0 {
			msg += fmt.Sprintf(" over %.1f s", span.Seconds())
		}
		msg += ". A firewall drops SIP from Twilio, or the PBX silently ignores peers it does not know (Asterisk/FreePBX's responsive firewall, fail2ban, a missing pjsip identify)."
		if !twilio {
			msg += " The INVITE's source is not one of Twilio's gateways, so this capture may be behind a NAT or an SBC."
		}
		out = append(out, Finding{
			Code: "source-not-allowed", Severity: sipcompose.SeverityError,
			Message:      msg,
			Fix:          "Let SIP through the firewall from " + c.gateways(e, twilio) + ", and trust those addresses on the PBX (on Asterisk, a pjsip identify for the Twilio endpoint); check fail2ban has not banned them. Also check the URI's host and port are the PBX's. " + allowlistHint,
			Evidence:     lines,
			TwilioErrors: []int{32011},
			Uncertain:    gatewaysUncertain,
		})
	}
	if len(c.dialogs) == 0 && c.status == 408 {
		out = append(out, Finding{
			Code: "source-not-allowed", Severity: sipcompose.SeverityWarning,
			Message:      "Twilio reports 408 Request Timeout: it had no answer to its INVITE. Most often a firewall drops SIP from Twilio, or the PBX ignores peers it does not know; a wrong host or port in the URI does the same.",
			Fix:          "Let SIP through the firewall from " + c.gateways(sipcompose.Edge{}, false) + ", and trust those addresses on the PBX; check the URI's host and port. A capture on the PBX during a call shows whether the INVITE arrives. " + allowlistHint,
			Evidence:     []Line{c.statusLine},
			TwilioErrors: []int{32011},
			Uncertain:    "Twilio does not document that 408 means no response; it is what public reports show.",
		})
	}
	for _, l := range c.ev.Logs {
		low := strings.ToLower(l.Text)
		if strings.Contains(low, "no matching endpoint") || strings.Contains(low, "not allowed") && strings.Contains(low, "source") {
			out = append(out, Finding{
				Code: "source-not-allowed", Severity: sipcompose.SeverityError,
				Message:  "The PBX does not recognise Twilio's address as a peer it takes calls from: " + l.Format + " logged " + quote(l.Text) + ".",
				Fix:      "Add Twilio's signalling gateways to the PBX's trusted peers (on Asterisk, a pjsip identify matching " + c.gateways(sipcompose.Edge{}, false) + "). " + allowlistHint,
				Evidence: []Line{{At: l.Ref.String(), Text: l.Text}},
			})
		}
	}
	return out
}

func quote(s string) string {
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return "“" + s + "”"
}

// refused reports an ICMP unreachable or TCP reset for inv's destination.
func (c *call) refused(inv *evidence.Message) bool {
	return slices.ContainsFunc(c.ev.Refused, func(r evidence.Refusal) bool { return r.To == inv.Dst })
}

func (c *call) hasCode(n int) bool {
	return slices.ContainsFunc(c.ev.Codes, func(code evidence.Code) bool { return code.Number == n })
}

// checkTransport: a port that refused the INVITE, TLS where it does not
// belong or too old, and an INVITE over another transport than the
// document's (fact sheet §0.1: UDP unless ;transport=, TLS on 5061; §1.5:
// 32222 below TLS 1.2).
func (c *call) checkTransport() []Finding {
	var out []Finding
	for _, r := range c.ev.Refused {
		f := Finding{Code: "transport-mismatch", Severity: sipcompose.SeverityError, TwilioErrors: []int{32011},
			Evidence: []Line{{At: r.Ref.String(), Text: fmt.Sprintf("%s: %s refused %s from %s", map[string]string{"udp": "ICMP port unreachable", "tcp": "TCP reset"}[r.Proto], r.To, strings.ToUpper(r.Proto), r.From)}}}
		d := c.dialogTo(r.To)
		if d == nil && len(c.dialogs) > 0 {
			continue // a refusal of something else (RTP, or a late answer to Twilio)
		}
		if r.Proto == "udp" {
			f.Message = fmt.Sprintf("Nothing listens for UDP on %s: the PBX's host answered the INVITE with ICMP port unreachable. Twilio sends SIP over UDP unless the URI says ;transport=tcp or ;transport=tls, so a PBX listening only on TCP or TLS never sees it.", r.To)
			f.Fix = "Give the URI the transport the PBX listens on (;transport=tcp or ;transport=tls, port 5061 for TLS), or open a UDP listener on the PBX."
		} else {
			f.Message = fmt.Sprintf("Nothing listens for TCP on %s: the PBX's host reset Twilio's connection.", r.To)
			f.Fix = "Use the transport and port the PBX listens on (UDP is Twilio's default), or open a TCP/TLS listener on the PBX."
		}
		if d != nil {
			f.Field = d.field("transport")
			f.Evidence = append([]Line{msgLine(d.invites[0])}, f.Evidence...)
		}
		out = append(out, f)
	}
	for _, h := range c.ev.TLS {
		line := Line{At: h.Ref.String(), Text: fmt.Sprintf("TLS handshake %s → %s, offered %s, chosen %s", h.Client, h.Server, or(h.Offered, "?"), or(h.Chosen, "?"))}
		if strings.HasSuffix(h.Server, ":5060") {
			out = append(out, Finding{Code: "transport-mismatch", Severity: sipcompose.SeverityWarning, Evidence: []Line{line},
				Message: "TLS on port 5060, SIP's port for UDP and TCP: one side expects TLS where the other speaks plain SIP.",
				Fix:     "Use port 5061 for TLS (Twilio's default for ;transport=tls), or no TLS on 5060."})
		}
		if h.Chosen == "TLS 1.0" || h.Chosen == "TLS 1.1" || h.Chosen == "SSL 3.0" {
			out = append(out, Finding{Code: "transport-mismatch", Severity: sipcompose.SeverityError, Evidence: []Line{line}, TwilioErrors: []int{32222},
				Message: "The PBX chose " + h.Chosen + ": Twilio requires TLS 1.2 by default and refuses the call (error 32222).",
				Fix:     "Enable TLS 1.2 on the PBX, or allow deprecated SIP/TLS versions in Console > Voice > Settings > General."})
		}
	}
	for i := range c.dialogs {
		d := &c.dialogs[i]
		inv := d.invites[0]
		if d.preview == nil || d.preview.Transport == "" || inv.Transport == "" {
			continue
		}
		want, got := d.preview.Transport, inv.Transport
		if want == "tls" && got == "tcp" && strings.HasSuffix(inv.Dst, ":"+d.preview.Port) {
			continue // TLS seen as TCP segments in a capture
		}
		if want != got {
			out = append(out, Finding{Code: "transport-mismatch", Severity: sipcompose.SeverityWarning, Field: d.field("transport"),
				Message:  fmt.Sprintf("The INVITE arrived over %s, but the document sends this target over %s: the TwiML Twilio ran is not this document's, or something between rewrote the transport.", strings.ToUpper(got), strings.ToUpper(want)),
				Fix:      "Check the <Sip> URI Twilio runs carries ;transport=" + want + ", as the document's does.",
				Evidence: []Line{msgLine(inv)}})
		}
	}
	return out
}

// dialogTo is the dialog whose INVITE went to addr.
func (c *call) dialogTo(addr string) *dialog {
	for i := range c.dialogs {
		if c.dialogs[i].invites[0].Dst == addr {
			return &c.dialogs[i]
		}
	}
	return nil
}

// udpLimit is RFC 3261 §18.1.1's threshold: a request within 200 bytes of
// a 1,500-byte path MTU, or over 1,300 bytes when the MTU is unknown,
// must go over a congestion-controlled transport.
const udpLimit = 1300

// checkSize: an INVITE too large for UDP (RFC 3261 §18.1.1; fact sheet
// §3, class 8, and §4, check 3).
func (c *call) checkSize() []Finding {
	var out []Finding
	for i := range c.dialogs {
		d := &c.dialogs[i]
		inv := d.invites[0]
		if inv.Transport != "udp" || inv.Size <= udpLimit {
			continue
		}
		msg := fmt.Sprintf("The INVITE is %d bytes over UDP, above the ~1,300 bytes at which RFC 3261 (§18.1.1) says to use TCP: on a path with a 1,500-byte MTU it is split into IP fragments, which firewalls and NATs often drop, and the PBX then never sees it.", inv.Size)
		if inv.Fragments > 1 {
			msg += fmt.Sprintf(" This one arrived in %d fragments.", inv.Fragments)
		}
		sev := sipcompose.SeverityWarning
		if len(d.responses) == 0 {
			sev = sipcompose.SeverityError
			msg += " The PBX did not answer it."
		}
		out = append(out, Finding{Code: "udp-too-large", Severity: sev, Field: d.field("transport"), Message: msg,
			Fix:      "Send it over TCP (;transport=tcp, or tls) or carry fewer or shorter custom headers.",
			Evidence: []Line{msgLine(inv)}, TwilioErrors: []int{32011}})
	}
	return out
}
