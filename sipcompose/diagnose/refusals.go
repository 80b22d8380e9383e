package diagnose

import (
	"fmt"
	"slices"
	"strings"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/evidence"
)

// Checks of the PBX's final answer when it refuses the call, or never
// gives one.

// checkDestination: 404, 484 and 604, the Request-URI's user not in the
// PBX's dial plan (fact sheet §2.3, row 404/484; §3, class 5: +E.164
// against what the PBX or AI platform matches).
func (c *call) checkDestination() []Finding {
	var out []Finding
	for _, o := range c.outcomes() {
		if o.status != 404 && o.status != 484 && o.status != 604 {
			continue
		}
		user := ""
		var lines []Line
		field := ""
		switch {
		case o.d != nil && len(o.d.invites) > 0:
			user, _ = uriUserHost(o.d.invites[0].URI)
			lines = append(lines, msgLine(o.d.invites[0]))
		case o.d != nil:
			user, _ = uriUserHost(o.d.preview.RequestURI)
		}
		field = o.d.field("user")
		lines = append(lines, o.line)
		msg := fmt.Sprintf("The PBX answered %d: it has no destination for the Request-URI", o.status)
		if user != "" {
			msg += " user " + quote(user)
		}
		msg += "."
		if strings.HasPrefix(user, "+") {
			msg += " The user is in +E.164 form; many dial plans and AI-platform trunks expect the number without the + or as an extension."
		}
		out = append(out, Finding{Code: "destination-not-found", Severity: sipcompose.SeverityError, Field: field, Message: msg + reasonOf(o.msg),
			Fix:      "Make the URI's user part match what the PBX routes (keep or strip the +, or send the extension), or add the number to the PBX's dial plan or DID list; check the host is one the PBX serves.",
			Evidence: lines})
	}
	return out
}

