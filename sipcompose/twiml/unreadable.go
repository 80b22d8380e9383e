package twiml

import "sipcompose/sipcompose/document"

// unreadableCodes are Parse's errors that leave nothing to import: the
// input is not TwiML, or its TwiML has no <Dial><Sip>.
var unreadableCodes = []string{"parse-empty", "parse-too-large", "parse-xml", "parse-no-response", "parse-no-dial", "parse-no-sip"}

// Unreadable is the diagnostics of Parse that say it read nothing worth
// importing, or none when it read a document. Every other error leaves a
// Document read as far as it could be, each change on the way in said in
// its diagnostic (a boolean read as false, a number not kept), so a broken
// TwiML can be imported in order to fix it.
func Unreadable(diags []document.Diagnostic) []document.Diagnostic {
	return document.WithCodes(diags, unreadableCodes...)
}
