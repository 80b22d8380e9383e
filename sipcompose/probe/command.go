package probe

import (
	"slices"
	"strings"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/internal/shell"
)

// Command is the command line that probes doc's targets, for the page to
// show beside the TwiML (a browser cannot send SIP): `sipcompose probe`
// and each URI Twilio dials, once, quoted for a POSIX shell. A target the
// probe cannot read (no host, an unknown transport: the page's
// diagnostics say why) is left out; Command is empty when none is left.
//
// The URIs carry the custom headers, so the OPTIONS is the same as with
// -doc; they cannot carry a <Sip>'s username, so a 401 or 407 is judged
// as if none were set. Passwords never appear.
//
// composed is Compose(doc), which the page has at each keystroke already:
// composing it again here was a second Compose per keystroke.
func Command(doc sipcompose.Document, composed sipcompose.Result) string {
	var uris []string
	add := func(ts []Target) {
		for _, pt := range ts {
			if !slices.Contains(uris, pt.URI) {
				uris = append(uris, pt.URI)
			}
		}
	}
	// The page asks at each keystroke: one reading of the whole document
	// when the probe can read every target, target by target only when it
	// cannot, so that such a target leaves out only itself.
	if ts, err := targetsOf(doc, composed); err == nil {
		add(ts)
	} else {
		for _, t := range doc.Targets {
			if ts, err := Targets(sipcompose.Document{Targets: []sipcompose.Target{t}}); err == nil {
				add(ts)
			}
		}
	}
	if len(uris) == 0 {
		return ""
	}
	quoted := make([]string, len(uris))
	for i, u := range uris {
		quoted[i] = shell.Quote(u)
	}
	return "sipcompose probe " + strings.Join(quoted, " ")
}
