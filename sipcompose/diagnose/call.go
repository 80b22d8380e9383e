package diagnose

import (
	"fmt"
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/edge"
	"sipcompose/sipcompose/evidence"
)

// call is the evidence read as calls: each dialog's INVITE, the PBX's
// answers, and the document's INVITE previews to compare them with.
type call struct {
	ev      evidence.Evidence
	doc     *sipcompose.Document
	res     sipcompose.Result
	dialogs []dialog
	// status is the final SIP response the callback or Twilio's JSON
	// reports, when they do (DialSipResponseCode and the like); 0 if none.
	status     int
	statusLine Line
}

// dialog is one Call-ID's INVITE transaction as seen.
type dialog struct {
	callID string
	// invites are the INVITEs in order (retransmissions, and the second
	// one carrying credentials); first is invites[0].
	invites []*evidence.Message
	// responses answer an INVITE (CSeq method INVITE), in order.
	responses []*evidence.Message
	acks      []*evidence.Message
	cancels   []*evidence.Message
	byes      []*evidence.Message
	// preview is the document's INVITE for this call, when one matches.
	preview *sipcompose.Invite
	target  int
}

func newCall(ev evidence.Evidence, doc *sipcompose.Document) *call {
	c := &call{ev: ev, doc: doc}
	if doc != nil {
		c.res = sipcompose.Compose(*doc)
	}
	for _, d := range ev.Dialogs {
		dl := dialog{callID: d.CallID}
		for _, i := range d.Messages {
			m := &ev.Messages[i]
			switch {
			case m.Method == "INVITE":
				dl.invites = append(dl.invites, m)
			case !m.Request() && m.Of() == "INVITE":
				dl.responses = append(dl.responses, m)
			case m.Method == "ACK":
				dl.acks = append(dl.acks, m)
			case m.Method == "CANCEL":
				dl.cancels = append(dl.cancels, m)
			case m.Method == "BYE":
				dl.byes = append(dl.byes, m)
			}
		}
		if len(dl.invites) == 0 {
			continue
		}
		dl.preview, dl.target = c.matchPreview(dl.invites[0])
		c.dialogs = append(c.dialogs, dl)
	}
	for _, p := range ev.Params {
		if n := paramStatus(p); n >= 100 && c.status == 0 {
			c.status, c.statusLine = n, Line{At: p.Ref.String(), Text: p.Name + "=" + p.Value}
		}
	}
	return c
}

// paramStatus is the SIP response code a parameter reports, or 0.
func paramStatus(p evidence.Param) int {
	name := p.Name[strings.LastIndex(p.Name, ".")+1:]
	switch name {
	case "DialSipResponseCode", "SipResponseCode", "last_sip_response_num", "sipResponseCode", "SIP response":
		code, _, _ := strings.Cut(p.Value, " ")
		n, _ := strconv.Atoi(code)
		return n
	}
	return 0
}

func (c *call) against() string {
	if c.doc == nil {
		return "Twilio's facts alone (no document given)"
	}
	edges := strings.Join(c.res.AllowList.Edges, ", ")
	if edges == "" {
		edges = "none Twilio knows"
	}
	return fmt.Sprintf("the document (%d target(s), edge %s) and Twilio's facts", len(c.doc.Targets), edges)
}

// matchPreview finds the document's INVITE for inv: the preview whose
// request URI has inv's user and host, else the only one there is.
func (c *call) matchPreview(inv *evidence.Message) (*sipcompose.Invite, int) {
	if c.doc == nil {
		return nil, -1
	}
	var sent []int
	for i, p := range c.res.Invites {
		if p.Message != "" {
			sent = append(sent, i)
		}
	}
	user, host := uriUserHost(inv.URI)
	for _, i := range sent {
		p := &c.res.Invites[i]
		if u, h := uriUserHost(p.RequestURI); u == user && strings.EqualFold(h, host) {
			return p, p.Target
		}
	}
	if len(sent) == 1 {
		p := &c.res.Invites[sent[0]]
		return p, p.Target
	}
	return nil, -1
}

