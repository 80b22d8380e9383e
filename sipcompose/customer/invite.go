package customer

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/edge"
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/sipuri"
)

// Invite is what the customer's PBX receives for one URI Twilio dials: the
// INVITE as a SIP message, and what a support engineer needs beside it.
//
// Only the request line and the custom header lines come from the
// Document. Every other line is typical, modelled on the two INVITEs
// Twilio sent that were captured in public (twilio/twilio-php issues 147
// and 174); Twilio documents none of it, and their values are
// placeholders.
type Invite struct {
	// Target is the index of the <Sip> in the Document; URI is the
	// 1-based <Uri> child it dials, 0 for the <Sip> text itself.
	Target int    `json:"target"`
	URI    int    `json:"uri,omitempty"`
	Label  string `json:"label"`
	// RequestURI is the URI of the request line: the dialed URI without
	// its ?headers and without the parameters Twilio consumes.
	RequestURI string `json:"requestUri,omitempty"`
	// NotSentOn lists the URI parameters Twilio acts on and removes, as
	// written ("edge=dublin"): a SIP message has no place to mark them.
	NotSentOn []string       `json:"notSentOn,omitempty"`
	Headers   []InviteHeader `json:"headers"`
	// Edge is where the INVITE leaves Twilio, Signaling the blocks it
	// comes from, Transport and Port how it arrives ("udp", "5060"); all
	// empty when the target names no edge Twilio has.
	Edge      string   `json:"edge,omitempty"`
	Signaling []string `json:"signaling,omitempty"`
	Transport string   `json:"transport,omitempty"`
	Port      string   `json:"port,omitempty"`
	// Media is where the RTP comes from: MediaCIDR, UDP source ports
	// MediaPorts.
	Media string `json:"media"`
	// Auth says how digest credentials are sent, when a username is set.
	Auth string `json:"auth,omitempty"`
	// Message is the INVITE as text with CRLF line ends; empty when Twilio
	// would not send one (Notes say why).
	Message string   `json:"message"`
	Notes   []string `json:"notes,omitempty"`
}

// InviteHeader is one custom header row and what becomes of it.
type InviteHeader struct {
	Name string `json:"name"`
	// Value is decoded: what the PBX reads after the colon.
	Value string `json:"value"`
	// Kind and Row place the row in its target (or in the <Uri> the
	// Invite dials): Kind is "uui", "headers" or "headerElements", Row
	// the index in that list.
	Kind string `json:"kind"`
	Row  int    `json:"row"`
	// Sent is false for a row Twilio drops; Note says why, or how a value
	// is shown.
	Sent bool   `json:"sent"`
	Note string `json:"note,omitempty"`
	// ComesBack is what the customer's app receives for it.
	ComesBack HeaderReturn `json:"comesBack"`
}

// The typical lines' placeholder values.
const (
	placeholderTag       = "placeholder"
	placeholderCallID    = "placeholder@0.0.0.0"
	placeholderAccount   = "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	placeholderCall      = "CAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	placeholderInternal  = "10.0.0.1"
	placeholderMediaAddr = "168.86.128.1"
	placeholderMediaPort = "10000"
	// placeholderCaller stands in for the caller's number when the <Dial>
	// sets no callerId: Twilio then uses the caller's own ID.
	placeholderCaller = "caller"
)

// typicalNote heads every preview's notes: what in the message is the
// Document's and what is not.
const typicalNote = "Only the request line and the custom headers come from this document. The other lines are typical of Twilio, modelled on two captured INVITEs (twilio/twilio-php issues 147 and 174), with placeholder values; Twilio documents none of them."

