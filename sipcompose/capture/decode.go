package capture

import (
	"encoding/binary"
	"fmt"
	"net/netip"
	"sort"
	"time"
)

// linkTypes name the link types the reader decodes
// (https://www.tcpdump.org/linktypes.html).
var linkTypes = []struct {
	link uint32
	name string
}{
	{0, "BSD loopback"},
	{1, "Ethernet"},
	{12, "raw IP"},
	{14, "raw IP"},
	{101, "raw IP"},
	{108, "OpenBSD loopback"},
	{113, "Linux cooked (SLL)"},
	{228, "raw IPv4"},
	{229, "raw IPv6"},
	{276, "Linux cooked (SLL2)"},
}

// linkName names a link type the reader decodes; "" for another.
func linkName(link uint32) string {
	for _, l := range linkTypes {
		if l.link == link {
			return l.name
		}
	}
	return ""
}

// decoder turns packets into messages and flows.
type decoder struct {
	c        Capture
	links    map[uint32]bool
	unknown  map[uint32]int
	frags    fragments
	tcp      tcpStreams
	flows    map[[2]netip.AddrPort]int
	msgBytes int
	dropped  int
	// calls are the Call-IDs of the messages kept.
	calls    map[string]bool
	flowsCut int
}

func newDecoder() decoder {
	return decoder{calls: map[string]bool{}, links: map[uint32]bool{}, unknown: map[uint32]int{}, flows: map[[2]netip.AddrPort]int{}, frags: fragments{partial: map[fragKey]*partial{}}, tcp: tcpStreams{}}
}

// pkt is a packet on its way up the layers.
type pkt struct {
	n    int
	time time.Time
}

func (d *decoder) packet(rec record) {
	d.c.Packets++
	p := pkt{n: d.c.Packets, time: rec.time}
	if !d.links[rec.link] {
		d.links[rec.link] = true
		if name := linkName(rec.link); name != "" {
			d.c.Links = append(d.c.Links, name)
		}
	}
	ip, ok := linkPayload(rec.link, rec.data)
	if !ok {
		if linkName(rec.link) == "" {
			d.unknown[rec.link]++
		}
		return
	}
	d.ip(p, ip)
}

// linkPayload strips the link layer and returns the IP packet, if the
// packet carries one.
func linkPayload(link uint32, b []byte) ([]byte, bool) {
	var ethertype uint16
	switch link {
	case 0, 108: // the address family, in the capturing host's order (0) or big-endian (108)
		if len(b) < 4 {
			return nil, false
		}
		fam := binary.BigEndian.Uint32(b)
		if link == 0 && b[0] != 0 {
			fam = binary.LittleEndian.Uint32(b)
		}
		switch fam {
		case 2:
			ethertype = 0x0800
		case 10, 24, 28, 30:
			ethertype = 0x86dd
		}
		b = b[4:]
	case 1:
		if len(b) < 14 {
			return nil, false
		}
		ethertype, b = binary.BigEndian.Uint16(b[12:]), b[14:]
		for (ethertype == 0x8100 || ethertype == 0x88a8) && len(b) >= 4 {
			ethertype, b = binary.BigEndian.Uint16(b[2:]), b[4:]
		}
	case 113:
		if len(b) < 16 {
			return nil, false
		}
		ethertype, b = binary.BigEndian.Uint16(b[14:]), b[16:]
	case 276:
		if len(b) < 20 {
			return nil, false
		}
		ethertype, b = binary.BigEndian.Uint16(b), b[20:]
	case 12, 14, 101, 228, 229:
		if len(b) == 0 {
			return nil, false
		}
		return b, true
	default:
		return nil, false
	}
	return b, ethertype == 0x0800 || ethertype == 0x86dd
}

// ip reads an IPv4 or IPv6 packet, reassembling fragments.
func (d *decoder) ip(p pkt, b []byte) {
	if len(b) < 1 {
		return
	}
	switch b[0] >> 4 {
	case 4:
		d.ipv4(p, b)
	case 6:
		d.ipv6(p, b)
	}
}

func (d *decoder) ipv4(p pkt, b []byte) {
	if len(b) < 20 {
		return
	}
	hl := int(b[0]&0x0f) * 4
	total := int(binary.BigEndian.Uint16(b[2:]))
	if hl < 20 || total < hl || len(b) < hl {
		return
	}
	if total <= len(b) {
		b = b[:total] // Ethernet pads short frames
	}
	src, _ := netip.AddrFromSlice(b[12:16])
	dst, _ := netip.AddrFromSlice(b[16:20])
	proto, payload := b[9], b[hl:]
	flags := binary.BigEndian.Uint16(b[6:])
	offset, more := int(flags&0x1fff)*8, flags&0x2000 != 0
	if offset != 0 || more {
		key := fragKey{src, dst, uint32(binary.BigEndian.Uint16(b[4:])), proto}
		var n int
		if payload, n = d.frags.add(key, offset, more, payload); payload == nil {
			return
		}
		d.transport(p, proto, src, dst, payload, n)
		return
	}
	d.transport(p, proto, src, dst, payload, 0)
}

