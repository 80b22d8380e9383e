package validate

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"sipcompose/sipcompose/document"
)

// text reports characters no field may carry: control characters (CR/LF
// could split a SIP message) and invalid UTF-8.
func (v *validator) text(p, name, s string) {
	if !utf8.ValidString(s) {
		v.add(document.SeverityError, "text-invalid", p+"."+name, "This field is not valid UTF-8 (perhaps pasted from a binary source): retype it.")
		return
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xFFFE || r == 0xFFFF {
			v.add(document.SeverityError, "text-control-character", p+"."+name, "This field contains a control character (%U), e.g. a line break or NUL: remove it.", r)
			return
		}
	}
	v.templateText(p, name, s)
}

// url accepts what Twilio fetches: an absolute http(s) URL whose host has
// no underscores, or a relative URL resolved against the TwiML's own.
func (v *validator) url(p, name, s string) {
	v.text(p, name, s)
	if s == "" {
		return
	}
	field := p + "." + name
	// What a TwiML Bin fills in is not known here; what is around it is.
	s = standIn(s)
	u, err := url.Parse(s)
	switch {
	case err != nil || strings.ContainsAny(s, " \t"):
		v.add(document.SeverityError, "url-invalid", field, "%q is not a URL: use an absolute https:// URL or a relative path.", s)
	case u.IsAbs() && u.Scheme != "http" && u.Scheme != "https":
		v.add(document.SeverityError, "url-invalid", field, "%q: Twilio fetches only http and https URLs.", s)
	case u.IsAbs() && u.Host == "":
		v.add(document.SeverityError, "url-invalid", field, "%q has no host: write it as https://host/path.", s)
	case u.IsAbs() && strings.Contains(u.Hostname(), "_"):
		v.add(document.SeverityError, "url-host-underscore", field, "%q: Twilio rejects host names with underscores in callback URLs.", s)
	case !u.IsAbs():
		if host, ok := hostLike(s); ok {
			v.add(document.SeverityWarning, "url-missing-scheme", field,
				"%q is a relative URL, which Twilio resolves against the URL of the TwiML itself: if %s is a host, write https://%s.", s, host, s)
		}
	}
}
