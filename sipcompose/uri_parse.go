package sipcompose

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// ParseURI reads one SIP URI as Twilio accepts it — "sip:" or bare
// user@host, "sips:", ;params in any order, ?headers — into a Target with
// header values decoded back to what a person typed. Diagnostic fields are
// relative to the target ("port", "headers[1].value"); Parse prefixes them.
// It is what the page runs when someone pastes a whole URI into Host.
func ParseURI(uri string) (Target, []Diagnostic) {
	var t Target
	diags := []Diagnostic{}
	add := func(sev Severity, code, field, format string, args ...any) {
		diags = append(diags, Diagnostic{Code: code, Severity: sev, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	s := strings.TrimSpace(uri)
	if s == "" {
		add(SeverityError, "uri-empty", "host", "The SIP URI is empty: paste something like sip:alice@pbx.example.com.")
		return t, diags
	}
	if strings.Contains(s, "&amp;") {
		s = strings.ReplaceAll(s, "&amp;", "&")
		add(SeverityInfo, "uri-xml-escaped", "headers", "The URI had &amp; between headers, as written inside TwiML; it was read as &.")
	}
	switch lower := strings.ToLower(s); {
	case strings.HasPrefix(lower, "sip:"):
		s = s[4:]
	case strings.HasPrefix(lower, "sips:"):
		s = s[5:]
		t.Transport = "tls"
		add(SeverityWarning, "uri-sips", "transport",
			"Twilio does not support sips: and rewrites it to sip: with transport=tls; that is what this target now says.")
	default:
		// "tel:" or "https:" is another scheme; "pbx:5060" is a host and port.
		if i := strings.Index(s, ":"); i > 0 && !strings.ContainsAny(s[:i], "@.[") && !digits(strings.SplitN(s[i+1:], ";", 2)[0]) {
			add(SeverityError, "uri-scheme", "host", "%q is not a SIP URI: Twilio dials only sip: URIs (e.g. sip:alice@pbx.example.com).", s[:i+1])
			return t, diags
		}
	}

	rest, headers, _ := strings.Cut(s, "?")
	hostPart := rest
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		userinfo := rest[:at]
		hostPart = rest[at+1:]
		if user, _, hasPassword := strings.Cut(userinfo, ":"); hasPassword {
			userinfo = user
			add(SeverityWarning, "uri-password", "user",
				"The URI carried a password after the user; it was not kept. Put credentials in Username and Password instead.")
		}
		user, err := url.PathUnescape(userinfo)
		if err != nil {
			user = userinfo
			add(SeverityError, "uri-escape", "user", "The user part has a broken %%-escape (%s); it was kept as typed.", userinfo)
		}
		t.User = user
	}
	hostPort, params, _ := strings.Cut(hostPart, ";")
	t.Host, t.Port = splitHostPort(hostPort, add)
	t.Host = unescape(t.Host, "host", add)
	if params != "" {
		for _, p := range strings.Split(params, ";") {
			parseParam(&t, p, add)
		}
	}
	if headers != "" {
		parseHeaders(&t, headers, add)
	}
	return t, diags
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

type addFunc func(sev Severity, code, field, format string, args ...any)

func splitHostPort(hp string, add addFunc) (string, int) {
	host, port := hp, ""
	if strings.HasPrefix(hp, "[") {
		if end := strings.Index(hp, "]"); end >= 0 {
			host = hp[:end+1]
			port = strings.TrimPrefix(hp[end+1:], ":")
		}
	} else if i := strings.LastIndex(hp, ":"); i >= 0 && strings.Count(hp, ":") == 1 {
		host, port = hp[:i], hp[i+1:]
	}
	if host == "" {
		add(SeverityError, "host-missing", "host", "The URI has no host: it should look like sip:user@pbx.example.com.")
	}
	if port == "" {
		return host, 0
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 {
		add(SeverityError, "port-invalid", "port", "Port %q: use 1 to 65535; it was not kept.", port)
		return host, 0
	}
	return host, n
}

// unescape decodes what BuildURI percent-encodes outside header values;
// a broken escape is kept as typed and reported.
func unescape(s, field string, add addFunc) string {
	out, err := url.PathUnescape(s)
	if err != nil {
		add(SeverityError, "uri-escape", field, "%q has a broken %%-escape; it was kept as typed.", s)
		return s
	}
	return out
}

func parseParam(t *Target, p string, add addFunc) {
	name, value, _ := strings.Cut(p, "=")
	value = unescape(value, "host", add)
	switch strings.ToLower(name) {
	case "":
	case "transport":
		t.Transport = strings.ToLower(value)
	case "secure":
		t.Secure = strings.EqualFold(value, "true")
	case "edge":
		t.Edge = value
	case "region":
		t.Region = value
	default:
		add(SeverityWarning, "uri-param-unknown", "host",
			"The URI parameter ;%s is not one Twilio documents for SIP out (transport, secure, edge, region); it was not kept.", p)
	}
}

func parseHeaders(t *Target, headers string, add addFunc) {
	for _, h := range strings.Split(headers, "&") {
		if h == "" {
			continue
		}
		name, raw, _ := strings.Cut(h, "=")
		field := fmt.Sprintf("headers[%d]", len(t.Headers))
		name = unescape(name, field+".name", add)
		value, err := url.PathUnescape(raw)
		if err != nil {
			value = raw
			add(SeverityError, "uri-escape", field+".value",
				"Header %s has a broken %%-escape (%s); Twilio drops such a header (error 32112). It was kept as typed: fix the value.", name, raw)
		}
		if strings.EqualFold(name, UUIHeader) || strings.EqualFold(name, UUIHeaderXPrefix) {
			if t.UUI.Data == "" {
				t.UUI = parseUUI(value, strings.EqualFold(name, UUIHeaderXPrefix))
				if lastIndexFold(value, ";encoding=") < 0 {
					add(SeverityInfo, "uui-encoding-added", "uui.encoding",
						"The UUI had no ;encoding= parameter; it will be sent with encoding=hex, the only one Twilio documents.")
				}
				continue
			}
		}
		if name == "" {
			add(SeverityWarning, "uri-header-unnamed", "headers", "A header with no name (%q) was not kept.", h)
			continue
		}
		t.Headers = append(t.Headers, Header{Name: name, Value: value})
	}
}

// parseUUI splits a decoded User-to-User value into data and its
// ;encoding= parameter; hex, the default, is stored as "".
func parseUUI(value string, xPrefix bool) UUI {
	u := UUI{Data: value, XPrefix: xPrefix}
	if i := lastIndexFold(value, ";encoding="); i >= 0 {
		u.Data = value[:i]
		u.Encoding = value[i+len(";encoding="):]
		if strings.EqualFold(u.Encoding, DefaultUUIEncoding) {
			u.Encoding = ""
		}
	}
	return u
}

// lastIndexFold is strings.LastIndex ignoring ASCII case. Lowering the
// whole string first would shift indices where it holds invalid UTF-8.
func lastIndexFold(s, sub string) int {
	for i := len(s) - len(sub); i >= 0; i-- {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// WithURI returns t with its URI parts (user, host, port, params, headers,
// UUI) taken from u, keeping t's <Sip> attributes: what pasting a URI into
// a target means.
func WithURI(t, u Target) Target {
	t.User, t.Host, t.Port, t.Transport, t.Secure = u.User, u.Host, u.Port, u.Transport, u.Secure
	t.Edge, t.Region, t.Headers, t.UUI = u.Edge, u.Region, u.Headers, u.UUI
	return t
}
