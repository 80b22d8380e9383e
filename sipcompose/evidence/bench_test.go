package evidence_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sipcompose/sipcompose/evidence"
)

// BenchmarkRead reads a megabyte of each text format (a sample repeated),
// and a tcpdump line followed by one line of 256 KB of capitals, which
// once took a time that grew with the square of the line's length:
// `go test -run '^$' -bench Read ./sipcompose/evidence/`.
func BenchmarkRead(b *testing.B) {
	files := []string{"testdata/pjsip.txt", "testdata/sngrep.txt", "testdata/raw.txt", "testdata/freeswitch.txt",
		"../diagnose/testdata/live/healthy.txt", "../diagnose/testdata/live/challenge-407.kamailio.log"}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var paste bytes.Buffer
		for paste.Len() < 1<<20 {
			paste.Write(data)
			paste.WriteString("\n")
		}
		b.Run(filepath.Base(f), func(b *testing.B) { read(b, paste.Bytes()) })
	}
	long := "12:00:00.101234 IP 54.172.60.0.5060 > 203.0.113.10.5060: SIP\n" + strings.Repeat("AB", 128<<10) + "\n"
	b.Run("tcpdump and a long line", func(b *testing.B) { read(b, []byte(long)) })
}

func read(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		evidence.Read(evidence.Input{Name: "paste", Data: data})
	}
}
