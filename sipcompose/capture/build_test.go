package capture

import (
	"encoding/binary"
	"net/netip"
	"time"
)

// Builders of packets and files for the tests: each layer written as its
// RFC lays it out, so the reader is checked against the formats rather
// than against itself.

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func udp(src, dst netip.AddrPort, payload []byte) []byte {
	b := make([]byte, 8, 8+len(payload))
	binary.BigEndian.PutUint16(b, src.Port())
	binary.BigEndian.PutUint16(b[2:], dst.Port())
	binary.BigEndian.PutUint16(b[4:], uint16(8+len(payload)))
	return append(b, payload...)
}

func tcp(src, dst netip.AddrPort, seq uint32, flags byte, payload []byte) []byte {
	b := make([]byte, 20, 20+len(payload))
	binary.BigEndian.PutUint16(b, src.Port())
	binary.BigEndian.PutUint16(b[2:], dst.Port())
	binary.BigEndian.PutUint32(b[4:], seq)
	b[12] = 5 << 4
	b[13] = flags
	return append(b, payload...)
}

// ipv4 wraps a transport segment; id, offset (bytes) and more make a
// fragment.
func ipv4(src, dst netip.Addr, proto byte, payload []byte) []byte {
	return ipv4Frag(src, dst, proto, 1, 0, false, payload)
}

func ipv4Frag(src, dst netip.Addr, proto byte, id uint16, offset int, more bool, payload []byte) []byte {
	b := make([]byte, 20, 20+len(payload))
	b[0] = 0x45
	binary.BigEndian.PutUint16(b[2:], uint16(20+len(payload)))
	binary.BigEndian.PutUint16(b[4:], id)
	flags := uint16(offset / 8)
	if more {
		flags |= 0x2000
	}
	binary.BigEndian.PutUint16(b[6:], flags)
	b[8] = 64
	b[9] = proto
	s, d := src.As4(), dst.As4()
	copy(b[12:], s[:])
	copy(b[16:], d[:])
	return append(b, payload...)
}

func ipv6(src, dst netip.Addr, proto byte, payload []byte) []byte {
	b := make([]byte, 40, 40+len(payload))
	b[0] = 0x60
	binary.BigEndian.PutUint16(b[4:], uint16(len(payload)))
	b[6] = proto
	b[7] = 64
	s, d := src.As16(), dst.As16()
	copy(b[8:], s[:])
	copy(b[24:], d[:])
	return append(b, payload...)
}

// ether frames an IP packet on Ethernet, with a VLAN tag when vlan.
func ether(ip []byte, vlan bool) []byte {
	b := make([]byte, 12, 18+len(ip))
	if vlan {
		b = append(b, 0x81, 0x00, 0, 7)
	}
	if ip[0]>>4 == 6 {
		b = append(b, 0x86, 0xdd)
	} else {
		b = append(b, 0x08, 0x00)
	}
	return append(b, ip...)
}

func sll(ip []byte) []byte {
	b := make([]byte, 16, 16+len(ip))
	binary.BigEndian.PutUint16(b[14:], etherType(ip))
	return append(b, ip...)
}

func sll2(ip []byte) []byte {
	b := make([]byte, 20, 20+len(ip))
	binary.BigEndian.PutUint16(b, etherType(ip))
	return append(b, ip...)
}

// null is BSD loopback: the address family in the host's (little-endian)
// order.
func null(ip []byte) []byte {
	fam := uint32(2)
	if ip[0]>>4 == 6 {
		fam = 30
	}
	b := binary.LittleEndian.AppendUint32(nil, fam)
	return append(b, ip...)
}

func etherType(ip []byte) uint16 {
	if ip[0]>>4 == 6 {
		return 0x86dd
	}
	return 0x0800
}

// pcapFileOf writes a classic pcap file (little-endian, microseconds)
// holding frames, one per 20 ms from t0.
func pcapFileOf(link uint32, frames ...[]byte) []byte {
	b := binary.LittleEndian.AppendUint32(nil, 0xa1b2c3d4)
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 4)
	b = append(b, make([]byte, 8)...)
	b = binary.LittleEndian.AppendUint32(b, 65535)
	b = binary.LittleEndian.AppendUint32(b, link)
	for i, f := range frames {
		ts := t0.Add(time.Duration(i) * 20 * time.Millisecond)
		b = binary.LittleEndian.AppendUint32(b, uint32(ts.Unix()))
		b = binary.LittleEndian.AppendUint32(b, uint32(ts.Nanosecond()/1000))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(f)))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(f)))
		b = append(b, f...)
	}
	return b
}

// pcapngFileOf writes a big-endian pcapng file with one interface of
// link type link and nanosecond timestamps, and an enhanced packet block
// per frame, one per 20 ms from t0.
func pcapngFileOf(link uint16, frames ...[]byte) []byte {
	be := binary.BigEndian
	block := func(b []byte, typ uint32, body []byte) []byte {
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
		n := uint32(12 + len(body))
		b = be.AppendUint32(b, typ)
		b = be.AppendUint32(b, n)
		b = append(b, body...)
		return be.AppendUint32(b, n)
	}
	shb := be.AppendUint32(nil, 0x1a2b3c4d)
	shb = be.AppendUint16(shb, 1)
	shb = be.AppendUint16(shb, 0)
	shb = be.AppendUint64(shb, ^uint64(0))
	b := block(nil, blockSection, shb)
	idb := be.AppendUint16(nil, link)
	idb = be.AppendUint16(idb, 0)
	idb = be.AppendUint32(idb, 0)
	idb = append(idb, 0, 9, 0, 1, 9, 0, 0, 0) // if_tsresol = 9: nanoseconds
	idb = append(idb, 0, 0, 0, 0)             // opt_endofopt
	b = block(b, blockInterface, idb)
	// A block the reader skips: a name resolution block.
	b = block(b, 4, []byte{0, 0, 0, 0})
	for i, f := range frames {
		ts := uint64(t0.Add(time.Duration(i) * 20 * time.Millisecond).UnixNano())
		epb := be.AppendUint32(nil, 0)
		epb = be.AppendUint32(epb, uint32(ts>>32))
		epb = be.AppendUint32(epb, uint32(ts))
		epb = be.AppendUint32(epb, uint32(len(f)))
		epb = be.AppendUint32(epb, uint32(len(f)))
		b = block(b, blockEnhanced, append(epb, f...))
	}
	return b
}
