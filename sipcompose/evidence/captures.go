package evidence

import (
	"fmt"
	"strings"

	"sipcompose/sipcompose/capture"
)

// fromCapture adds a capture's SIP messages, flows, refusals and TLS
// handshakes, and says what it held.
func (ev *Evidence) fromCapture(name string, c capture.Capture) Item {
	item := Item{Source: name, Problems: c.Problems}
	if c.Format == "" {
		item.Problems = append(item.Problems, "not a pcap or pcapng capture")
		return item
	}
	callIDs := map[string]bool{}
	unread := 0
	for _, cm := range c.Messages {
		m, err := Parse(string(cm.Data))
		if err != nil {
			unread++
			continue
		}
		m.Ref = Ref{Source: name, Packet: cm.Packet}
		m.Format, m.Time, m.Transport = "capture", cm.Time, cm.Transport
		m.Src, m.Dst = cm.Src.String(), cm.Dst.String()
		m.Size, m.Fragments = len(cm.Data), cm.Fragments
		ev.Messages = append(ev.Messages, m)
		callIDs[m.CallID()] = true
	}
	if unread > 0 {
		item.Problems = append(item.Problems, fmt.Sprintf("%s that start like SIP could not be read as SIP", counted(unread, "packet")))
	}
	rtp := 0
	for _, f := range c.Flows {
		shaped := f.RTP >= 3 && f.RTP*5 >= f.Packets*4
		if shaped {
			rtp++
		}
		ev.Flows = append(ev.Flows, Flow{
			Ref: Ref{Source: name, Packet: f.FirstPacket}, Src: f.Src.String(), Dst: f.Dst.String(),
			Packets: f.Packets, First: f.First, Last: f.Last, RTP: shaped, PayloadType: f.PayloadType,
		})
	}
	for _, u := range c.Unreachable {
		ev.Refused = append(ev.Refused, Refusal{Ref: Ref{Source: name, Packet: u.Packet}, Time: u.Time, Proto: u.Proto, From: u.From.String(), To: u.To.String()})
	}
	for _, h := range c.TLS {
		ev.TLS = append(ev.TLS, TLS{Ref: Ref{Source: name, Packet: h.Packet}, Client: h.Client.String(), Server: h.Server.String(), Offered: h.Offered, Chosen: h.Chosen})
	}
	links := ""
	if len(c.Links) > 0 {
		links = " (" + strings.Join(c.Links, ", ") + ")"
	}
	parts := []string{c.Format + links, counted(c.Packets, "packet"), counted(len(callIDs), "SIP dialog")}
	if n := len(c.Messages) - unread; n > 0 {
		parts = append(parts, counted(n, "SIP message"))
	}
	parts = append(parts, counted(rtp, "RTP flow"))
	item.Kinds = append(item.Kinds, "capture: "+strings.Join(parts, ", "))
	return item
}
