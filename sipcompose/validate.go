package sipcompose

import (
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits from Twilio's docs (see ../shared/reference/twilio-sip-out.md).
const (
	// MaxURILength: the SIP URI must be "under 255 characters". Twilio
	// states a separate limit for the headers after "?", so this one is
	// measured without them.
	MaxURILength = 254
	// MaxHeadersLength: the headers part must be "under 1024 characters".
	MaxHeadersLength = 1023
	// MaxRESTTwiML is the REST API's limit on the Twiml parameter.
	MaxRESTTwiML = 4000
)

// allowedStandardHeaders are the only non-X- headers Twilio passes on
// (User-to-User always; the other three since 2024-06-03).
var allowedStandardHeaders = []string{"User-to-User", "Remote-Party-ID", "P-Preferred-Identity", "P-Called-Party-ID"}

var (
	methods             = []string{"GET", "POST"}
	transports          = []string{"udp", "tcp", "tls"}
	recordValues        = []string{"do-not-record", "record-from-answer", "record-from-ringing", "record-from-answer-dual", "record-from-ringing-dual", "true", "false"}
	trimValues          = []string{"trim-silence", "do-not-trim"}
	recordingTracks     = []string{"inbound", "outbound", "both"}
	recordingEvents     = []string{"in-progress", "completed", "absent"}
	statusEvents        = []string{"initiated", "ringing", "answered", "completed"}
	machineDetections   = []string{"Enable", "DetectMessageEnd"}
	ringTones           = strings.Fields("at au bg br be ch cl cn cz de dk ee es fi fr gr hu il in it lt jp mx my nl no nz ph pl pt ru se sg th uk us us-old tw ve za")
	legacyTwilioRegions = []string{"us1", "us2", "ie1", "de1", "sg1", "jp1", "br1", "au1"}
)

// Validate checks a Document against Twilio's rules. Each Diagnostic names
// the field it concerns and says what to do. The order is fixed: errors,
// then warnings, then advice; within each, by field (indices compared as
// numbers, so targets[2] comes before targets[10]), then by code.
func Validate(doc Document) []Diagnostic {
	uris := make([]string, len(doc.Targets))
	plain := make([]bool, len(doc.Targets))
	for i := range doc.Targets {
		uris[i], plain[i] = buildURI(&doc.Targets[i])
	}
	return validate(doc, uris, plain)
}

// validate is Validate with the targets' URIs already built, and for each
// whether its header rows are plain (see buildURI).
func validate(doc Document, uris []string, plain []bool) []Diagnostic {
	v := &validator{out: []Diagnostic{}, uris: uris}
	if n := len(doc.Targets); n > 1 {
		// Several targets bring advice of their own, and long URIs one
		// each: room for them saves growing the list a step at a time.
		v.out = make([]Diagnostic, 0, n+1)
	}
	// plain goes by argument, not in v: anything v holds counts as escaping
	// with v.out, and so would the caller's list.
	v.document(&doc, plain)
	slices.SortStableFunc(v.out, compareDiagnostics)
	return v.out
}

func compareDiagnostics(a, b Diagnostic) int {
	if c := severityRank(a.Severity) - severityRank(b.Severity); c != 0 {
		return c
	}
	if c := compareFields(a.Field, b.Field); c != 0 {
		return c
	}
	return strings.Compare(a.Code, b.Code)
}

// compareFields orders field paths as text, except that runs of digits
// compare as numbers.
func compareFields(a, b string) int {
	// Paths mostly share a long start ("targets[", ".headers"): bytes
	// equal and not digits compare alike either way.
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] && (a[i] < '0' || a[i] > '9') {
		i++
	}
	a, b = a[i:], b[i:]
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := len(na) - len(nb); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}

func severityRank(s Severity) int {
	switch s {
	case SeverityError:
		return 0
	case SeverityWarning:
		return 1
	}
	return 2
}

type validator struct {
	out  []Diagnostic
	uris []string
	// longURI is the last long-URI advice and the length it names: copied
	// targets have URIs of one length, and share its text.
	longURI struct {
		n       int
		message string
	}
}

