package sipuri

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/ipaddr"
)

// Parse reads one SIP URI as Twilio accepts it — "sip:" or bare
// user@host, "sips:", ;params in any order, ?headers — into a Target with
// header values decoded back to what a person typed. Diagnostic fields are
// relative to the target ("port", "headers[1].value"); Parse prefixes them.
// It is what the page runs when someone pastes a whole URI into Host.
func Parse(uri string) (document.Target, []document.Diagnostic) {
	return parseURI(uri, 0)
}

// ParseSipText is Parse for the text of a <Sip>, which XML has already
// unescaped once: an &amp; still there means the TwiML escaped it twice.
func ParseSipText(text string) (document.Target, []document.Diagnostic) {
	return parseURI(text, 1)
}

// parseURI reads uri after xmlDecodes rounds of XML unescaping: 0 for a
// URI pasted as such, 1 for the text of a <Sip>, where an &amp; that is
// still there means the TwiML escaped it twice.
func parseURI(uri string, xmlDecodes int) (document.Target, []document.Diagnostic) {
	var t document.Target
	diags := []document.Diagnostic{}
	add := func(sev document.Severity, code, field, format string, args ...any) {
		diags = append(diags, document.Diagnostic{Code: code, Severity: sev, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	s := strings.TrimSpace(uri)
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
		s = strings.TrimSpace(s[1 : len(s)-1])
		add(document.SeverityInfo, "uri-angle-brackets", "host", "The URI was inside <…>, as in a SIP header; it was read without them.")
	}
	if s == "" {
		add(document.SeverityError, "uri-empty", "host", "The SIP URI is empty: paste something like sip:alice@pbx.example.com.")
		return t, diags
	}
	if unescaped, depth := UnescapeAmp(s); depth > 0 {
		s = unescaped
		xmlDecodes += depth
		if xmlDecodes == 1 {
			add(document.SeverityInfo, "uri-xml-escaped", "headers", "The URI had &amp; between headers, as written inside TwiML; it was read as &.")
		} else {
			add(document.SeverityWarning, "uri-xml-escaped-twice", "headers",
				"The & between headers was XML-escaped more than once (&amp;amp;, a mistake in some of Twilio's own Go samples), so Twilio would not see separate headers. It was read as &; the TwiML here escapes it once.")
		}
	}
	sips := false
	switch lower := strings.ToLower(s); {
	case strings.HasPrefix(lower, "sip:"):
		s = s[4:]
	case strings.HasPrefix(lower, "sips:"):
		s = s[5:]
		sips = true
		add(document.SeverityWarning, "uri-sips", "transport",
			"Twilio does not support sips: and rewrites it to sip: with transport=tls; that is what this target now says.")
	default:
		if scheme, ok := otherScheme(s); ok {
			add(document.SeverityError, "uri-scheme", "host", "%q is not a SIP URI: Twilio dials only sip: URIs (e.g. sip:alice@pbx.example.com).", scheme+":")
			return t, diags
		}
	}
	if rest, ok := strings.CutPrefix(s, "//"); ok {
		s = rest
		add(document.SeverityInfo, "uri-slashes", "host", "A SIP URI has no // after sip: (it is sip:alice@pbx.example.com); it was read without them.")
	}

	rest, headers, _ := strings.Cut(s, "?")
	hostPart := rest
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		userinfo := rest[:at]
		hostPart = rest[at+1:]
		if user, _, hasPassword := strings.Cut(userinfo, ":"); hasPassword {
			userinfo = user
			add(document.SeverityWarning, "uri-password", "user",
				"The URI carried a password after the user; it was not kept. Put credentials in Username and Password instead.")
		}
		t.User = unescape(userinfo, "user", add)
	}
	hostPort, params, _ := strings.Cut(hostPart, ";")
	host, port := splitHostPort(hostPort)
	t.Host = unescape(host, "host", add)
	if strings.Count(host, ":") > 1 && !strings.HasPrefix(host, "[") && ipaddr.Version(t.Host) == 0 {
		add(document.SeverityError, "host-invalid", "host",
			"Host %q has more than one ':': write the port once (pbx.example.com:5060) and an IPv6 address in brackets ([2001:db8::1]:5060).", host)
	} else {
		// The same normal form Build writes (trimmed, IPv6 bracketed),
		// so an imported host renders back as it was read.
		t.Host = CleanHost(t.Host)
	}
	if t.Host == "" {
		add(document.SeverityError, "host-missing", "host", "The URI has no host: it should look like sip:user@pbx.example.com.")
	}
	t.Port = parsePort(port, add)
	if params != "" {
		seen := map[string]bool{}
		for _, p := range strings.Split(params, ";") {
			parseParam(&t, p, seen, add)
		}
	}
	if sips {
		if t.Transport != "" && t.Transport != "tls" {
			add(document.SeverityWarning, "uri-sips", "transport", "sips: means TLS, so ;transport=%s was replaced by tls.", t.Transport)
		}
		t.Transport = "tls"
	}
	if headers != "" {
		parseHeaders(&t, headers, add)
	}
	return t, diags
}

// UnescapeAmp turns each & written as &amp;, &amp;amp; and so on back
// into &, and reports the deepest escaping found (0 for none). One pass,
// since replacing level by level is quadratic on a pasted &amp;amp;amp;….
func UnescapeAmp(s string) (string, int) {
	depth := 0
	var b strings.Builder
	for {
		i := strings.Index(s, "&amp;")
		if i < 0 {
			break
		}
		b.WriteString(s[:i+1])
		s = s[i+len("&amp;"):]
		n := 1
		for strings.HasPrefix(s, "amp;") {
			s = s[len("amp;"):]
			n++
		}
		depth = max(depth, n)
	}
	if depth == 0 {
		return s, 0
	}
	b.WriteString(s)
	return b.String(), depth
}

// otherScheme reports the scheme of a URI that is not SIP ("tel:+1",
// "https://…"). A colon alone does not make a scheme: "pbx:5060" is a host
// and port, "fe80::1" or "fe80::1:x" an address (good or bad), and
// "alice:secret@pbx" a user and password.
func otherScheme(s string) (string, bool) {
	i := strings.IndexByte(s, ':')
	if i > 0 && slices.Contains(knownSchemes, strings.ToLower(s[:i])) {
		return s[:i], true
	}
	if i <= 0 || !isSchemeName(s[:i]) || strings.Contains(s[i:], "@") || strings.HasPrefix(s[i:], "::") {
		return "", false
	}
	hostPort := s
	if j := strings.IndexAny(s, ";?"); j >= 0 {
		hostPort = s[:j]
	}
	if digits(hostPort[i+1:]) || ipaddr.Version(hostPort) != 0 {
		return "", false
	}
	return s[:i], true
}

// knownSchemes are pasted by mistake often enough to be named even when
// an @ follows, where an unknown word could be a user with a password.
var knownSchemes = []string{"tel", "mailto", "http", "https", "ws", "wss", "urn"}

// isSchemeName is RFC 3986's scheme: a letter, then letters, digits, + - .
func isSchemeName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 0 && !(isAlnum(c) && c > '9') {
			return false
		}
		if !isAlnum(c) && strings.IndexByte("+-.", c) < 0 {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

type addFunc func(sev document.Severity, code, field, format string, args ...any)

// splitHostPort splits at the port's colon: the one after a bracketed
// IPv6 address, or the only one; several colons without brackets are an
// IPv6 address with no port.
func splitHostPort(hp string) (host, port string) {
	if strings.HasPrefix(hp, "[") {
		if end := strings.Index(hp, "]"); end >= 0 {
			return hp[:end+1], strings.TrimPrefix(hp[end+1:], ":")
		}
		return hp, ""
	}
	if strings.Count(hp, ":") == 1 {
		host, port, _ = strings.Cut(hp, ":")
		return host, port
	}
	return hp, ""
}

func parsePort(port string, add addFunc) int {
	if port == "" {
		return 0
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 {
		add(document.SeverityError, "port-invalid", "port", "Port %q: use 1 to 65535; it was not kept.", port)
		return 0
	}
	return n
}

// unescape decodes what Build percent-encodes outside header values;
// a broken escape is kept as typed and reported.
func unescape(s, field string, add addFunc) string {
	out, err := url.PathUnescape(s)
	if err != nil {
		add(document.SeverityError, "uri-escape", field, "%q has a broken %%-escape (%% must be followed by two hex digits); it was kept as typed.", s)
		return s
	}
	encodedTags(s, out, field, add)
	return out
}

// encodedTags reports template tags that were percent-encoded in raw
// (%7B%7BTo%7D%7D, as this tool wrote {{To}} before it kept tags as
// typed): a Bin fills no encoded tag, so Twilio would send the braces.
// The Document holds values decoded, and Build writes a tag as typed, so
// the value now reads as the template it meant.
func encodedTags(raw, decoded, field string, add addFunc) {
	tags := Tags(decoded)
	if len(tags) == len(Tags(raw)) {
		return
	}
	var names []string
	for _, tg := range tags {
		names = append(names, tg.Text)
	}
	add(document.SeverityWarning, "uri-template-encoded", field,
		"%q holds a TwiML Bin template tag percent-encoded: a Bin fills only a tag written as typed, so Twilio would have sent the braces. It was read as %s, which the TwiML here writes as typed, for the Bin to fill in.",
		raw, strings.Join(names, ""))
}

// uriParams are the parameters Twilio documents for SIP out; each is the
// Target field of the same name.
var uriParams = []string{"transport", "secure", "edge", "region"}

func parseParam(t *document.Target, p string, seen map[string]bool, add addFunc) {
	rawName, rawValue, _ := strings.Cut(p, "=")
	name := strings.ToLower(rawName)
	switch {
	case name == "":
		return
	case name == "tnx":
		add(document.SeverityWarning, "uri-param-unknown", "host",
			"The URI parameter ;%s is Twilio's deprecated way to pick an Interconnect connection: choose the edge ending in -ix instead. It was not kept.", p)
		return
	case !slices.Contains(uriParams, name):
		add(document.SeverityWarning, "uri-param-unknown", "host",
			"The URI parameter ;%s is not one Twilio documents for SIP out (transport, secure, edge, region); it was not kept.", p)
		return
	case seen[name]:
		add(document.SeverityWarning, "uri-param-duplicate", name, "The URI sets ;%s more than once; the last one (;%s) was kept.", name, p)
	}
	seen[name] = true
	value := unescape(rawValue, name, add)
	switch name {
	case "transport":
		t.Transport = strings.ToLower(value)
	case "secure":
		t.Secure = strings.EqualFold(value, "true")
		if !t.Secure && !strings.EqualFold(value, "false") {
			add(document.SeverityWarning, "uri-param-value", "secure", "Twilio turns on SRTP only with secure=true; ;%s was read as off.", p)
		}
	case "edge":
		t.Edge = value
	case "region":
		t.Region = value
	}
}

func parseHeaders(t *document.Target, headers string, add addFunc) {
	for _, h := range strings.Split(headers, "&") {
		if h == "" {
			continue
		}
		field := fmt.Sprintf("headers[%d]", len(t.Headers))
		name, value := parseHeader(h, field, add)
		if t.UUI.Data == "" && (strings.EqualFold(name, UUIHeader) || strings.EqualFold(name, UUIHeaderXPrefix)) {
			if uuiHeader(t, name, value, field, add) {
				continue
			}
		}
		if name == "" {
			add(document.SeverityWarning, "uri-header-unnamed", "headers", "A header with no name (%q) was not kept.", h)
			continue
		}
		t.Headers = append(t.Headers, document.Header{Name: name, Value: value})
	}
}

// parseHeader decodes one name=value pair of the URI's header part.
func parseHeader(h, field string, add addFunc) (name, value string) {
	rawName, rawValue, hasValue := strings.Cut(h, "=")
	name = unescape(rawName, field+".name", add)
	if n, v, ok := strings.Cut(name, "="); ok && !hasValue {
		add(document.SeverityWarning, "uri-header-equals-escaped", field,
			"Header %s has its = percent-encoded (%%3D), as in one of Twilio's examples, so Twilio reads %q as the name: its 13252 page says a name that escapes change is invalid, and Twilio cannot use the header (warning 13252). It was read as %s with the value %q; the TwiML here writes %s=%s.",
			h, name, n, v, n, PercentEncode(v))
		return n, v
	}
	if params, ok := rawParams(rawValue); ok {
		add(document.SeverityWarning, "uri-header-semicolon", field+".value",
			"Header %s has a raw ; in its value (%s): after ? a ; is part of the header value, not a URI parameter%s, and Twilio's docs say to percent-encode it (%%3B). It was kept in the value; the TwiML here writes it as %%3B.",
			name, rawValue, params)
	}
	value, err := url.PathUnescape(rawValue)
	if err != nil {
		add(document.SeverityError, "uri-escape", field+".value",
			"Header %s has a broken %%-escape (%s); Twilio drops such a header (error 32112). It was kept as typed: fix the value.", name, rawValue)
		return name, rawValue
	}
	encodedTags(rawValue, value, field+".value", add)
	return name, value
}

// rawParams reports whether a header value as written has a raw ";", and
// names the URI parameters Twilio documents that follow one, which were
// probably meant for the URI (";transport=TCP" after the headers).
func rawParams(rawValue string) (string, bool) {
	parts := strings.Split(rawValue, ";")
	if len(parts) == 1 {
		return "", false
	}
	var meant []string
	for _, p := range parts[1:] {
		name, _, _ := strings.Cut(p, "=")
		if slices.Contains(uriParams, strings.ToLower(name)) {
			meant = append(meant, ";"+p)
		}
	}
	if len(meant) == 0 {
		return "", true
	}
	return fmt.Sprintf(" (so %s does not apply to the call: write it before the ?)", strings.Join(meant, "")), true
}

// WithURI returns t with its URI parts (user, host, port, params, headers,
// UUI) taken from u, keeping t's <Sip> attributes: what pasting a URI into
// a target means.
func WithURI(t, u document.Target) document.Target {
	t.User, t.Host, t.Port, t.Transport, t.Secure = u.User, u.Host, u.Port, u.Transport, u.Secure
	t.Edge, t.Region, t.Headers, t.UUI = u.Edge, u.Region, u.Headers, u.UUI
	return t
}
