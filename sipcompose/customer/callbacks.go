package customer

import (
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/sipuri"
)

// Callbacks is what the customer's app gets back from Twilio for a
// Document: the requests Twilio makes to the <Dial action> URL and, per
// <Sip>, to its screening url and statusCallback, with the parameters
// each carries (Twilio's <Sip> and <Dial> pages).
type Callbacks struct {
	Action  Request           `json:"action"`
	Targets []TargetCallbacks `json:"targets"`
	// Studio says how a Studio flow reads these, as far as Twilio
	// documents it.
	Studio string `json:"studio"`
}

// TargetCallbacks is one <Sip>'s requests and what becomes of each of its
// header rows.
type TargetCallbacks struct {
	Label          string         `json:"label"`
	Screening      Request        `json:"screening"`
	StatusCallback Request        `json:"statusCallback"`
	Headers        []HeaderReturn `json:"headers"`
}

// Request is one HTTP request Twilio makes to the customer's app. URL is
// empty when the Document sets none; Note then says so.
type Request struct {
	URL    string  `json:"url,omitempty"`
	Method string  `json:"method,omitempty"`
	Params []Param `json:"params"`
	Note   string  `json:"note,omitempty"`
}

// Param is one request parameter and what it holds.
type Param struct {
	Name    string `json:"name"`
	Meaning string `json:"meaning"`
}

// HeaderReturn is what a header row comes back as. Twilio reports the X-
// headers of the PBX's responses, not of its own INVITE, so a name comes
// back only if the PBX answers with that header.
type HeaderReturn struct {
	Header string `json:"header"`
	// Screening is the parameter on the screening url's request (X-
	// headers of the PBX's 200 OK); Action the one on the <Dial action>
	// request (X- headers of the final response). Both empty when it
	// never comes back.
	Screening string `json:"screening,omitempty"`
	Action    string `json:"action,omitempty"`
	Note      string `json:"note"`
}

// The notes of HeaderReturn, fixed so that a document of many headers
// builds no sentence per header on every keystroke.
const (
	returnNotSent  = "Never comes back: Twilio does not send it."
	returnNonX     = "Never comes back: Twilio reports only X- headers to the action and screening URLs (Outbound - Receiving SIP page)."
	returnIfEchoed = "Only if the PBX answers with this header: Twilio reports the headers of the PBX's responses (the 200 OK to the screening url, the final response to the <Dial action>), not those of its INVITE."
)

// String says what the header comes back as, in one sentence or two.
func (r HeaderReturn) String() string {
	if r.Screening == "" {
		return r.Note
	}
	return r.Screening + " (screening url), " + r.Action + " (<Dial action>). " + r.Note
}

// headerReturn is what a header named name comes back as.
func headerReturn(name string, sent bool) HeaderReturn {
	r := HeaderReturn{Header: name}
	switch {
	case !sent:
		r.Note = returnNotSent
	case sipuri.IsXHeader(name):
		// One string for both names: the screening one is its tail.
		r.Action = "DialSipHeader_" + name
		r.Screening, r.Note = r.Action[len("Dial"):], returnIfEchoed
	default:
		r.Note = returnNonX
	}
	return r
}

var (
	actionParams = []Param{
		{"DialSipCallId", "Call-ID of the INVITE Twilio sent"},
		{"DialSipResponseCode", "final SIP response code to the INVITE"},
		{"DialSipHeader_<name>", "each X- header of the PBX's final response (4xx/5xx, or the 200 OK / BYE)"},
		{"DialCallStatus", "completed, busy, no-answer, failed or canceled"},
		{"DialCallSid", "SID of the SIP leg"},
		{"DialCallDuration", "seconds the SIP leg was up"},
		{"DialBridged", "whether the legs were bridged"},
		{"RecordingUrl", "when <Dial record> is set"},
	}
	screeningParams = []Param{
		{"Called", "the To header of the INVITE"},
		{"Caller", "the From header of the INVITE"},
		{"SipCallId", "Call-ID of the INVITE Twilio sent"},
		{"SipDomain", "host part of the dialed URI"},
		{"SipDomainSid", "SIP Domain SID (SD...), when dialing one"},
		{"SipSourceIp", "signaling source IP"},
		{"SipHeader_<name>", "each X- header of the PBX's 200 OK"},
	}
	statusParams = []Param{
		{"CallSid", "SID of the SIP leg"},
		{"ParentCallSid", "SID of the call that ran the <Dial>"},
		{"CallStatus", "the leg's status at this event"},
		{"CallDuration", "seconds, on completed"},
		{"RecordingUrl, RecordingSid, RecordingDuration", "when the leg is recorded"},
		{"Timestamp", "RFC 2822 time of the event"},
		{"CallbackSource", "call-progress-events"},
		{"SequenceNumber", "order of the events, from 0"},
	}
)

