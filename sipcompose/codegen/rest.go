package codegen

import (
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/param"
)

// restParams is the REST Calls request for one target: each parameter's
// name as Twilio spells it and where the Document holds its value, in the
// order they are sent. The curl form (Curl) and the helper-library
// programs (All, For) both read them here, so adding a parameter is one line
// and the two cannot disagree on a name, a value or the order. Values are
// sent as typed; unset ones are left out, so Twilio's defaults stay in
// force.
//
// uri is the call's To. bare says the target is <Uri>s alone: uri is then
// its first, whose username the call takes if the target has none.
func restParams(doc *document.Document, t *document.Target, uri string, bare bool) []param.Value {
	d := &doc.Dial
	from := d.CallerID
	if from == "" {
		from = "sipcompose"
	}
	answered := param.REST("Url", PlaceholderRESTURL)
	switch {
	case doc.REST.URL != "":
		answered = param.REST("Url", doc.REST.URL)
	case doc.REST.TwiML != "":
		answered = param.REST("Twiml", doc.REST.TwiML)
	}
	username := t.Username
	if bare && username == "" {
		username = t.URIs[0].Username
	}
	// Room for every parameter a call can have, so the list is allocated
	// once: the curl form builds it for each target on every keystroke.
	call := make([]param.Value, 0, 25)
	call = append(call, param.REST("To", uri), param.REST("From", from), answered)
	if username != "" {
		call = append(call, param.REST("SipAuthUsername", username), param.Env("SipAuthPassword", EnvSIPPassword))
	}
	call = append(call, param.Int("Timeout", d.Timeout))
	if recording(d.Record) {
		channels := ""
		if strings.HasSuffix(d.Record, "-dual") {
			channels = "dual"
		}
		call = append(call,
			param.Bool("Record", true),
			param.REST("RecordingChannels", channels),
			param.REST("RecordingTrack", d.RecordingTrack),
			param.REST("RecordingStatusCallback", d.RecordingStatusCallback),
			param.REST("RecordingStatusCallbackMethod", d.RecordingStatusCallbackMethod),
			param.List("RecordingStatusCallbackEvent", d.RecordingStatusCallbackEvent),
			// Trim applies only to a recording, in both forms.
			param.REST("Trim", d.Trim),
		)
	}
	call = append(call,
		param.Int("TimeLimit", d.TimeLimit),
		param.REST("StatusCallback", t.StatusCallback),
		param.REST("StatusCallbackMethod", t.StatusCallbackMethod),
		param.List("StatusCallbackEvent", t.StatusCallbackEvent),
		param.REST("MachineDetection", t.MachineDetection),
		param.Int("MachineDetectionTimeout", t.MachineDetectionTimeout),
		param.Int("MachineDetectionSpeechThreshold", t.MachineDetectionSpeechThreshold),
		param.Int("MachineDetectionSpeechEndThreshold", t.MachineDetectionSpeechEndThreshold),
		param.Int("MachineDetectionSilenceTimeout", t.MachineDetectionSilenceTimeout),
	)
	if t.AMDStatusCallback != "" {
		// The REST API reports AMD results to a callback only in async
		// mode; it takes the string "true", not a boolean.
		call = append(call, param.REST("AsyncAmd", "true"))
	}
	call = append(call,
		param.REST("AsyncAmdStatusCallback", t.AMDStatusCallback),
		param.REST("AsyncAmdStatusCallbackMethod", t.AMDStatusCallbackMethod),
	)
	return param.Present(call...)
}
