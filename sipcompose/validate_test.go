package sipcompose

import (
	"strings"
	"testing"

	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/sipuri"
)

func TestValidate(t *testing.T) {
	one := func(tg Target) Document { return Document{Targets: []Target{tg}} }
	ok := Target{User: "alice", Host: "pbx.example.com"}
	with := func(f func(*Target)) Document {
		tg := ok
		f(&tg)
		return one(tg)
	}
	dial := func(f func(*Dial)) Document {
		d := one(ok)
		f(&d.Dial)
		return d
	}
	eleven := Document{}
	for i := 0; i < 11; i++ {
		eleven.Targets = append(eleven.Targets, ok)
	}
	tests := []struct {
		name   string
		doc    Document
		code   string
		sev    Severity
		field  string
		phrase string
	}{
		{"no targets", Document{}, "no-targets", SeverityError, "targets", "Add a SIP target"},
		{"eleven targets", eleven, "too-many-targets", SeverityError, "targets", "13250"},
		{"two targets", Document{Targets: []Target{ok, ok}}, "several-targets", SeverityInfo, "targets", "Enhanced Programmable SIP"},
		{"header not X-", with(func(t *Target) { t.Headers = []Header{{Name: "Foo", Value: "1"}} }), "header-name-not-allowed", SeverityError, "targets[0].headers[0].name", "X-Foo"},
		{"X-Twilio", with(func(t *Target) { t.Headers = []Header{{Name: "X-Twilio-Thing", Value: "1"}} }), "header-name-reserved", SeverityError, "targets[0].headers[0].name", "32113"},
		{"bad header chars", with(func(t *Target) { t.Headers = []Header{{Name: "X-a b", Value: "1"}} }), "header-name-invalid", SeverityError, "targets[0].headers[0].name", "13252"},
		{"value without name", with(func(t *Target) { t.Headers = []Header{{Name: "", Value: "1"}} }), "header-name-missing", SeverityError, "targets[0].headers[0].name", "no name"},
		{"duplicate header", with(func(t *Target) { t.Headers = []Header{{Name: "X-A", Value: "1"}, {Name: "x-a", Value: "2"}} }), "header-duplicate", SeverityWarning, "targets[0].headers[1].name", "twice"},
		{"UUI twice", with(func(t *Target) { t.UUI.Data = "AB"; t.Headers = []Header{{Name: "User-to-User", Value: "CD"}} }), "header-duplicate", SeverityWarning, "targets[0].headers[0].name", "UUI"},
		{"headers too long", with(func(t *Target) { t.Headers = []Header{{Name: "X-Big", Value: strings.Repeat("a", 1020)}} }), "headers-too-long", SeverityError, "targets[0].headers", "1024"},
		{"URI too long", with(func(t *Target) { t.User = strings.Repeat("u", 250) }), "uri-too-long", SeverityError, "targets[0].host", "255"},
		{"long with headers", with(func(t *Target) { t.Headers = []Header{{Name: "X-Big", Value: strings.Repeat("a", 240)}} }), "uri-long-with-headers", SeverityInfo, "targets[0].headers", "13243"},
		{"UUI not hex", with(func(t *Target) { t.UUI.Data = "hello" }), "uui-not-hex", SeverityError, "targets[0].uui.data", "32112"},
		{"UUI odd hex", with(func(t *Target) { t.UUI.Data = "ABC" }), "uui-hex-odd", SeverityWarning, "targets[0].uui.data", "even number"},
		{"UUI other encoding", with(func(t *Target) { t.UUI = UUI{Data: "x", Encoding: "base64"} }), "uui-encoding-unknown", SeverityWarning, "targets[0].uui.encoding", "only encoding=hex"},
		{"edge and region", with(func(t *Target) { t.Edge = "dublin"; t.Region = "ie1" }), "edge-and-region", SeverityWarning, "targets[0].region", "precedence"},
		{"edge on registered endpoint", with(func(t *Target) { t.Host = "alice.sip.twilio.com"; t.Edge = "dublin" }), "edge-ignored-registered", SeverityWarning, "targets[0].edge", "ignores the edge"},
		{"edge-specific SIP domain", with(func(t *Target) { t.Host = "acme.sip.ashburn.twilio.com" }), "twilio-domain-edge", SeverityError, "targets[0].host", "acme.sip.twilio.com"},
		{"us1 SIP domain", with(func(t *Target) { t.Host = "acme.sip.us1.twilio.com" }), "twilio-domain-deprecated", SeverityWarning, "targets[0].host", "deprecated"},
		{"SIP domain", with(func(t *Target) { t.Host = "acme.sip.twilio.com" }), "twilio-sip-domain", SeverityInfo, "targets[0].host", "32214"},
		{"unknown edge", with(func(t *Target) { t.Edge = "mars" }), "edge-unknown", SeverityError, "targets[0].edge", "ashburn, umatilla"},
		{"edge case", with(func(t *Target) { t.Edge = "Frankfurt" }), "edge-unknown", SeverityError, "targets[0].edge", "write frankfurt"},
		{"region case", with(func(t *Target) { t.Region = "DE1" }), "region-unknown", SeverityError, "targets[0].region", "write de1 (or better, the edge frankfurt)"},
		{"roaming", with(func(t *Target) { t.Edge = "roaming" }), "edge-roaming", SeverityError, "targets[0].edge", "not available for SIP"},
		{"san-jose", with(func(t *Target) { t.Edge = "san-jose" }), "edge-san-jose", SeverityWarning, "targets[0].edge", "umatilla"},
		{"unknown region", with(func(t *Target) { t.Region = "xx9" }), "region-unknown", SeverityError, "targets[0].region", "us1"},
		{"caller ID", dial(func(d *Dial) { d.CallerID = "Support Desk" }), "caller-id-invalid", SeverityError, "dial.callerId", "no spaces"},
		{"empty host", with(func(t *Target) { t.Host = " " }), "host-missing", SeverityError, "targets[0].host", "Enter the host"},
		{"URI in host", with(func(t *Target) { t.Host = "sip:bob@example.com" }), "host-invalid", SeverityError, "targets[0].host", "paste it into Host"},
		{"bad host", with(func(t *Target) { t.Host = "pbx_1.example.com" }), "host-invalid", SeverityError, "targets[0].host", "13243"},
		{"bad IPv4", with(func(t *Target) { t.Host = "203.0.113.300" }), "host-invalid", SeverityError, "targets[0].host", "IPv4"},
		{"short IPv4", with(func(t *Target) { t.Host = "10.1" }), "host-invalid", SeverityError, "targets[0].host", "IPv4"},
		{"bad IPv6", with(func(t *Target) { t.Host = "[2001:db8::zz]" }), "host-invalid", SeverityError, "targets[0].host", "IPv6"},
		{"bad port", with(func(t *Target) { t.Port = 70000 }), "port-invalid", SeverityError, "targets[0].port", "1 to 65535"},
		{"bad transport", with(func(t *Target) { t.Transport = "sctp" }), "transport-invalid", SeverityError, "targets[0].transport", "udp, tcp or tls"},
		{"secure over udp", with(func(t *Target) { t.Secure = true; t.Transport = "udp" }), "secure-without-tls", SeverityWarning, "targets[0].transport", "SRTP"},
		{"password only", with(func(t *Target) { t.Password = "x" }), "password-without-username", SeverityError, "targets[0].username", "21225"},
		{"username only", with(func(t *Target) { t.Username = "x" }), "username-without-password", SeverityError, "targets[0].password", "21225"},
		{"dial method", dial(func(d *Dial) { d.Method = "post" }), "method-invalid", SeverityError, "dial.method", "GET or POST"},
		{"sip method", with(func(t *Target) { t.StatusCallbackMethod = "PUT" }), "method-invalid", SeverityError, "targets[0].statusCallbackMethod", "GET or POST"},
		{"timeout low", dial(func(d *Dial) { d.Timeout = 4 }), "timeout-range", SeverityError, "dial.timeout", "5 to 600"},
		{"timeout high", dial(func(d *Dial) { d.Timeout = 601 }), "timeout-range", SeverityError, "dial.timeout", "5 to 600"},
		{"time limit", dial(func(d *Dial) { d.TimeLimit = 90000 }), "time-limit-range", SeverityError, "dial.timeLimit", "86400"},
		{"long time limit", dial(func(d *Dial) { d.TimeLimit = 20000 }), "time-limit-long", SeverityWarning, "dial.timeLimit", "24-hour"},
		{"record", dial(func(d *Dial) { d.Record = "yes" }), "record-invalid", SeverityError, "dial.record", "record-from-answer"},
		{"trim", dial(func(d *Dial) { d.Trim = "cut" }), "trim-invalid", SeverityError, "dial.trim", "trim-silence"},
		{"ring tone", dial(func(d *Dial) { d.RingTone = "xx" }), "ring-tone-invalid", SeverityError, "dial.ringTone", "us-old"},
		{"recording track", dial(func(d *Dial) { d.RecordingTrack = "left" }), "recording-track-invalid", SeverityError, "dial.recordingTrack", "inbound"},
		{"recording event", dial(func(d *Dial) { d.RecordingStatusCallbackEvent = []string{"done"} }), "recording-event-invalid", SeverityError, "dial.recordingStatusCallbackEvent", "absent"},
		{"status event", with(func(t *Target) { t.StatusCallback = "/s"; t.StatusCallbackEvent = []string{"busy"} }), "status-event-invalid", SeverityError, "targets[0].statusCallbackEvent", "initiated"},
		{"events without URL", with(func(t *Target) { t.StatusCallbackEvent = []string{"ringing"} }), "status-events-without-callback", SeverityWarning, "targets[0].statusCallback", "Status callback URL"},
		{"AMD value", with(func(t *Target) { t.MachineDetection = "enable" }), "machine-detection-invalid", SeverityError, "targets[0].machineDetection", "DetectMessageEnd"},
		{"AMD timeout", with(func(t *Target) { t.MachineDetection = "Enable"; t.MachineDetectionTimeout = 2 }), "amd-range", SeverityError, "targets[0].machineDetectionTimeout", "3 to 60"},
		{"AMD speech", with(func(t *Target) { t.MachineDetection = "Enable"; t.MachineDetectionSpeechThreshold = 999 }), "amd-range", SeverityError, "targets[0].machineDetectionSpeechThreshold", "1000 to 6000"},
		{"AMD speech end", with(func(t *Target) { t.MachineDetection = "Enable"; t.MachineDetectionSpeechEndThreshold = 5001 }), "amd-range", SeverityError, "targets[0].machineDetectionSpeechEndThreshold", "500 to 5000"},
		{"AMD silence", with(func(t *Target) { t.MachineDetection = "Enable"; t.MachineDetectionSilenceTimeout = 1 }), "amd-range", SeverityError, "targets[0].machineDetectionSilenceTimeout", "2000 to 10000"},
		{"AMD without detection", with(func(t *Target) { t.MachineDetectionTimeout = 30 }), "amd-without-detection", SeverityWarning, "targets[0].machineDetection", "ignored"},
		{"URL scheme", with(func(t *Target) { t.URL = "ftp://example.com/x" }), "url-invalid", SeverityError, "targets[0].url", "http and https"},
		{"URL spaces", dial(func(d *Dial) { d.Action = "/a b" }), "url-invalid", SeverityError, "dial.action", "not a URL"},
		{"URL underscore", with(func(t *Target) { t.StatusCallback = "https://my_host.example.com/s" }), "url-host-underscore", SeverityError, "targets[0].statusCallback", "underscores"},
		{"control character", with(func(t *Target) { t.Headers = []Header{{Name: "X-A", Value: "a\r\nb"}} }), "text-control-character", SeverityError, "targets[0].headers[0].value", "U+000D"},
		{"invalid UTF-8", dial(func(d *Dial) { d.CallerID = "\xff" }), "text-invalid", SeverityError, "dial.callerId", "UTF-8"},
		{"REST url and twiml", Document{Targets: []Target{ok}, REST: REST{URL: "/a", TwiML: "<Response/>"}}, "rest-url-and-twiml", SeverityWarning, "rest.twiml", "ignores Twiml"},
		{"REST twiml too long", Document{Targets: []Target{ok}, REST: REST{TwiML: strings.Repeat("x", 4001)}}, "rest-twiml-too-long", SeverityError, "rest.twiml", "4000"},
		{"user spaces", with(func(t *Target) { t.User = "a b" }), "user-invalid", SeverityError, "targets[0].user", "spaces"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			diags := Validate(tc.doc)
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

func TestValidDocumentsHaveNoDiagnostics(t *testing.T) {
	docs := []Document{composetest.Full()}
	for _, f := range composetest.TwilioForms {
		docs = append(docs, Document{Targets: []Target{f.Target}})
	}
	for i, d := range docs {
		for _, diag := range Validate(d) {
			if diag.Severity != SeverityInfo && diag.Code != "uui-hex-odd" {
				t.Errorf("document %d: unexpected %+v", i, diag)
			}
		}
	}
}

func TestDiagnosticsOrder(t *testing.T) {
	tg := func(host, edge string) Target { return Target{User: "a", Host: host, Edge: edge} }
	var d Document
	for i := 0; i < 11; i++ {
		d.Targets = append(d.Targets, tg("ok.example.com", ""))
	}
	d.Targets[10] = tg("", "")
	d.Targets[2] = tg("", "san-jose")
	d.Targets[1] = tg("ok.example.com", "san-jose")
	d.Dial.Timeout = 1
	var got []string
	for _, x := range Validate(d) {
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
	d := Document{Targets: []Target{{Host: "h.example.com", Headers: []Header{{Name: "X-Big", Value: strings.Repeat("a", 1100)}}}}}
	var codes []string
	for _, x := range Validate(d) {
		codes = append(codes, x.Code)
	}
	if strings.Join(codes, " ") != "headers-too-long" {
		t.Errorf("codes %v, want only headers-too-long", codes)
	}
}

func TestHostValid(t *testing.T) {
	for h, want := range map[string]bool{
		"pbx.example.com": true, "203.0.113.10": true, "[2001:db8::1]": true, "2001:db8::1": true,
		"localhost": true, "example.com.": true, "a-b.c1": true, strings.Repeat("a", 63) + ".com": true,
		"-a.com": false, "a-.com": false, "a..b": false, "a_b.com": false, "[203.0.113.10]": false, "1.2.3.4.5": false,
		"999.0.0.1": false, "a b": false, strings.Repeat("a", 64) + ".com": false, "[::1": false, "::zz": false,
	} {
		if got := sipuri.ValidHost(h); got != want {
			t.Errorf("hostValid(%q) = %v, want %v", h, got, want)
		}
	}
}