// invitesFor previews every INVITE the Document makes Twilio send: one per
// target, or one per <Uri> child when the <Sip> has them. res are the
// targets' resolutions; withErrors marks targets that have error
// diagnostics.
func invitesFor(doc *document.Document, res []resolve.Resolution, withErrors []bool) []Invite {
	out := make([]Invite, 0, len(doc.Targets))
	for i := range doc.Targets {
		t := &doc.Targets[i]
		label := "Target " + strconv.Itoa(i+1)
		if !res[i].ChildrenAlone() {
			out = append(out, buildInvite(doc, t, res[i], i, 0, label, withErrors[i]))
		}
		for j, c := range res[i].Children {
			// The child's INVITE is the <Sip>'s with the child's URI
			// and credentials.
			child := sipuri.WithURI(*t, c.Parsed)
			child.Username, child.Password = t.URIs[j].Username, t.URIs[j].Password
			out = append(out, buildInvite(doc, &child, c.Resolution, i, j+1, label+", <Uri> "+strconv.Itoa(j+1), withErrors[i]))
		}
	}
	return out
}

// buildInvite previews the INVITE for t, which r resolves.
func buildInvite(doc *document.Document, t *document.Target, r resolve.Resolution, target, uri int, label string, withErrors bool) Invite {
	inv := Invite{Target: target, URI: uri, Label: label, Media: edge.MediaCIDR + " (UDP, source ports " + edge.MediaPorts + ")"}
	inv.Headers = inviteHeaders(t)
	if t.Username != "" {
		inv.Auth = "Username " + strconv.Quote(t.Username) + " is set, but the INVITE carries no credentials: Twilio sends them (SIP digest) only in a second INVITE, after the PBX answers 401 or 407. A capture of the first INVITE shows none."
	}
	if !r.HasEdge() {
		inv.Notes = append(inv.Notes, "Twilio has no edge by this target's edge or region, so it places no call (see the diagnostics).")
		return inv
	}
	e := r.Edge
	// A transport Twilio does not know is an error of its own; the
	// preview then shows Twilio's default, as the resolution does.
	inv.Edge, inv.Signaling, inv.Transport, inv.Port = e.Name, e.Signaling, r.Transport, strconv.Itoa(r.Port)
	// A host a TwiML Bin fills in is judged by what is around its tags.
	if host := sipuri.CleanHost(t.Host); host == "" || !sipuri.ValidHost(sipuri.StandIn(host)) || t.Port < 0 || t.Port > 65535 {
		inv.Notes = append(inv.Notes, "This target has no valid host and port, so Twilio sends no INVITE (see the diagnostics).")
		return inv
	}
	inv.RequestURI, inv.NotSentOn = requestURI(t)
	inv.Notes = append(inv.Notes, typicalNote)
	if r.Registered {
		inv.Notes = append(inv.Notes, "A Twilio SIP Domain: Twilio sends this INVITE from the edge the device registered on, not from "+e.Name+", so its addresses may be another edge's.")
	}
	if len(inv.NotSentOn) > 0 {
		inv.Notes = append(inv.Notes, "Removed from the request line: "+strings.Join(inv.NotSentOn, ", ")+". They tell Twilio how to place the call (edge, legacy region, SRTP); Twilio does not document whether any reach the PBX, and a SIP message cannot mark them, so they are shown as consumed.")
	}
	if withErrors {
		inv.Notes = append(inv.Notes, "This target has errors (see the diagnostics): Twilio may reject the call or drop parts of it; the preview shows what it sends if it goes ahead.")
	}
	inv.Message = inviteMessage(doc, t, &inv, e)
	if tags := templateTags(inv.Message); tags != "" {
		inv.Notes = append(inv.Notes, tags+": TwiML Bin template tags, shown as typed. The Bin fills them in before Twilio reads the TwiML, so the PBX receives the values of the request to the Bin instead.")
	}
	return inv
}

// templateTags lists the TwiML Bin template tags in an INVITE, once each.
func templateTags(message string) string {
	var seen []string
	for _, tg := range sipuri.Tags(message) {
		if !slices.Contains(seen, tg.Text) {
			seen = append(seen, tg.Text)
		}
	}
	return strings.Join(seen, ", ")
}

