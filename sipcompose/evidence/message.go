package evidence

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// Message is one SIP message as a log or a capture showed it.
type Message struct {
	Ref Ref `json:"ref"`
	// Format is where it was read from: "capture", "raw SIP", "pjsip
	// logger", "chan_sip", "FreeSWITCH siptrace", "Kamailio",
	// "tcpdump -A", "sngrep".
	Format string `json:"format"`
	// Time is when it was sent or logged; zero when the format has none.
	// A log that gives a clock without a date is read on 0000-01-01.
	Time time.Time `json:"time,omitzero"`
	// Src and Dst are "address:port" where the log or capture says;
	// empty for the logging host itself or when unknown.
	Src       string `json:"src,omitempty"`
	Dst       string `json:"dst,omitempty"`
	Transport string `json:"transport,omitempty"` // "udp", "tcp", "tls"
	// Size is the bytes on the wire where known (a capture, or a log that
	// says "(1234 bytes)"), else the message's length as read.
	Size int `json:"size"`
	// Fragments is how many IP fragments a captured datagram came in.
	Fragments int `json:"fragments,omitempty"`

	Method  string   `json:"method,omitempty"` // a request's method
	URI     string   `json:"uri,omitempty"`
	Status  int      `json:"status,omitempty"` // a response's code
	Reason  string   `json:"reason,omitempty"`
	Headers []Header `json:"headers"`
	Body    string   `json:"body,omitempty"`
	// Raw is the message as it was read, for other parsers to check.
	Raw string `json:"-"`
}

// Header is one header line as written: name and value, unfolded.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// compact are RFC 3261's one-letter header names (and RFC 4028's x), each
// with the name it stands for.
var compact = [][2]string{
	{"i", "call-id"}, {"m", "contact"}, {"e", "content-encoding"}, {"l", "content-length"},
	{"c", "content-type"}, {"f", "from"}, {"s", "subject"}, {"k", "supported"}, {"t", "to"},
	{"v", "via"}, {"x", "session-expires"}, {"o", "event"}, {"r", "refer-to"}, {"u", "allow-events"},
}

// canonical is a header name lower-cased, its compact form spelled out.
func canonical(name string) string {
	n := strings.ToLower(name)
	for _, c := range compact {
		if n == c[0] {
			return c[1]
		}
	}
	return n
}

