package diagnose

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/evidence"
)

// Checks of the PBX's answer: its challenge, its SDP, its Contact, and
// the media that followed.

// checkAuth: a challenge Twilio had no credentials for, a 403 with no
// challenge, credentials refused (fact sheet §0.6: Twilio sends credentials
// only after a 401 or 407, and Elastic SIP Trunking origination never;
// §2.3, rows 401/407 and 403).
func (c *call) checkAuth() []Finding {
	var out []Finding
	for i := range c.dialogs {
		d := &c.dialogs[i]
		for _, r := range d.responses {
			if r.Status != 401 && r.Status != 407 && r.Status != 403 {
				continue
			}
			inv := c.answered(d, r)
			creds := inv != nil && hasCredentials(inv)
			lines := []Line{}
			if inv != nil {
				lines = append(lines, msgLine(inv))
			}
			lines = append(lines, msgLine(r))
			switch {
			case creds:
				out = append(out, c.credentialsRefused(d, r, lines))
			case r.Status == 403:
				out = append(out, c.neverChallenged(d, r, lines))
			case !slices.ContainsFunc(d.invites, hasCredentials):
				out = append(out, c.noCredentials(d, r, lines))
			}
		}
	}
	if len(c.dialogs) == 0 && c.status != 0 {
		lines := []Line{c.statusLine}
		switch c.status {
		case 401, 407:
			out = append(out, c.noCredentials(c.sole(), nil, lines))
		case 403:
			out = append(out, c.neverChallenged(c.sole(), nil, lines))
		}
	}
	return out
}

// answered is the INVITE a response answers: the last one with its CSeq
// sent before it.
func (c *call) answered(d *dialog, r *evidence.Message) *evidence.Message {
	n, _ := r.CSeq()
	var out *evidence.Message
	for _, inv := range d.invites {
		if m, _ := inv.CSeq(); m == n {
			out = inv
		}
	}
	return out
}

func (c *call) target(d *dialog) *sipcompose.Target {
	if d == nil || d.preview == nil {
		return nil
	}
	return &c.doc.Targets[d.target]
}

func (c *call) noCredentials(d *dialog, r *evidence.Message, lines []Line) Finding {
	challenge := "a 401 or 407"
	if r != nil {
		challenge = fmt.Sprintf("%d %s", r.Status, r.Reason)
	}
	f := Finding{Code: "auth-challenge-no-credentials", Severity: sipcompose.SeverityError, Evidence: lines, TwilioErrors: []int{32011},
		Message: "The PBX asked for digest credentials (" + challenge + ") and Twilio sent no second INVITE with them: Twilio answers a challenge only when the <Sip> noun has a username and password (SipAuthUsername/SipAuthPassword on the REST API).",
		Fix:     "Set username and password on the target to the credentials the PBX expects, or have the PBX trust Twilio by source address instead of challenging it. Elastic SIP Trunking origination never answers challenges: such a PBX must trust Twilio's addresses."}
	if d != nil {
		f.Field = d.field("username")
	}
	if t := c.target(d); t != nil && t.Username != "" {
		f.Severity = sipcompose.SeverityWarning
		f.Message += " The document's target has a username, so the TwiML Twilio ran is not this document's, or the credentials were left out of it."
		f.Fix = "Make sure the TwiML or REST call Twilio runs carries the username and password of this document's target."
	}
	return f
}

func (c *call) neverChallenged(d *dialog, r *evidence.Message, lines []Line) Finding {
	f := Finding{Code: "auth-rejected", Severity: sipcompose.SeverityError, Evidence: lines, TwilioErrors: []int{32011},
		Message: "The PBX answered the first INVITE with 403 Forbidden, without challenging it. Twilio sends credentials only after a 401 or 407, so a PBX that answers 403 never gets them: it refused Twilio's address (not in its ACL or identify list) or wants credentials and never asked.",
		Fix:     "Trust Twilio's signalling gateways on the PBX (" + c.gateways(sipcompose.Edge{}, false) + "), or make it challenge with 401/407 and set the target's username and password. " + allowlistHint}
	if r != nil {
		f.Message += reasonOf(r)
	}
	if d != nil && len(d.invites) > 0 {
		if e, _, ok := twilioSide(d.invites[0]); ok {
			f.Fix = "Trust Twilio's signalling gateways on the PBX (" + c.gateways(e, true) + "), or make it challenge with 401/407 and set the target's username and password. " + allowlistHint
		}
	}
	return f
}

func (c *call) credentialsRefused(d *dialog, r *evidence.Message, lines []Line) Finding {
	return Finding{Code: "auth-rejected", Severity: sipcompose.SeverityError, Evidence: lines, Field: d.field("password"), TwilioErrors: []int{32011},
		Message: fmt.Sprintf("Twilio answered the PBX's challenge with credentials and the PBX refused them (%d %s): the username, password or realm is wrong.", r.Status, r.Reason) + reasonOf(r),
		Fix:     "Set the target's username and password to what the PBX has for Twilio (check the PBX's realm and its auth log)."}
}