// requestURI is t's URI without ?headers and without the parameters
// Twilio consumes (edge, region, secure), which it returns as written.
// transport stays: it is a standard SIP URI parameter, and the captures
// show none either way.
func requestURI(t *document.Target) (string, []string) {
	var gone []string
	if t.Secure {
		gone = append(gone, "secure=true")
	}
	if t.Edge != "" {
		gone = append(gone, "edge="+sipuri.EncodeParam(t.Edge))
	}
	if t.Region != "" {
		gone = append(gone, "region="+sipuri.EncodeParam(t.Region))
	}
	bare := document.Target{User: t.User, Host: t.Host, Port: t.Port, Transport: t.Transport}
	return sipuri.Build(bare), gone
}

// inviteHeaders lists the target's custom headers in the order the URI
// carries them (UUI, URI headers), then its <Header> elements, each with
// whether Twilio sends it.
func inviteHeaders(t *document.Target) []InviteHeader {
	out := make([]InviteHeader, 0, 1+len(t.Headers)+len(t.HeaderElements))
	if t.UUI.Data != "" {
		out = append(out, inviteHeader(sipuri.UUIHeaderName(t.UUI), sipuri.UUIValue(t.UUI), "uui", 0))
	}
	for i, h := range t.Headers {
		if h.Name != "" {
			out = append(out, inviteHeader(h.Name, h.Value, "headers", i))
		}
	}
	for i, h := range t.HeaderElements {
		if h.Name != "" {
			out = append(out, inviteHeader(h.Name, h.Value, "headerElements", i))
		}
	}
	return out
}

// notSentNotes say, by sipuri.DroppedHeader's code, why a header row is not in
// the INVITE.
var notSentNotes = map[string]string{
	"header-name-invalid":     "Not sent: not a valid SIP header name (error 13252).",
	"header-name-reserved":    "Not sent: X-Twilio names are Twilio's own (error 32113).",
	"header-name-not-allowed": "Not sent: Twilio passes on only X- headers and " + strings.Join(sipuri.StandardHeaders(), ", ") + " (error 32113).",
}

func inviteHeader(name, value, kind string, row int) InviteHeader {
	h := InviteHeader{Name: name, Kind: kind, Row: row, Sent: true}
	element := kind == "headerElements"
	if code := sipuri.DroppedHeader(name); code != "" {
		h.Sent, h.Note = false, notSentNotes[code]
	}
	h.Value, h.Note = headerLineValue(value, h.Note)
	if element && h.Sent && strings.Contains(value, "%") {
		h.Note = "Shown as written: Twilio does not document whether it percent-decodes <Header> values."
	}
	h.ComesBack = headerReturn(name, h.Sent)
	return h
}

// headerLineValue is value as a header line can carry it: whitespace
// around it is no part of a SIP header value, and a byte no header value
// may hold (a control character, invalid UTF-8) stays percent-encoded, as
// Twilio received it, with a note, since Twilio does not document what it
// sends for one.
func headerLineValue(value, note string) (string, string) {
	value = strings.Trim(value, " \t")
	clean := utf8.ValidString(value)
	for i := 0; clean && i < len(value); i++ {
		clean = value[i] >= 0x20 && value[i] != 0x7f
	}
	if clean {
		return value, note
	}
	var b strings.Builder
	for i := 0; i < len(value); {
		r, n := utf8.DecodeRuneInString(value[i:])
		if r == utf8.RuneError && n <= 1 || r < 0x20 || r == 0x7f {
			b.WriteByte('%')
			b.WriteByte(upperHex[value[i]>>4])
			b.WriteByte(upperHex[value[i]&15])
			i++
			continue
		}
		b.WriteString(value[i : i+n])
		i += n
	}
	if note == "" {
		note = "Shown percent-encoded: the value has bytes a SIP header cannot carry, and Twilio does not document what it sends for them."
	}
	return b.String(), note
}

