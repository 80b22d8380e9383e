package capture

import (
	"bytes"
	"encoding/binary"
	"net/netip"
	"sort"
	"strconv"
)

// tcpStreams holds each direction of each TCP connection: enough
// reassembly to read SIP messages split across segments.
type tcpStreams map[[2]netip.AddrPort]*stream

type stream struct {
	next    uint32
	started bool
	buf     []byte
	// ahead holds segments that came before a gap, by sequence number.
	ahead map[uint32][]byte
	// kind is what the stream carries once known: "sip", "tls", "other".
	kind string
	syn  bool // a SYN went this way and nothing else yet
	p    pkt  // the last packet that added to buf
	// searched is how much of buf has been searched, in vain, for the
	// blank line that ends the headers of the message it starts with; need
	// is that message's length once its headers are whole (0 before). A
	// message that arrives a byte at a time is searched and measured once,
	// not once a byte.
	searched, need int
}

// restart empties buf, as a message no longer starts where it did.
func (s *stream) restart(buf []byte) {
	s.buf, s.searched, s.need = buf, 0, 0
}

// Limits per stream and for all of them.
const (
	maxStreams   = 4096
	maxStreamBuf = 256 << 10
	maxAhead     = 64
)

const (
	flagFIN = 0x01
	flagSYN = 0x02
	flagRST = 0x04
	flagACK = 0x10
)

func (d *decoder) tcpSegment(p pkt, src, dst netip.Addr, b []byte) {
	if len(b) < 20 {
		return
	}
	off := int(b[12]>>4) * 4
	if off < 20 || off > len(b) {
		return
	}
	from := netip.AddrPortFrom(src, binary.BigEndian.Uint16(b))
	to := netip.AddrPortFrom(dst, binary.BigEndian.Uint16(b[2:]))
	seq, flags, payload := binary.BigEndian.Uint32(b[4:]), b[13], b[off:]
	key := [2]netip.AddrPort{from, to}
	if flags&flagRST != 0 {
		// A reset answering a SYN: nothing listens on the port.
		if back := d.tcp[[2]netip.AddrPort{to, from}]; back != nil && back.syn {
			d.c.Unreachable = append(d.c.Unreachable, Unreachable{Packet: p.n, Time: p.time, Proto: "tcp", From: to, To: from})
			back.syn = false
		}
		d.tcp.flush(d, key)
		return
	}
	s := d.tcp[key]
	if s == nil {
		if len(d.tcp) >= maxStreams {
			d.tcp.flushAll(d)
		}
		s = &stream{}
		d.tcp[key] = s
	}
	if flags&flagSYN != 0 {
		s.next, s.started, s.syn = seq+1, true, flags&flagACK == 0
		return
	}
	s.syn = false
	if len(payload) > 0 {
		s.add(seq, payload)
		s.p = p
		d.drain(s, from, to)
	}
	if flags&flagFIN != 0 {
		d.tcp.flush(d, key)
	}
}

// add puts a segment in its place: appended when it is the next, kept
// aside when it comes after a gap, trimmed when it repeats bytes.
func (s *stream) add(seq uint32, data []byte) {
	if !s.started {
		s.next, s.started = seq, true
	}
	switch d := int32(seq - s.next); {
	case d > 0:
		if s.ahead == nil {
			s.ahead = map[uint32][]byte{}
		}
		if len(s.ahead) >= maxAhead {
			// A gap that never filled (a lost packet): skip past it.
			s.restart(nil)
			s.ahead, s.next = nil, seq
			s.append(data)
			return
		}
		s.ahead[seq] = bytes.Clone(data)
		return
	case d < 0:
		if int(-d) >= len(data) {
			return
		}
		data = data[-d:]
	}
	s.append(data)
	for len(s.ahead) > 0 {
		more, ok := s.ahead[s.next]
		if !ok {
			return
		}
		delete(s.ahead, s.next)
		s.append(more)
	}
}

