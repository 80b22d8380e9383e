package sipcompose

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beevik/etree"
)

// renderTwiML writes the document as Twilio's docs show TwiML: the XML
// declaration, <Response>, two-space indent, one element per line and a
// final newline. Attributes are added in a fixed order so the same
// document always gives the same bytes. The <Sip> texts are the targets'
// URIs; etree escapes them (& → &amp;), never string concatenation.
func renderTwiML(doc Document, res []Resolution) string {
	x := etree.NewDocument()
	// Only &, < and > need escaping in text; Twilio's examples leave
	// quotes alone, and so do we.
	x.WriteSettings.CanonicalText = true
	x.WriteSettings.CanonicalAttrVal = true
	x.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	dial := x.CreateElement("Response").CreateElement("Dial")
	d := doc.Dial
	attrs(dial,
		"action", d.Action,
		"method", d.Method,
		"timeout", itoa(d.Timeout),
		"hangupOnStar", boolAttr(d.HangupOnStar),
		"timeLimit", itoa(d.TimeLimit),
		"callerId", d.CallerID,
		"record", d.Record,
		"trim", d.Trim,
		"recordingStatusCallback", d.RecordingStatusCallback,
		"recordingStatusCallbackMethod", d.RecordingStatusCallbackMethod,
		"recordingStatusCallbackEvent", strings.Join(d.RecordingStatusCallbackEvent, " "),
		"recordingTrack", d.RecordingTrack,
		"answerOnBridge", boolAttr(d.AnswerOnBridge),
		"ringTone", d.RingTone,
		"referUrl", d.ReferURL,
		"referMethod", d.ReferMethod,
		"sequential", boolAttr(d.Sequential),
		"recordingConfigurationId", d.RecordingConfigurationID,
		"events", d.Events,
		"passports", d.Passports,
	)
	for i, t := range doc.Targets {
		sip := dial.CreateElement("Sip")
		attrs(sip,
			"username", t.Username,
			"password", t.Password,
			"url", t.URL,
			"method", t.Method,
			"statusCallbackEvent", strings.Join(t.StatusCallbackEvent, " "),
			"statusCallback", t.StatusCallback,
			"statusCallbackMethod", t.StatusCallbackMethod,
			"machineDetection", t.MachineDetection,
			"machineDetectionTimeout", itoa(t.MachineDetectionTimeout),
			"machineDetectionSpeechThreshold", itoa(t.MachineDetectionSpeechThreshold),
			"machineDetectionSpeechEndThreshold", itoa(t.MachineDetectionSpeechEndThreshold),
			"machineDetectionSilenceTimeout", itoa(t.MachineDetectionSilenceTimeout),
			"amdStatusCallback", t.AMDStatusCallback,
			"amdStatusCallbackMethod", t.AMDStatusCallbackMethod,
		)
		// BuildURI percent-encodes every byte outside printable ASCII,
		// so a URI needs no xmlSafe.
		sip.SetText(res[i].URI)
		sipChildren(sip, t, res[i].URI)
	}
	x.Indent(2)
	out, _ := x.WriteToString()
	return out
}

// attrs sets name/value pairs in order, skipping empty values so Twilio's
// defaults stay in force.
func attrs(e *etree.Element, pairs ...string) {
	for i := 0; i < len(pairs); i += 2 {
		if v := pairs[i+1]; v != "" {
			e.CreateAttr(pairs[i], xmlSafe(v))
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func boolAttr(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// xmlSafe replaces what XML 1.0 cannot carry at all (NUL and other control
// characters, invalid UTF-8, U+FFFE/U+FFFF) with U+FFFD, so the TwiML is
// always well-formed. Validate reports such characters as errors; this is
// only the guarantee that bad input never becomes bad XML.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return utf8.RuneError
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}

// xmlChar is XML 1.0's Char production.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}