func (v *validator) add(sev Severity, code, field, format string, args ...any) {
	// A message with nothing to format is its own text: Sprintf would
	// only copy it.
	if len(args) == 0 && strings.IndexByte(format, '%') < 0 {
		v.note(sev, code, field, format)
		return
	}
	v.note(sev, code, field, fmt.Sprintf(format, args...))
}

func (v *validator) note(sev Severity, code, field, message string) {
	v.out = append(v.out, Diagnostic{Code: code, Severity: sev, Field: field, Message: message})
}

func (v *validator) document(doc *Document, plain []bool) {
	switch n := len(doc.Targets); {
	case n == 0:
		v.add(SeverityError, "no-targets", "targets", "Add a SIP target: <Dial> needs at least one <Sip> to ring.")
	case n > MaxTargets:
		v.add(SeverityError, "too-many-targets", "targets",
			"%d SIP targets: Twilio accepts at most %d nouns in one <Dial> (error 13250, too many URIs). Remove %d.", n, MaxTargets, n-MaxTargets)
	case n > 1:
		v.add(SeverityInfo, "several-targets", "targets",
			"Several <Sip> nouns in one <Dial> need Twilio's Enhanced Programmable SIP Features; without them an account accepts only one <Sip> per <Dial>.")
	}
	v.dial(&doc.Dial)
	// By pointer: a Target is some 400 bytes, and each check of a target
	// would copy it.
	for i := range doc.Targets {
		v.target(pathOfTarget(i), &doc.Targets[i], v.uris[i], plain[i])
	}
	v.rest(doc.REST)
}

// targetPaths are the field paths of the targets a document may have,
// and of their headers (which the long-URI advice names for every target
// with a few), made once rather than per target on every keystroke.
var targetPaths = func() (paths [MaxTargets]targetPath) {
	for i := range paths {
		paths[i] = newTargetPath(i)
	}
	return paths
}()

type targetPath struct{ target, headers string }

func newTargetPath(i int) targetPath {
	p := "targets[" + strconv.Itoa(i) + "]"
	return targetPath{p, p + ".headers"}
}

func pathOfTarget(i int) targetPath {
	if i < len(targetPaths) {
		return targetPaths[i]
	}
	return newTargetPath(i)
}

func (v *validator) dial(d *Dial) {
	v.text("dial", "callerId", d.CallerID)
	if d.CallerID != "" && !callerIDValid(d.CallerID) {
		v.add(SeverityError, "caller-id-invalid", "dial.callerId",
			"Caller ID %q: when dialing <Sip>, use only letters, digits and + - _ . with no spaces.", d.CallerID)
	}
	v.url("dial", "action", d.Action)
	v.method("dial", "method", d.Method)
	if d.Timeout != 0 && (d.Timeout < 5 || d.Timeout > 600) {
		v.add(SeverityError, "timeout-range", "dial.timeout", "Timeout %d s: use 5 to 600 seconds (Twilio's default is 30).", d.Timeout)
	}
	switch {
	case d.TimeLimit < 0 || d.TimeLimit > 86400:
		v.add(SeverityError, "time-limit-range", "dial.timeLimit", "Time limit %d s: use 1 to 86400 seconds (default 14400, 4 hours).", d.TimeLimit)
	case d.TimeLimit > 14400:
		v.add(SeverityWarning, "time-limit-long", "dial.timeLimit", "Time limits over 14400 s (4 hours) need the 24-hour call setting enabled on the account.")
	}
	v.oneOf("dial", "record", d.Record, recordValues, "record-invalid")
	v.oneOf("dial", "trim", d.Trim, trimValues, "trim-invalid")
	v.url("dial", "recordingStatusCallback", d.RecordingStatusCallback)
	v.method("dial", "recordingStatusCallbackMethod", d.RecordingStatusCallbackMethod)
	v.events("dial", "recordingStatusCallbackEvent", d.RecordingStatusCallbackEvent, recordingEvents, "recording-event-invalid")
	v.oneOf("dial", "recordingTrack", d.RecordingTrack, recordingTracks, "recording-track-invalid")
	v.oneOf("dial", "ringTone", d.RingTone, ringTones, "ring-tone-invalid")
	v.url("dial", "referUrl", d.ReferURL)
	v.method("dial", "referMethod", d.ReferMethod)
}