func (s *stream) append(data []byte) {
	s.next += uint32(len(data))
	if len(s.buf)+len(data) > maxStreamBuf {
		s.restart(s.buf[:0])
		s.kind = "other"
		return
	}
	s.buf = append(s.buf, data...)
}

// drain takes every whole SIP message off the front of the stream, and
// notes a TLS handshake.
func (d *decoder) drain(s *stream, from, to netip.AddrPort) {
	if s.kind == "" {
		switch {
		case len(s.buf) >= 3 && s.buf[0] == 0x16 && s.buf[1] == 3:
			s.kind = "tls"
		case looksLikeSIP(bytes.TrimLeft(s.buf, "\r\n")):
			s.kind = "sip"
		case len(s.buf) >= 16:
			s.kind = "other"
		default:
			return
		}
	}
	switch s.kind {
	case "tls":
		d.hello(s, from, to)
	case "sip":
		for {
			// Keep-alives between messages (a message's own start is no
			// line end, so this never moves a message's start).
			s.buf = bytes.TrimLeft(s.buf, "\r\n")
			n := s.messageLength()
			if n == 0 {
				return
			}
			if n < 0 {
				// Not SIP where a message should start: read no further.
				s.kind = "other"
				s.restart(nil)
				return
			}
			d.message(Message{Packet: s.p.n, Time: s.p.time, Src: from, Dst: to, Transport: "tcp", Data: s.buf[:n]})
			s.restart(s.buf[n:])
		}
	default:
		s.restart(s.buf[:0])
	}
}

// messageLength is the length of the SIP message buf starts with: its
// headers, the blank line and Content-Length bytes of body; 0 when buf
// does not hold all of it yet, -1 when buf does not start with a SIP
// message.
func (s *stream) messageLength() int {
	b := s.buf
	if len(b) == 0 {
		return 0
	}
	if !looksLikeSIP(b) {
		if len(b) < 16 && bytes.IndexByte(b, '\n') < 0 {
			return 0
		}
		return -1
	}
	if s.need == 0 {
		from := max(0, s.searched-3) // the blank line may straddle
		end := bytes.Index(b[from:], []byte("\r\n\r\n"))
		if end < 0 {
			s.searched = len(b)
			return 0
		}
		end += from
		s.need = end + 4 + contentLength(b[:end+2])
	}
	if s.need > len(b) {
		if s.need > maxStreamBuf {
			return -1
		}
		return 0
	}
	return s.need
}

// contentLength reads the Content-Length header (or its compact form "l")
// of a message's headers; 0 without one.
func contentLength(head []byte) int {
	length := 0
	for line := range bytes.Lines(head) {
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		name = bytes.TrimSpace(name)
		if bytes.EqualFold(name, []byte("Content-Length")) || bytes.EqualFold(name, []byte("l")) {
			if n, err := strconv.Atoi(string(bytes.TrimSpace(value))); err == nil && n >= 0 {
				length = n
			}
		}
	}
	return length
}

// flush reads what a closing stream still holds (a message without a
// Content-Length ends with the connection) and forgets it.
func (t tcpStreams) flush(d *decoder, key [2]netip.AddrPort) {
	s := t[key]
	if s == nil {
		return
	}
	if s.kind == "sip" {
		if b := bytes.TrimLeft(s.buf, "\r\n"); looksLikeSIP(b) {
			d.message(Message{Packet: s.p.n, Time: s.p.time, Src: key[0], Dst: key[1], Transport: "tcp", Data: b})
		}
	}
	delete(t, key)
}

// flushAll closes every stream, in a fixed order so that the messages
// come out the same every time.
func (t tcpStreams) flushAll(d *decoder) {
	keys := make([][2]netip.AddrPort, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if c := keys[i][0].Compare(keys[j][0]); c != 0 {
			return c < 0
		}
		return keys[i][1].Compare(keys[j][1]) < 0
	})
	for _, k := range keys {
		t.flush(d, k)
	}
}