// studioNote is what Twilio documents for Studio, and what it does not.
const studioNote = "Studio: Twilio documents {{trigger.call.SipHeader_X-Name}} (and {{trigger.call.SipHeader_User-to-User}}) only for a SIP call coming into a flow (Twilio support article 4402828330907). For a call a Connect Call To widget places to SIP, the copies of Twilio's Studio docs checked (the Connect Call To widget page) name no variable for the PBX's headers, DialSipCallId or DialSipResponseCode, so no {{widgets.NAME....}} form is given here rather than a guessed one."

// callbacksFor lists what the customer's app gets back. invites supply
// each target's header rows (its first preview: <Uri> children share the
// <Sip>'s callbacks).
func callbacksFor(doc *document.Document, invites []Invite) Callbacks {
	c := Callbacks{Studio: studioNote, Targets: make([]TargetCallbacks, len(doc.Targets))}
	c.Action = request(doc.Dial.Action, doc.Dial.Method, actionParams, "Not set: Twilio reports no DialSip* parameters and goes on with the next verb.")
	for i := range doc.Targets {
		t := &doc.Targets[i]
		tc := TargetCallbacks{Label: "Target " + strconv.Itoa(i+1)}
		tc.Screening = request(t.URL, t.Method, screeningParams, "Not set: Twilio makes no request when the PBX answers.")
		tc.StatusCallback = request(t.StatusCallback, t.StatusCallbackMethod, statusParams, "Not set: Twilio reports no events of this leg.")
		if t.StatusCallback != "" {
			events := "completed (no events listed)"
			if len(t.StatusCallbackEvent) > 0 {
				events = strings.Join(t.StatusCallbackEvent, ", ")
			}
			tc.StatusCallback.Note = "Sent on: " + events + "."
		}
		for _, inv := range invites {
			if inv.Target != i {
				continue
			}
			tc.Headers = make([]HeaderReturn, len(inv.Headers))
			for j, h := range inv.Headers {
				tc.Headers[j] = h.ComesBack
			}
			break
		}
		c.Targets[i] = tc
	}
	return c
}

func request(url, method string, params []Param, none string) Request {
	if url == "" {
		return Request{Params: params, Note: none}
	}
	if method == "" {
		method = "POST"
	}
	return Request{URL: url, Method: method, Params: params}
}

// Text is c as plain text, for the CLI and the page's copy button: made
// when asked for, not on every keystroke.
func (c Callbacks) Text() string {
	var b strings.Builder
	writeRequest(&b, "<Dial action>", c.Action)
	for _, t := range c.Targets {
		b.WriteString("\n" + t.Label + "\n")
		writeRequest(&b, "Screening url", t.Screening)
		writeRequest(&b, "statusCallback", t.StatusCallback)
		if len(t.Headers) == 0 {
			b.WriteString("  Headers: none set\n")
		}
		for _, h := range t.Headers {
			b.WriteString("  Header " + h.Header + ": " + h.String() + "\n")
		}
	}
	b.WriteString("\n" + c.Studio + "\n")
	return b.String()
}

func writeRequest(b *strings.Builder, what string, r Request) {
	if r.URL == "" {
		b.WriteString("  " + what + ": " + r.Note + "\n")
		return
	}
	b.WriteString("  " + what + ": " + r.Method + " " + r.URL + "\n")
	if r.Note != "" {
		b.WriteString("    " + r.Note + "\n")
	}
	for _, p := range r.Params {
		b.WriteString("    " + p.Name + ": " + p.Meaning + "\n")
	}
}
