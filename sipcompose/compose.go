package sipcompose

// Compose turns a Document into everything the page, the CLI and the tests
// show. It never fails: problems are Diagnostics in the Result, and the
// TwiML is well-formed XML whatever the input.
func Compose(doc Document) Result {
	res := resolveAll(doc)
	r := composeCall(doc, res)
	r.Invites, r.Callbacks = customerSide(&doc, res, r.Diagnostics)
	return r
}

// composeCall is the call as Twilio is asked to place it: the TwiML, the
// REST form, every rule and the allow-list. The customer's side (what the
// PBX and the app receive) is previewed from it. make bench guards this
// part against twilio-go, which builds only the TwiML of the same call.
func composeCall(doc Document, res []Resolution) Result {
	return Result{
		TwiML:       renderTwiML(doc, res),
		URIs:        restURIs(doc, res),
		Curl:        renderCurl(doc, res),
		AllowList:   allowListFor(doc, res),
		Diagnostics: validate(doc, res),
	}
}

// resolveAll resolves each of the document's targets, in order, with
// header values in the form the document asks for.
func resolveAll(doc Document) []Resolution {
	res := make([]Resolution, len(doc.Targets))
	for i, t := range doc.Targets {
		res[i] = Resolve(t)
		encodeHeaders(doc.Encoding, t, &res[i])
	}
	return res
}

// restURIs are the URIs the REST API takes as To: each target's own, or
// for a target of <Uri> children alone (its own URI a bare "sip:") the
// first of them, as the curl form dials it.
func restURIs(doc Document, res []Resolution) []string {
	uris := make([]string, len(res))
	for i, r := range res {
		uris[i] = r.URI
		if r.ChildrenAlone() {
			uris[i] = r.Children[0].Resolution.URI
		}
	}
	return uris
}
