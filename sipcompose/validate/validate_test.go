package validate

import (
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/resolve"
)

// one is a document of one target.
func one(tg document.Target) document.Document {
	return document.Document{Targets: []document.Target{tg}}
}

func TestValidate(t *testing.T) {
	ok := document.Target{User: "alice", Host: "pbx.example.com"}
	with := func(f func(*document.Target)) document.Document {
		tg := ok
		f(&tg)
		return one(tg)
	}
	dial := func(f func(*document.Dial)) document.Document {
		d := one(ok)
		f(&d.Dial)
		return d
	}
	eleven := document.Document{}
	for i := 0; i < 11; i++ {
		eleven.Targets = append(eleven.Targets, ok)
	}
	tests := []struct {
		name   string
		doc    document.Document
		code   string
		sev    document.Severity
		field  string
		phrase string
	}{
		{"no targets", document.Document{}, "no-targets", document.SeverityError, "targets", "Add a SIP target"},
		{"eleven targets", eleven, "too-many-targets", document.SeverityError, "targets", "13250"},
		{"two targets", document.Document{Targets: []document.Target{ok, ok}}, "several-targets", document.SeverityInfo, "targets", "Enhanced Programmable SIP"},
		{"header not X-", with(func(t *document.Target) { t.Headers = []document.Header{{Name: "Foo", Value: "1"}} }), "header-name-not-allowed", document.SeverityError, "targets[0].headers[0].name", "X-Foo"},
		{"X-Twilio", with(func(t *document.Target) { t.Headers = []document.Header{{Name: "X-Twilio-Thing", Value: "1"}} }), "header-name-reserved", document.SeverityError, "targets[0].headers[0].name", "32113"},
		{"bad header chars", with(func(t *document.Target) { t.Headers = []document.Header{{Name: "X-a b", Value: "1"}} }), "header-name-invalid", document.SeverityError, "targets[0].headers[0].name", "13252"},
		{"value without name", with(func(t *document.Target) { t.Headers = []document.Header{{Name: "", Value: "1"}} }), "header-name-missing", document.SeverityError, "targets[0].headers[0].name", "no name"},
		{"duplicate header", with(func(t *document.Target) {
			t.Headers = []document.Header{{Name: "X-A", Value: "1"}, {Name: "x-a", Value: "2"}}
		}), "header-duplicate", document.SeverityWarning, "targets[0].headers[1].name", "twice"},
		{"UUI twice", with(func(t *document.Target) {
			t.UUI.Data = "AB"
			t.Headers = []document.Header{{Name: "User-to-User", Value: "CD"}}
		}), "header-duplicate", document.SeverityWarning, "targets[0].headers[0].name", "UUI"},
		{"headers too long", with(func(t *document.Target) {
			t.Headers = []document.Header{{Name: "X-Big", Value: strings.Repeat("a", 1020)}}
		}), "headers-too-long", document.SeverityError, "targets[0].headers", "1024"},
		{"URI too long", with(func(t *document.Target) { t.User = strings.Repeat("u", 250) }), "uri-too-long", document.SeverityError, "targets[0].host", "255"},
		{"long with headers", with(func(t *document.Target) {
			t.Headers = []document.Header{{Name: "X-Big", Value: strings.Repeat("a", 240)}}
		}), "uri-long-with-headers", document.SeverityInfo, "targets[0].headers", "13243"},
		{"UUI not hex", with(func(t *document.Target) { t.UUI.Data = "hello" }), "uui-not-hex", document.SeverityError, "targets[0].uui.data", "32112"},
		{"UUI odd hex", with(func(t *document.Target) { t.UUI.Data = "ABC" }), "uui-hex-odd", document.SeverityWarning, "targets[0].uui.data", "even number"},
		{"UUI other encoding", with(func(t *document.Target) { t.UUI = document.UUI{Data: "x", Encoding: "base64"} }), "uui-encoding-unknown", document.SeverityWarning, "targets[0].uui.encoding", "only encoding=hex"},
		{"edge and region", with(func(t *document.Target) { t.Edge = "dublin"; t.Region = "ie1" }), "edge-and-region", document.SeverityWarning, "targets[0].region", "precedence"},
		{"edge on registered endpoint", with(func(t *document.Target) { t.Host = "alice.sip.twilio.com"; t.Edge = "dublin" }), "edge-ignored-registered", document.SeverityWarning, "targets[0].edge", "ignores the edge"},
		{"edge-specific SIP domain", with(func(t *document.Target) { t.Host = "acme.sip.ashburn.twilio.com" }), "twilio-domain-edge", document.SeverityError, "targets[0].host", "acme.sip.twilio.com"},
		{"us1 SIP domain", with(func(t *document.Target) { t.Host = "acme.sip.us1.twilio.com" }), "twilio-domain-deprecated", document.SeverityWarning, "targets[0].host", "deprecated"},
		{"SIP domain", with(func(t *document.Target) { t.Host = "acme.sip.twilio.com" }), "twilio-sip-domain", document.SeverityInfo, "targets[0].host", "32214"},
		{"unknown edge", with(func(t *document.Target) { t.Edge = "mars" }), "edge-unknown", document.SeverityError, "targets[0].edge", "ashburn, umatilla"},
		{"edge case", with(func(t *document.Target) { t.Edge = "Frankfurt" }), "edge-unknown", document.SeverityError, "targets[0].edge", "write frankfurt"},
		{"region case", with(func(t *document.Target) { t.Region = "DE1" }), "region-unknown", document.SeverityError, "targets[0].region", "write de1 (or better, the edge frankfurt)"},
		{"roaming", with(func(t *document.Target) { t.Edge = "roaming" }), "edge-roaming", document.SeverityError, "targets[0].edge", "not available for SIP"},
		{"san-jose", with(func(t *document.Target) { t.Edge = "san-jose" }), "edge-san-jose", document.SeverityWarning, "targets[0].edge", "umatilla"},
		{"unknown region", with(func(t *document.Target) { t.Region = "xx9" }), "region-unknown", document.SeverityError, "targets[0].region", "us1"},
		{"caller ID", dial(func(d *document.Dial) { d.CallerID = "Support Desk" }), "caller-id-invalid", document.SeverityError, "dial.callerId", "no spaces"},
		{"empty host", with(func(t *document.Target) { t.Host = " " }), "host-missing", document.SeverityError, "targets[0].host", "Enter the host"},
		{"URI in host", with(func(t *document.Target) { t.Host = "sip:bob@example.com" }), "host-invalid", document.SeverityError, "targets[0].host", "paste it into Host"},
		{"bad host", with(func(t *document.Target) { t.Host = "pbx_1.example.com" }), "host-invalid", document.SeverityError, "targets[0].host", "13243"},
		{"bad IPv4", with(func(t *document.Target) { t.Host = "203.0.113.300" }), "host-invalid", document.SeverityError, "targets[0].host", "IPv4"},
		{"short IPv4", with(func(t *document.Target) { t.Host = "10.1" }), "host-invalid", document.SeverityError, "targets[0].host", "IPv4"},
		{"bad IPv6", with(func(t *document.Target) { t.Host = "[2001:db8::zz]" }), "host-invalid", document.SeverityError, "targets[0].host", "IPv6"},
		{"bad port", with(func(t *document.Target) { t.Port = 70000 }), "port-invalid", document.SeverityError, "targets[0].port", "1 to 65535"},
		{"bad transport", with(func(t *document.Target) { t.Transport = "sctp" }), "transport-invalid", document.SeverityError, "targets[0].transport", "udp, tcp or tls"},
		{"secure over udp", with(func(t *document.Target) { t.Secure = true; t.Transport = "udp" }), "secure-without-tls", document.SeverityWarning, "targets[0].transport", "SRTP"},
		{"password only", with(func(t *document.Target) { t.Password = "x" }), "password-without-username", document.SeverityError, "targets[0].username", "21225"},
		{"username only", with(func(t *document.Target) { t.Username = "x" }), "username-without-password", document.SeverityError, "targets[0].password", "21225"},
		{"dial method", dial(func(d *document.Dial) { d.Method = "post" }), "method-invalid", document.SeverityError, "dial.method", "GET or POST"},
		{"sip method", with(func(t *document.Target) { t.StatusCallbackMethod = "PUT" }), "method-invalid", document.SeverityError, "targets[0].statusCallbackMethod", "GET or POST"},
		{"timeout low", dial(func(d *document.Dial) { d.Timeout = 4 }), "timeout-range", document.SeverityError, "dial.timeout", "5 to 600"},
		{"timeout high", dial(func(d *document.Dial) { d.Timeout = 601 }), "timeout-range", document.SeverityError, "dial.timeout", "5 to 600"},
		{"time limit", dial(func(d *document.Dial) { d.TimeLimit = 90000 }), "time-limit-range", document.SeverityError, "dial.timeLimit", "86400"},
		{"long time limit", dial(func(d *document.Dial) { d.TimeLimit = 20000 }), "time-limit-long", document.SeverityWarning, "dial.timeLimit", "24-hour"},
		{"record", dial(func(d *document.Dial) { d.Record = "yes" }), "record-invalid", document.SeverityError, "dial.record", "record-from-answer"},
		{"trim", dial(func(d *document.Dial) { d.Trim = "cut" }), "trim-invalid", document.SeverityError, "dial.trim", "trim-silence"},
		{"ring tone", dial(func(d *document.Dial) { d.RingTone = "xx" }), "ring-tone-invalid", document.SeverityError, "dial.ringTone", "us-old"},
		{"recording track", dial(func(d *document.Dial) { d.RecordingTrack = "left" }), "recording-track-invalid", document.SeverityError, "dial.recordingTrack", "inbound"},
		{"recording event", dial(func(d *document.Dial) { d.RecordingStatusCallbackEvent = []string{"done"} }), "recording-event-invalid", document.SeverityError, "dial.recordingStatusCallbackEvent", "absent"},
		{"status event", with(func(t *document.Target) { t.StatusCallback = "/s"; t.StatusCallbackEvent = []string{"busy"} }), "status-event-invalid", document.SeverityError, "targets[0].statusCallbackEvent", "initiated"},
		{"events without URL", with(func(t *document.Target) { t.StatusCallbackEvent = []string{"ringing"} }), "status-events-without-callback", document.SeverityWarning, "targets[0].statusCallback", "Status callback URL"},
		{"AMD value", with(func(t *document.Target) { t.MachineDetection = "enable" }), "machine-detection-invalid", document.SeverityError, "targets[0].machineDetection", "DetectMessageEnd"},
		{"AMD timeout", with(func(t *document.Target) { t.MachineDetection = "Enable"; t.MachineDetectionTimeout = 2 }), "amd-range", document.SeverityError, "targets[0].machineDetectionTimeout", "3 to 60"},
		{"AMD speech", with(func(t *document.Target) { t.MachineDetection = "Enable"; t.MachineDetectionSpeechThreshold = 999 }), "amd-range", document.SeverityError, "targets[0].machineDetectionSpeechThreshold", "1000 to 6000"},
		{"AMD speech end", with(func(t *document.Target) { t.MachineDetection = "Enable"; t.MachineDetectionSpeechEndThreshold = 5001 }), "amd-range", document.SeverityError, "targets[0].machineDetectionSpeechEndThreshold", "500 to 5000"},
		{"AMD silence", with(func(t *document.Target) { t.MachineDetection = "Enable"; t.MachineDetectionSilenceTimeout = 1 }), "amd-range", document.SeverityError, "targets[0].machineDetectionSilenceTimeout", "2000 to 10000"},
		{"AMD without detection", with(func(t *document.Target) { t.MachineDetectionTimeout = 30 }), "amd-without-detection", document.SeverityWarning, "targets[0].machineDetection", "ignored"},
		{"URL scheme", with(func(t *document.Target) { t.URL = "ftp://example.com/x" }), "url-invalid", document.SeverityError, "targets[0].url", "http and https"},
		{"URL spaces", dial(func(d *document.Dial) { d.Action = "/a b" }), "url-invalid", document.SeverityError, "dial.action", "not a URL"},
		{"URL underscore", with(func(t *document.Target) { t.StatusCallback = "https://my_host.example.com/s" }), "url-host-underscore", document.SeverityError, "targets[0].statusCallback", "underscores"},
		{"control character", with(func(t *document.Target) { t.Headers = []document.Header{{Name: "X-A", Value: "a\r\nb"}} }), "text-control-character", document.SeverityError, "targets[0].headers[0].value", "U+000D"},
		{"invalid UTF-8", dial(func(d *document.Dial) { d.CallerID = "\xff" }), "text-invalid", document.SeverityError, "dial.callerId", "UTF-8"},
		{"REST url and twiml", document.Document{Targets: []document.Target{ok}, REST: document.REST{URL: "/a", TwiML: "<Response/>"}}, "rest-url-and-twiml", document.SeverityWarning, "rest.twiml", "ignores Twiml"},
		{"REST twiml too long", document.Document{Targets: []document.Target{ok}, REST: document.REST{TwiML: strings.Repeat("x", 4001)}}, "rest-twiml-too-long", document.SeverityError, "rest.twiml", "4000"},
		{"user spaces", with(func(t *document.Target) { t.User = "a b" }), "user-invalid", document.SeverityError, "targets[0].user", "spaces"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			diags := validated(tc.doc)
			for _, d := range diags {
				if d.Code == tc.code && d.Field == tc.field {
					if d.Severity != tc.sev {
						t.Errorf("severity %s, want %s", d.Severity, tc.sev)
					}
					if !strings.Contains(d.Message, tc.phrase) {
						t.Errorf("message %q lacks %q", d.Message, tc.phrase)
					}
					return
				}
			}
			t.Errorf("no %s on %s; got %+v", tc.code, tc.field, diags)
		})
	}
}