func (v *validator) target(path targetPath, t *Target, uri string, plain bool) {
	p := path.target
	v.text(p, "user", t.User)
	if strings.IndexByte(t.User, ' ') >= 0 || strings.IndexByte(t.User, '\t') >= 0 {
		v.add(SeverityError, "user-invalid", p+".user", "User %q has spaces: remove them (a phone number is written +14158675309).", t.User)
	}
	v.host(p, t)
	if t.Port < 0 || t.Port > 65535 {
		v.add(SeverityError, "port-invalid", p+".port", "Port %d: use 1 to 65535, or leave it empty for 5060 (5061 with TLS).", t.Port)
	}
	if t.Transport != "" && !slices.Contains(transports, strings.ToLower(t.Transport)) {
		v.add(SeverityError, "transport-invalid", p+".transport", "Transport %q: use udp, tcp or tls (error 32110: invalid URI parts are ignored).", t.Transport)
	}
	if t.Secure && t.Transport != "" && strings.ToLower(t.Transport) != "tls" {
		v.add(SeverityWarning, "secure-without-tls", p+".transport",
			"secure=true turns on SRTP and TLS signaling: set Transport to tls (or leave it empty) so the URI says what Twilio will do.")
	}
	v.edge(p, t)
	v.headers(path, t, uri, plain)
	v.uui(p, t.UUI)

	v.text(p, "username", t.Username)
	v.text(p, "password", t.Password)
	switch {
	case t.Password != "" && t.Username == "":
		v.add(SeverityError, "password-without-username", p+".username", "A password needs a username: set Username or clear Password (error 21225).")
	case t.Username != "" && t.Password == "":
		v.add(SeverityError, "username-without-password", p+".password", "Username %q needs a password (error 21225: SipAuthPassword is required with SipAuthUsername).", t.Username)
	}
	v.url(p, "url", t.URL)
	v.method(p, "method", t.Method)
	v.url(p, "statusCallback", t.StatusCallback)
	v.method(p, "statusCallbackMethod", t.StatusCallbackMethod)
	v.events(p, "statusCallbackEvent", t.StatusCallbackEvent, statusEvents, "status-event-invalid")
	if len(t.StatusCallbackEvent) > 0 && t.StatusCallback == "" {
		v.add(SeverityWarning, "status-events-without-callback", p+".statusCallback", "Status callback events are sent only to a Status callback URL: set one.")
	}
	v.amd(p, t)
}

func (v *validator) host(p string, t *Target) {
	h := strings.TrimSpace(t.Host)
	v.text(p, "host", t.Host)
	switch {
	case h == "":
		v.add(SeverityError, "host-missing", p+".host", "Enter the host to ring, e.g. pbx.example.com or 203.0.113.10.")
		return
	case uriPunctuation(h) || hasLowerPrefix(h, "sip:") || hasLowerPrefix(h, "sips:"):
		v.add(SeverityError, "host-invalid", p+".host", "Host %q looks like a whole SIP URI: paste it into Host to import it, or enter only the host name.", h)
		return
	case !hostValid(h):
		v.add(SeverityError, "host-invalid", p+".host", "Host %q: use a host name (letters, digits, - and .), an IPv4 address or a bracketed IPv6 address (error 13243: invalid SIP URI).", h)
		return
	}
	// A valid host is ASCII, so lowering the end is lowering it all.
	if !hasLowerSuffix(strings.TrimSuffix(h, "."), ".twilio.com") {
		return
	}
	lower := strings.ToLower(strings.TrimSuffix(h, "."))
	if labels := strings.Split(lower, "."); len(labels) >= 5 && labels[len(labels)-4] == "sip" {
		loc := labels[len(labels)-3]
		if loc == "us1" || loc == "us1-ix" {
			v.add(SeverityWarning, "twilio-domain-deprecated", p+".host",
				"%s: the .sip.%s.twilio.com form still works but is deprecated; dial %s.sip.twilio.com.", h, loc, strings.Join(labels[:len(labels)-4], "."))
		} else {
			v.add(SeverityError, "twilio-domain-edge", p+".host",
				"%s: to ring a device registered to a Twilio SIP Domain, dial the global form %s.sip.twilio.com (error 32220).", h, strings.Join(labels[:len(labels)-4], "."))
		}
		return
	}
	if strings.HasSuffix(lower, ".sip.twilio.com") {
		v.add(SeverityInfo, "twilio-sip-domain", p+".host",
			"Twilio SIP Domains can be dialed only from the same account or its parent (error 32214).")
	}
}

