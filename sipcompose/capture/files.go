package capture

import (
	"encoding/binary"
	"fmt"
	"math"
	"time"
)

// pcapMagic reads a pcap file's magic number: its byte order and whether
// timestamps are in nanoseconds.
func pcapMagic(b []byte) (order binary.ByteOrder, nano, ok bool) {
	switch binary.LittleEndian.Uint32(b) {
	case 0xa1b2c3d4:
		return binary.LittleEndian, false, true
	case 0xa1b23c4d:
		return binary.LittleEndian, true, true
	}
	switch binary.BigEndian.Uint32(b) {
	case 0xa1b2c3d4:
		return binary.BigEndian, false, true
	case 0xa1b23c4d:
		return binary.BigEndian, true, true
	}
	return nil, false, false
}

// pcapFile reads the classic libpcap format: a 24-byte header, then
// records of a 16-byte header and the packet.
type pcapFile struct {
	order  binary.ByteOrder
	nano   bool
	link   uint32
	header bool
}

func (f *pcapFile) format() string { return "pcap" }

func (f *pcapFile) next(data []byte, at int64) (int, record, error) {
	if !f.header {
		if len(data) < 24 {
			return 0, record{}, nil
		}
		f.order, f.nano, _ = pcapMagic(data)
		// The top bits of the link-type field carry the FCS length.
		f.link = f.order.Uint32(data[20:]) & 0x0fffffff
		f.header = true
		return 24, record{}, nil
	}
	if len(data) < 16 {
		return 0, record{}, nil
	}
	caplen := f.order.Uint32(data[8:])
	if caplen > maxRecord {
		return 0, record{}, fmt.Errorf("corrupt capture at byte %d: a packet record claims %d bytes", at, caplen)
	}
	if len(data) < 16+int(caplen) {
		return 0, record{}, nil
	}
	sec, frac := int64(f.order.Uint32(data)), int64(f.order.Uint32(data[4:]))
	if !f.nano {
		frac *= 1000
	}
	return 16 + int(caplen), record{ok: true, link: f.link, time: time.Unix(sec, frac).UTC(), data: data[16 : 16+caplen]}, nil
}

// pcapngFile reads the pcapng format: blocks of a type, a length, a body
// and the length again. A section header block sets the byte order and
// starts a new list of interfaces.
type pcapngFile struct {
	order  binary.ByteOrder
	ifaces []iface
}

type iface struct {
	link uint32
	// unit is the length of one timestamp tick in nanoseconds (1000
	// unless an if_tsresol option says otherwise).
	unit float64
}

func (f *pcapngFile) format() string { return "pcapng" }

const (
	blockSection   = 0x0a0d0d0a
	blockInterface = 1
	blockObsolete  = 2
	blockSimple    = 3
	blockEnhanced  = 6
)

func (f *pcapngFile) next(data []byte, at int64) (int, record, error) {
	if len(data) < 12 {
		return 0, record{}, nil
	}
	if binary.LittleEndian.Uint32(data) == blockSection {
		switch binary.LittleEndian.Uint32(data[8:]) {
		case 0x1a2b3c4d:
			f.order = binary.LittleEndian
		case 0x4d3c2b1a:
			f.order = binary.BigEndian
		default:
			return 0, record{}, fmt.Errorf("corrupt capture at byte %d: a section header with no byte-order magic", at)
		}
		f.ifaces = f.ifaces[:0]
	}
	if f.order == nil {
		return 0, record{}, fmt.Errorf("corrupt capture at byte %d: no section header block", at)
	}
	typ, size := f.order.Uint32(data), f.order.Uint32(data[4:])
	if size < 12 || size%4 != 0 || size > maxRecord {
		return 0, record{}, fmt.Errorf("corrupt capture at byte %d: a block claims %d bytes", at, size)
	}
	if len(data) < int(size) {
		return 0, record{}, nil
	}
	body := data[8 : size-4]
	switch typ {
	case blockInterface:
		if len(body) < 8 {
			return 0, record{}, fmt.Errorf("corrupt capture at byte %d: a short interface block", at)
		}
		f.ifaces = append(f.ifaces, iface{link: uint32(f.order.Uint16(body)), unit: f.resolution(body[8:])})
	case blockEnhanced, blockObsolete:
		return int(size), f.packet(typ, body, at), nil
	case blockSimple:
		if len(f.ifaces) == 0 || len(body) < 4 {
			return int(size), record{}, nil
		}
		n := min(int(f.order.Uint32(body)), len(body)-4)
		return int(size), record{ok: true, link: f.ifaces[0].link, data: body[4 : 4+n]}, nil
	}
	return int(size), record{}, nil
}

// packet reads an enhanced (or the obsolete) packet block's body.
func (f *pcapngFile) packet(typ uint32, body []byte, at int64) record {
	if len(body) < 20 {
		return record{}
	}
	var id int
	if typ == blockEnhanced {
		id = int(f.order.Uint32(body))
	} else {
		id = int(f.order.Uint16(body))
	}
	if id >= len(f.ifaces) {
		return record{}
	}
	ifc := f.ifaces[id]
	ticks := uint64(f.order.Uint32(body[4:]))<<32 | uint64(f.order.Uint32(body[8:]))
	n := min(int(f.order.Uint32(body[12:])), len(body)-20)
	ns := float64(ticks) * ifc.unit
	var t time.Time
	if ns < math.MaxInt64 {
		t = time.Unix(0, int64(ns)).UTC()
	}
	return record{ok: true, link: ifc.link, time: t, data: body[20 : 20+n]}
}

// resolution reads an interface block's if_tsresol option: the tick is
// 10^-v seconds, or 2^-v when the top bit is set; microseconds without it.
func (f *pcapngFile) resolution(opts []byte) float64 {
	for len(opts) >= 4 {
		code, n := f.order.Uint16(opts), int(f.order.Uint16(opts[2:]))
		if code == 0 || 4+n > len(opts) {
			break
		}
		if code == 9 && n >= 1 {
			v := opts[4]
			if v&0x80 != 0 {
				return 1e9 / math.Pow(2, float64(v&0x7f))
			}
			return 1e9 / math.Pow(10, float64(v))
		}
		opts = opts[4+(n+3)&^3:]
	}
	return 1000
}
