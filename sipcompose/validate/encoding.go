package validate

import (
	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/sipuri"
)

// compacted says that a target's headers are in the compact form because
// the documented one did not fit.
func (v *validator) compacted(p string, r resolve.Resolution) {
	v.add(document.SeverityInfo, "headers-compact", p+".headers",
		"Encoded as in Twilio's examples (every byte but letters and digits), the headers would be %d characters, over Twilio's limit of 1023; they are written in the compact form instead, with - . _ ~ as they are (RFC 3986's unreserved characters): %d characters that decode to the same values.",
		r.DocumentedHeaders, len(sipuri.HeadersPart(r.URI)))
}

func (v *validator) encoding(e string) {
	switch e {
	case "":
	case document.EncodingCompact:
		v.add(document.SeverityInfo, "encoding-compact", "encoding",
			"Header values are written in the compact form, with - . _ ~ as they are; Twilio's examples encode those too. Both decode to the same values.")
	default:
		v.add(document.SeverityError, "encoding-invalid", "encoding", "Encoding %q: write \"compact\", or leave it out for Twilio's documented form.", e)
	}
}
