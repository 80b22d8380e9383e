// Package evidence reads what a support engineer has about a failing call
// into plain records: Twilio error and warning codes, callback parameters,
// SIP messages in every log format PBXs and tools write, packet captures
// (through package capture), and Twilio's JSON (Debugger and Monitor
// alerts, Event Streams errors, Voice Insights summaries). Each input is
// recognised by itself, and what was read from it is named, so the
// person sees what the diagnosis rests on.
//
// It reads bytes and strings only; opening files is the caller's job.
package evidence

import (
	"fmt"
	"net/netip"
	"strings"
	"time"

	"sipcompose/sipcompose/capture"
	"sipcompose/sipcompose/diagnosis"
	"sipcompose/sipcompose/internal/logline"
)

// Input is one file or paste.
type Input struct {
	// Name says where it came from: a file name, or "pasted text".
	Name string
	Data []byte
}

// Evidence is everything read from the inputs.
type Evidence struct {
	// Read says, per input and in their order, what was read from it.
	Read     []Item    `json:"read"`
	Messages []Message `json:"messages"`
	// Dialogs group the messages by Call-ID, in the order each first came.
	Dialogs []Dialog `json:"dialogs"`
	Codes   []Code   `json:"codes"`
	// Params are callback parameters and the fields of Twilio's JSON that
	// matter to a call's outcome (DialSipResponseCode,
	// last_sip_response_num, tags...).
	Params  []Param   `json:"params"`
	Flows   []Flow    `json:"flows"`
	Refused []Refusal `json:"refused,omitempty"`
	TLS     []TLS     `json:"tls,omitempty"`
	Logs    []LogLine `json:"logs,omitempty"`
}

// Item is what was read from one input (package diagnosis's, which the
// report carries).
type Item = diagnosis.Item

// Ref says where a piece of evidence is: the input, and a line of text or
// a packet of a capture.
type Ref struct {
	Source string `json:"source"`
	Line   int    `json:"line,omitempty"`
	Packet int    `json:"packet,omitempty"`
}

func (r Ref) String() string {
	switch {
	case r.Packet > 0:
		return fmt.Sprintf("%s packet %d", r.Source, r.Packet)
	case r.Line > 0:
		return fmt.Sprintf("%s line %d", r.Source, r.Line)
	}
	return r.Source
}

// Code is a Twilio error or warning number as pasted.
type Code struct {
	Ref    Ref    `json:"ref"`
	Number int    `json:"number"`
	Text   string `json:"text"` // the line or field it was read from
}

