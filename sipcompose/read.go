package sipcompose

import (
	"sipcompose/sipcompose/sipuri"
	"sipcompose/sipcompose/twiml"
)

// ParseURI reads one SIP URI as Twilio accepts it into a Target, with
// header values decoded back to what a person typed (see sipuri.Parse).
func ParseURI(uri string) (Target, []Diagnostic) { return sipuri.Parse(uri) }

// UnreadableURI is the diagnostics of ParseURI that say the text is no SIP
// URI at all, or none when a target was read from it.
func UnreadableURI(diags []Diagnostic) []Diagnostic { return sipuri.Unreadable(diags) }

// WithURI returns t with its URI parts taken from u, keeping t's <Sip>
// attributes: what pasting a URI into a target means.
func WithURI(t, u Target) Target { return sipuri.WithURI(t, u) }

// Parse reads TwiML (as pasted from a console or written by Compose) into a
// Document; what it cannot keep is named in a Diagnostic (see twiml.Parse).
func Parse(text string) (Document, []Diagnostic) { return twiml.Parse(text) }

// Unreadable is the diagnostics of Parse that say it read nothing worth
// importing, or none when it read a document.
func Unreadable(diags []Diagnostic) []Diagnostic { return twiml.Unreadable(diags) }
