package evidence_test

import (
	"strings"
	"testing"

	"sipcompose/sipcompose/evidence"
)

// TestBadInput: what is empty, binary, too large or only looks like SIP
// is named as unreadable, with the reason, and never read as evidence.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name, data, problem string
		readable            bool
	}{
		{"empty", "", "empty: nothing to read", false},
		{"blank", " \n\t\n", "empty: nothing to read", false},
		{"binary", "\x00\x01\x02\xff\xfe junk", "binary data that is no pcap or pcapng capture", false},
		{"prose", "the call failed yesterday, please help\n", "nothing recognised", false},
		{"looks like SIP", "INVITE sip:bob@example.com SIP/2.0\nhello there\nthis is not a header\n", "line 1: a header line without a name and colon", false},
		{"a start line alone", "we got SIP/2.0 404 Not Found back\n", "", true},
		{"truncated capture", "\xd4\xc3\xb2\xa1\x02\x00\x04\x00" + strings.Repeat("\x00", 12) + "\x01\x00\x00\x00" + "\x00\x00\x00\x00\x00\x00\x00\x00\x40\x00\x00\x00\x40\x00\x00\x00E\x00", "truncated", true},
		{"not JSON after all", "{\"call_state\": ", "JSON that cannot be read", false},
		{"JSON of something else", `{"hello": "world"}`, "JSON, but none of Twilio's", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev := evidence.Read(evidence.Input{Name: "in", Data: []byte(tc.data)})
			it := ev.Read[0]
			if it.Readable() != tc.readable {
				t.Errorf("readable %v: %+v", it.Readable(), it)
			}
			if tc.problem != "" && !strings.Contains(strings.Join(it.Problems, "\n"), tc.problem) {
				t.Errorf("problems %q, want %q", it.Problems, tc.problem)
			}
			if len(ev.Messages) != 0 {
				t.Errorf("read messages from it: %+v", ev.Messages)
			}
		})
	}
	big := evidence.Read(evidence.Input{Name: "big.log", Data: []byte(strings.Repeat("x", evidence.MaxText+1))})
	if big.Readable() || !strings.Contains(big.Read[0].Problems[0], "cut it to the call first") {
		t.Errorf("too large: %+v", big.Read)
	}
}

// FuzzRead: any text or bytes read without a panic, and every message
// read has a start line that reads back.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"INVITE sip:a@b SIP/2.0\r\nVia: x\r\nCall-ID: 1\r\nContent-Length: 3\r\n\r\nabc",
		"<--- Received SIP request (10 bytes) from UDP:1.2.3.4:5060 --->\nSIP/2.0 200 OK\nCall-ID: 1\nCSeq: 1 INVITE\n\n",
		"12:00:00.000000 IP 1.2.3.4.5060 > 5.6.7.8.5060: SIP\nE..@..INVITE sip:x SIP/2.0\nVia: a\nCSeq: 1 INVITE\n",
		"DialCallStatus=failed&DialSipResponseCode=407",
		`{"error_code": "32011", "alert_text": "a=b"}`,
		"Error 32011\n13224\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ev := evidence.Read(evidence.Input{Name: "fuzz", Data: data})
		for _, m := range ev.Messages {
			if _, err := evidence.Parse(m.Text()); err != nil {
				t.Fatalf("a message read does not read back: %v\n%q", err, m.Text())
			}
		}
	})
}

// FuzzParse: a SIP message, its SDP and its lists read without a panic;
// what Parse reads, written back, reads the same.
func FuzzParse(f *testing.F) {
	f.Add("INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP x, SIP/2.0/UDP y\r\nCall-ID: 1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n")
	f.Add("SIP/2.0 200 OK\ni: 1\nv: SIP/2.0/UDP h\nm: <sip:a@10.0.0.1>\n l: folded\n\n")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := evidence.Parse(text)
		if err != nil {
			return
		}
		m.SDP()
		m.Values("Via")
		again, err := evidence.Parse(m.Text())
		if err != nil || again.StartLine() != m.StartLine() || len(again.Headers) != len(m.Headers) {
			t.Fatalf("%q reads back as %q (%v)", m.Text(), again.Text(), err)
		}
	})
}
