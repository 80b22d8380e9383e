// Package customer previews what the customer's side receives for a
// Document: the INVITE Twilio sends for each URI it dials, as a SIP
// message with where it comes from, and the callbacks the customer's app
// gets back, with what becomes of each header row. Only what comes from
// the Document is the Document's; the rest is typical of Twilio and says so.
package customer

import (
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
)

// Preview is what the customer's side sees of a Document: the INVITE
// previews and the callbacks. diags are the Document's diagnostics, so a
// preview of a target Twilio may reject says so.
func Preview(doc document.Document, res []resolve.Resolution, diags []document.Diagnostic) ([]Invite, Callbacks) {
	withErrors := make([]bool, len(doc.Targets))
	for _, d := range diags {
		rest, ok := strings.CutPrefix(d.Field, "targets[")
		if d.Severity != document.SeverityError || !ok {
			continue
		}
		n, _, _ := strings.Cut(rest, "]")
		if i, err := strconv.Atoi(n); err == nil && i >= 0 && i < len(withErrors) {
			withErrors[i] = true
		}
	}
	invites := invitesFor(&doc, res, withErrors)
	return invites, callbacksFor(&doc, invites)
}
