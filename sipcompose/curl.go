package sipcompose

import (
	"strconv"
	"strings"
)

// PlaceholderRESTURL is what the curl form asks Twilio to fetch when the
// document says nothing about what runs once the SIP party answers.
const PlaceholderRESTURL = "https://example.com/twiml-to-run-when-answered"

// Environment variables the curl form reads, so secrets are never printed.
const (
	EnvAccountSID  = "TWILIO_ACCOUNT_SID"
	EnvAuthToken   = "TWILIO_AUTH_TOKEN"
	EnvSIPPassword = "SIP_PASSWORD"
)

// renderCurl writes one curl command per target that places the same call
// through the REST Calls API. Every value is single-quoted for POSIX sh and
// form-encoded by curl (--data-urlencode), so "&" in a URI's headers is
// sent as %26, as Twilio asks. The account SID, auth token and SIP password
// come from environment variables and are never printed.
func renderCurl(doc Document, uris []string) string {
	cmds := make([]string, 0, len(uris))
	for i, uri := range uris {
		cmds = append(cmds, curlCommand(doc, doc.Targets[i], uri))
	}
	if len(cmds) > 1 {
		// The REST API has no multi-target call; say so rather than let the
		// commands pass for the same <Dial>.
		cmds[0] = "# " + strconv.Itoa(len(cmds)) + " targets: each command places its own call; <Dial> rings them " + dialMode(doc.Dial) +
			" and bridges the first to answer.\n" + cmds[0]
	}
	return strings.Join(cmds, "\n")
}

func dialMode(d Dial) string {
	if d.Sequential {
		return "in turn"
	}
	return "together"
}

func curlCommand(doc Document, t Target, uri string) string {
	var comments []string
	lines := []string{
		`curl -X POST "https://api.twilio.com/2010-04-01/Accounts/$` + EnvAccountSID + `/Calls.json"`,
		`-u "$` + EnvAccountSID + `:$` + EnvAuthToken + `"`,
	}
	field := func(name, value string) {
		if value != "" {
			lines = append(lines, "--data-urlencode "+shellQuote(name+"="+value))
		}
	}
	field("To", uri)
	if doc.Dial.CallerID == "" {
		comments = append(comments, "# From: set Caller ID; any letters, digits and + - _ . fill the SIP From user.")
		field("From", "sipcompose")
	} else {
		field("From", doc.Dial.CallerID)
	}
	switch {
	case doc.REST.URL != "":
		field("Url", doc.REST.URL)
	case doc.REST.TwiML != "":
		field("Twiml", doc.REST.TwiML)
	default:
		comments = append(comments, "# Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.")
		field("Url", PlaceholderRESTURL)
	}
	if t.Username != "" {
		field("SipAuthUsername", t.Username)
		lines = append(lines, `--data-urlencode "SipAuthPassword=$`+EnvSIPPassword+`"`)
	}
	if doc.Dial.Timeout != 0 {
		field("Timeout", strconv.Itoa(doc.Dial.Timeout))
	}
	if recording(doc.Dial.Record) {
		if strings.Contains(doc.Dial.Record, "ringing") {
			comments = append(comments, "# Record: the REST API records from answer; "+doc.Dial.Record+" has no REST form.")
		}
		field("Record", "true")
		if strings.HasSuffix(doc.Dial.Record, "-dual") {
			field("RecordingChannels", "dual")
		}
		field("RecordingTrack", doc.Dial.RecordingTrack)
		field("RecordingStatusCallback", doc.Dial.RecordingStatusCallback)
		field("RecordingStatusCallbackMethod", doc.Dial.RecordingStatusCallbackMethod)
		for _, e := range doc.Dial.RecordingStatusCallbackEvent {
			field("RecordingStatusCallbackEvent", e)
		}
		// Trim applies only to a recording, in both forms.
		field("Trim", doc.Dial.Trim)
	}
	if doc.Dial.TimeLimit != 0 {
		field("TimeLimit", strconv.Itoa(doc.Dial.TimeLimit))
	}
	field("StatusCallback", t.StatusCallback)
	field("StatusCallbackMethod", t.StatusCallbackMethod)
	for _, e := range t.StatusCallbackEvent {
		field("StatusCallbackEvent", e)
	}
	field("MachineDetection", t.MachineDetection)
	if t.MachineDetectionTimeout != 0 {
		field("MachineDetectionTimeout", strconv.Itoa(t.MachineDetectionTimeout))
	}
	if t.MachineDetectionSpeechThreshold != 0 {
		field("MachineDetectionSpeechThreshold", strconv.Itoa(t.MachineDetectionSpeechThreshold))
	}
	if t.MachineDetectionSpeechEndThreshold != 0 {
		field("MachineDetectionSpeechEndThreshold", strconv.Itoa(t.MachineDetectionSpeechEndThreshold))
	}
	if t.MachineDetectionSilenceTimeout != 0 {
		field("MachineDetectionSilenceTimeout", strconv.Itoa(t.MachineDetectionSilenceTimeout))
	}
	if t.AMDStatusCallback != "" {
		// The REST API reports AMD results to a callback only in async mode.
		field("AsyncAmd", "true")
	}
	field("AsyncAmdStatusCallback", t.AMDStatusCallback)
	field("AsyncAmdStatusCallbackMethod", t.AMDStatusCallbackMethod)

	var b strings.Builder
	for _, c := range comments {
		b.WriteString(c + "\n")
	}
	b.WriteString(strings.Join(lines, " \\\n  "))
	b.WriteByte('\n')
	return b.String()
}

// recording reports whether a <Dial record> value records the call.
func recording(record string) bool {
	return strings.HasPrefix(record, "record-") || record == "true"
}
