package composetest

import (
	"strings"

	"sipcompose/sipcompose/document"
)

// URIFields is the part of t that its URI carries, in the form sipuri.Parse
// gives it back: hex (the default encoding) as "", transport lower-case,
// the host as sipuri.Build writes it, unfinished header rows dropped.
func URIFields(t document.Target) document.Target {
	host := strings.TrimSpace(t.Host)
	if strings.Count(host, ":") > 1 && !strings.HasPrefix(host, "[") {
		host = "[" + host + "]"
	}
	u := document.Target{User: t.User, Host: host, Port: t.Port, Transport: strings.ToLower(t.Transport), Secure: t.Secure, Edge: t.Edge, Region: t.Region}
	if t.UUI.Data != "" {
		u.UUI = t.UUI
		if u.UUI.Encoding == "hex" {
			u.UUI.Encoding = ""
		}
	}
	for _, h := range t.Headers {
		if h.Name != "" || h.Value != "" {
			u.Headers = append(u.Headers, h)
		}
	}
	return u
}

// HasDiag reports whether diags hold a finding of that severity, code and
// field whose message says phrase.
func HasDiag(diags []document.Diagnostic, severity document.Severity, code, field, phrase string) bool {
	for _, d := range diags {
		if d.Severity == severity && d.Code == code && d.Field == field && strings.Contains(d.Message, phrase) {
			return true
		}
	}
	return false
}
