package sipcompose

import "strings"

// restParams is the REST Calls request for one target: each parameter's
// name as Twilio spells it and where the Document holds its value, in the
// order they are sent. The curl form (renderCurl) and the helper-library
// programs (Code) both read them here, so adding a parameter is one line
// and the two cannot disagree on a name, a value or the order. Values are
// sent as typed; unset ones are left out, so Twilio's defaults stay in
// force.
//
// uri is the call's To. bare says the target is <Uri>s alone: uri is then
// its first, whose username the call takes if the target has none.
func restParams(doc *Document, t *Target, uri string, bare bool) []codeValue {
	d := &doc.Dial
	from := d.CallerID
	if from == "" {
		from = "sipcompose"
	}
	answered := param("Url", PlaceholderRESTURL)
	switch {
	case doc.REST.URL != "":
		answered = param("Url", doc.REST.URL)
	case doc.REST.TwiML != "":
		answered = param("Twiml", doc.REST.TwiML)
	}
	username := t.Username
	if bare && username == "" {
		username = t.URIs[0].Username
	}
	// Room for every parameter a call can have, so the list is allocated
	// once: the curl form builds it for each target on every keystroke.
	call := make([]codeValue, 0, 25)
	call = append(call, param("To", uri), param("From", from), answered)
	if username != "" {
		call = append(call, param("SipAuthUsername", username), codeValue{name: "SipAuthPassword", kind: kindEnv, s: EnvSIPPassword})
	}
	call = append(call, intValue("Timeout", d.Timeout))
	if recording(d.Record) {
		channels := ""
		if strings.HasSuffix(d.Record, "-dual") {
			channels = "dual"
		}
		call = append(call,
			boolValue("Record", true),
			param("RecordingChannels", channels),
			param("RecordingTrack", d.RecordingTrack),
			param("RecordingStatusCallback", d.RecordingStatusCallback),
			param("RecordingStatusCallbackMethod", d.RecordingStatusCallbackMethod),
			listValue("RecordingStatusCallbackEvent", d.RecordingStatusCallbackEvent),
			// Trim applies only to a recording, in both forms.
			param("Trim", d.Trim),
		)
	}
	call = append(call,
		intValue("TimeLimit", d.TimeLimit),
		param("StatusCallback", t.StatusCallback),
		param("StatusCallbackMethod", t.StatusCallbackMethod),
		listValue("StatusCallbackEvent", t.StatusCallbackEvent),
		param("MachineDetection", t.MachineDetection),
		intValue("MachineDetectionTimeout", t.MachineDetectionTimeout),
		intValue("MachineDetectionSpeechThreshold", t.MachineDetectionSpeechThreshold),
		intValue("MachineDetectionSpeechEndThreshold", t.MachineDetectionSpeechEndThreshold),
		intValue("MachineDetectionSilenceTimeout", t.MachineDetectionSilenceTimeout),
	)
	if t.AMDStatusCallback != "" {
		// The REST API reports AMD results to a callback only in async
		// mode; it takes the string "true", not a boolean.
		call = append(call, param("AsyncAmd", "true"))
	}
	call = append(call,
		param("AsyncAmdStatusCallback", t.AMDStatusCallback),
		param("AsyncAmdStatusCallbackMethod", t.AMDStatusCallbackMethod),
	)
	return present(call...)
}
