package evidence_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sipcompose/internal/siptest"
	"sipcompose/sipcompose/evidence"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// report is what Read made of the inputs, as a person reads it: what
// was read, the timelines, codes, params and log lines.
func report(ev evidence.Evidence) string {
	var b strings.Builder
	for _, it := range ev.Read {
		fmt.Fprintf(&b, "read %s: %s\n", it.Source, strings.Join(it.Kinds, "; "))
		for _, p := range it.Problems {
			fmt.Fprintf(&b, "  problem: %s\n", p)
		}
	}
	for _, d := range ev.Dialogs {
		fmt.Fprintf(&b, "dialog %s\n", d.CallID)
		for _, l := range ev.Timeline(d) {
			fmt.Fprintf(&b, "  %s\n", l)
		}
	}
	for _, c := range ev.Codes {
		fmt.Fprintf(&b, "code %d [%s] %s\n", c.Number, c.Ref, c.Text)
	}
	for _, p := range ev.Params {
		fmt.Fprintf(&b, "param %s=%s [%s]\n", p.Name, p.Value, p.Ref)
	}
	for _, l := range ev.Logs {
		fmt.Fprintf(&b, "log %s [%s] %s\n", l.Format, l.Ref, l.Text)
	}
	for _, f := range ev.Flows {
		fmt.Fprintf(&b, "flow %s → %s %d packets rtp=%v pt=%d [%s]\n", f.Src, f.Dst, f.Packets, f.RTP, f.PayloadType, f.Ref)
	}
	for _, r := range ev.Refused {
		fmt.Fprintf(&b, "refused %s %s → %s [%s]\n", r.Proto, r.From, r.To, r.Ref)
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s: got\n%s\nwant\n%s", name, got, want)
	}
}

// TestFormats reads every sample in testdata, one input each, against
// its golden report, and checks each SIP message against sipgo.
func TestFormats(t *testing.T) {
	files, _ := filepath.Glob("testdata/*")
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") || strings.Contains(f, "fuzz") {
			continue
		}
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			ev := evidence.Read(evidence.Input{Name: name, Data: data})
			if !ev.Readable() {
				t.Errorf("nothing read: %+v", ev.Read)
			}
			golden(t, name, report(ev))
			for _, m := range ev.Messages {
				siptest.SipgoAgrees(t, m)
			}
		})
	}
}