func hostValid(h string) bool {
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		ip := net.ParseIP(h[1 : len(h)-1])
		return ip != nil && ip.To4() == nil
	}
	if strings.Count(h, ":") > 1 {
		ip := net.ParseIP(h)
		return ip != nil && ip.To4() == nil
	}
	if len(h) > 253 {
		return false
	}
	// A name of digits and dots only is meant as an IPv4 address (no
	// top-level domain is numeric), so it must be a valid one.
	if digitsAndDots(h) {
		ip := net.ParseIP(h)
		return ip != nil && ip.To4() != nil
	}
	// Labels checked in one pass over the name, each as its dot ends it.
	name, start := strings.TrimSuffix(h, "."), 0
	for i := 0; i <= len(name); i++ {
		if i < len(name) && name[i] != '.' {
			if !isAlnum(name[i]) && name[i] != '-' {
				return false
			}
			continue
		}
		if label := name[start:i]; label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		start = i + 1
	}
	return true
}

// uriPunctuation reports whether h has "@", "?" or ";", which only a
// whole SIP URI would put around a host.
func uriPunctuation(h string) bool {
	for i := 0; i < len(h); i++ {
		if c := h[i]; c == '@' || c == '?' || c == ';' {
			return true
		}
	}
	return false
}

func digitsAndDots(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '.' && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// hasLowerPrefix is strings.HasPrefix(strings.ToLower(s), prefix) for a
// lowercase ASCII prefix. ASCII runes lower one byte to one byte, so
// lowering s is needed only when the bytes compared are not ASCII (İ
// lowers to i, the Kelvin sign to k).
func hasLowerPrefix(s, prefix string) bool {
	if len(s) < len(prefix) || !isASCII(s[:len(prefix)]) {
		return strings.HasPrefix(strings.ToLower(s), prefix)
	}
	return foldEqual(s[:len(prefix)], prefix)
}

// hasLowerSuffix is hasLowerPrefix for the end of s.
func hasLowerSuffix(s, suffix string) bool {
	if len(s) < len(suffix) || !isASCII(s[len(s)-len(suffix):]) {
		return strings.HasSuffix(strings.ToLower(s), suffix)
	}
	return foldEqual(s[len(s)-len(suffix):], suffix)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (v *validator) edge(p string, t *Target) {
	registered := hasLowerSuffix(strings.TrimSpace(t.Host), ".sip.twilio.com")
	if t.Edge != "" {
		switch _, ok := LookupEdge(t.Edge); {
		case t.Edge == "roaming":
			v.add(SeverityError, "edge-roaming", p+".edge", "The roaming edge is not available for SIP: pick an edge near the customer's SIP infrastructure.")
		case t.Edge == "san-jose":
			v.add(SeverityWarning, "edge-san-jose", p+".edge",
				"Edge \"san-jose\" appears only in one Twilio table, for Oregon; every other Twilio source calls it umatilla (san-jose-ix is Interconnect). Use umatilla.")
		case !ok:
			if e, ok := LookupEdge(strings.ToLower(t.Edge)); ok {
				v.add(SeverityError, "edge-unknown", p+".edge", "Edge %q: edge names are lowercase, write %s.", t.Edge, e.Name)
			} else {
				v.add(SeverityError, "edge-unknown", p+".edge", "Unknown edge %q: use one of %s.", t.Edge, edgeNames())
			}
		}
	}
	if t.Region != "" {
		if e, ok := EdgeForRegion(strings.ToLower(t.Region)); ok && t.Region != e.Region {
			v.add(SeverityError, "region-unknown", p+".region", "Region %q: region names are lowercase, write %s (or better, the edge %s).", t.Region, e.Region, e.Name)
		} else if !ok {
			v.add(SeverityError, "region-unknown", p+".region", "Unknown legacy region %q: use one of %s, or better, the matching edge.", t.Region, strings.Join(legacyTwilioRegions, ", "))
		}
	}
	if t.Edge != "" && t.Region != "" {
		v.add(SeverityWarning, "edge-and-region", p+".region",
			"Both edge and region are set and Twilio documents no precedence: keep only Edge (region is the legacy form).")
	}
	if registered && (t.Edge != "" || t.Region != "") {
		field := p + ".edge"
		if t.Edge == "" {
			field = p + ".region"
		}
		v.add(SeverityWarning, "edge-ignored-registered", field,
			"Twilio ignores the edge when ringing a device registered to a Twilio SIP Domain: the call leaves from the edge the device registered on.")
	}
}

func edgeNames() string {
	var names []string
	for _, e := range edges {
		names = append(names, e.Name)
	}
	return strings.Join(names, ", ")
}

// headers checks a target's headers and the length limits of its URI. It
// runs on every keystroke over every header, so field paths are built only
// for the diagnostics that need one, and rows buildURI found plain are not
// scanned again.
func (v *validator) headers(path targetPath, t *Target, uri string, plain bool) {
	p := path.target
	const uuiRow = -1
	uui := t.UUI.Data != ""
	// Names compare as strings.ToLower makes them. ASCII names, all a
	// person types, go into a small table on the stack by foldKey and are
	// compared in place, which beats lowering each one into a map; other
	// names, or thousands of them from an import, go through the map.
	var (
		seen  map[string]int
		names foldSet
	)
	if len(t.Headers) > maxFoldSet || !plain && !asciiNames(t.Headers) {
		seen = make(map[string]int, len(t.Headers))
	}
	for i, h := range t.Headers {
		f := func(part string) string { return p + ".headers[" + strconv.Itoa(i) + "]." + part }
		// A token is printable ASCII: clean text by construction.
		token := plain || tokenValid(h.Name)
		if !token && !cleanText(h.Name) {
			v.text(p+".headers["+strconv.Itoa(i)+"]", "name", h.Name)
		}
		if !plain && !cleanText(h.Value) {
			v.text(p+".headers["+strconv.Itoa(i)+"]", "value", h.Value)
		}
		name := h.Name
		if name == "" {
			if h.Value != "" {
				v.add(SeverityError, "header-name-missing", f("name"), "This header has a value but no name: enter a name starting with X-.")
			}
			continue
		}
		// A valid token is ASCII, so past the first case ASCII case
		// folding is strings.ToLower.
		switch {
		case !token:
			v.add(SeverityError, "header-name-invalid", f("name"),
				"Header name %q: use only letters, digits and hyphens (error 13252: invalid header name).", name)
		case xTwilio(name):
			v.add(SeverityError, "header-name-reserved", f("name"),
				"Header name %q: names starting with X-Twilio are reserved and Twilio drops the header (error 32113). Choose another X- name.", name)
		case !xHeader(name) && !slices.ContainsFunc(allowedStandardHeaders, func(s string) bool { return strings.EqualFold(s, name) }):
			v.add(SeverityError, "header-name-not-allowed", f("name"),
				"Header %q is not passed on: custom headers must start with X- (e.g. X-%s); the only other allowed names are %s (errors 13252, 32113).",
				name, name, strings.Join(allowedStandardHeaders, ", "))
		}
		// Only U+0130 and U+212A lower to ASCII (i, k), and neither name
		// has them, so no other name lowers to the UUI's.
		prev, dup := uuiRow, uui && (foldEqual(name, "user-to-user") || foldEqual(name, "x-user-to-user"))
		switch {
		case dup:
		case seen != nil:
			lower := strings.ToLower(name)
			if prev, dup = seen[lower]; !dup {
				seen[lower] = i
			}
		default:
			prev = names.add(t.Headers, i)
			dup = prev >= 0
		}
		switch {
		case dup && prev == uuiRow:
			v.add(SeverityWarning, "header-duplicate", f("name"), "Header %q is sent twice (also UUI): keep one, or pack both values into one header.", name)
		case dup:
			v.add(SeverityWarning, "header-duplicate", f("name"), "Header %q is sent twice (also header %d): keep one, or pack both values into one header.", name, prev+1)
		}
	}
	hp := headersPart(uri)
	if len(hp) > MaxHeadersLength {
		v.add(SeverityError, "headers-too-long", path.headers,
			"The encoded headers are %d characters; Twilio needs fewer than 1024 (errors 21227, 13251). Shorten or drop some values.", len(hp))
	}
	// Twilio's headers limit (1024) is larger than its URI limit (255), so
	// the URI limit cannot include the headers; the docs never say so,
	// hence only advice when the whole URI passes 255.
	switch base, _, _ := strings.Cut(uri, "?"); {
	case len(base) > MaxURILength:
		v.add(SeverityError, "uri-too-long", p+".host",
			"The SIP URI (without headers) is %d characters; Twilio needs fewer than 255 (error 13243).", len(base))
	case len(uri) > MaxURILength && len(hp) <= MaxHeadersLength:
		// Concatenated, not formatted, the number without a string of
		// its own: this shows for every target with a few headers, on
		// every keystroke.
		if v.longURI.n != len(uri) {
			var n [20]byte
			v.longURI.n = len(uri)
			v.longURI.message = "With its headers the SIP URI is " + string(strconv.AppendInt(n[:0], int64(len(uri)), 10)) + " characters. Twilio limits the URI to under 255 and the headers to under 1024 without saying whether the first includes the second; if Twilio reports error 13243, shorten the headers."
		}
		v.note(SeverityInfo, "uri-long-with-headers", path.headers, v.longURI.message)
	}
}

// xHeader and xTwilio report whether a token name starts with "x-" and
// "x-twilio" under foldEqual, by setting bit 0x20 of each byte: between
// A-Z and a-z that is case folding, and no other token byte becomes one
// of "x-twilio" by it ("-" is 0x2D; 0x0D is no token byte).
func xHeader(name string) bool {
	return len(name) >= 2 && name[0]|0x20 == 'x' && name[1] == '-'
}

func xTwilio(name string) bool {
	const word = uint64('x') | uint64('-')<<8 | uint64('t')<<16 | uint64('w')<<24 |
		uint64('i')<<32 | uint64('l')<<40 | uint64('i')<<48 | uint64('o')<<56
	return len(name) >= 8 && load64(name)|0x2020202020202020 == word
}

// load64 is the first eight bytes of s as a little-endian number, one
// load once compiled.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiNames reports whether every header name is ASCII.
func asciiNames(headers []Header) bool {
	for _, h := range headers {
		for i := 0; i < len(h.Name); i++ {
			if h.Name[i] >= utf8.RuneSelf {
				return false
			}
		}
	}
	return true
}

// maxFoldSet is how many names a foldSet holds: a person's headers,
// with room to spare in its table.
const maxFoldSet = 32

// foldSet is a hash set of header names under foldEqual, by row index.
type foldSet struct {
	keys [maxFoldSet]uint64
	// slots hold a row index + 1 (0 is empty), at foldKey's hash, then
	// the next free slot.
	slots [2 * maxFoldSet]uint8
}

// add returns the first earlier row whose non-empty ASCII name equals
// row i's but for case, or -1 after adding row i.
func (f *foldSet) add(headers []Header, i int) int {
	name := headers[i].Name
	key := foldKey(name)
	for h := key * 0x9E3779B97F4A7C15 >> 58; ; h = (h + 1) % uint64(len(f.slots)) {
		j := int(f.slots[h]) - 1
		if j < 0 {
			f.keys[i] = key
			f.slots[h] = uint8(i + 1)
			return -1
		}
		if f.keys[j] == key && foldEqual(headers[j].Name, name) {
			return j
		}
	}
}

// foldKey packs a name's length and last eight bytes, each with bit 0x20
// set, into a number that names equal under foldEqual share: A-Z and a-z
// differ only in that bit. Names mostly differ at the end (X-Leg-1,
// X-Leg-2), so differing names almost always get different keys.
func foldKey(s string) uint64 {
	k := uint64(len(s))
	if len(s) >= 8 {
		return (load64(s[len(s)-8:]) | 0x2020202020202020) ^ k<<59
	}
	for i := 0; i < len(s); i++ {
		k = k<<8 | uint64(s[i]|0x20)
	}
	return k
}

// foldEqual is strings.EqualFold for ASCII letters only: other bytes
// must be equal.
func foldEqual(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerByte(a[i]) != lowerByte(b[i]) {
			return false
		}
	}
	return true
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// tokenValid is RFC 3261's token, the grammar of header names.
func tokenValid(s string) bool {
	for i := 0; i < len(s); i++ {
		if !tokenChars[s[i]] {
			return false
		}
	}
	return s != ""
}

var tokenChars = newByteSet("-.!%*_+`'~")

func (v *validator) uui(p string, u UUI) {
	v.text(p, "uui.data", u.Data)
	v.text(p, "uui.encoding", u.Encoding)
	if u.Data == "" {
		return
	}
	enc := UUIEncoding(u)
	switch {
	case strings.EqualFold(enc, "hex") && !isHexDigits(u.Data):
		v.add(SeverityError, "uui-not-hex", p+".uui.data",
			"UUI data must be hex digits (0-9, A-F) with encoding=hex (error 32112: invalid header value). Use the text→hex helper to convert text.")
	case strings.EqualFold(enc, "hex") && len(u.Data)%2 != 0:
		// Twilio's own example sends "123456789", so Twilio passes an odd
		// count on; the receiver may not decode the last half-octet.
		v.add(SeverityWarning, "uui-hex-odd", p+".uui.data",
			"UUI data has %d hex digits: hex encodes whole octets, so use an even number or the receiver may drop the last digit.", len(u.Data))
	case !strings.EqualFold(enc, "hex"):
		v.add(SeverityWarning, "uui-encoding-unknown", p+".uui.encoding",
			"UUI encoding %q: Twilio documents only encoding=hex; the receiver may not understand another.", enc)
	}
}

func (v *validator) amd(p string, t *Target) {
	// Most targets set none of it; every check below passes an empty
	// setting.
	if t.MachineDetection == "" && t.MachineDetectionTimeout == 0 && t.MachineDetectionSpeechThreshold == 0 &&
		t.MachineDetectionSpeechEndThreshold == 0 && t.MachineDetectionSilenceTimeout == 0 &&
		t.AMDStatusCallback == "" && t.AMDStatusCallbackMethod == "" {
		return
	}
	v.oneOf(p, "machineDetection", t.MachineDetection, machineDetections, "machine-detection-invalid")
	ranges := []struct {
		field    string
		value    int
		min, max int
		unit     string
	}{
		{"machineDetectionTimeout", t.MachineDetectionTimeout, 3, 60, "s"},
		{"machineDetectionSpeechThreshold", t.MachineDetectionSpeechThreshold, 1000, 6000, "ms"},
		{"machineDetectionSpeechEndThreshold", t.MachineDetectionSpeechEndThreshold, 500, 5000, "ms"},
		{"machineDetectionSilenceTimeout", t.MachineDetectionSilenceTimeout, 2000, 10000, "ms"},
	}
	set := t.AMDStatusCallback != "" || t.AMDStatusCallbackMethod != ""
	for _, r := range ranges {
		if r.value == 0 {
			continue
		}
		set = true
		if r.value < r.min || r.value > r.max {
			v.add(SeverityError, "amd-range", p+"."+r.field, "%s %d: use %d to %d %s.", r.field, r.value, r.min, r.max, r.unit)
		}
	}
	if set && t.MachineDetection == "" {
		v.add(SeverityWarning, "amd-without-detection", p+".machineDetection",
			"Answering-machine settings are ignored unless Machine detection is Enable or DetectMessageEnd.")
	}
	v.url(p, "amdStatusCallback", t.AMDStatusCallback)
	v.method(p, "amdStatusCallbackMethod", t.AMDStatusCallbackMethod)
}

func (v *validator) rest(r REST) {
	v.url("rest", "url", r.URL)
	if !utf8.ValidString(r.TwiML) {
		v.add(SeverityError, "text-invalid", "rest.twiml", "REST TwiML is not valid UTF-8: retype it.")
	}
	if r.URL != "" && r.TwiML != "" {
		v.add(SeverityWarning, "rest-url-and-twiml", "rest.twiml", "Twilio ignores Twiml when Url is also given: keep one.")
	}
	if n := utf8.RuneCountInString(r.TwiML); n > MaxRESTTwiML {
		v.add(SeverityError, "rest-twiml-too-long", "rest.twiml", "REST TwiML is %d characters; the Twiml parameter takes at most %d. Host it and use Url instead.", n, MaxRESTTwiML)
	}
}

// cleanText is the fast path of text: printable, valid UTF-8.
func cleanText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return !strings.ContainsFunc(s[i:], func(r rune) bool {
				return r < 0x20 || r == 0x7f || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError
			}) && utf8.ValidString(s)
		}
	}
	return true
}

