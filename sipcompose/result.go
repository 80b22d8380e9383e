package sipcompose

import (
	"strconv"

	"sipcompose/sipcompose/allowlist"
	"sipcompose/sipcompose/customer"
	"sipcompose/sipcompose/document"
)

// Result is everything the page, the CLI and the tests show for a Document.
type Result struct {
	// TwiML is the full <Response> document, ending in a newline.
	TwiML string `json:"twiml"`
	// URIs holds each target's SIP URI as sent to Twilio (the REST "To"
	// value), percent-encoded but not XML-escaped.
	URIs []string `json:"uris"`
	// Curl places the same call(s) through the REST Calls API, one command
	// per target.
	Curl string `json:"curl"`
	// AllowList is what the customer's firewall must let in.
	AllowList AllowList `json:"allowList"`
	// Diagnostics lists every finding, errors first, then by field.
	Diagnostics []Diagnostic `json:"diagnostics"`
	// Invites previews what the customer's PBX receives: one INVITE per
	// URI Twilio dials.
	Invites []Invite `json:"invites"`
	// Callbacks is what the customer's app gets back.
	Callbacks Callbacks `json:"callbacks"`
}

// HasErrors reports whether any diagnostic is an error.
func (r Result) HasErrors() bool { return document.HasErrors(r.Diagnostics) }

// InviteText is every INVITE preview, one blank line between them.
func (r Result) InviteText() string { return customer.InviteText(r.Invites) }

// ErrorSummary is what output panels and copy confirmations say while the
// document has errors, e.g. "1 error: Twilio would reject this"; "" when
// it has none. Output that looks right and is not must never go out
// without it.
func (r Result) ErrorSummary() string {
	n := 0
	for _, d := range r.Diagnostics {
		if d.Severity == SeverityError {
			n++
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return "1 error: Twilio would reject this"
	}
	return strconv.Itoa(n) + " errors: Twilio would reject this"
}

// AllowList is what the customer's firewall must let in; see package
// allowlist.
type AllowList = allowlist.List

// Rule is one block of addresses of an AllowList.
type Rule = allowlist.Rule

// Invite previews one INVITE the customer's PBX receives; see package
// customer.
type Invite = customer.Invite

// Callbacks is what the customer's app gets back from Twilio.
type Callbacks = customer.Callbacks