// uriUserHost reads a SIP URI's user (percent-decoded) and host.
func uriUserHost(uri string) (string, string) {
	s := uri
	if i := strings.IndexByte(s, ':'); i >= 0 && !strings.Contains(s[:i], "@") {
		s = s[i+1:]
	}
	s, _, _ = strings.Cut(s, ";")
	s, _, _ = strings.Cut(s, "?")
	user, host, ok := strings.Cut(s, "@")
	if !ok {
		user, host = "", s
	}
	if u, err := url.PathUnescape(user); err == nil {
		user = u
	}
	if h, _, ok := strings.Cut(host, ":"); ok && !strings.HasPrefix(host, "[") {
		host = h
	}
	return user, host
}

// sole is the document's one INVITE as a dialog of its own, for evidence
// with no SIP messages (a callback): nil unless the document sends exactly
// one INVITE.
func (c *call) sole() *dialog {
	if c.doc == nil {
		return nil
	}
	var found *dialog
	for i := range c.res.Invites {
		if c.res.Invites[i].Message == "" {
			continue
		}
		if found != nil {
			return nil
		}
		found = &dialog{preview: &c.res.Invites[i], target: c.res.Invites[i].Target}
	}
	return found
}

// field names a target's field for a dialog; "" without a document.
func (d *dialog) field(name string) string {
	if d == nil || d.preview == nil {
		return ""
	}
	prefix := fmt.Sprintf("targets[%d]", d.target)
	if d.preview.URI > 0 {
		prefix += fmt.Sprintf(".uris[%d]", d.preview.URI-1)
	}
	return prefix + "." + name
}

// final is the dialog's last final response to an INVITE, or nil.
func (d *dialog) final() *evidence.Message {
	for i := len(d.responses) - 1; i >= 0; i-- {
		if d.responses[i].Status >= 200 {
			return d.responses[i]
		}
	}
	return nil
}

// answers counts the responses of a status.
func (d *dialog) answers(status int) []*evidence.Message {
	var out []*evidence.Message
	for _, r := range d.responses {
		if r.Status == status {
			out = append(out, r)
		}
	}
	return out
}

// pbxAnswered says how the PBX answered, if it did: "100 Trying", or "".
func (c *call) pbxAnswered() string {
	for _, d := range c.dialogs {
		if len(d.responses) > 0 {
			return fmt.Sprintf("%d %s", d.responses[0].Status, d.responses[0].Reason)
		}
	}
	if c.status > 0 && c.status != 408 {
		return fmt.Sprintf("%d, by the callback", c.status)
	}
	return ""
}

// finalStatus is the call's final SIP status: from the messages, else the
// callback; 0 when neither says.
func (c *call) finalStatus() int {
	for _, d := range c.dialogs {
		if f := d.final(); f != nil {
			return f.Status
		}
	}
	return c.status
}

// statuses lists the final statuses seen, each with its evidence line and
// dialog (nil when only a callback or Twilio's JSON reports it).
type outcome struct {
	status int
	line   Line
	msg    *evidence.Message
	d      *dialog
}

func (c *call) outcomes() []outcome {
	var out []outcome
	for i := range c.dialogs {
		d := &c.dialogs[i]
		for _, r := range d.responses {
			if r.Status >= 200 {
				out = append(out, outcome{r.Status, msgLine(r), r, d})
			}
		}
	}
	if len(out) == 0 && c.status >= 200 {
		out = append(out, outcome{status: c.status, line: c.statusLine, d: c.sole()})
	}
	return out
}

