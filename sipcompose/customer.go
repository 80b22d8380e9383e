package sipcompose

import (
	"strconv"
	"strings"

	"sipcompose/sipcompose/resolve"
)

// customerSide is what the customer's side sees of a Document: the INVITE
// previews and the callbacks. diags are the Document's diagnostics, so a
// preview of a target Twilio may reject says so.
func customerSide(doc *Document, res []resolve.Resolution, diags []Diagnostic) ([]Invite, Callbacks) {
	withErrors := make([]bool, len(doc.Targets))
	for _, d := range diags {
		rest, ok := strings.CutPrefix(d.Field, "targets[")
		if d.Severity != SeverityError || !ok {
			continue
		}
		n, _, _ := strings.Cut(rest, "]")
		if i, err := strconv.Atoi(n); err == nil && i >= 0 && i < len(withErrors) {
			withErrors[i] = true
		}
	}
	invites := invitesFor(doc, res, withErrors)
	return invites, callbacksFor(doc, invites)
}
