// Package diagnose names what went wrong on a failing Twilio SIP-out call,
// and the change to make, from the evidence package reads: each finding
// with a stable code, the evidence lines it rests on and, where one
// applies, the document field to change. It compares the evidence with the
// document the call was composed from when there is one (the INVITE
// Compose previews, the edge's gateways, the allow-list), and with
// Twilio's facts alone when there is none.
package diagnose

import (
	"fmt"
	"slices"
	"strings"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/diagnosis"
	"sipcompose/sipcompose/evidence"
)

// The report's types are package diagnosis's, so that the page shows a
// report its Diagnose worker made without linking this package.
type (
	Report     = diagnosis.Report
	Finding    = diagnosis.Finding
	Line       = diagnosis.Line
	CodeReport = diagnosis.CodeReport
	Cause      = diagnosis.Cause
	Timeline   = diagnosis.Timeline
)

// Check diagnoses the evidence, against doc when it is not nil. The same
// evidence and document always give the same report.
func Check(ev evidence.Evidence, doc *sipcompose.Document) Report {
	c := newCall(ev, doc)
	r := Report{Read: ev.Read, Against: c.against()}
	for _, check := range checks {
		r.Findings = append(r.Findings, check(c)...)
	}
	r.Findings = bySeverity(dedupe(r.Findings))
	r.Codes = c.explain(r.Findings)
	r.Timelines = []Timeline{}
	for _, d := range ev.Dialogs {
		r.Timelines = append(r.Timelines, Timeline{CallID: d.CallID, Lines: ev.Timeline(d)})
	}
	// Lists are empty rather than null in the JSON.
	r.Read = slices.Clone(ev.Read)
	for i := range r.Read {
		if r.Read[i].Kinds == nil {
			r.Read[i].Kinds = []string{}
		}
	}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Codes == nil {
		r.Codes = []CodeReport{}
	}
	return r
}

// checks run in this order; the report then puts errors first.
var checks = []func(*call) []Finding{
	(*call).checkPolicy,
	(*call).checkSource,
	(*call).checkTransport,
	(*call).checkSize,
	(*call).checkAuth,
	(*call).checkDestination,
	(*call).checkCodecs,
	(*call).checkSessionTimer,
	(*call).checkNoFinal,
	(*call).checkRejected,
	(*call).checkContact,
	(*call).checkSDPAddress,
	(*call).checkMedia,
	(*call).checkHeaders,
}

// bySeverity puts errors first, then warnings, then the rest, each in
// the order found.
func bySeverity(fs []Finding) []Finding {
	var out []Finding
	for _, sev := range []sipcompose.Severity{sipcompose.SeverityError, sipcompose.SeverityWarning} {
		for _, f := range fs {
			if f.Severity == sev {
				out = append(out, f)
			}
		}
	}
	for _, f := range fs {
		if f.Severity != sipcompose.SeverityError && f.Severity != sipcompose.SeverityWarning {
			out = append(out, f)
		}
	}
	return out
}

// dedupe keeps the first of findings with the same code, field and
// message (the same fault seen in two inputs), merging their evidence.
func dedupe(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		i := slices.IndexFunc(out, func(o Finding) bool { return o.Code == f.Code && o.Field == f.Field && o.Message == f.Message })
		if i < 0 {
			out = append(out, f)
			continue
		}
		for _, l := range f.Evidence {
			if !slices.Contains(out[i].Evidence, l) {
				out[i].Evidence = append(out[i].Evidence, l)
			}
		}
	}
	return out
}

