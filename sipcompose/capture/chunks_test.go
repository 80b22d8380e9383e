package capture

import (
	"bytes"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The page reads a capture from a file picker a slice at a time
// (Blob.slice), feeding each 256 KB chunk to Reader.Write and yielding to
// the browser between chunks. A chunk must take a small time however far
// into the file it is, and the reader's memory must not grow with the
// file: these captures are the cases that could make it.

// chunk is the slice the page reads at a time.
const chunk = 256 << 10

// pageFileSize is the capture the page's benchmark reads.
const pageFileSize = 10 << 20

// pageCaptures are 10 MB captures, from a real one to the reader's worst
// cases: each a name and its file.
func pageCaptures(t testing.TB) []struct {
	name string
	file []byte
} {
	call, err := os.ReadFile(filepath.Join("..", "diagnose", "testdata", "live", "healthy.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	var calls bytes.Buffer
	calls.Write(call[:24])
	for calls.Len() < pageFileSize {
		calls.Write(call[24:])
	}
	// One TCP stream of 1-byte segments: a SIP message whose headers
	// never end, then one whose body (a large Content-Length) comes a
	// byte at a time.
	headers := "INVITE sip:a@pbx SIP/2.0\r\nCall-ID: 1\r\nX-Long: " + strings.Repeat("a", maxStreamBuf)
	body := "INVITE sip:a@pbx SIP/2.0\r\nCall-ID: 2\r\nContent-Length: 200000\r\n\r\n" + strings.Repeat("b", 200_000)
	var segments [][]byte
	for seq, s := uint32(0), headers+body; len(segments)*(16+14+20+20+1) < pageFileSize; seq++ {
		segments = append(segments, ether(ipv4(twilio.Addr(), pbx.Addr(), protoTCP, tcp(twilio, pbx, 1000+seq, flagACK, []byte{s[int(seq)%len(s)]})), false))
	}
	// IPv4 fragments of 8 bytes, the last of each 64 KB datagram first,
	// so that every fragment after it finds the datagram still short.
	var fragments [][]byte
	for id := uint16(1); len(fragments)*(16+14+20+8) < pageFileSize; id++ {
		const size = 65_000
		fragments = append(fragments, ether(ipv4Frag(twilio.Addr(), pbx.Addr(), protoUDP, id, size-8, false, make([]byte, 8)), false))
		for off := 0; off < size-8; off += 8 {
			fragments = append(fragments, ether(ipv4Frag(twilio.Addr(), pbx.Addr(), protoUDP, id, off, true, make([]byte, 8)), false))
		}
	}
	// TCP streams, as many as the reader keeps, each holding what could
	// be the start of a SIP message.
	var streams [][]byte
	for i := 0; len(streams)*(16+14+20+20+1400) < pageFileSize; i++ {
		from := netip.AddrPortFrom(netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}), 5060)
		payload := []byte("INVITE sip:a@pbx SIP/2.0\r\nX: " + strings.Repeat("c", 1370))
		streams = append(streams, ether(ipv4(from.Addr(), pbx.Addr(), protoTCP, tcp(from, pbx, 1, flagACK, payload)), false))
	}
	return []struct {
		name string
		file []byte
	}{
		{"recorded calls", calls.Bytes()},
		{"TCP 1-byte segments", pcapFileOf(1, segments...)},
		{"IP fragments last first", pcapFileOf(1, fragments...)},
		{"many TCP streams", pcapFileOf(1, streams...)},
	}
}

// TestChunksReadAsWhole: each page capture reads the same fed in 256 KB
// chunks as whole.
func TestChunksReadAsWhole(t *testing.T) {
	for _, c := range pageCaptures(t) {
		whole, err := Read(c.file)
		if err != nil {
			t.Fatal(err)
		}
		r := NewReader()
		for off := 0; off < len(c.file); off += chunk {
			if _, err := r.Write(c.file[off:min(off+chunk, len(c.file))]); err != nil {
				t.Fatal(err)
			}
		}
		if r.Done() != int64(len(c.file)) {
			t.Errorf("%s: Done %d of %d bytes", c.name, r.Done(), len(c.file))
		}
		if parts := r.Close(); !reflect.DeepEqual(parts, whole) {
			t.Errorf("%s: in chunks %d packets, %d messages, %q; whole %d, %d, %q", c.name, parts.Packets, len(parts.Messages), parts.Problems, whole.Packets, len(whole.Messages), whole.Problems)
		}
	}
}

// BenchmarkPageChunks reads each page capture as the page does, in 256 KB
// chunks, and reports the slowest chunk's time and the most memory the
// reader held (the live heap after every eighth chunk, less before the
// file): `go test -run '^$' -bench PageChunks -benchtime 3x
// ./sipcompose/capture/`.
func BenchmarkPageChunks(b *testing.B) {
	for _, c := range pageCaptures(b) {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.file)))
			var slowest time.Duration
			var most uint64
			var mem runtime.MemStats
			for b.Loop() {
				runtime.GC()
				runtime.ReadMemStats(&mem)
				base := mem.HeapAlloc
				r := NewReader()
				for off := 0; off < len(c.file); off += chunk {
					start := time.Now()
					r.Write(c.file[off:min(off+chunk, len(c.file))])
					slowest = max(slowest, time.Since(start))
					if off/chunk%8 == 7 {
						runtime.GC()
						runtime.ReadMemStats(&mem)
						most = max(most, mem.HeapAlloc-min(base, mem.HeapAlloc))
					}
				}
				r.Close()
			}
			b.ReportMetric(float64(slowest.Microseconds())/1000, "max-ms/chunk")
			b.ReportMetric(float64(most)/(1<<20), "max-heap-MB")
			b.Logf("%s: %d bytes, slowest chunk %v, most heap %.1f MB", c.name, len(c.file), slowest, float64(most)/(1<<20))
		})
	}
}
