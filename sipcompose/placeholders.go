package sipcompose

// Placeholders until their owners land them (issue 3); each is replaced by
// a file of its own: curl.go, allowlist.go, parse.go, uri_parse.go.

func renderCurl(doc Document, uris []string) string { return "" }

func allowListFor(doc Document) AllowList { return AllowList{} }

// Parse reads TwiML into a Document and reports what it could not keep.
func Parse(twiml string) (Document, []Diagnostic) { return Document{}, nil }

// ParseURI reads one SIP URI (with or without "sip:", with ";params" and
// "?headers") into a Target with decoded header values.
func ParseURI(uri string) (Target, []Diagnostic) { return Target{}, nil }
