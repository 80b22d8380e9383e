// Package siptest holds what the tests of Diagnose share: the check that
// sipgo, another SIP stack, reads every SIP message as Diagnose does.
package siptest

import (
	"strings"
	"testing"

	"github.com/emiago/sipgo/sip"

	"sipcompose/sipcompose/evidence"
)

// SipgoAgrees parses the message as read with sipgo's parser, another SIP
// stack, and checks it reads the same start line, headers and body.
func SipgoAgrees(t testing.TB, m evidence.Message) {
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
			if !sameName(h.Name(), m.Headers[i].Name) {
				t.Errorf("%s: header %d: sipgo reads %s, we %s", m.Ref, i, h.Name(), m.Headers[i].Name)
			}
		}
	}
	if string(parsed.Body()) != m.Body {
		t.Errorf("%s: sipgo reads body %q, we %q", m.Ref, parsed.Body(), m.Body)
	}
}

// sameName compares header names as SIP does: in any case, a compact
// form standing for its full name (sipgo spells some out).
func sameName(a, b string) bool {
	full := map[string]string{"i": "call-id", "m": "contact", "e": "content-encoding", "l": "content-length",
		"c": "content-type", "f": "from", "s": "subject", "k": "supported", "t": "to", "v": "via"}
	norm := func(s string) string {
		s = strings.ToLower(s)
		if f, ok := full[s]; ok {
			return f
		}
		return s
	}
	return norm(a) == norm(b)
}
