package sipcompose

// Compose turns a Document into everything the page, the CLI and the tests
// show. It never fails: problems are Diagnostics in the Result, and the
// TwiML is well-formed XML whatever the input.
func Compose(doc Document) Result {
	uris := make([]string, len(doc.Targets))
	plain := make([]bool, len(doc.Targets))
	for i := range doc.Targets {
		uris[i], plain[i] = buildURI(&doc.Targets[i])
	}
	r := Result{
		TwiML:       renderTwiML(doc, uris),
		URIs:        uris,
		Curl:        renderCurl(doc, uris),
		AllowList:   allowListFor(doc),
		Diagnostics: validate(doc, uris, plain),
	}
	r.Invites, r.Callbacks = customerSide(&doc, uris, r.Diagnostics)
	return r
}
