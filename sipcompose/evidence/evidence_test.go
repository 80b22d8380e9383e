package evidence

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emiago/sipgo/sip"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// report is what Read made of the inputs, as a person reads it: what
// was read, the timelines, codes, params and log lines.
func report(ev Evidence) string {
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
			ev := Read(Input{Name: name, Data: data})
			if !ev.Readable() {
				t.Errorf("nothing read: %+v", ev.Read)
			}
			golden(t, name, report(ev))
			for _, m := range ev.Messages {
				SipgoAgrees(t, m)
			}
		})
	}
}

// SipgoAgrees parses the message as read with sipgo's parser, another SIP
// stack, and checks it reads the same start line, headers and body.
func SipgoAgrees(t testing.TB, m Message) {
	t.Helper()
	raw := strings.ReplaceAll(strings.ReplaceAll(m.Raw, "\r\n", "\n"), "\n", "\r\n")
	if !strings.Contains(raw, "\r\n\r\n") {
		raw += "\r\n\r\n"
	}
	parsed, err := sip.ParseMessage([]byte(raw))
	if err != nil {
		t.Fatalf("%s: sipgo cannot parse it: %v\n%s", m.Ref, err, raw)
	}
	var headers []sip.Header
	switch p := parsed.(type) {
	case *sip.Request:
		headers = p.Headers()
		if string(p.Method) != m.Method || p.Recipient.String() == "" {
			t.Errorf("%s: sipgo reads %s %s, we %s %s", m.Ref, p.Method, p.Recipient.String(), m.Method, m.URI)
		}
	case *sip.Response:
		headers = p.Headers()
		if p.StatusCode != m.Status || p.Reason != m.Reason {
			t.Errorf("%s: sipgo reads %d %q, we %d %q", m.Ref, p.StatusCode, p.Reason, m.Status, m.Reason)
		}
	}
	if cid := parsed.CallID(); cid == nil || cid.Value() != m.CallID() {
		t.Errorf("%s: sipgo reads Call-ID %v, we %q", m.Ref, cid, m.CallID())
	}
	if cs := parsed.CSeq(); cs != nil {
		n, method := m.CSeq()
		if int(cs.SeqNo) != n || string(cs.MethodName) != method {
			t.Errorf("%s: sipgo reads CSeq %v, we %d %s", m.Ref, cs, n, method)
		}
	}
	if len(headers) != len(m.Headers) {
		t.Errorf("%s: sipgo reads %d header lines, we %d", m.Ref, len(headers), len(m.Headers))
	} else {
		for i, h := range headers {
			if canonical(h.Name()) != canonical(m.Headers[i].Name) {
				t.Errorf("%s: header %d: sipgo reads %s, we %s", m.Ref, i, h.Name(), m.Headers[i].Name)
			}
		}
	}
	if string(parsed.Body()) != m.Body {
		t.Errorf("%s: sipgo reads body %q, we %q", m.Ref, parsed.Body(), m.Body)
	}
}
