package diagnose

import (
	"fmt"
	"net/url"
	"strings"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/customer"
	"sipcompose/sipcompose/evidence"
)

// checkHeaders: each custom header and the UUI the document sends,
// decoded as the INVITE preview shows them, against what arrived; without
// a document, values that arrived still percent-encoded (fact sheet §0.5:
// values percent-escaped in the URI, headers Twilio rejects omitted with
// 32111-32113; §4, check 3; a URI's header values arrive unescaped, RFC
// 3261 §19.1.1).
func (c *call) checkHeaders() []Finding {
	var out []Finding
	for i := range c.dialogs {
		d := &c.dialogs[i]
		inv := d.invites[0]
		if d.preview == nil {
			if c.doc != nil {
				out = append(out, Finding{Code: "not-this-document", Severity: sipcompose.SeverityInfo, Evidence: []Line{msgLine(inv)},
					Message: fmt.Sprintf("The INVITE's request URI (%s) matches none of the document's targets, so it was checked against Twilio's facts alone.", inv.URI),
					Fix:     "Give -doc the document this call was placed from, or check the TwiML Twilio ran."})
			}
			out = append(out, encodedHeaders(inv)...)
			continue
		}
		for _, want := range d.preview.Headers {
			if !want.Sent {
				continue
			}
			if f, lost := headerFate(d, inv, want); lost {
				out = append(out, f)
			}
		}
	}
	return out
}

// headerFate compares one header the document sends with the INVITE.
func headerFate(d *dialog, inv *evidence.Message, want customer.InviteHeader) (Finding, bool) {
	field := d.field(headerField(want, "value"))
	f := Finding{Code: "header-lost", Severity: sipcompose.SeverityError, Field: field, Evidence: []Line{msgLine(inv)}, TwilioErrors: []int{32111, 32112, 32113}}
	sent := fmt.Sprintf("%s: %s", want.Name, want.Value)
	got := inv.Header(want.Name)
	switch {
	case got == want.Value:
		return f, false
	case got != "":
		f.Evidence = append(f.Evidence, headerLine(inv, want.Name, got))
		switch dec, err := url.PathUnescape(got); {
		case err == nil && dec == want.Value:
			f.Message = fmt.Sprintf("%s arrived still percent-encoded (%q): the value was encoded twice, or something between Twilio and the PBX did not decode it. The document sends %q.", want.Name, got, sent)
			f.Fix = "Type the value as the PBX should read it (decoded): sipcompose encodes it once. If the TwiML was written by hand, encode the value once only."
		case strings.HasPrefix(want.Value, got):
			f.Message = fmt.Sprintf("%s arrived cut: %d of its %d characters (%q). The document sends %q.", want.Name, len(got), len(want.Value), got, sent)
			f.Fix = "Shorten the value, or look for a length limit on the PBX or an SBC between; an unescaped ';' or '&' in a hand-written URI can also end a value early (Twilio's 32110, 13251)."
		default:
			f.Message = fmt.Sprintf("%s arrived changed: %q. The document sends %q.", want.Name, got, sent)
			f.Fix = "Check the TwiML Twilio ran is this document's, and that no SBC between rewrites the header."
		}
		return f, true
	}
	for _, h := range inv.Headers {
		if h.Value == want.Value && want.Value != "" {
			f.Evidence = append(f.Evidence, headerLine(inv, h.Name, h.Value))
			f.Field = d.field(headerField(want, "name"))
			f.Message = fmt.Sprintf("%s arrived renamed, as %s. The document sends %q.", want.Name, h.Name, sent)
			f.Fix = "An SBC or the PBX renames it: change its header rules, or read the header under its new name."
			return f, true
		}
	}
	f.Field = d.field(headerField(want, "name"))
	f.Message = fmt.Sprintf("%s is missing from the INVITE. The document sends %q.", want.Name, sent)
	f.Fix = "If this INVITE was captured past an SBC or proxy, it stripped the header (a Kamailio remove_hf, an SBC's header allow-list): let it through. If it came straight from Twilio, the TwiML Twilio ran did not carry it, or Twilio dropped it (errors 32111-32113 in the Debugger say so)."
	return f, true
}

// headerField is the document field of a header row's name or value.
func headerField(h customer.InviteHeader, part string) string {
	if h.Kind == "uui" {
		return "uui.data"
	}
	return fmt.Sprintf("%s[%d].%s", h.Kind, h.Row, part)
}

// hasPercentEscape reports whether s holds a percent-escape: "%" and two
// hexadecimal digits.
func hasPercentEscape(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '%' && isHex(s[i+1]) && isHex(s[i+2]) {
			return true
		}
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// encodedHeaders finds custom header values that still hold
// percent-escapes, when there is no document to compare with.
func encodedHeaders(inv *evidence.Message) []Finding {
	var out []Finding
	for _, h := range inv.Headers {
		name := strings.ToLower(h.Name)
		custom := strings.HasPrefix(name, "x-") && !strings.HasPrefix(name, "x-twilio-") || strings.HasSuffix(name, "user-to-user")
		if !custom || !hasPercentEscape(h.Value) {
			continue
		}
		dec, err := url.PathUnescape(h.Value)
		if err != nil {
			continue
		}
		out = append(out, Finding{Code: "header-lost", Severity: sipcompose.SeverityWarning, Evidence: []Line{msgLine(inv), headerLine(inv, h.Name, h.Value)},
			Message: fmt.Sprintf("%s arrived percent-encoded (%q reads %q decoded): Twilio decodes a header value once, so it was probably encoded twice in the TwiML.", h.Name, h.Value, dec),
			Fix:     "Encode header values once: type them decoded in sipcompose, which encodes them for the URI."})
	}
	return out
}
