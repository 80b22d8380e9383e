package sipcompose

import (
	"strings"
)

// The attributes of <Dial>, <Sip>, <Uri> and <Header>: each one's name as
// Twilio spells it and where the Document holds its value, in the order
// the TwiML writes them. The TwiML (renderTwiML) and the helper-library
// programs (Code) both read them here, so adding an attribute is one line
// and the two cannot disagree on a name, a value or the order. Values are
// xmlSafe, as the TwiML writes them; unset ones are left out, so Twilio's
// defaults stay in force.

func dialAttributes(d *Dial) []codeValue {
	return present(
		attr("action", d.Action),
		attr("method", d.Method),
		intValue("timeout", d.Timeout),
		boolValue("hangupOnStar", d.HangupOnStar),
		intValue("timeLimit", d.TimeLimit),
		attr("callerId", d.CallerID),
		attr("record", d.Record),
		attr("trim", d.Trim),
		attr("recordingStatusCallback", d.RecordingStatusCallback),
		attr("recordingStatusCallbackMethod", d.RecordingStatusCallbackMethod),
		attr("recordingStatusCallbackEvent", strings.Join(d.RecordingStatusCallbackEvent, " ")),
		attr("recordingTrack", d.RecordingTrack),
		boolValue("answerOnBridge", d.AnswerOnBridge),
		attr("ringTone", d.RingTone),
		attr("referUrl", d.ReferURL),
		attr("referMethod", d.ReferMethod),
		boolValue("sequential", d.Sequential),
		attr("recordingConfigurationId", d.RecordingConfigurationID),
		attr("events", d.Events),
		attr("passports", d.Passports),
	)
}

func sipAttributes(t *Target) []codeValue {
	return present(
		attr("username", t.Username),
		attr("password", t.Password),
		attr("url", t.URL),
		attr("method", t.Method),
		attr("statusCallbackEvent", strings.Join(t.StatusCallbackEvent, " ")),
		attr("statusCallback", t.StatusCallback),
		attr("statusCallbackMethod", t.StatusCallbackMethod),
		attr("machineDetection", t.MachineDetection),
		intValue("machineDetectionTimeout", t.MachineDetectionTimeout),
		intValue("machineDetectionSpeechThreshold", t.MachineDetectionSpeechThreshold),
		intValue("machineDetectionSpeechEndThreshold", t.MachineDetectionSpeechEndThreshold),
		intValue("machineDetectionSilenceTimeout", t.MachineDetectionSilenceTimeout),
		attr("amdStatusCallback", t.AMDStatusCallback),
		attr("amdStatusCallbackMethod", t.AMDStatusCallbackMethod),
	)
}

func uriAttributes(u *SipURI) []codeValue {
	return present(attr("priority", u.Priority), attr("weight", u.Weight), attr("username", u.Username), attr("password", u.Password))
}

func headerAttributes(h Header) []codeValue {
	return present(attr("name", h.Name), attr("value", h.Value))
}
