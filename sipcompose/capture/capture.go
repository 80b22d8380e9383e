// Package capture reads packet captures (pcap and pcapng) into what a
// failing SIP call leaves in them: the SIP messages, over UDP and TCP,
// IPv4 and IPv6, and the UDP flows beside them (RTP, counted per
// direction), ICMP unreachables and TLS handshakes. It is fed the file in
// chunks of any size, so a large capture is never held in memory whole and
// a browser can read one a slice at a time while it shows progress.
//
// It is a small plain reader rather than gopacket: gopacket's pcapgo
// imports gopacket/layers, which would add far more to the page's
// app.wasm than this package does (see BENCHMARKS.md, "Diagnose").
package capture

import (
	"errors"
	"fmt"
	"net/netip"
	"time"
)

// Capture is what a capture held.
type Capture struct {
	// Format is "pcap" or "pcapng".
	Format string `json:"format"`
	// Links names the link types seen ("Ethernet", "Linux cooked (SLL2)").
	Links []string `json:"links"`
	// Packets counts every packet record; Bytes the file's bytes read.
	Packets int   `json:"packets"`
	Bytes   int64 `json:"bytes"`
	// Messages are the SIP messages, in the order their last packet came.
	Messages []Message `json:"messages"`
	// Flows are the UDP flows that carry no SIP, one per direction.
	Flows []Flow `json:"flows"`
	// Unreachable lists ICMP port-unreachable errors and TCP resets that
	// refused a connection: a port with nothing listening.
	Unreachable []Unreachable `json:"unreachable,omitempty"`
	// TLS lists the TLS handshakes seen, one per connection.
	TLS []Handshake `json:"tls,omitempty"`
	// Problems say what could not be read: a truncated or corrupt file, a
	// link type the reader does not know, limits reached.
	Problems []string `json:"problems,omitempty"`
}

// Message is one SIP message as it crossed the wire.
type Message struct {
	// Packet is the 1-based number of the packet that completed it.
	Packet    int            `json:"packet"`
	Time      time.Time      `json:"time"`
	Src       netip.AddrPort `json:"src"`
	Dst       netip.AddrPort `json:"dst"`
	Transport string         `json:"transport"` // "udp" or "tcp"
	// Fragments is how many IP fragments the UDP datagram arrived in; 0
	// when it was not fragmented.
	Fragments int    `json:"fragments,omitempty"`
	Data      []byte `json:"data"`
}

// Flow is one direction of a UDP flow that is not SIP.
type Flow struct {
	Src         netip.AddrPort `json:"src"`
	Dst         netip.AddrPort `json:"dst"`
	Packets     int            `json:"packets"`
	FirstPacket int            `json:"firstPacket"`
	First       time.Time      `json:"first"`
	Last        time.Time      `json:"last"`
	// RTP counts the packets shaped like RTP (version 2, an audio or
	// dynamic payload type); PayloadType is the first one's.
	RTP         int   `json:"rtp"`
	PayloadType uint8 `json:"payloadType"`
}

// Unreachable is a refused datagram or connection.
type Unreachable struct {
	Packet int       `json:"packet"`
	Time   time.Time `json:"time"`
	// Proto is "udp" (an ICMP port unreachable) or "tcp" (a reset
	// answering a SYN). From sent the packet that was refused, To is the
	// address and port that refused it.
	Proto string         `json:"proto"`
	From  netip.AddrPort `json:"from"`
	To    netip.AddrPort `json:"to"`
}

// Handshake is a TLS connection's hello messages.
type Handshake struct {
	Packet int            `json:"packet"`
	Time   time.Time      `json:"time"`
	Client netip.AddrPort `json:"client"`
	Server netip.AddrPort `json:"server"`
	// Offered is the highest version the client offered, Chosen the
	// server's ("TLS 1.2"); empty when not seen.
	Offered string `json:"offered,omitempty"`
	Chosen  string `json:"chosen,omitempty"`
}