// ipv6 reads the fixed header and walks the extension headers to the
// transport, reassembling a fragmented datagram.
func (d *decoder) ipv6(p pkt, b []byte) {
	if len(b) < 40 {
		return
	}
	src, _ := netip.AddrFromSlice(b[8:24])
	dst, _ := netip.AddrFromSlice(b[24:40])
	next, payload := b[6], b[40:]
	if n := int(binary.BigEndian.Uint16(b[4:])); n <= len(payload) {
		payload = payload[:n]
	}
	for range 8 {
		switch next {
		case 0, 43, 60: // hop-by-hop, routing, destination options
			if len(payload) < 8 {
				return
			}
			n := (int(payload[1]) + 1) * 8
			if n > len(payload) {
				return
			}
			next, payload = payload[0], payload[n:]
			continue
		case 44: // fragment
			if len(payload) < 8 {
				return
			}
			off := binary.BigEndian.Uint16(payload[2:])
			key := fragKey{src, dst, binary.BigEndian.Uint32(payload[4:]), payload[0]}
			data, n := d.frags.add(key, int(off&^7), off&1 != 0, payload[8:])
			if data != nil {
				d.transport(p, payload[0], src, dst, data, n)
			}
			return
		}
		d.transport(p, next, src, dst, payload, 0)
		return
	}
}

// fragments holds IP fragments until their datagram is whole.
type fragments struct {
	partial map[fragKey]*partial
	// tooMany counts the datagrams skipped for coming in more than
	// maxPieces fragments.
	tooMany int
}

type fragKey struct {
	src, dst netip.Addr
	id       uint32
	proto    uint8
}

type partial struct {
	pieces map[int][]byte
	total  int // the length, once the last fragment came; 0 before
	// skipped: the datagram came in too many fragments; the rest of them
	// are dropped as they come.
	skipped bool
}

// maxPartials bounds the datagrams awaiting fragments.
const maxPartials = 256

// maxPieces bounds a datagram's fragments, and so the work each one
// costs: a UDP datagram holds at most 65,535 bytes, which a path of
// 576 bytes (the least an IPv4 host must take) carries in 119 fragments.
const maxPieces = 128

// add keeps one fragment and returns the datagram and its fragment count
// once every byte of it has come.
func (f *fragments) add(key fragKey, offset int, more bool, data []byte) ([]byte, int) {
	pt := f.partial[key]
	if pt == nil {
		if len(f.partial) >= maxPartials {
			clear(f.partial)
		}
		pt = &partial{pieces: map[int][]byte{}}
		f.partial[key] = pt
	}
	if offset+len(data) > 1<<16 {
		delete(f.partial, key)
		return nil, 0
	}
	if _, seen := pt.pieces[offset]; !seen && len(pt.pieces) == maxPieces && !pt.skipped {
		pt.skipped, pt.pieces = true, nil
		f.tooMany++
	}
	if pt.skipped {
		return nil, 0
	}
	pt.pieces[offset] = append([]byte(nil), data...)
	if !more {
		pt.total = offset + len(data)
	}
	if pt.total == 0 {
		return nil, 0
	}
	// Whole when the pieces follow one another from 0 to the end.
	for at := 0; at < pt.total; {
		piece, ok := pt.pieces[at]
		if !ok || len(piece) == 0 {
			return nil, 0
		}
		at += len(piece)
	}
	out := make([]byte, 0, pt.total)
	for len(out) < pt.total {
		out = append(out, pt.pieces[len(out)]...)
	}
	delete(f.partial, key)
	return out[:pt.total], len(pt.pieces)
}

// finish closes the TCP streams and sorts out what is left to say.
func (d *decoder) finish() Capture {
	d.tcp.flushAll(d)
	c := d.c
	// Streams closed at the end give their last messages late. (The sort
	// package rather than slices: one copy of its code, already in the
	// page's app.wasm, serves every type, where each type sorted with
	// slices adds 10 to 20 KB of code.)
	sort.SliceStable(c.Messages, func(i, j int) bool { return c.Messages[i].Packet < c.Messages[j].Packet })
	links := make([]uint32, 0, len(d.unknown))
	for link := range d.unknown {
		links = append(links, link)
	}
	sort.Slice(links, func(i, j int) bool { return links[i] < links[j] })
	for _, link := range links {
		c.Problems = append(c.Problems, fmt.Sprintf("%d packets of link type %d, which this reader does not decode, were skipped", d.unknown[link], link))
	}
	if d.dropped > 0 {
		c.Problems = append(c.Problems, fmt.Sprintf("%d SIP messages of calls past the first %d messages (or %d MB of SIP) were counted but not kept", d.dropped, maxMessages, maxMessageData>>20))
	}
	if d.frags.tooMany > 0 {
		c.Problems = append(c.Problems, fmt.Sprintf("%d IP datagrams in more than %d fragments were skipped", d.frags.tooMany, maxPieces))
	}
	if d.flowsCut > 0 {
		c.Problems = append(c.Problems, fmt.Sprintf("%d packets of UDP flows past the first %d flows were not counted", d.flowsCut, maxFlows))
	}
	return c
}