// explain reports every Twilio code in the evidence, in the order pasted.
func (c *call) explain(findings []Finding) []CodeReport {
	var out []CodeReport
	for _, code := range c.ev.Codes {
		if i := slices.IndexFunc(out, func(o CodeReport) bool { return o.Number == code.Number }); i >= 0 {
			out[i].At += "; " + code.Ref.String() // the same code in another input
			continue
		}
		cr := CodeReport{Number: code.Number, At: code.Ref.String(), Source: fmt.Sprintf("https://www.twilio.com/docs/api/errors/%d", code.Number)}
		tc, ok := twilioCodeOf(code.Number)
		if !ok {
			cr.Meaning = "Not a code the fact sheet knows for SIP-out calls."
			cr.Leg = codeLeg(code.Number)
			if cr.Leg == "" {
				cr.Meaning += " Look it up at " + cr.Source + "."
			}
			out = append(out, cr)
			continue
		}
		cr.Known, cr.Level, cr.Title, cr.Meaning, cr.Fix, cr.Leg = true, tc.level, tc.title, tc.meaning, tc.fix, tc.leg
		var causes []Cause
		for _, k := range tc.causes {
			causes = append(causes, c.rankCause(k, findings))
		}
		// Confirmed first, then possible, then ruled out, each in Twilio's order.
		for _, status := range []string{"confirmed", "possible", "ruled out"} {
			for _, k := range causes {
				if k.Status == status {
					cr.Causes = append(cr.Causes, k)
				}
			}
		}
		out = append(out, cr)
	}
	return out
}

// rankCause says whether the evidence confirms a cause, rules it out, or
// leaves it open, and how it could be checked.
func (c *call) rankCause(k cause, findings []Finding) Cause {
	out := Cause{Text: k.text, Check: k.check, Status: "possible"}
	if k.check == "" {
		out.Why = "no evidence can show it: check the endpoint and the path to it"
		return out
	}
	if i := slices.IndexFunc(findings, func(f Finding) bool { return f.Code == k.check }); i >= 0 {
		out.Status, out.Why = "confirmed", "finding "+k.check+": "+firstSentence(findings[i].Message)
		return out
	}
	if why := c.rulesOut(k.check); why != "" {
		out.Status, out.Why = "ruled out", why
		return out
	}
	out.Why = "nothing pasted shows it; " + howToCheck(k.check)
	return out
}

// rulesOut says why the evidence contradicts a cause, or "".
func (c *call) rulesOut(check string) string {
	answered := c.pbxAnswered()
	switch check {
	case "source-not-allowed", "transport-mismatch", "udp-too-large":
		if answered != "" {
			return "the PBX answered (" + answered + "), so Twilio's SIP reached it"
		}
	case "auth-challenge-no-credentials", "auth-rejected", "destination-not-found", "endpoint-rejected", "codec-mismatch":
		if f := c.finalStatus(); f == 200 {
			return "the PBX answered 200 OK"
		}
	}
	return ""
}

// pasteToConfirm says, for each finding that confirms a cause of a
// Twilio code, what to paste for it.
var pasteToConfirm = []struct{ check, paste string }{
	{"source-not-allowed", "paste a capture taken on the PBX (tcpdump -w) while Twilio calls: an INVITE with no answer, or none at all, confirms it"},
	{"endpoint-rejected", "paste the Dial action callback (DialSipResponseCode) or the PBX's response"},
	{"auth-challenge-no-credentials", "paste the PBX's response to the INVITE: 401 or 407 confirms it"},
	{"auth-rejected", "paste the PBX's response to the INVITE: 403 confirms it"},
	{"transport-mismatch", "paste a capture on the PBX: an ICMP port unreachable or a TCP reset confirms it"},
	{"udp-too-large", "paste the INVITE as the PBX received it, with its size"},
	{"destination-not-found", "paste the PBX's response: 404 or 484 confirms it"},
	{"contact-private", "paste the PBX's 200 OK"},
	{"media-blocked", "paste a capture on the PBX with the RTP (not filtered to port 5060)"},
	{"sdp-private-address", "paste the PBX's 200 OK with its SDP"},
	{"codec-mismatch", "paste the PBX's response and its SDP"},
	{"header-lost", "paste the INVITE the PBX received, with -doc the document"},
}

// howToCheck says what to paste to confirm a cause checked by check.
func howToCheck(check string) string {
	for _, p := range pasteToConfirm {
		if p.check == check {
			return p.paste
		}
	}
	return ""
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i+1]
	}
	return s
}
