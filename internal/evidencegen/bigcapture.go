package evidencegen

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BigCapture writes into path the recorded answered call (SIP over UDP
// and RTP both ways, from the real-traffic test) again and again until the
// file holds size bytes, each copy a call of its own (its Call-ID
// renumbered) a second after the last, and returns the file's size: a
// large capture as a busy PBX records it, for the benchmarks and the
// page's test of reading one.
func BigCapture(t testing.TB, path string, size int64) int64 {
	t.Helper()
	call, err := os.ReadFile(filepath.Join(repoRoot(t), "sipcompose", "diagnose", "testdata", "live", "healthy.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	callID := callIDDigits(t, call)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	w.Write(call[:24])
	written := int64(24)
	for copyN := 0; written < size; copyN++ {
		id := []byte(fmt.Sprintf("%0*d", len(callID), copyN%100_000))
		for off := 24; off+16 <= len(call); {
			n := int(binary.LittleEndian.Uint32(call[off+8:]))
			rec := bytes.Clone(call[off : off+16+n])
			binary.LittleEndian.PutUint32(rec, binary.LittleEndian.Uint32(rec)+uint32(copyN))
			rec = bytes.ReplaceAll(rec, callID, id)
			w.Write(rec)
			written += int64(len(rec))
			off += 16 + n
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return written
}

// callIDDigits finds the number in the recorded call's Call-ID
// ("Call-ID: 1-17231@..."), which each copy replaces with one of the same
// width, so no length in the packets changes.
func callIDDigits(t testing.TB, call []byte) []byte {
	i := bytes.Index(call, []byte("Call-ID: 1-"))
	if i < 0 || binary.LittleEndian.Uint32(call) != 0xa1b2c3d4 {
		t.Fatal("the recorded call is not a little-endian pcap with a SIPp Call-ID")
	}
	rest := call[i+len("Call-ID: 1-"):]
	return rest[:bytes.IndexByte(rest, '@')]
}
