package sipcompose

import "sipcompose/sipcompose/resolve"

// Compose turns a Document into everything the page, the CLI and the tests
// show. It never fails: problems are Diagnostics in the Result, and the
// TwiML is well-formed XML whatever the input.
func Compose(doc Document) Result {
	res := resolve.Document(doc)
	r := composeCall(doc, res)
	r.Invites, r.Callbacks = customerSide(&doc, res, r.Diagnostics)
	return r
}

// composeCall is the call as Twilio is asked to place it: the TwiML, the
// REST form, every rule and the allow-list. The customer's side (what the
// PBX and the app receive) is previewed from it. make bench guards this
// part against twilio-go, which builds only the TwiML of the same call.
func composeCall(doc Document, res []resolve.Resolution) Result {
	return Result{
		TwiML:       renderTwiML(doc, res),
		URIs:        resolve.RESTURIs(res),
		Curl:        renderCurl(doc, res),
		AllowList:   allowListFor(doc, res),
		Diagnostics: validate(doc, res),
	}
}
