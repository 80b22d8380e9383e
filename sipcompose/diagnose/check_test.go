package diagnose

import (
	"fmt"
	"strings"
	"testing"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/evidence"
)

// The scenarios below are sngrep-style text of a call: Twilio's INVITE as
// Compose previews it for the document, then the PBX's answers as a
// broken PBX sends them. The real-traffic tests (cli/diagnose_live_test.go)
// and the recorded captures (TestRecorded) cover the same classes on the
// wire.

const twilioAddr, pbxAddr = "54.172.60.0:5060", "203.0.113.10:5060"

var baseDoc = sipcompose.Document{Targets: []sipcompose.Target{{
	User: "+14158675309", Host: "pbx.example.com",
	Headers: []sipcompose.Header{{Name: "X-Case", Value: "A-1,b"}},
	UUI:     sipcompose.UUI{Data: "0A1B"},
}}}

// invite is the document's INVITE preview.
func invite(t *testing.T, doc sipcompose.Document) string {
	t.Helper()
	r := sipcompose.Compose(doc)
	if len(r.Invites) == 0 || r.Invites[0].Message == "" {
		t.Fatalf("no INVITE preview: %+v", r.Diagnostics)
	}
	return r.Invites[0].Message
}

// msg is one message in sngrep's text form, at second s.
func msg(s float64, from, to, text string) string {
	return fmt.Sprintf("2026/03/01 12:00:%06.3f %s -> %s\n%s\n", s, from, to, strings.TrimRight(strings.ReplaceAll(text, "\r\n", "\n"), "\n"))
}

// resp is the PBX's response to the preview's INVITE.
func resp(status int, reason string, extra ...string) string {
	h := []string{
		fmt.Sprintf("SIP/2.0 %d %s", status, reason),
		"Via: SIP/2.0/UDP 54.172.60.0:5060;branch=z9hG4bKplaceholder;received=54.172.60.0",
		`From: "caller" <sip:caller@sip.twilio.com>;tag=placeholder`,
		"To: <sip:+14158675309@pbx.example.com>;tag=pbx1",
		"Call-ID: placeholder@0.0.0.0",
		"CSeq: 102 INVITE",
	}
	body := ""
	for _, e := range extra {
		if strings.HasPrefix(e, "v=0") {
			body = e
			continue
		}
		h = append(h, e)
	}
	if body != "" {
		h = append(h, "Content-Type: application/sdp")
	}
	h = append(h, fmt.Sprintf("Content-Length: %d", len(strings.ReplaceAll(body, "\n", "\r\n"))), "")
	return strings.Join(h, "\n") + "\n" + body
}

func answerSDP(addr string, port int, proto string, formats ...string) string {
	return fmt.Sprintf("v=0\no=- 1 1 IN IP4 %s\ns=pbx\nc=IN IP4 %s\nt=0 0\nm=audio %d %s %s\n", addr, addr, port, proto, strings.Join(formats, " "))
}

func check(t *testing.T, doc *sipcompose.Document, texts ...string) Report {
	t.Helper()
	var in []evidence.Input
	for i, text := range texts {
		in = append(in, evidence.Input{Name: fmt.Sprintf("paste%d", i+1), Data: []byte(text)})
	}
	return Check(evidence.Read(in...), doc)
}

// finding is the report's finding of code, failing the test when there
// is none.
func finding(t *testing.T, r Report, code string) Finding {
	t.Helper()
	for _, f := range r.Findings {
		if f.Code == code {
			return f
		}
	}
	t.Fatalf("no %s finding in:\n%s", code, r.Text())
	return Finding{}
}

