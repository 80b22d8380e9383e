//go:build bench && !wasm

package bench

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// captureMB is the size of the capture TestDiagnoseCapture diagnoses.
const captureMB = 50

// TestDiagnoseCapture times `sipcompose diagnose` on a 50 MB capture: a
// recorded answered call (SIP over UDP and RTP both ways, from the
// real-traffic test) repeated until 50 MB, each copy a call of its own
// (its Call-ID renumbered) a second after the last. It records the time
// per MB and the peak memory of the CLI.
func TestDiagnoseCapture(t *testing.T) {
	bin, err := filepath.Abs(filepath.Join("..", "bin", "sipcompose"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("%v: run make build first", err)
	}
	path := filepath.Join(t.TempDir(), "big.pcap")
	size := bigCapture(t, path)
	var perMB, rss []float64
	for range 3 {
		cmd := exec.Command(bin, "diagnose", "-format", "json", path)
		var out bytes.Buffer
		cmd.Stdout = &out
		start := time.Now()
		err := cmd.Run()
		elapsed := time.Since(start)
		if code := cmd.ProcessState.ExitCode(); code > 1 || err != nil && code != 1 {
			t.Fatalf("diagnose: %v\n%s", err, out.String())
		}
		if !bytes.Contains(out.Bytes(), []byte(`"capture: pcap`)) {
			t.Fatalf("the capture was not read:\n%.2000s", out.String())
		}
		perMB = append(perMB, float64(elapsed.Milliseconds())/(float64(size)/(1<<20)))
		rss = append(rss, float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)/1024)
	}
	record(t, "diagnose_capture_ms_per_mb", perMB)
	record(t, "diagnose_capture_maxrss_mb", rss)
}

// bigCapture writes the recorded healthy call again and again into path
// until it holds captureMB megabytes, and returns its size.
func bigCapture(t *testing.T, path string) int64 {
	call, err := os.ReadFile(filepath.Join("..", "sipcompose", "diagnose", "testdata", "live", "healthy.pcap"))
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
	for copyN := 0; written < captureMB<<20; copyN++ {
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
func callIDDigits(t *testing.T, call []byte) []byte {
	i := bytes.Index(call, []byte("Call-ID: 1-"))
	if i < 0 || binary.LittleEndian.Uint32(call) != 0xa1b2c3d4 {
		t.Fatal("the recorded call is not a little-endian pcap with a SIPp Call-ID")
	}
	rest := call[i+len("Call-ID: 1-"):]
	return rest[:bytes.IndexByte(rest, '@')]
}
