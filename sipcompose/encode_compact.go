package sipcompose

// compactKeep is what the compact form keeps in header values besides
// letters and digits: RFC 3986's unreserved characters, what a limit needs
// when Twilio's documented form triples every - and .
const compactKeep = "-._~"

// encodeHeaders sets r.URI's header values in the form Compose writes:
// Twilio's documented form (every byte but letters and digits encoded, as
// its examples do), or the compact form when the document asks for it, or
// for a target whose documented form would break Twilio's headers limit
// and whose compact form fits; r.DocumentedHeaders then says how long the
// documented headers were.
func encodeHeaders(encoding string, t Target, r *Resolution) {
	if encoding == EncodingCompact {
		r.URI = buildURI(t, compactKeep)
		return
	}
	if len(headersPart(r.URI)) <= MaxHeadersLength {
		return
	}
	if compact := buildURI(t, compactKeep); len(headersPart(compact)) <= MaxHeadersLength {
		r.DocumentedHeaders = len(headersPart(r.URI))
		r.URI = compact
	}
}

// compacted says that a target's headers are in the compact form because
// the documented one did not fit.
func (v *validator) compacted(p string, r Resolution) {
	v.add(SeverityInfo, "headers-compact", p+".headers",
		"Encoded as in Twilio's examples (every byte but letters and digits), the headers would be %d characters, over Twilio's limit of 1023; they are written in the compact form instead, with - . _ ~ as they are (RFC 3986's unreserved characters): %d characters that decode to the same values.",
		r.DocumentedHeaders, len(headersPart(r.URI)))
}

func (v *validator) encoding(e string) {
	switch e {
	case "":
	case EncodingCompact:
		v.add(SeverityInfo, "encoding-compact", "encoding",
			"Header values are written in the compact form, with - . _ ~ as they are; Twilio's examples encode those too. Both decode to the same values.")
	default:
		v.add(SeverityError, "encoding-invalid", "encoding", "Encoding %q: write \"compact\", or leave it out for Twilio's documented form.", e)
	}
}