// Param is one named value: a callback parameter or a JSON field.
type Param struct {
	Ref   Ref    `json:"ref"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Flow is one direction of a UDP flow in a capture that is not SIP.
type Flow struct {
	Ref     Ref       `json:"ref"` // its first packet
	Src     string    `json:"src"`
	Dst     string    `json:"dst"`
	Packets int       `json:"packets"`
	First   time.Time `json:"first"`
	Last    time.Time `json:"last"`
	// RTP: the packets are shaped like RTP, or the flow goes to or from an
	// address and port an SDP announced.
	RTP         bool  `json:"rtp"`
	PayloadType uint8 `json:"payloadType"`
}

// Refusal is a port that refused SIP: an ICMP port unreachable for a
// datagram, a TCP reset for a connection.
type Refusal struct {
	Ref   Ref       `json:"ref"`
	Time  time.Time `json:"time"`
	Proto string    `json:"proto"`
	From  string    `json:"from"`
	To    string    `json:"to"`
}

// TLS is a TLS handshake seen in a capture.
type TLS struct {
	Ref     Ref    `json:"ref"`
	Client  string `json:"client"`
	Server  string `json:"server"`
	Offered string `json:"offered,omitempty"`
	Chosen  string `json:"chosen,omitempty"`
}

// LogLine is a PBX log line that says why it refused a call (Kamailio's
// "No credentials", Asterisk's "No matching endpoint").
type LogLine struct {
	Ref    Ref    `json:"ref"`
	Format string `json:"format"`
	Text   string `json:"text"`
}

// MaxText is the most text Read reads from one input: a day of PBX log is
// larger, and is better cut to the call (its Call-ID) first.
const MaxText = 16 << 20

// Read reads every input, each recognised by itself: a capture by its
// magic number, JSON by its syntax, and text for SIP messages, codes and
// callback parameters.
func Read(inputs ...Input) Evidence {
	var ev Evidence
	for _, in := range inputs {
		ev.read(in)
	}
	ev.finish()
	return ev
}

// Add reads one more input, as Read would have.
func (ev *Evidence) Add(in Input) {
	ev.read(in)
	ev.finish()
}

// AddCapture adds a capture read incrementally (capture.Reader) as the
// input called name, as Read would have read it whole.
func (ev *Evidence) AddCapture(name string, c capture.Capture) {
	ev.Read = append(ev.Read, ev.fromCapture(name, c))
	ev.finish()
}

func (ev *Evidence) read(in Input) {
	item := Item{Source: in.Name}
	data := in.Data
	switch {
	case len(strings.TrimSpace(string(data))) == 0:
		item.Problems = append(item.Problems, "empty: nothing to read")
	case capture.IsCapture(data):
		c, err := capture.Read(data)
		item = ev.fromCapture(in.Name, c)
		if err != nil && len(item.Problems) == 0 {
			item.Problems = append(item.Problems, err.Error())
		}
	case binaryish(data):
		item.Problems = append(item.Problems, "binary data that is no pcap or pcapng capture (no capture magic number) and no text")
	case len(data) > MaxText:
		item.Problems = append(item.Problems, fmt.Sprintf("text larger than the %d MB read from a paste or log: cut it to the call first (grep its Call-ID)", MaxText>>20))
	default:
		ev.readText(&item, logline.WithoutColours(strings.ToValidUTF8(string(data), "\uFFFD")))
	}
	ev.Read = append(ev.Read, item)
}

// binaryish reports data no log or paste starts with: a NUL byte, or
// more than 1% control bytes besides tab, line ends and the escape of a
// terminal's colours, in its first 4 KB.
func binaryish(b []byte) bool {
	head := b[:min(len(b), 4096)]
	n := 0
	for _, c := range head {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1b, c == 0x7f:
			n++
		}
	}
	return n*100 > len(head)
}

// readText reads JSON, or else SIP messages and then codes and parameters
// from the lines between them.
func (ev *Evidence) readText(item *Item, text string) {
	if ev.readJSON(item, text) {
		return
	}
	rest := ev.readSIPText(item, text)
	ev.readCodes(item, rest)
	if len(item.Kinds) == 0 && len(item.Problems) == 0 {
		item.Problems = append(item.Problems, "nothing recognised: no SIP message, Twilio error code, callback parameter or Twilio JSON")
	}
}

// Readable reports whether any input gave any evidence.
func (ev Evidence) Readable() bool {
	for _, it := range ev.Read {
		if it.Readable() {
			return true
		}
	}
	return false
}

// finish groups the messages into dialogs and marks the flows an SDP
// announced.
func (ev *Evidence) finish() {
	ev.Dialogs = dialogs(ev.Messages)
	announced := map[string]bool{}
	for _, m := range ev.Messages {
		if s, ok := m.SDP(); ok && s.Addr != "" && s.Port > 0 {
			if a, err := netip.ParseAddr(s.Addr); err == nil {
				announced[netip.AddrPortFrom(a, uint16(s.Port)).String()] = true
			}
		}
	}
	for i := range ev.Flows {
		f := &ev.Flows[i]
		f.RTP = f.RTP || announced[f.Src] || announced[f.Dst]
	}
}

// counted writes n and a noun, plural when n is not 1, with thousands
// separated: "1,234 packets".
func counted(n int, noun string) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if n != 1 {
		noun += "s"
	}
	return s + " " + noun
}
