package capture

import (
	"bytes"
	"encoding/binary"
	"net/netip"
	"strings"
)

const (
	protoICMP   = 1
	protoTCP    = 6
	protoUDP    = 17
	protoICMPv6 = 58
)

// transport reads the packet's UDP, TCP or ICMP layer. frags is the
// number of IP fragments it came in.
func (d *decoder) transport(p pkt, proto uint8, src, dst netip.Addr, b []byte, frags int) {
	switch proto {
	case protoUDP:
		if len(b) < 8 {
			return
		}
		from := netip.AddrPortFrom(src, binary.BigEndian.Uint16(b))
		to := netip.AddrPortFrom(dst, binary.BigEndian.Uint16(b[2:]))
		payload := b[8:]
		if n := int(binary.BigEndian.Uint16(b[4:])); n >= 8 && n-8 <= len(payload) {
			payload = payload[:n-8]
		}
		if looksLikeSIP(payload) {
			d.message(Message{Packet: p.n, Time: p.time, Src: from, Dst: to, Transport: "udp", Fragments: frags, Data: payload})
			return
		}
		d.flow(p, from, to, payload)
	case protoTCP:
		d.tcpSegment(p, src, dst, b)
	case protoICMP:
		// Destination unreachable, port unreachable, quoting the IPv4
		// header and the first 8 bytes of the datagram refused.
		if len(b) >= 8+20 && b[0] == 3 && b[1] == 3 {
			d.refused(p, b[8:])
		}
	case protoICMPv6:
		if len(b) >= 8+40 && b[0] == 1 && b[1] == 4 {
			d.refused(p, b[8:])
		}
	}
}

// refused notes the UDP datagram an ICMP error quotes.
func (d *decoder) refused(p pkt, quoted []byte) {
	var src, dst netip.Addr
	var hl int
	switch quoted[0] >> 4 {
	case 4:
		hl = int(quoted[0]&0x0f) * 4
		if quoted[9] != protoUDP || hl < 20 || len(quoted) < hl+4 {
			return
		}
		src, _ = netip.AddrFromSlice(quoted[12:16])
		dst, _ = netip.AddrFromSlice(quoted[16:20])
	case 6:
		hl = 40
		if quoted[6] != protoUDP || len(quoted) < hl+4 {
			return
		}
		src, _ = netip.AddrFromSlice(quoted[8:24])
		dst, _ = netip.AddrFromSlice(quoted[24:40])
	default:
		return
	}
	u := quoted[hl:]
	d.c.Unreachable = append(d.c.Unreachable, Unreachable{
		Packet: p.n, Time: p.time, Proto: "udp",
		From: netip.AddrPortFrom(src, binary.BigEndian.Uint16(u)),
		To:   netip.AddrPortFrom(dst, binary.BigEndian.Uint16(u[2:])),
	})
}

// message keeps a SIP message, copying its bytes (a Write's chunk is the
// caller's). Past the limits it keeps only the messages of calls already
// kept, so that no call is cut short (which would read as a call with no
// answer), up to twice the limits; a new call's messages are counted.
func (d *decoder) message(m Message) {
	id := callID(m.Data)
	full := len(d.c.Messages) >= maxMessages || d.msgBytes+len(m.Data) > maxMessageData
	over := len(d.c.Messages) >= 2*maxMessages || d.msgBytes+len(m.Data) > 2*maxMessageData
	if full && (!d.calls[id] || over) {
		d.dropped++
		return
	}
	if !full {
		d.calls[id] = true
	}
	d.msgBytes += len(m.Data)
	m.Data = bytes.Clone(m.Data)
	d.c.Messages = append(d.c.Messages, m)
}

// callID is the Call-ID header's value in a SIP message (or its compact
// form "i:"), "" when it has none.
func callID(msg []byte) string {
	for line := range bytes.Lines(msg) {
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			break
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if ok && (bytes.EqualFold(bytes.TrimSpace(name), []byte("Call-ID")) || bytes.Equal(bytes.TrimSpace(name), []byte("i"))) {
			return string(bytes.TrimSpace(value))
		}
	}
	return ""
}

// flow counts a UDP datagram that is not SIP.
func (d *decoder) flow(p pkt, from, to netip.AddrPort, payload []byte) {
	key := [2]netip.AddrPort{from, to}
	i, ok := d.flows[key]
	if !ok {
		if len(d.c.Flows) >= maxFlows {
			d.flowsCut++
			return
		}
		i = len(d.c.Flows)
		d.flows[key] = i
		d.c.Flows = append(d.c.Flows, Flow{Src: from, Dst: to, FirstPacket: p.n, First: p.time})
	}
	f := &d.c.Flows[i]
	f.Packets++
	f.Last = p.time
	if pt, ok := rtpPayloadType(payload); ok {
		if f.RTP == 0 {
			f.PayloadType = pt
		}
		f.RTP++
	}
}

// rtpPayloadType reads an RTP header's payload type, if payload is shaped
// like RTP: version 2, a fixed 12-byte header, and a payload type that is
// an audio/video or a dynamic one (RTCP's 200-204 read as 72-76 and are
// not RTP; RFC 5761).
func rtpPayloadType(b []byte) (uint8, bool) {
	if len(b) < 12 || b[0]>>6 != 2 {
		return 0, false
	}
	pt := b[1] & 0x7f
	if pt >= 72 && pt <= 76 {
		return 0, false
	}
	return pt, pt <= 34 || pt >= 96
}

// sipMethods are the request methods LooksLikeSIP accepts.
var sipMethods = []string{"INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "PRACK", "UPDATE", "INFO", "REFER", "NOTIFY", "SUBSCRIBE", "MESSAGE", "PUBLISH"}

// startLineRead is as much of a start line as LooksLikeSIP reads: the
// longest method, a space, and 80 bytes of its URI and version.
const startLineRead = len("SUBSCRIBE") + 1 + 80

// LooksLikeSIP reports whether s starts with a SIP start line: a status
// line ("SIP/2.0 200 OK") or a request line of a known method whose URI is
// a SIP, SIPS or tel URI. It is how a capture tells SIP from other
// traffic whatever the ports, and how text readers find a message's start.
// It reads no more than s's first startLineRead bytes, so a reader may try
// it at every place in a long line.
func LooksLikeSIP(s string) bool {
	if code, ok := strings.CutPrefix(s, "SIP/2.0 "); ok {
		return len(code) >= 3 && isDigit(code[0]) && isDigit(code[1]) && isDigit(code[2])
	}
	for _, m := range sipMethods {
		if len(s) > len(m)+5 && s[:len(m)] == m && s[len(m)] == ' ' {
			rest := s[len(m)+1:]
			if len(rest) > 80 {
				rest = rest[:80]
			}
			lower := strings.ToLower(rest)
			end := strings.IndexAny(rest, "\r\n")
			if end < 0 {
				end = len(rest)
			}
			return (strings.HasPrefix(lower, "sip:") || strings.HasPrefix(lower, "sips:") || strings.HasPrefix(lower, "tel:")) &&
				(strings.Contains(rest[:end], " SIP/2.0") || end == len(rest))
		}
	}
	return false
}

// looksLikeSIP is LooksLikeSIP on the start of a packet's or a stream's
// bytes, of which it converts no more than it reads.
func looksLikeSIP(b []byte) bool {
	return LooksLikeSIP(string(b[:min(len(b), startLineRead)]))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