// msgLine is a message's start line as evidence.
func msgLine(m *evidence.Message) Line {
	text := m.StartLine()
	if m.Src != "" || m.Dst != "" {
		text = fmt.Sprintf("%s → %s  %s", or(m.Src, "(this host)"), or(m.Dst, "(this host)"), text)
	}
	if !m.Time.IsZero() {
		text = m.Time.Format("15:04:05.000") + "  " + text
	}
	return Line{At: m.Ref.String(), Text: text}
}

// headerLine is one header of a message as evidence.
func headerLine(m *evidence.Message, name, value string) Line {
	return Line{At: m.Ref.String(), Text: name + ": " + value}
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// host reads the address of "host:port", "[v6]:port" or a bare host.
func host(hp string) (netip.Addr, bool) {
	if ap, err := netip.ParseAddrPort(hp); err == nil {
		return ap.Addr(), true
	}
	a, err := netip.ParseAddr(strings.Trim(hp, "[]"))
	return a, err == nil
}

// uriHost is the address in a SIP URI or name-addr ("<sip:a@1.2.3.4:5060;
// transport=udp>"), if it is an address.
func uriHost(v string) (netip.Addr, string, bool) {
	s := v
	if i := strings.IndexByte(s, '<'); i >= 0 {
		s = s[i+1:]
		s, _, _ = strings.Cut(s, ">")
	}
	_, h := uriUserHost(s)
	a, ok := host(h)
	return a, h, ok
}

// viaHost is the sent-by address of a Via value ("SIP/2.0/UDP
// 1.2.3.4:5060;branch=..."), and its received= parameter if any.
func viaHost(v string) (sentBy string, received string) {
	_, rest, _ := strings.Cut(v, " ")
	sentBy, params, _ := strings.Cut(strings.TrimSpace(rest), ";")
	for _, p := range strings.Split(params, ";") {
		if k, val, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.EqualFold(k, "received") {
			received = val
		}
	}
	return strings.TrimSpace(sentBy), received
}

// private reports an address Twilio cannot reach: RFC 1918, shared
// (carrier-grade NAT), loopback, link-local or unique-local.
func private(a netip.Addr) bool {
	return a.IsPrivate() || a.IsLoopback() || a.IsLinkLocalUnicast() || a.IsUnspecified() ||
		netip.MustParsePrefix("100.64.0.0/10").Contains(a)
}

// edgeOf is the Twilio edge whose signalling gateways hold a, if any.
func edgeOf(a netip.Addr) (sipcompose.Edge, bool) {
	for _, e := range sipcompose.Edges() {
		for _, cidr := range e.Signaling {
			if p, err := netip.ParsePrefix(cidr); err == nil && p.Contains(a) {
				return e, true
			}
		}
	}
	return sipcompose.Edge{}, false
}

var mediaRange = netip.MustParsePrefix(edge.MediaCIDR)

// twilioSide finds which of Twilio's edges an INVITE came from: its
// source address, else a Via or Record-Route naming a gateway (a capture
// behind a NAT or an SBC).
func twilioSide(inv *evidence.Message) (sipcompose.Edge, Line, bool) {
	if a, ok := host(inv.Src); ok {
		if e, ok := edgeOf(a); ok {
			return e, msgLine(inv), true
		}
	}
	for _, v := range inv.Values("Via") {
		sentBy, received := viaHost(v)
		for _, h := range []string{received, sentBy} {
			if a, ok := host(h); ok {
				if e, ok := edgeOf(a); ok {
					return e, headerLine(inv, "Via", v), true
				}
			}
		}
	}
	for _, rr := range inv.Values("Record-Route") {
		if a, _, ok := uriHost(rr); ok {
			if e, ok := edgeOf(a); ok {
				return e, headerLine(inv, "Record-Route", rr), true
			}
		}
	}
	return sipcompose.Edge{}, Line{}, false
}

// hasCredentials reports an INVITE answering a digest challenge.
func hasCredentials(m *evidence.Message) bool {
	return m.Header("Authorization") != "" || m.Header("Proxy-Authorization") != ""
}
