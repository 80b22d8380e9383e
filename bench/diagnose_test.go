//go:build bench && !wasm

package bench

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"sipcompose/internal/evidencegen"
)

// captureMB is the size of the capture TestDiagnoseCapture diagnoses.
const captureMB = 50

// TestDiagnoseCapture times `sipcompose diagnose` on a 50 MB capture: a
// recorded answered call (SIP over UDP and RTP both ways, from the
// real-traffic test) repeated until 50 MB (evidencegen.BigCapture). It
// records the time per MB and the peak memory of the CLI.
func TestDiagnoseCapture(t *testing.T) {
	bin, err := filepath.Abs(filepath.Join("..", "bin", "sipcompose"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("%v: run make build first", err)
	}
	path := filepath.Join(t.TempDir(), "big.pcap")
	size := evidencegen.BigCapture(t, path, captureMB<<20)
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