func TestClasses(t *testing.T) {
	inv := invite(t, baseDoc)
	withCreds := strings.Replace(inv, "CSeq: 102 INVITE", "CSeq: 103 INVITE\r\nProxy-Authorization: Digest username=\"trunk\", realm=\"pbx\"", 1)
	doc := baseDoc
	docCreds := baseDoc.Clone()
	docCreds.Targets[0].Username, docCreds.Targets[0].Password = "trunk", "x"
	frankfurt := baseDoc.Clone()
	frankfurt.Targets[0].Edge = "frankfurt"
	withHeader := baseDoc.Clone()
	withHeader.Targets[0].Headers = append(withHeader.Targets[0].Headers, sipcompose.Header{Name: "X-Account", Value: "42"})
	tls := baseDoc.Clone()
	tls.Targets[0].Transport = "tls"
	big := baseDoc.Clone()
	big.Targets[0].Headers = []sipcompose.Header{{Name: "X-Big", Value: strings.Repeat("a", 700)}}

	tests := []struct {
		name, code, field string
		doc               *sipcompose.Document
		text              string
		severity          sipcompose.Severity
	}{
		{"407, no username", "auth-challenge-no-credentials", "targets[0].username", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(407, "Proxy Authentication Required", `Proxy-Authenticate: Digest realm="pbx", nonce="1"`)), "error"},
		{"407 without a document", "auth-challenge-no-credentials", "", nil,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(407, "Proxy Authentication Required")), "error"},
		{"403 to the first INVITE", "auth-rejected", "", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(403, "Forbidden")), "error"},
		{"403 to the credentials", "auth-rejected", "targets[0].password", &docCreds,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(407, "Proxy Authentication Required")) +
				msg(0.02, twilioAddr, pbxAddr, withCreds) + msg(0.03, pbxAddr, twilioAddr, strings.Replace(resp(403, "Forbidden"), "102 INVITE", "103 INVITE", 1)), "error"},
		{"488", "codec-mismatch", "targets[0].secure", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(488, "Not Acceptable Here")), "error"},
		{"200 with G.729 only", "codec-mismatch", "", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(200, "OK", "Contact: <sip:pbx@203.0.113.10>", answerSDP("203.0.113.10", 20000, "RTP/AVP", "18"))), "error"},
		{"private c=", "sdp-private-address", "", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(200, "OK", "Contact: <sip:pbx@203.0.113.10>", answerSDP("192.168.1.20", 20000, "RTP/AVP", "0"))), "error"},
		{"private Contact, 200 resent, BYE at 32 s", "contact-private", "", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(200, "OK", "Contact: <sip:pbx@172.17.0.2:5060>", answerSDP("203.0.113.10", 20000, "RTP/AVP", "0"))) +
				msg(0.51, pbxAddr, twilioAddr, resp(200, "OK", "Contact: <sip:pbx@172.17.0.2:5060>", answerSDP("203.0.113.10", 20000, "RTP/AVP", "0"))) +
				msg(32.01, pbxAddr, twilioAddr, "BYE sip:caller@10.0.0.1 SIP/2.0\nVia: SIP/2.0/UDP 203.0.113.10\nCall-ID: placeholder@0.0.0.0\nCSeq: 1 BYE\nContent-Length: 0\n"), "error"},
		{"no answer at all", "source-not-allowed", "", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.5, twilioAddr, pbxAddr, inv) + msg(1.5, twilioAddr, pbxAddr, inv), "error"},
		{"rings, then CANCEL and 487", "no-final-response", "dial.timeout", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(180, "Ringing")) +
				msg(35, twilioAddr, pbxAddr, "CANCEL sip:+14158675309@pbx.example.com SIP/2.0\nVia: SIP/2.0/UDP 54.172.60.0:5060;branch=z9hG4bKplaceholder\nCall-ID: placeholder@0.0.0.0\nCSeq: 102 CANCEL\nContent-Length: 0\n") +
				msg(35.01, pbxAddr, twilioAddr, resp(487, "Request Terminated")), "error"},
		{"rings for 35 s, no final response, no CANCEL", "no-final-response", "dial.timeout", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(180, "Ringing")) + msg(35, pbxAddr, twilioAddr, resp(180, "Ringing")), "error"},
		{"404", "destination-not-found", "targets[0].user", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(404, "Not Found")), "error"},
		{"422", "session-timer", "", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(422, "Session Interval Too Small", "Min-SE: 1800")), "error"},
		{"503 with a reason", "endpoint-rejected", "", &doc,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(503, "Service Unavailable", "Reason: Q.850;cause=34;text=\"no circuit\"")), "error"},
		{"callback 486", "endpoint-rejected", "", nil, "DialCallStatus=busy&DialSipResponseCode=486&DialSipHeader_X-Why=trunk+full", "error"},
		{"big INVITE over UDP", "udp-too-large", "targets[0].transport", &big,
			msg(0, twilioAddr, pbxAddr, invite(t, big)) + msg(0.01, pbxAddr, twilioAddr, resp(100, "Trying")), "warning"},
		{"from ashburn, document says frankfurt", "edge-mismatch", "targets[0].edge", &frankfurt,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(403, "Forbidden")), "error"},
		{"a header missing", "header-lost", "targets[0].headers[1].name", &withHeader,
			msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(100, "Trying")), "error"},
		{"a header still encoded", "header-lost", "targets[0].headers[0].value", &doc,
			msg(0, twilioAddr, pbxAddr, strings.Replace(inv, "X-Case: A-1,b", "X-Case: A%2D1%2Cb", 1)), "error"},
		{"a header cut", "header-lost", "targets[0].uui.data", &doc,
			msg(0, twilioAddr, pbxAddr, strings.Replace(inv, "User-to-User: 0A1B;encoding=hex", "User-to-User: 0A1B", 1)), "error"},
		{"UDP where the document says TLS", "transport-mismatch", "targets[0].transport", &tls,
			msg(0, twilioAddr, pbxAddr, inv), "warning"},
		{"SIP dialing off", "twilio-policy", "", nil, "Error 13246: Dial: SIP dialing not enabled for this account", "error"},
		{"callback 408", "source-not-allowed", "", nil, "DialCallStatus: failed\nDialSipResponseCode: 408\n", "warning"},
		{"Asterisk knows no endpoint for Twilio", "source-not-allowed", "", nil,
			"[2026-03-01 12:00:00] NOTICE[2101] res_pjsip/pjsip_distributor.c: Request 'INVITE' from '<sip:caller@sip.twilio.com>' failed for '54.172.60.0:5060' (callid: x@0.0.0.0) - No matching endpoint found\n", "error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := check(t, tc.doc, tc.text)
			f := finding(t, r, tc.code)
			if tc.field != "" && f.Field != tc.field || tc.field == "" && tc.doc == nil && f.Field != "" {
				t.Errorf("field %q, want %q", f.Field, tc.field)
			}
			if string(f.Severity) != string(tc.severity) || f.Message == "" || f.Fix == "" || len(f.Evidence) == 0 {
				t.Errorf("%+v", f)
			}
			if r.Faults() == 0 {
				t.Errorf("no fault counted")
			}
		})
	}
}