// The full document has nothing to say but advice; Twilio's documented
// forms only that their hosts, example.com and your.domain, are the docs'
// stand-ins for the customer's.
func TestValidDocumentsHaveNoDiagnostics(t *testing.T) {
	docs := []document.Document{composetest.Full()}
	for _, f := range composetest.TwilioForms {
		docs = append(docs, document.Document{Targets: []document.Target{f.Target}})
	}
	for i, d := range docs {
		for _, diag := range validated(d) {
			docHost := i > 0 && diag.Code == "placeholder" && diag.Field == "targets[0].host"
			if diag.Severity != document.SeverityInfo && diag.Code != "uui-hex-odd" && !docHost {
				t.Errorf("document %d: unexpected %+v", i, diag)
			}
		}
	}
}

func TestDiagnosticsOrder(t *testing.T) {
	tg := func(host, edge string) document.Target { return document.Target{User: "a", Host: host, Edge: edge} }
	var d document.Document
	for i := 0; i < 11; i++ {
		d.Targets = append(d.Targets, tg("ok.example.com", ""))
	}
	d.Targets[10] = tg("", "")
	d.Targets[2] = tg("", "san-jose")
	d.Targets[1] = tg("ok.example.com", "san-jose")
	d.Dial.Timeout = 1
	var got []string
	for _, x := range validated(d) {
		got = append(got, string(x.Severity)+" "+x.Field+" "+x.Code)
	}
	want := []string{
		"error dial.timeout timeout-range",
		"error targets too-many-targets",
		"error targets[2].host host-missing",
		"error targets[10].host host-missing",
		"warning targets[1].edge edge-san-jose",
		"warning targets[2].edge edge-san-jose",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("order:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCompareFields(t *testing.T) {
	sorted := []string{"", "dial.action", "dial.timeout", "rest.twiml", "targets", "targets[0].headers[2].name", "targets[0].headers[10].name", "targets[0].host", "targets[9]", "targets[10]"}
	for i := range sorted {
		for j := range sorted {
			c := compareFields(sorted[i], sorted[j])
			if (i < j && c >= 0) || (i > j && c <= 0) || (i == j && c != 0) {
				t.Errorf("compareFields(%q, %q) = %d", sorted[i], sorted[j], c)
			}
		}
	}
}

// Headers over Twilio's limit are one error, not also advice about the
// URI's length.
func TestHeadersTooLongIsOneFinding(t *testing.T) {
	d := document.Document{Targets: []document.Target{{Host: "h.example.com", Headers: []document.Header{{Name: "X-Big", Value: strings.Repeat("a", 1100)}}}}}
	var codes []string
	for _, x := range validated(d) {
		codes = append(codes, x.Code)
	}
	if strings.Join(codes, " ") != "headers-too-long" {
		t.Errorf("codes %v, want only headers-too-long", codes)
	}
}

// validated is what Compose reports for doc.
func validated(doc document.Document) []document.Diagnostic {
	return Document(doc, resolve.Document(doc))
}
