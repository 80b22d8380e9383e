package sipcompose

import (
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/sipuri"
)

// compacted says that a target's headers are in the compact form because
// the documented one did not fit.
func (v *validator) compacted(p string, r resolve.Resolution) {
	v.add(SeverityInfo, "headers-compact", p+".headers",
		"Encoded as in Twilio's examples (every byte but letters and digits), the headers would be %d characters, over Twilio's limit of 1023; they are written in the compact form instead, with - . _ ~ as they are (RFC 3986's unreserved characters): %d characters that decode to the same values.",
		r.DocumentedHeaders, len(sipuri.HeadersPart(r.URI)))
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