// TestCodeAlone: a Twilio code alone gives its meaning and causes; with a
// 407 beside it, the auth cause is confirmed and a firewall ruled out.
func TestCodeAlone(t *testing.T) {
	r := check(t, nil, "32011\n")
	if len(r.Codes) != 1 || !r.Codes[0].Known || r.Codes[0].Level != "WARNING" || len(r.Codes[0].Causes) != 8 {
		t.Fatalf("%+v", r.Codes)
	}
	for _, c := range r.Codes[0].Causes {
		if c.Status != "possible" {
			t.Errorf("alone, %q is %s", c.Text, c.Status)
		}
	}
	if r.Faults() != 1 {
		t.Errorf("faults %d", r.Faults())
	}
	r = check(t, nil, "32011\n", "DialSipResponseCode=407")
	causes := r.Codes[0].Causes
	if causes[0].Check != "auth-challenge-no-credentials" || causes[0].Status != "confirmed" {
		t.Errorf("first cause %+v", causes[0])
	}
	if last := causes[len(causes)-1]; last.Status != "ruled out" {
		t.Errorf("last cause %+v", last)
	}
	for _, n := range []string{"31486", "64001", "32107"} {
		r := check(t, nil, n+"\n")
		if len(r.Codes) != 1 || r.Codes[0].Known {
			t.Errorf("%s: %+v", n, r.Codes)
		}
	}
}

// TestHealthyCall: a call that works has no fault.
func TestHealthyCall(t *testing.T) {
	inv := invite(t, baseDoc)
	text := msg(0, twilioAddr, pbxAddr, inv) + msg(0.01, pbxAddr, twilioAddr, resp(200, "OK", "Contact: <sip:pbx@203.0.113.10>", answerSDP("203.0.113.10", 20000, "RTP/AVP", "0", "101"))) +
		msg(0.05, twilioAddr, pbxAddr, "ACK sip:pbx@203.0.113.10 SIP/2.0\nVia: SIP/2.0/UDP 54.172.60.0:5060;branch=z9hG4bK2\nCall-ID: placeholder@0.0.0.0\nCSeq: 102 ACK\nContent-Length: 0\n")
	r := check(t, &baseDoc, text)
	if r.Faults() != 0 || r.Summary() != "No fault found." {
		t.Errorf("faults in a healthy call:\n%s", r.Text())
	}
}

// TestEvidenceEndingEarly: a trace that ends 0.1 s after the PBX rang
// shows no final response because it ends, not because the PBX sent none:
// Diagnose says so, and counts no fault.
func TestEvidenceEndingEarly(t *testing.T) {
	r := check(t, &baseDoc, msg(0, twilioAddr, pbxAddr, invite(t, baseDoc))+msg(0.1, pbxAddr, twilioAddr, resp(180, "Ringing")))
	f := finding(t, r, "no-final-response")
	want := "The PBX answered 180 Ringing, and the evidence ends 0.1 s after the INVITE, before any final response or CANCEL"
	if f.Severity != sipcompose.SeverityInfo || !strings.HasPrefix(f.Message, want) || !strings.Contains(f.Fix, "at least 30 s after the INVITE") {
		t.Errorf("%+v", f)
	}
	if r.Faults() != 0 {
		t.Errorf("%d faults:\n%s", r.Faults(), r.Text())
	}
	// Twilio's callback saying 487 tells how the call ended.
	r = check(t, &baseDoc, msg(0, twilioAddr, pbxAddr, invite(t, baseDoc))+msg(0.1, pbxAddr, twilioAddr, resp(180, "Ringing")), "DialCallStatus=no-answer&DialSipResponseCode=487")
	if f := finding(t, r, "no-final-response"); f.Severity != sipcompose.SeverityError {
		t.Errorf("with the callback's 487: %+v", f)
	}
}
