package sipcompose

import (
	"sipcompose/sipcompose/allowlist"
	"sipcompose/sipcompose/codegen"
	"sipcompose/sipcompose/customer"
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/twiml"
	"sipcompose/sipcompose/validate"
)

// Compose turns a Document into everything the page, the CLI and the tests
// show. It never fails: problems are Diagnostics in the Result, and the
// TwiML is well-formed XML whatever the input.
func Compose(doc Document) Result {
	res := resolve.Document(doc)
	r := composeCall(doc, res)
	r.Invites, r.Callbacks = customer.Preview(doc, res, r.Diagnostics)
	return r
}

// composeCall is the call as Twilio is asked to place it: the TwiML, the
// REST form, every rule and the allow-list. The customer's side (what the
// PBX and the app receive) is previewed from it. make bench guards this
// part against twilio-go, which builds only the TwiML of the same call.
func composeCall(doc Document, res []resolve.Resolution) Result {
	return Result{
		TwiML:       twiml.Render(doc, res),
		URIs:        resolve.RESTURIs(res),
		Curl:        codegen.Curl(doc, res),
		AllowList:   allowlist.For(doc, res),
		Diagnostics: validate.Document(doc, res),
	}
}

// Validate checks a Document against Twilio's rules. Each Diagnostic names
// the field it concerns and says what to do. The order is fixed: errors,
// then warnings, then advice; within each, by field (indices compared as
// numbers, so targets[2] comes before targets[10]), then by code.
func Validate(doc Document) []Diagnostic {
	return validate.Document(doc, resolve.Document(doc))
}