// inviteMessage writes the INVITE: request line, Twilio's typical lines,
// the custom headers Twilio sends, and a typical SDP offer.
func inviteMessage(doc *document.Document, t *document.Target, inv *Invite, e edge.Edge) string {
	via := strings.ToUpper(inv.Transport)
	twilioPort := "5060"
	if inv.Transport == "tls" {
		twilioPort = "5061"
	}
	twilio := firstAddr(e.Signaling) + ":" + twilioPort
	caller := placeholderCaller
	if doc.Dial.CallerID != "" {
		caller = sipuri.EncodeUser(doc.Dial.CallerID)
	}
	to, _, _ := strings.Cut(inv.RequestURI, ";")

	var b strings.Builder
	b.Grow(1024)
	line := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteString("\r\n")
	}
	line("INVITE ", inv.RequestURI, " SIP/2.0")
	line("Record-Route: <sip:", twilio, ";lr;ftag=", placeholderTag, ">")
	line("Via: SIP/2.0/", via, " ", twilio, ";branch=z9hG4bK", placeholderTag)
	line("From: \"", caller, "\" <sip:", caller, "@sip.twilio.com>;tag=", placeholderTag)
	line("To: <", to, ">")
	line("Call-ID: ", placeholderCallID)
	line("CSeq: 102 INVITE")
	line("Max-Forwards: 68")
	line("Contact: \"", caller, "\" <sip:", caller, "@", placeholderInternal, ":5060;transport=", inv.Transport, ">")
	line("Allow: INVITE,ACK,CANCEL,OPTIONS,BYE")
	line("User-Agent: Twilio Gateway")
	line("X-Twilio-ApiVersion: 2010-04-01")
	line("X-Twilio-AccountSid: ", placeholderAccount)
	line("X-Twilio-CallSid: ", placeholderCall)
	for _, h := range inv.Headers {
		if h.Sent {
			line(h.Name, ": ", h.Value)
		}
	}
	body := sdpOffer(t.Secure)
	line("Content-Type: application/sdp")
	line("Content-Length: ", strconv.Itoa(len(body)))
	line()
	b.WriteString(body)
	return b.String()
}

// sdpOffer is a typical offer: PCMU and telephone-event as in the
// captures (Twilio also names PCMA), with SRTP's one suite when secure.
func sdpOffer(secure bool) string {
	profile, crypto := "RTP/AVP", ""
	if secure {
		profile, crypto = "RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"+placeholderTag+"\r\n"
	}
	return "v=0\r\n" +
		"o=- 0 0 IN IP4 " + placeholderMediaAddr + "\r\n" +
		"s=session\r\n" +
		"c=IN IP4 " + placeholderMediaAddr + "\r\n" +
		"t=0 0\r\n" +
		"m=audio " + placeholderMediaPort + " " + profile + " 0 8 101\r\n" +
		"a=rtpmap:0 PCMU/8000\r\n" +
		"a=rtpmap:8 PCMA/8000\r\n" +
		"a=rtpmap:101 telephone-event/8000\r\n" +
		crypto
}

// upperHex are the digits of a %XX escape, as sipuri writes them.
const upperHex = "0123456789ABCDEF"

// firstAddr is the first address of the first block, standing for "one of
// the edge's signaling addresses".
func firstAddr(cidrs []string) string {
	if len(cidrs) == 0 {
		return "0.0.0.0"
	}
	p, err := netip.ParsePrefix(cidrs[0])
	if err != nil {
		return "0.0.0.0"
	}
	return p.Addr().String()
}

// InviteText is the INVITEs' messages, one blank line between them.
func InviteText(invites []Invite) string {
	var msgs []string
	for _, inv := range invites {
		if inv.Message != "" {
			msgs = append(msgs, inv.Message)
		}
	}
	return strings.Join(msgs, "\r\n")
}