// checkCodecs: 488, 415 and 606, an answer without G.711, and RTP against
// SRTP (fact sheet §0.4: PCMU and PCMA by default, G.729, Opus and AMR-NB on
// request; §0.1: SRTP with AES_CM_128_HMAC_SHA1_80 only; §2.3, row
// 415/488/606).
func (c *call) checkCodecs() []Finding {
	var out []Finding
	for _, o := range c.outcomes() {
		if o.status != 488 && o.status != 415 && o.status != 606 {
			continue
		}
		lines := []Line{o.line}
		msg := fmt.Sprintf("The PBX refused Twilio's offer (%d): no codec or media profile in common.", o.status)
		field := ""
		if o.d != nil && len(o.d.invites) > 0 {
			if s, ok := o.d.invites[0].SDP(); ok {
				msg += fmt.Sprintf(" Twilio offered %s over %s.", strings.Join(s.Codecs, ", "), s.Proto)
				lines = append([]Line{sdpLine(o.d.invites[0], s)}, lines...)
				if s.Proto == "RTP/SAVP" {
					msg += " The offer is SRTP (;secure=true): a PBX without SRTP refuses it."
					field = o.d.field("secure")
				}
			}
		}
		if t := c.target(o.d); t != nil && !t.Secure {
			msg += " If the PBX requires SRTP, the URI needs ;secure=true."
			field = o.d.field("secure")
		}
		out = append(out, Finding{Code: "codec-mismatch", Severity: sipcompose.SeverityError, Field: field, Message: msg + reasonOf(o.msg),
			Fix:      "Allow G.711 μ-law and A-law (PCMU, PCMA) on the PBX for Twilio's calls: Twilio supports only those by default. Make ;secure=true on the URI match the PBX's SRTP policy.",
			Evidence: lines})
	}
	for i := range c.dialogs {
		d := &c.dialogs[i]
		offer, okOffer := d.invites[0].SDP()
		for _, r := range d.responses {
			ans, ok := r.SDP()
			if !ok || r.Status >= 300 {
				continue
			}
			lines := []Line{sdpLine(r, ans)}
			switch {
			case ans.Port == 0:
				out = append(out, Finding{Code: "codec-mismatch", Severity: sipcompose.SeverityError, Evidence: lines,
					Message: fmt.Sprintf("The PBX's %d refused the audio stream (m=audio port 0).", r.Status),
					Fix:     "Allow PCMU and PCMA on the PBX."})
			case !ans.HasG711():
				out = append(out, Finding{Code: "codec-mismatch", Severity: sipcompose.SeverityError, Evidence: lines,
					Message: fmt.Sprintf("The PBX's %d answers with %s and neither PCMU nor PCMA, which are all Twilio supports by default (G.729, Opus and AMR-NB only on request).", r.Status, strings.Join(ans.Codecs, ", ")),
					Fix:     "Allow G.711 μ-law and A-law (PCMU, PCMA) on the PBX for Twilio's calls."})
			case okOffer && offer.Proto != "" && ans.Proto != offer.Proto:
				out = append(out, Finding{Code: "codec-mismatch", Severity: sipcompose.SeverityError, Field: d.field("secure"), Evidence: append([]Line{sdpLine(d.invites[0], offer)}, lines...),
					Message: fmt.Sprintf("Twilio offered %s but the PBX answered %s: SRTP against plain RTP, so no audio flows.", offer.Proto, ans.Proto),
					Fix:     "Make ;secure=true on the URI match the PBX's SRTP policy (Twilio's SRTP offers only AES_CM_128_HMAC_SHA1_80)."})
			}
			break
		}
	}
	return out
}

func sdpLine(m *evidence.Message, s evidence.SDP) Line {
	return Line{At: m.Ref.String(), Text: fmt.Sprintf("%s SDP: c=%s m=audio %d %s %s", m.StartLine(), or(s.Addr, "?"), s.Port, s.Proto, strings.Join(s.Codecs, ", "))}
}