// ErrNotCapture is Write's error when the data does not start as a pcap
// or pcapng file.
var ErrNotCapture = errors.New("not a pcap or pcapng capture")

// Limits keep a capture of any size within bounded memory: what is past
// them is counted and said in Problems.
const (
	maxMessages    = 20_000
	maxMessageData = 64 << 20
	maxFlows       = 20_000
	maxRecord      = 16 << 20
)

// IsCapture reports whether data starts like a pcap or pcapng file; four
// bytes are enough.
func IsCapture(data []byte) bool {
	if len(data) < 4 {
		return false
	}
	_, _, ok := pcapMagic(data)
	return ok || string(data[:4]) == "\x0a\x0d\x0d\x0a"
}

// Read reads a whole capture held in memory.
func Read(data []byte) (Capture, error) {
	r := NewReader()
	_, err := r.Write(data)
	return r.Close(), err
}

// Reader reads a capture fed to it in chunks through Write (it is an
// io.Writer, so io.Copy can feed it a file), and Close says what it held.
type Reader struct {
	pending []byte
	done    int64
	err     error
	file    fileReader
	dec     decoder
}

// NewReader is a Reader at the start of a file.
func NewReader() *Reader {
	return &Reader{dec: newDecoder()}
}

// Write reads p, the next chunk of the file. Its error says the data is
// no capture (ErrNotCapture) or is corrupt; what was read before stays
// for Close, and later writes fail the same way.
func (r *Reader) Write(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	data := p
	if len(r.pending) > 0 {
		r.pending = append(r.pending, p...)
		data = r.pending
	}
	n, err := r.consume(data)
	r.done += int64(n)
	// Keep the unread tail (part of a record) for the next chunk; it may
	// alias r.pending, and append copies forward, which is safe.
	r.pending = append(r.pending[:0], data[n:]...)
	if err != nil {
		r.err = err
		return len(p), err
	}
	return len(p), nil
}

// Done is how many bytes of the file have been read, for a progress bar.
func (r *Reader) Done() int64 { return r.done }

// Close ends the file and returns what it held. A last record cut short is
// said in Problems.
func (r *Reader) Close() Capture {
	c := r.dec.finish()
	if r.file != nil {
		c.Format = r.file.format()
	}
	c.Bytes = r.done + int64(len(r.pending))
	if r.err != nil && !errors.Is(r.err, ErrNotCapture) {
		c.Problems = append([]string{r.err.Error()}, c.Problems...)
	} else if r.err == nil && len(r.pending) > 0 {
		c.Problems = append([]string{fmt.Sprintf("the file ends inside a packet record (truncated at byte %d); the %d packets before it were read", c.Bytes, c.Packets)}, c.Problems...)
	}
	return c
}

// consume reads every whole record at the start of data and returns how
// many bytes they took.
func (r *Reader) consume(data []byte) (int, error) {
	off := 0
	if r.file == nil {
		if len(data) < 4 {
			return 0, nil
		}
		if !IsCapture(data) {
			return 0, ErrNotCapture
		}
		if string(data[:4]) == "\x0a\x0d\x0d\x0a" {
			r.file = &pcapngFile{}
		} else {
			r.file = &pcapFile{}
		}
	}
	for {
		n, rec, err := r.file.next(data[off:], r.done+int64(off))
		if err != nil {
			return off, err
		}
		if n == 0 {
			return off, nil
		}
		off += n
		if rec.ok {
			r.dec.packet(rec)
		}
	}
}

// record is one packet as the file format gives it.
type record struct {
	ok   bool
	link uint32
	time time.Time
	data []byte
}

// fileReader reads one file format: next returns the bytes the next
// block or record took (0 when data holds no whole one yet) and the
// packet it held, if any. at is data's offset in the file, for messages.
type fileReader interface {
	next(data []byte, at int64) (int, record, error)
	format() string
}
