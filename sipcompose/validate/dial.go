package validate

import (
	"strings"

	"sipcompose/sipcompose/document"
)

// Values <Dial> accepts, from Twilio's TwiML reference.
var (
	recordValues    = []string{"do-not-record", "record-from-answer", "record-from-ringing", "record-from-answer-dual", "record-from-ringing-dual", "true", "false"}
	trimValues      = []string{"trim-silence", "do-not-trim"}
	recordingTracks = []string{"inbound", "outbound", "both"}
	recordingEvents = []string{"in-progress", "completed", "absent"}
	ringTones       = strings.Fields("at au bg br be ch cl cn cz de dk ee es fi fr gr hu il in it lt jp mx my nl no nz ph pl pt ru se sg th uk us us-old tw ve za")
)

func (v *validator) dial(d document.Dial) {
	v.text("dial", "callerId", d.CallerID)
	v.templateFill("dial", "callerId", d.CallerID, placeCallerID)
	if d.CallerID != "" && !callerIDValid(standIn(d.CallerID)) {
		v.add(document.SeverityError, "caller-id-invalid", "dial.callerId",
			"Caller ID %q: when dialing <Sip>, use only letters, digits and + - _ . with no spaces.", d.CallerID)
	}
	v.url("dial", "action", d.Action)
	v.method("dial", "method", d.Method)
	if d.Timeout != 0 && (d.Timeout < 5 || d.Timeout > 600) {
		v.add(document.SeverityError, "timeout-range", "dial.timeout", "Timeout %d s: use 5 to 600 seconds (Twilio's default is 30).", d.Timeout)
	}
	switch {
	case d.TimeLimit < 0 || d.TimeLimit > 86400:
		v.add(document.SeverityError, "time-limit-range", "dial.timeLimit", "Time limit %d s: use 1 to 86400 seconds (default 14400, 4 hours).", d.TimeLimit)
	case d.TimeLimit > 14400:
		v.add(document.SeverityWarning, "time-limit-long", "dial.timeLimit", "Time limits over 14400 s (4 hours) need the 24-hour call setting enabled on the account.")
	}
	v.oneOf("dial", "record", d.Record, recordValues, "record-invalid")
	v.oneOf("dial", "trim", d.Trim, trimValues, "trim-invalid")
	v.url("dial", "recordingStatusCallback", d.RecordingStatusCallback)
	v.method("dial", "recordingStatusCallbackMethod", d.RecordingStatusCallbackMethod)
	v.events("dial", "recordingStatusCallbackEvent", d.RecordingStatusCallbackEvent, recordingEvents, "recording-event-invalid")
	v.oneOf("dial", "recordingTrack", d.RecordingTrack, recordingTracks, "recording-track-invalid")
	v.oneOf("dial", "ringTone", d.RingTone, ringTones, "ring-tone-invalid")
	v.url("dial", "referUrl", d.ReferURL)
	v.method("dial", "referMethod", d.ReferMethod)
}

func callerIDValid(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && !strings.ContainsRune("+-_.", rune(s[i])) {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