// checkContact: the 200 OK's Contact where Twilio's ACK cannot reach, and
// Twilio's Via or Record-Route rewritten (fact sheet §2.3, "200, then call
// drops at ~30-32 s": TS#4, TS#9; §0.7; 32105 for loopback, §1.1).
func (c *call) checkContact() []Finding {
	var out []Finding
	for i := range c.dialogs {
		d := &c.dialogs[i]
		oks := d.answers(200)
		if len(oks) == 0 {
			continue
		}
		ok := oks[0]
		var lines []Line
		var problems []string
		errs := []int{32022}
		contact := ok.Header("Contact")
		if a, h, isAddr := uriHost(contact); isAddr && private(a) {
			problems = append(problems, fmt.Sprintf("its Contact names %s, a %s address Twilio cannot reach", h, kindOf(a)))
			lines = append(lines, headerLine(ok, "Contact", contact))
			if a.IsLoopback() {
				errs = append(errs, 32105)
			}
		} else if strings.Contains(strings.ToLower(contact), "@localhost") {
			problems = append(problems, "its Contact names localhost")
			lines = append(lines, headerLine(ok, "Contact", contact))
			errs = append(errs, 32105)
		}
		inv := d.invites[0]
		if want, got := viaSentBys(inv), viaSentBys(ok); len(want) > 0 && len(got) > 0 && !slices.Equal(want, got) {
			problems = append(problems, fmt.Sprintf("it rewrote Twilio's Via (sent %s, answered %s), so the 200 dies inside Twilio", strings.Join(want, ", "), strings.Join(got, ", ")))
			lines = append(lines, headerLine(ok, "Via", strings.Join(ok.Values("Via"), ", ")))
		}
		if rr := inv.Values("Record-Route"); len(rr) > 0 && !slices.Equal(rr, ok.Values("Record-Route")) && ok.Header("Record-Route") != "" {
			problems = append(problems, "it changed Twilio's Record-Route")
			lines = append(lines, headerLine(ok, "Record-Route", ok.Header("Record-Route")))
		}
		if len(problems) == 0 {
			continue
		}
		msg := "The PBX's 200 OK cannot be acknowledged: " + strings.Join(problems, "; ") + ". Twilio's ACK is lost, the PBX resends the 200, and the call drops after about 32 seconds."
		if len(oks) > 1 {
			msg += fmt.Sprintf(" The PBX sent the 200 %d times", len(oks))
			if len(d.acks) == 0 {
				msg += " and no ACK came"
			}
			msg += "."
			lines = append(lines, msgLine(oks[len(oks)-1]))
		}
		if len(d.byes) > 0 {
			if s := d.byes[0].Time.Sub(ok.Time); !ok.Time.IsZero() && s > 0 {
				msg += fmt.Sprintf(" The call ended with a BYE %.1f s after the 200.", s.Seconds())
			}
			lines = append(lines, msgLine(d.byes[0]))
		}
		out = append(out, Finding{Code: "contact-private", Severity: sipcompose.SeverityError, Evidence: append([]Line{msgLine(ok)}, lines...), TwilioErrors: errs,
			Message:   msg,
			Uncertain: "Twilio documents error 32022 for its own 200 OK that is not acknowledged; that it logs 32022 when the PBX's 200 goes unacknowledged is inferred (the fact sheet lists 32022 with this class of fault).",
			Fix:       "Make the PBX put its public address in the Contact of its 200 OK (on Asterisk: external_signaling_address; behind Docker, the host's public address), and leave Twilio's Via, Contact and Record-Route exactly as received (turn off SIP ALG or NAT helpers that rewrite them)."})
	}
	return out
}

// viaSentBys are a message's Via sent-by addresses, without the
// parameters the PBX may add (received, rport).
func viaSentBys(m *evidence.Message) []string {
	var out []string
	for _, v := range m.Values("Via") {
		sentBy, _ := viaHost(v)
		out = append(out, strings.ToLower(sentBy))
	}
	return out
}

func kindOf(a netip.Addr) string {
	switch {
	case a.IsLoopback():
		return "loopback"
	case a.Is4() && netip.MustParsePrefix("172.16.0.0/12").Contains(a):
		return "private (RFC 1918; Docker's default bridge is 172.17.0.0/16)"
	case a.IsPrivate():
		return "private (RFC 1918)"
	}
	return "non-public"
}

// checkSDPAddress: the PBX's SDP sends Twilio's media to a private address
// (fact sheet §2.3, "200, no audio or one-way audio"; §4: Voice Insights'
// external_media_ip).
func (c *call) checkSDPAddress() []Finding {
	var out []Finding
	for i := range c.dialogs {
		d := &c.dialogs[i]
		for _, r := range d.responses {
			s, ok := r.SDP()
			if !ok || r.Status >= 300 {
				continue
			}
			if a, err := netip.ParseAddr(s.Addr); err == nil && private(a) {
				out = append(out, Finding{Code: "sdp-private-address", Severity: sipcompose.SeverityError, Evidence: []Line{msgLine(r), sdpLine(r, s)},
					Message: fmt.Sprintf("The PBX's %d %s asks Twilio to send audio to %s, a %s address Twilio cannot reach: the caller hears nothing, or audio flows one way.", r.Status, r.Reason, s.Addr, kindOf(a)),
					Fix:     "Make the PBX advertise its public address in SDP (on Asterisk: external_media_address and local_net; on FreeSWITCH: ext-rtp-ip), and allow UDP from 168.86.128.0/18 to its RTP ports."})
			}
			break
		}
	}
	for _, p := range c.ev.Params {
		if strings.HasSuffix(p.Name, "external_media_ip") {
			if a, err := netip.ParseAddr(p.Value); err == nil && private(a) {
				out = append(out, Finding{Code: "sdp-private-address", Severity: sipcompose.SeverityError, Evidence: []Line{{At: p.Ref.String(), Text: p.Name + "=" + p.Value}},
					Message: "Voice Insights saw the PBX's media address as " + p.Value + ", a private address Twilio cannot send audio to.",
					Fix:     "Make the PBX advertise its public address in SDP (external_media_address on Asterisk, ext-rtp-ip on FreeSWITCH)."})
			}
		}
	}
	return out
}
