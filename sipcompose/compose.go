package sipcompose

// Compose turns a Document into everything the page, the CLI and the tests
// show. It never fails: problems are Diagnostics in the Result, and the
// TwiML is well-formed XML whatever the input.
func Compose(doc Document) Result {
	res := resolveAll(doc)
	uris := make([]string, len(res))
	for i, r := range res {
		uris[i] = r.URI
	}
	r := Result{
		TwiML:       renderTwiML(doc, res),
		URIs:        uris,
		Curl:        renderCurl(doc, res),
		AllowList:   allowListFor(doc, res),
		Diagnostics: validate(doc, res),
	}
	r.Invites, r.Callbacks = customerSide(&doc, res, r.Diagnostics)
	return r
}

// resolveAll resolves each of the document's targets, in order.
func resolveAll(doc Document) []Resolution {
	res := make([]Resolution, len(doc.Targets))
	for i, t := range doc.Targets {
		res[i] = Resolve(t)
	}
	return res
}