// reasonOf quotes a response's Reason and Warning headers.
func reasonOf(m *evidence.Message) string {
	if m == nil {
		return ""
	}
	var parts []string
	for _, name := range []string{"Reason", "Warning"} {
		for _, v := range m.Values(name) {
			parts = append(parts, name+": "+v)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " It said why: " + quote(strings.Join(parts, "; ")) + "."
}

// checkSessionTimer: 422, the PBX wanting a longer session interval (fact
// sheet §2.3, row 422, where Twilio's guide and a 2025 INVITE disagree).
func (c *call) checkSessionTimer() []Finding {
	var out []Finding
	for _, o := range c.outcomes() {
		if o.status != 422 {
			continue
		}
		lines := []Line{o.line}
		msg := "The PBX answered 422 Session Interval Too Small: it wants session timers with a longer interval than the INVITE allows."
		if o.msg != nil {
			if v := o.msg.Header("Min-SE"); v != "" {
				msg += " It asks for Min-SE " + v + "."
				lines = append(lines, headerLine(o.msg, "Min-SE", v))
			}
			if inv := o.d.invites[0]; inv.Header("Session-Expires") != "" || inv.Header("Min-SE") != "" {
				lines = append(lines, headerLine(inv, "Session-Expires", or(inv.Header("Session-Expires"), "(none)")), headerLine(inv, "Min-SE", or(inv.Header("Min-SE"), "(none)")))
			}
		}
		out = append(out, Finding{Code: "session-timer", Severity: sipcompose.SeverityError, Message: msg,
			Fix:       "Lower the PBX's Min-SE and Session-Expires (Twilio's guide suggests 1800 or 3600 seconds, and never above the INVITE's), or turn session timers off for Twilio's calls.",
			Evidence:  lines,
			Uncertain: "Twilio's trunking guide says Twilio does not support session timers and strips Supported: timer, but a 2025 Twilio INVITE carried Supported: timer and Min-SE: 120."})
	}
	return out
}

// checkNoFinal: the PBX rang (1xx) and never answered; Twilio cancelled
// (fact sheet §2.3, row 487, and §2.2: 487 gives no-answer is inferred;
// twilio-sip-out.md: <Dial timeout> is 30 s by default and Twilio adds
// about 5 s).
func (c *call) checkNoFinal() []Finding {
	var out []Finding
	field := ""
	if c.doc != nil {
		field = "dial.timeout"
	}
	for i := range c.dialogs {
		d := &c.dialogs[i]
		prov := slices.IndexFunc(d.responses, func(m *evidence.Message) bool { return m.Status < 200 })
		f := d.final()
		cancelled := len(d.cancels) > 0 || f != nil && f.Status == 487
		if prov < 0 || f != nil && !cancelled {
			continue
		}
		last := d.responses[prov]
		for _, r := range d.responses {
			if r.Status < 200 {
				last = r
			}
		}
		lines := []Line{msgLine(d.invites[0]), msgLine(last)}
		// Evidence that ends before the <Dial timeout> and says nothing
		// of the end (no final response, no CANCEL, no status from Twilio)
		// cannot show that none came.
		if after, early := c.endsWithin(d.invites[0], c.dialTimeout()); f == nil && !cancelled && c.status == 0 && early {
			out = append(out, Finding{Code: "no-final-response", Severity: sipcompose.SeverityInfo, Evidence: lines,
				Message: fmt.Sprintf("The PBX answered %d %s, and the evidence ends %.1f s after the INVITE, before any final response or CANCEL: it does not show how the call went on.", last.Status, last.Reason, after.Seconds()),
				Fix:     fmt.Sprintf("Capture (or paste) the call until it ends: at least %.0f s after the INVITE, the <Dial timeout>.", c.dialTimeout().Seconds())})
			continue
		}
		msg := fmt.Sprintf("The PBX answered %d %s but never a final response", last.Status, last.Reason)
		if len(d.cancels) > 0 {
			lines = append(lines, msgLine(d.cancels[0]))
			if s := d.cancels[0].Time.Sub(d.invites[0].Time); s > 0 && !d.invites[0].Time.IsZero() {
				msg += fmt.Sprintf(": Twilio gave up and sent CANCEL %.1f s after the INVITE", s.Seconds())
			} else {
				msg += ": Twilio gave up and sent CANCEL"
			}
		}
		if f != nil {
			lines = append(lines, msgLine(f))
		}
		out = append(out, Finding{Code: "no-final-response", Severity: sipcompose.SeverityError, Field: field,
			Message:   msg + ". Twilio reports this as no-answer (or failed), DialSipResponseCode 487.",
			Fix:       "Make the PBX answer (200) or refuse (4xx) within the <Dial timeout> (30 s by default, plus about 5 s); raise the timeout if the PBX is slow to answer; check what the PBX does after it rings (a queue, a device that never picks up).",
			Evidence:  lines,
			Uncertain: "Twilio does not document which DialCallStatus a 487 gives: no-answer is inferred."})
	}
	if len(c.dialogs) == 0 && c.status == 487 {
		out = append(out, Finding{Code: "no-final-response", Severity: sipcompose.SeverityError, Field: field,
			Message:   "The call ended with 487 Request Terminated: Twilio cancelled the INVITE, usually because the PBX rang past the <Dial timeout> or the caller hung up first.",
			Fix:       "Make the PBX answer within the <Dial timeout> (30 s by default), or raise it.",
			Evidence:  []Line{c.statusLine},
			Uncertain: "Twilio does not document its wording for a 487; the cancel at the timeout is inferred from RFC 3261."})
	}
	return out
}

// checkRejected: a refusal of the PBX's own (or of what is behind it),
// quoting its reason (fact sheet §2.3, rows 480/486/600/603 and 500-504;
// §2.2: 486 gives busy, documented).
func (c *call) checkRejected() []Finding {
	var out []Finding
	handled := map[int]bool{401: true, 403: true, 404: true, 407: true, 415: true, 422: true, 484: true, 487: true, 488: true, 604: true, 606: true}
	for _, o := range c.outcomes() {
		if o.status < 400 || handled[o.status] || o.status == 408 && o.msg == nil {
			// A 408 Twilio reports with no response in the evidence is
			// Twilio's own timeout: checkSource's.
			continue
		}
		msg := fmt.Sprintf("The PBX refused the call with %d%s.", o.status, reasonPhrase(o))
		var next string
		switch {
		case o.status == 486:
			next = "The endpoint was busy (Twilio reports DialCallStatus busy). AI and SIP platforms also answer 486 for a flood limit or an unmatched trunk."
		case o.status == 600:
			next = "The endpoint was busy everywhere (Twilio reports DialCallStatus busy for a 486; for a 600 that is inferred)."
		case o.status == 603:
			next = "The endpoint declined the call."
		case o.status == 480:
			next = "The endpoint is unavailable: not registered, or do-not-disturb."
		case o.status == 408:
			next = "The PBX (or something behind it) timed out."
		case o.status >= 500:
			next = "A fault on the PBX's side: an internal error, overload, no route or no trunk capacity behind it."
		default:
			next = "A refusal of the PBX's own."
		}
		lines := []Line{o.line}
		if o.msg != nil {
			for _, name := range []string{"Reason", "Warning"} {
				for _, v := range o.msg.Values(name) {
					lines = append(lines, headerLine(o.msg, name, v))
				}
			}
		}
		for _, p := range c.ev.Params {
			if strings.HasPrefix(p.Name, "DialSipHeader_") {
				lines = append(lines, Line{At: p.Ref.String(), Text: p.Name + "=" + p.Value})
			}
		}
		out = append(out, Finding{Code: "endpoint-rejected", Severity: sipcompose.SeverityError,
			Message:      msg + " " + next + reasonOf(o.msg),
			Fix:          "Look at the PBX's log for this Call-ID at the time of the call: it says why it refused; if the PBX forwards to a carrier or an AI platform, look there next.",
			Evidence:     lines,
			TwilioErrors: []int{32011}})
	}
	return out
}

func reasonPhrase(o outcome) string {
	if o.msg != nil && o.msg.Reason != "" {
		return " " + o.msg.Reason
	}
	return ""
}
