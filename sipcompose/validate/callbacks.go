package validate

import (
	"unicode/utf8"

	"sipcompose/sipcompose/document"
)

var (
	statusEvents      = []string{"initiated", "ringing", "answered", "completed"}
	machineDetections = []string{"Enable", "DetectMessageEnd"}
)

// callbacks checks what Twilio fetches or reports to for one target.
func (v *validator) callbacks(p string, t document.Target) {
	v.url(p, "url", t.URL)
	v.method(p, "method", t.Method)
	v.url(p, "statusCallback", t.StatusCallback)
	v.method(p, "statusCallbackMethod", t.StatusCallbackMethod)
	v.events(p, "statusCallbackEvent", t.StatusCallbackEvent, statusEvents, "status-event-invalid")
	if len(t.StatusCallbackEvent) > 0 && t.StatusCallback == "" {
		v.add(document.SeverityWarning, "status-events-without-callback", p+".statusCallback", "Status callback events are sent only to a Status callback URL: set one.")
	}
}

// amd checks answering-machine detection.
func (v *validator) amd(p string, t document.Target) {
	v.oneOf(p, "machineDetection", t.MachineDetection, machineDetections, "machine-detection-invalid")
	ranges := []struct {
		field    string
		value    int
		min, max int
		unit     string
	}{
		{"machineDetectionTimeout", t.MachineDetectionTimeout, 3, 60, "s"},
		{"machineDetectionSpeechThreshold", t.MachineDetectionSpeechThreshold, 1000, 6000, "ms"},
		{"machineDetectionSpeechEndThreshold", t.MachineDetectionSpeechEndThreshold, 500, 5000, "ms"},
		{"machineDetectionSilenceTimeout", t.MachineDetectionSilenceTimeout, 2000, 10000, "ms"},
	}
	set := t.AMDStatusCallback != "" || t.AMDStatusCallbackMethod != ""
	for _, r := range ranges {
		if r.value == 0 {
			continue
		}
		set = true
		if r.value < r.min || r.value > r.max {
			v.add(document.SeverityError, "amd-range", p+"."+r.field, "%s %d: use %d to %d %s.", r.field, r.value, r.min, r.max, r.unit)
		}
	}
	if set && t.MachineDetection == "" {
		v.add(document.SeverityWarning, "amd-without-detection", p+".machineDetection",
			"Answering-machine settings are ignored unless Machine detection is Enable or DetectMessageEnd.")
	}
	v.url(p, "amdStatusCallback", t.AMDStatusCallback)
	v.method(p, "amdStatusCallbackMethod", t.AMDStatusCallbackMethod)
}

// rest checks what only the REST form of the call uses.
func (v *validator) rest(r document.REST) {
	v.url("rest", "url", r.URL)
	if !utf8.ValidString(r.TwiML) {
		v.add(document.SeverityError, "text-invalid", "rest.twiml", "REST TwiML is not valid UTF-8: retype it.")
	}
	if r.URL != "" && r.TwiML != "" {
		v.add(document.SeverityWarning, "rest-url-and-twiml", "rest.twiml", "Twilio ignores Twiml when Url is also given: keep one.")
	}
	if n := utf8.RuneCountInString(r.TwiML); n > MaxRESTTwiML {
		v.add(document.SeverityError, "rest-twiml-too-long", "rest.twiml", "REST TwiML is %d characters; the Twiml parameter takes at most %d. Host it and use Url instead.", n, MaxRESTTwiML)
	}
}
