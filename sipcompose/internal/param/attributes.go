package param

import (
	"strings"

	"sipcompose/sipcompose/document"
)

// The attributes of <Dial>, <Sip>, <Uri> and <Header>: each one's name as
// Twilio spells it and where the Document holds its value, in the order
// the TwiML writes them. The TwiML (package twiml) and the helper-library
// programs (package codegen) both read them here, so adding an attribute
// is one line and the two cannot disagree on a name, a value or the
// order. Values are XMLSafe, as the TwiML writes them; unset ones are left
// out, so Twilio's defaults stay in force.

func Dial(d *document.Dial) []Value {
	return Present(
		Attr("action", d.Action),
		Attr("method", d.Method),
		Int("timeout", d.Timeout),
		Bool("hangupOnStar", d.HangupOnStar),
		Int("timeLimit", d.TimeLimit),
		Attr("callerId", d.CallerID),
		Attr("record", d.Record),
		Attr("trim", d.Trim),
		Attr("recordingStatusCallback", d.RecordingStatusCallback),
		Attr("recordingStatusCallbackMethod", d.RecordingStatusCallbackMethod),
		Attr("recordingStatusCallbackEvent", strings.Join(d.RecordingStatusCallbackEvent, " ")),
		Attr("recordingTrack", d.RecordingTrack),
		Bool("answerOnBridge", d.AnswerOnBridge),
		Attr("ringTone", d.RingTone),
		Attr("referUrl", d.ReferURL),
		Attr("referMethod", d.ReferMethod),
		Bool("sequential", d.Sequential),
		Attr("recordingConfigurationId", d.RecordingConfigurationID),
		Attr("events", d.Events),
		Attr("passports", d.Passports),
	)
}

func Sip(t *document.Target) []Value {
	return Present(
		Attr("username", t.Username),
		Attr("password", t.Password),
		Attr("url", t.URL),
		Attr("method", t.Method),
		Attr("statusCallbackEvent", strings.Join(t.StatusCallbackEvent, " ")),
		Attr("statusCallback", t.StatusCallback),
		Attr("statusCallbackMethod", t.StatusCallbackMethod),
		Attr("machineDetection", t.MachineDetection),
		Int("machineDetectionTimeout", t.MachineDetectionTimeout),
		Int("machineDetectionSpeechThreshold", t.MachineDetectionSpeechThreshold),
		Int("machineDetectionSpeechEndThreshold", t.MachineDetectionSpeechEndThreshold),
		Int("machineDetectionSilenceTimeout", t.MachineDetectionSilenceTimeout),
		Attr("amdStatusCallback", t.AMDStatusCallback),
		Attr("amdStatusCallbackMethod", t.AMDStatusCallbackMethod),
	)
}

func URI(u *document.SipURI) []Value {
	return Present(Attr("priority", u.Priority), Attr("weight", u.Weight), Attr("username", u.Username), Attr("password", u.Password))
}

func Header(h document.Header) []Value {
	return Present(Attr("name", h.Name), Attr("value", h.Value))
}