// text reports characters no field may carry: control characters (CR/LF
// could split a SIP message) and invalid UTF-8. Like the other checks
// below it takes the field's path in two parts (p and name) and joins
// them only for a diagnostic: they run over every field on every
// keystroke.
func (v *validator) text(p, name, s string) {
	if cleanText(s) {
		return
	}
	if !utf8.ValidString(s) {
		v.add(SeverityError, "text-invalid", p+"."+name, "This field is not valid UTF-8 (perhaps pasted from a binary source): retype it.")
		return
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xFFFE || r == 0xFFFF {
			v.add(SeverityError, "text-control-character", p+"."+name, "This field contains a control character (%U), e.g. a line break or NUL: remove it.", r)
			return
		}
	}
}

func (v *validator) method(p, name, m string) {
	if m != "" && !slices.Contains(methods, m) {
		v.add(SeverityError, "method-invalid", p+"."+name, "Method %q: use GET or POST (uppercase).", m)
	}
}

func (v *validator) oneOf(p, name, value string, allowed []string, code string) {
	v.text(p, name, value)
	if value != "" && !slices.Contains(allowed, value) {
		v.add(SeverityError, code, p+"."+name, "%q is not allowed here: use one of %s.", value, strings.Join(allowed, ", "))
	}
}

func (v *validator) events(p, name string, events, allowed []string, code string) {
	for _, e := range events {
		if !slices.Contains(allowed, e) {
			v.add(SeverityError, code, p+"."+name, "Event %q: use any of %s.", e, strings.Join(allowed, ", "))
		}
	}
}

// url accepts what Twilio fetches: an absolute http(s) URL whose host has
// no underscores, or a relative URL resolved against the TwiML's own.
func (v *validator) url(p, name, s string) {
	v.text(p, name, s)
	if s == "" {
		return
	}
	field := p + "." + name
	u, err := url.Parse(s)
	switch {
	case err != nil || strings.ContainsAny(s, " \t"):
		v.add(SeverityError, "url-invalid", field, "%q is not a URL: use an absolute https:// URL or a relative path.", s)
	case u.IsAbs() && u.Scheme != "http" && u.Scheme != "https":
		v.add(SeverityError, "url-invalid", field, "%q: Twilio fetches only http and https URLs.", s)
	case u.IsAbs() && u.Host == "":
		v.add(SeverityError, "url-invalid", field, "%q has no host: write it as https://host/path.", s)
	case u.IsAbs() && strings.Contains(u.Hostname(), "_"):
		v.add(SeverityError, "url-host-underscore", field, "%q: Twilio rejects host names with underscores in callback URLs.", s)
	}
}

func callerIDValid(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && !strings.ContainsRune("+-_.", rune(s[i])) {
			return false
		}
	}
	return true
}
