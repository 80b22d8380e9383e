package evidence_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sipcompose/sipcompose/evidence"
)

// BenchmarkRead reads a megabyte of each text format (a sample repeated),
// and two texts whose reading once took a time that grew with the square
// of their length (a tcpdump line followed by one line of 256 KB of
// capitals; IP fragments far from the message they carry on):
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
	b.Run("tcpdump fragments far from their message", func(b *testing.B) { read(b, farFragments(10_000)) })
}

// farFragments is tcpdump -A text of a SIP message, n other messages, and
// then n IP fragments that carry on the first: each goes in after the
// first message, which once moved every line after it, n times.
func farFragments(n int) []byte {
	var b strings.Builder
	b.WriteString("12:00:00.000001 IP 1.1.1.1.5060 > 2.2.2.2.5060: SIP\nE..INVITE sip:a@b SIP/2.0\nVia: SIP/2.0/UDP x\nCall-ID: 1\n")
	for i := range n {
		fmt.Fprintf(&b, "12:00:00.%06d IP 3.3.3.%d.5060 > 2.2.2.2.5060: SIP\nE..OPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/UDP x\nCall-ID: o%d\n", i, i%200, i)
	}
	for i := range n {
		fmt.Fprintf(&b, "12:00:01.%06d IP 1.1.1.1 > 2.2.2.2: ip-proto-17\n01234567890123456789X-Pad-%d: a\n", i, i)
	}
	return []byte(b.String())
}

func read(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		evidence.Read(evidence.Input{Name: "paste", Data: data})
	}
}
