package sipcompose

// Compose is a placeholder until the composer lands (issue 3).
func Compose(doc Document) Result {
	out := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Dial>\n"
	for _, t := range doc.Targets {
		out += "    <Sip>sip:" + t.User + "@" + t.Host + "</Sip>\n"
	}
	return Result{TwiML: out + "  </Dial>\n</Response>\n"}
}