// is reports whether the header is called name, a canonical name: whether
// canonical(h.Name) == name, without building it for a name of ASCII
// letters (a message's headers are looked up often).
func (h Header) is(name string) bool {
	n := h.Name
	if len(n) == 1 || strings.IndexFunc(n, func(r rune) bool { return r >= 0x80 }) >= 0 {
		return canonical(n) == name
	}
	if len(n) != len(name) {
		return false
	}
	for i := range len(n) {
		c := n[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != name[i] {
			return false
		}
	}
	return true
}

// Request reports whether m is a request.
func (m Message) Request() bool { return m.Method != "" }

// StartLine is the message's first line.
func (m Message) StartLine() string {
	if m.Request() {
		return m.Method + " " + m.URI + " SIP/2.0"
	}
	return "SIP/2.0 " + strconv.Itoa(m.Status) + " " + m.Reason
}

// Header is the value of the first header called name (any case, or its
// compact form), or "".
func (m Message) Header(name string) string {
	name = canonical(name)
	for _, h := range m.Headers {
		if h.is(name) {
			return h.Value
		}
	}
	return ""
}

// Values lists every value of the header called name: each line, split
// at the commas that separate values (outside quotes and <>), for the
// headers that take lists (Via, Route, Record-Route, Contact...).
func (m Message) Values(name string) []string {
	name = canonical(name)
	var out []string
	for _, h := range m.Headers {
		if !h.is(name) {
			continue
		}
		switch name {
		case "via", "route", "record-route", "contact", "supported", "allow", "require":
			out = append(out, splitList(h.Value)...)
		default:
			out = append(out, h.Value)
		}
	}
	return out
}

// splitList splits a header value at commas outside quotes and <>.
func splitList(v string) []string {
	var out []string
	quoted, angle, start := false, false, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '"' && (i == 0 || v[i-1] != '\\'):
			quoted = !quoted
		case c == '<' && !quoted:
			angle = true
		case c == '>' && !quoted:
			angle = false
		case c == ',' && !quoted && !angle:
			out = append(out, strings.TrimSpace(v[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(v[start:]))
}

// CallID is the Call-ID header.
func (m Message) CallID() string { return m.Header("Call-ID") }

// CSeq is the CSeq header's number and method.
func (m Message) CSeq() (int, string) {
	num, method, _ := strings.Cut(strings.TrimSpace(m.Header("CSeq")), " ")
	n, _ := strconv.Atoi(num)
	return n, strings.ToUpper(strings.TrimSpace(method))
}

// Of is the method a message is about: a request's own, a response's
// CSeq method.
func (m Message) Of() string {
	if m.Request() {
		return m.Method
	}
	_, method := m.CSeq()
	return method
}

// Text is the message as a SIP message, CRLF line ends.
func (m Message) Text() string {
	var b strings.Builder
	b.WriteString(m.StartLine())
	b.WriteString("\r\n")
	for _, h := range m.Headers {
		b.WriteString(h.Name)
		b.WriteString(": ")
		b.WriteString(h.Value)
		b.WriteString("\r\n")
	}
	b.WriteString("\r\n")
	b.WriteString(m.Body)
	return b.String()
}

// The headers a whole message has; a text needs two of them besides its
// start line to be read as a message rather than a mention of one.
var mandatory = []string{"via", "from", "to", "call-id", "cseq"}

// errNotMessage is Parse's error for a start line without the headers of
// a message.
var errNotMessage = errors.New("a SIP start line without the headers of a message (Via, From, To, Call-ID, CSeq)")

// Parse reads one SIP message: a start line, header lines (folded lines
// joined), a blank line and the body. Line ends may be CRLF or LF. The
// body is cut to Content-Length when it says less.
func Parse(text string) (Message, error) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var m Message
	first := strings.TrimSpace(lines[0])
	if rest, ok := strings.CutPrefix(first, "SIP/2.0 "); ok {
		code, reason, _ := strings.Cut(rest, " ")
		n, err := strconv.Atoi(code)
		if err != nil || n < 100 || n > 699 {
			return m, errors.New("a status line without a status code from 100 to 699")
		}
		m.Status, m.Reason = n, strings.TrimSpace(reason)
	} else {
		parts := strings.Fields(first)
		if len(parts) != 3 || parts[2] != "SIP/2.0" {
			return m, errors.New("not a SIP start line: " + clip(first, 60))
		}
		m.Method, m.URI = parts[0], parts[1]
	}
	i := 1
	for ; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], "\r")
		if strings.TrimSpace(line) == "" {
			i++
			break
		}
		if (line[0] == ' ' || line[0] == '\t') && len(m.Headers) > 0 {
			h := &m.Headers[len(m.Headers)-1]
			h.Value += " " + strings.TrimSpace(line)
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(strings.TrimSpace(name), " \t") {
			return m, errors.New("a header line without a name and colon: " + clip(line, 60))
		}
		m.Headers = append(m.Headers, Header{strings.TrimSpace(name), strings.TrimSpace(value)})
	}
	found := 0
	for _, h := range mandatory {
		if m.Header(h) != "" {
			found++
		}
	}
	if found < 2 {
		return m, errNotMessage
	}
	if i < len(lines) {
		m.Body = strings.Join(lines[i:], "\r\n")
	}
	if n, err := strconv.Atoi(m.Header("Content-Length")); err == nil && n >= 0 && n < len(m.Body) {
		m.Body = m.Body[:n]
	}
	m.Size, m.Raw = len(text), text
	return m, nil
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
