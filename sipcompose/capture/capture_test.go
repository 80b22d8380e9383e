package capture

import (
	"bytes"
	"errors"
	"fmt"
	"net/netip"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

var (
	twilio = netip.MustParseAddrPort("54.172.60.0:5060")
	pbx    = netip.MustParseAddrPort("203.0.113.10:5060")
	media  = netip.MustParseAddrPort("168.86.128.1:10000")
	pbxRTP = netip.MustParseAddrPort("203.0.113.10:20000")
	v6a    = netip.MustParseAddrPort("[2001:db8::1]:5060")
	v6b    = netip.MustParseAddrPort("[2001:db8::2]:5080")
)

const invite = "INVITE sip:+14158675309@pbx.example.com SIP/2.0\r\n" +
	"Via: SIP/2.0/UDP 54.172.60.0:5060;branch=z9hG4bK1\r\n" +
	"Call-ID: abc@0.0.0.0\r\nCSeq: 1 INVITE\r\nContent-Type: application/sdp\r\nContent-Length: 10\r\n\r\n" +
	"v=0\r\no=-\r\n"

const ok200 = "SIP/2.0 200 OK\r\nCall-ID: abc@0.0.0.0\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"

func rtp(pt byte) []byte {
	b := make([]byte, 172)
	b[0], b[1] = 0x80, pt
	return b
}

func udp4(src, dst netip.AddrPort, payload string) []byte {
	return ipv4(src.Addr(), dst.Addr(), protoUDP, udp(src, dst, []byte(payload)))
}

// TestLinkTypes: the same UDP exchange (an INVITE, a 200 and RTP both
// ways) read through every link layer and both file formats.
func TestLinkTypes(t *testing.T) {
	packets := [][]byte{
		udp4(twilio, pbx, invite),
		udp4(pbx, twilio, ok200),
		ipv4(media.Addr(), pbxRTP.Addr(), protoUDP, udp(media, pbxRTP, rtp(0))),
		ipv4(pbxRTP.Addr(), media.Addr(), protoUDP, udp(pbxRTP, media, rtp(0))),
		ipv4(media.Addr(), pbxRTP.Addr(), protoUDP, udp(media, pbxRTP, rtp(0))),
	}
	frame := func(f func([]byte) []byte) [][]byte {
		var out [][]byte
		for _, p := range packets {
			out = append(out, f(p))
		}
		return out
	}
	files := map[string][]byte{
		"pcap Ethernet":        pcapFileOf(1, frame(func(b []byte) []byte { return ether(b, false) })...),
		"pcap Ethernet VLAN":   pcapFileOf(1, frame(func(b []byte) []byte { return ether(b, true) })...),
		"pcap SLL":             pcapFileOf(113, frame(sll)...),
		"pcap SLL2":            pcapFileOf(276, frame(sll2)...),
		"pcap raw IP":          pcapFileOf(101, packets...),
		"pcap BSD loopback":    pcapFileOf(0, frame(null)...),
		"pcapng Ethernet":      pcapngFileOf(1, frame(func(b []byte) []byte { return ether(b, false) })...),
		"pcapng SLL2":          pcapngFileOf(276, frame(sll2)...),
		"pcap big-endian nano": bigEndianNano(pcapFileOf(101, packets...)),
	}
	for name, file := range files {
		t.Run(name, func(t *testing.T) {
			c, err := Read(file)
			if err != nil {
				t.Fatal(err)
			}
			if c.Packets != 5 || len(c.Messages) != 2 || len(c.Flows) != 2 || len(c.Problems) != 0 {
				t.Fatalf("%+v", c)
			}
			m := c.Messages[0]
			if m.Src != twilio || m.Dst != pbx || m.Transport != "udp" || string(m.Data) != invite || m.Packet != 1 || !m.Time.Equal(t0) {
				t.Errorf("INVITE read as %+v", m)
			}
			if c.Messages[1].Packet != 2 || !c.Messages[1].Time.Equal(t0.Add(20*time.Millisecond)) {
				t.Errorf("200 read as %+v", c.Messages[1])
			}
			in := c.Flows[0]
			if in.Src != media || in.Dst != pbxRTP || in.Packets != 2 || in.RTP != 2 || in.PayloadType != 0 || in.FirstPacket != 3 {
				t.Errorf("flow %+v", in)
			}
			if len(c.Links) != 1 {
				t.Errorf("links %v", c.Links)
			}
		})
	}
}

// bigEndianNano rewrites a little-endian microsecond pcap file as a
// big-endian nanosecond one.
func bigEndianNano(le []byte) []byte {
	swap := func(b []byte) {
		for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
	}
	b := bytes.Clone(le)
	copy(b, []byte{0xa1, 0xb2, 0x3c, 0x4d})
	for _, off := range []int{4, 6} {
		swap(b[off : off+2])
	}
	for _, off := range []int{8, 12, 16, 20} {
		swap(b[off : off+4])
	}
	for off := 24; off+16 <= len(b); {
		n := int(le[off+8]) | int(le[off+9])<<8 | int(le[off+10])<<16
		usec := uint32(le[off+4]) | uint32(le[off+5])<<8 | uint32(le[off+6])<<16 | uint32(le[off+7])<<24
		ns := usec * 1000
		b[off+4], b[off+5], b[off+6], b[off+7] = byte(ns>>24), byte(ns>>16), byte(ns>>8), byte(ns)
		for _, f := range []int{0, 8, 12} {
			swap(b[off+f : off+f+4])
		}
		off += 16 + n
	}
	return b
}

// TestIPv6AndTCP: SIP over TCP on IPv6, split across segments, one of
// them out of order and one repeated, with a keep-alive between messages.
func TestIPv6AndTCP(t *testing.T) {
	stream := invite + "\r\n\r\n" + ok200
	seg := func(seq uint32, flags byte, s string) []byte {
		return ether(ipv6(v6a.Addr(), v6b.Addr(), protoTCP, tcp(v6a, v6b, seq, flags, []byte(s))), false)
	}
	const isn = 1000
	file := pcapFileOf(1,
		seg(isn, flagSYN, ""),
		seg(isn+1, flagACK, stream[:30]),
		seg(isn+1+60, flagACK, stream[60:]), // ahead of a gap
		seg(isn+1+30, flagACK, stream[30:60]),
		seg(isn+1+30, flagACK, stream[30:60]), // a retransmission
		seg(isn+1+uint32(len(stream)), flagACK|flagFIN, ""),
	)
	c, err := Read(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Messages) != 2 || string(c.Messages[0].Data) != invite || string(c.Messages[1].Data) != ok200 {
		t.Fatalf("%+v", c.Messages)
	}
	if m := c.Messages[0]; m.Src != v6a || m.Dst != v6b || m.Transport != "tcp" || m.Packet != 4 {
		t.Errorf("%+v", m)
	}
}

// TestFragments: a UDP INVITE in three IPv4 fragments, the last first,
// and one in two IPv6 fragments.
func TestFragments(t *testing.T) {
	big := strings.Replace(invite, "Call-ID:", "X-Pad: "+strings.Repeat("p", 2000)+"\r\nCall-ID:", 1)
	dgram := udp(twilio, pbx, []byte(big))
	a, b := twilio.Addr(), pbx.Addr()
	file := pcapFileOf(101,
		ipv4Frag(a, b, protoUDP, 7, 1480, false, dgram[1480:]),
		ipv4Frag(a, b, protoUDP, 7, 0, true, dgram[:744]),
		ipv4Frag(a, b, protoUDP, 7, 744, true, dgram[744:1480]),
	)
	c, err := Read(file)
	if err != nil || len(c.Messages) != 1 || string(c.Messages[0].Data) != big || c.Messages[0].Fragments != 3 {
		t.Fatalf("%v %+v", err, c)
	}

	frag6 := func(off int, more bool, data []byte) []byte {
		h := []byte{protoUDP, 0, byte(off >> 8), byte(off) | map[bool]byte{true: 1}[more], 0, 0, 0, 9}
		return ipv6(v6a.Addr(), v6b.Addr(), 44, append(h, data...))
	}
	d6 := udp(v6a, v6b, []byte(big))
	c, err = Read(pcapFileOf(101, frag6(0, true, d6[:1232]), frag6(1232, false, d6[1232:])))
	if err != nil || len(c.Messages) != 1 || c.Messages[0].Fragments != 2 || c.Messages[0].Src != v6a {
		t.Fatalf("IPv6: %v %+v", err, c)
	}
}

// TestTooManyFragments: a datagram in maxPieces fragments is read; one in
// more is skipped, and said, whichever order its fragments come in.
func TestTooManyFragments(t *testing.T) {
	// in is an INVITE padded to pieces fragments of 8 bytes, the last first.
	in := func(pieces int, id uint16) [][]byte {
		pad := 8*pieces - len(udp(twilio, pbx, []byte(invite))) - len("X-Pad: \r\n")
		dgram := udp(twilio, pbx, []byte(strings.Replace(invite, "Call-ID:", "X-Pad: "+strings.Repeat("p", pad)+"\r\nCall-ID:", 1)))
		var frames [][]byte
		for off := 0; off < len(dgram); off += 8 {
			frames = append(frames, ipv4Frag(twilio.Addr(), pbx.Addr(), protoUDP, id, off, off+8 < len(dgram), dgram[off:off+8]))
		}
		slices.Reverse(frames)
		return frames
	}
	c, err := Read(pcapFileOf(101, append(in(maxPieces, 1), in(maxPieces+1, 2)...)...))
	if err != nil || len(c.Messages) != 1 || c.Messages[0].Fragments != maxPieces {
		t.Fatalf("%v %d messages", err, len(c.Messages))
	}
	if want := fmt.Sprintf("1 IP datagrams in more than %d fragments were skipped", maxPieces); !slices.Contains(c.Problems, want) {
		t.Errorf("problems %q, want %q", c.Problems, want)
	}
}

// TestRefused: an ICMP port unreachable quoting a UDP INVITE, and a TCP
// reset answering a SYN, both say which port refused.
func TestRefused(t *testing.T) {
	quoted := udp4(twilio, pbx, invite)[:28]
	icmp := append([]byte{3, 3, 0, 0, 0, 0, 0, 0}, quoted...)
	file := pcapFileOf(101,
		udp4(twilio, pbx, invite),
		ipv4(pbx.Addr(), twilio.Addr(), protoICMP, icmp),
		ipv4(twilio.Addr(), pbx.Addr(), protoTCP, tcp(twilio, pbx, 5, flagSYN, nil)),
		ipv4(pbx.Addr(), twilio.Addr(), protoTCP, tcp(pbx, twilio, 0, flagRST|flagACK, nil)),
	)
	c, err := Read(file)
	if err != nil {
		t.Fatal(err)
	}
	want := []Unreachable{
		{Packet: 2, Time: t0.Add(20 * time.Millisecond), Proto: "udp", From: twilio, To: pbx},
		{Packet: 4, Time: t0.Add(60 * time.Millisecond), Proto: "tcp", From: twilio, To: pbx},
	}
	if !reflect.DeepEqual(c.Unreachable, want) {
		t.Errorf("got %+v", c.Unreachable)
	}
}

// TestTLSHello: a TLS 1.3 client hello (supported_versions with a GREASE
// value) and a TLS 1.1 server hello on port 5061.
func TestTLSHello(t *testing.T) {
	tlsPort := netip.AddrPortFrom(pbx.Addr(), 5061)
	record := func(typ byte, body []byte) []byte {
		hs := append([]byte{typ, 0, byte(len(body) >> 8), byte(len(body))}, body...)
		return append([]byte{0x16, 3, 1, byte(len(hs) >> 8), byte(len(hs))}, hs...)
	}
	client := append([]byte{3, 3}, make([]byte, 32)...)
	client = append(client, 0, 0, 2, 0x13, 0x01, 1, 0)
	ext := []byte{0, 43, 0, 5, 4, 0x1a, 0x1a, 3, 4}
	client = append(client, 0, byte(len(ext)))
	client = append(client, ext...)
	server := append([]byte{3, 2}, make([]byte, 32)...)
	server = append(server, 0, 0, 0x2f, 0)
	file := pcapFileOf(101,
		ipv4(twilio.Addr(), pbx.Addr(), protoTCP, tcp(twilio, tlsPort, 1, flagACK, record(1, client))),
		ipv4(pbx.Addr(), twilio.Addr(), protoTCP, tcp(tlsPort, twilio, 1, flagACK, record(2, server))),
	)
	c, err := Read(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.TLS) != 1 || c.TLS[0].Offered != "TLS 1.3" || c.TLS[0].Chosen != "TLS 1.1" || c.TLS[0].Server != tlsPort {
		t.Errorf("%+v", c.TLS)
	}
}

// TestChunks: fed one byte at a time, or in odd chunks, the reader reads
// what it reads in one call, and Done counts every byte.
func TestChunks(t *testing.T) {
	file := pcapngFileOf(1, ether(udp4(twilio, pbx, invite), false), ether(udp4(pbx, twilio, ok200), false))
	whole, err := Read(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{1, 7, 100} {
		r := NewReader()
		for i := 0; i < len(file); i += size {
			if _, err := r.Write(file[i:min(i+size, len(file))]); err != nil {
				t.Fatal(err)
			}
		}
		if r.Done() != int64(len(file)) {
			t.Errorf("chunks of %d: done %d of %d", size, r.Done(), len(file))
		}
		if got := r.Close(); !reflect.DeepEqual(got, whole) {
			t.Errorf("chunks of %d: %+v, want %+v", size, got, whole)
		}
	}
}

// TestBadFiles: what is not a capture, or is cut or corrupt, says so and
// keeps what came before.
func TestBadFiles(t *testing.T) {
	good := pcapFileOf(101, udp4(twilio, pbx, invite), udp4(pbx, twilio, ok200))
	if _, err := Read([]byte("INVITE sip:a@b SIP/2.0\r\n")); !errors.Is(err, ErrNotCapture) {
		t.Errorf("text: %v", err)
	}
	if c, err := Read(nil); err != nil || c.Packets != 0 {
		t.Errorf("empty: %v %+v", err, c)
	}
	c, err := Read(good[:len(good)-5])
	if err != nil || c.Packets != 1 || len(c.Problems) != 1 || !strings.Contains(c.Problems[0], "truncated at byte") {
		t.Errorf("truncated: %v %+v", err, c)
	}
	bad := bytes.Clone(good)
	copy(bad[24+16+len(udp4(twilio, pbx, invite))+8:], []byte{0xff, 0xff, 0xff, 0x7f})
	c, err = Read(bad)
	if err == nil || !strings.Contains(err.Error(), "corrupt capture at byte") || c.Packets != 1 || !strings.Contains(c.Problems[0], "claims") {
		t.Errorf("corrupt: %v %+v", err, c)
	}
	c, _ = Read(pcapFileOf(147, []byte("whatever")))
	if len(c.Problems) != 1 || !strings.Contains(c.Problems[0], "link type 147") {
		t.Errorf("unknown link: %+v", c.Problems)
	}
}

func TestLooksLikeSIP(t *testing.T) {
	for s, want := range map[string]bool{
		invite:                         true,
		ok200:                          true,
		"SIP/2.0 4":                    false,
		"OPTIONS sips:x SIP/2.0\r\n":   true,
		"INVITE http://x SIP/2.0\r\n":  false,
		"GET / HTTP/1.1\r\n":           false,
		"INVITE sip:a@b HTTP/1.1\r\n":  false,
		"BYE tel:+1555 SIP/2.0\r\n":    true,
		"invite sip:a@b SIP/2.0\r\n":   false,
		"\x80\x00rtp":                  false,
		"SIP/2.0 100 Trying\r\nVia: x": true,
	} {
		if LooksLikeSIP(s) != want {
			t.Errorf("%q: want %v", s, want)
		}
	}
}

// FuzzLooksLikeSIP: LooksLikeSIP reads no more than startLineRead bytes,
// so a line of any length costs the same, and its bytes twin agrees.
func FuzzLooksLikeSIP(f *testing.F) {
	f.Add(invite)
	f.Add("INVITE sip:" + strings.Repeat("a", 200))
	f.Add("SUBSCRIBE sips:x" + strings.Repeat(" ", 79) + "SIP/2.0")
	f.Fuzz(func(t *testing.T, s string) {
		if got := LooksLikeSIP(s); got != LooksLikeSIP(s[:min(len(s), startLineRead)]) || got != looksLikeSIP([]byte(s)) {
			t.Fatalf("%q: %v on the whole, not on its first %d bytes", s, got, startLineRead)
		}
	})
}

// FuzzRead: any bytes, in any chunks, read without a panic, and the same
// whether fed whole or split.
func FuzzRead(f *testing.F) {
	f.Add(pcapFileOf(1, ether(udp4(twilio, pbx, invite), true)), 3)
	f.Add(pcapngFileOf(276, sll2(udp4(twilio, pbx, ok200))), 10)
	f.Add(pcapFileOf(101, ipv6(v6a.Addr(), v6b.Addr(), protoTCP, tcp(v6a, v6b, 1, flagACK, []byte(invite)))), 1)
	f.Add([]byte("\xd4\xc3\xb2\xa1garbage"), 2)
	f.Fuzz(func(t *testing.T, data []byte, split int) {
		whole, errWhole := Read(data)
		r := NewReader()
		split = 1 + abs(split)%64
		var err error
		for i := 0; i < len(data) && err == nil; i += split {
			_, err = r.Write(data[i:min(i+split, len(data))])
		}
		parts := r.Close()
		if (err == nil) != (errWhole == nil) || parts.Packets != whole.Packets || len(parts.Messages) != len(whole.Messages) {
			t.Fatalf("whole %v %d packets %d messages; in chunks of %d: %v %d %d", errWhole, whole.Packets, len(whole.Messages), split, err, parts.Packets, len(parts.Messages))
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestLimitKeepsCallsWhole: past the message limit, a call already kept
// keeps its later messages (else it would read as unanswered), and a new
// call's are counted, not kept.
func TestLimitKeepsCallsWhole(t *testing.T) {
	msg := func(start, id string) []byte {
		return udp4(twilio, pbx, start+"\r\nVia: SIP/2.0/UDP x\r\nCall-ID: "+id+"\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n")
	}
	var frames [][]byte
	for i := range maxMessages - 1 {
		frames = append(frames, msg("OPTIONS sip:pbx SIP/2.0", fmt.Sprint("ping-", i)))
	}
	frames = append(frames, msg("INVITE sip:a@pbx SIP/2.0", "last"), msg("SIP/2.0 200 OK", "last"), msg("INVITE sip:b@pbx SIP/2.0", "new"))
	c, err := Read(pcapFileOf(101, frames...))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Messages); n != maxMessages+1 || !strings.HasPrefix(string(c.Messages[n-1].Data), "SIP/2.0 200 OK") {
		t.Errorf("%d messages kept, the last %.20q", n, c.Messages[n-1].Data)
	}
	if len(c.Problems) != 1 || !strings.HasPrefix(c.Problems[0], "1 SIP messages of calls past the first 20000") {
		t.Errorf("%q", c.Problems)
	}
}
