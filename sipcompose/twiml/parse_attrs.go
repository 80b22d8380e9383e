package twiml

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
)

// dialAttrs and sipAttrs read each attribute Compose writes into its
// field; field is the diagnostic path of the attribute.
var dialAttrs = map[string]func(p *parser, d *document.Dial, field, v string){
	"action":                        func(_ *parser, d *document.Dial, _, v string) { d.Action = v },
	"method":                        func(_ *parser, d *document.Dial, _, v string) { d.Method = v },
	"timeout":                       func(p *parser, d *document.Dial, f, v string) { d.Timeout = p.count(f, v) },
	"hangupOnStar":                  func(p *parser, d *document.Dial, f, v string) { d.HangupOnStar = p.bool(f, v) },
	"timeLimit":                     func(p *parser, d *document.Dial, f, v string) { d.TimeLimit = p.count(f, v) },
	"callerId":                      func(_ *parser, d *document.Dial, _, v string) { d.CallerID = v },
	"record":                        func(_ *parser, d *document.Dial, _, v string) { d.Record = v },
	"trim":                          func(_ *parser, d *document.Dial, _, v string) { d.Trim = v },
	"recordingStatusCallback":       func(_ *parser, d *document.Dial, _, v string) { d.RecordingStatusCallback = v },
	"recordingStatusCallbackMethod": func(_ *parser, d *document.Dial, _, v string) { d.RecordingStatusCallbackMethod = v },
	"recordingStatusCallbackEvent":  func(_ *parser, d *document.Dial, _, v string) { d.RecordingStatusCallbackEvent = strings.Fields(v) },
	"recordingTrack":                func(_ *parser, d *document.Dial, _, v string) { d.RecordingTrack = v },
	"recordingConfigurationId":      func(_ *parser, d *document.Dial, _, v string) { d.RecordingConfigurationID = v },
	"answerOnBridge":                func(p *parser, d *document.Dial, f, v string) { d.AnswerOnBridge = p.bool(f, v) },
	"ringTone":                      func(_ *parser, d *document.Dial, _, v string) { d.RingTone = v },
	"referUrl":                      func(_ *parser, d *document.Dial, _, v string) { d.ReferURL = v },
	"referMethod":                   func(_ *parser, d *document.Dial, _, v string) { d.ReferMethod = v },
	"sequential":                    func(p *parser, d *document.Dial, f, v string) { d.Sequential = p.bool(f, v) },
	"events":                        func(_ *parser, d *document.Dial, _, v string) { d.Events = v },
	"passports":                     func(_ *parser, d *document.Dial, _, v string) { d.Passports = v },
}

var sipAttrs = map[string]func(p *parser, t *document.Target, field, v string){
	"username":                           func(_ *parser, t *document.Target, _, v string) { t.Username = v },
	"password":                           func(_ *parser, t *document.Target, _, v string) { t.Password = v },
	"url":                                func(_ *parser, t *document.Target, _, v string) { t.URL = v },
	"method":                             func(_ *parser, t *document.Target, _, v string) { t.Method = v },
	"statusCallbackEvent":                func(_ *parser, t *document.Target, _, v string) { t.StatusCallbackEvent = strings.Fields(v) },
	"statusCallback":                     func(_ *parser, t *document.Target, _, v string) { t.StatusCallback = v },
	"statusCallbackMethod":               func(_ *parser, t *document.Target, _, v string) { t.StatusCallbackMethod = v },
	"machineDetection":                   func(_ *parser, t *document.Target, _, v string) { t.MachineDetection = v },
	"machineDetectionTimeout":            func(p *parser, t *document.Target, f, v string) { t.MachineDetectionTimeout = p.count(f, v) },
	"machineDetectionSpeechThreshold":    func(p *parser, t *document.Target, f, v string) { t.MachineDetectionSpeechThreshold = p.count(f, v) },
	"machineDetectionSpeechEndThreshold": func(p *parser, t *document.Target, f, v string) { t.MachineDetectionSpeechEndThreshold = p.count(f, v) },
	"machineDetectionSilenceTimeout":     func(p *parser, t *document.Target, f, v string) { t.MachineDetectionSilenceTimeout = p.count(f, v) },
	"amdStatusCallback":                  func(_ *parser, t *document.Target, _, v string) { t.AMDStatusCallback = v },
	"amdStatusCallbackMethod":            func(_ *parser, t *document.Target, _, v string) { t.AMDStatusCallbackMethod = v },
}

func (p *parser) int(field, s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	switch {
	case errors.Is(err, strconv.ErrRange):
		p.add(document.SeverityError, "parse-number", field, "%q is far too large for this setting; it was not kept.", s)
		return 0
	case err != nil:
		p.add(document.SeverityError, "parse-number", field, "%q is not a whole number; it was not kept.", s)
		return 0
	}
	return n
}

// count reads a number of seconds or milliseconds. The Document has no
// way to tell 0 from "not set", and no such setting of Twilio's takes 0,
// so an explicit 0 is reported rather than dropped in silence.
func (p *parser) count(field, s string) int {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n != 0 {
		return p.int(field, s)
	}
	name := attrName(field)
	rule := countRules[name]
	p.add(document.SeverityWarning, "parse-zero", field,
		"%s=%q: Twilio takes %s, so 0 is not a value it uses. It was not kept: the TwiML here leaves %s out, and Twilio's default (%s) applies.",
		name, s, rule.takes, name, rule.fallback)
	return 0
}

// attrName is the attribute a diagnostic path ends in.
func attrName(field string) string { return field[strings.LastIndexByte(field, '.')+1:] }

// countRules are Twilio's ranges and defaults for the numbers of <Dial>
// and <Sip> (see ../shared/reference/twilio-sip-out.md §1.2, §4).
var countRules = map[string]struct{ takes, fallback string }{
	"timeout":                            {"a positive number of seconds, 5 to 600 (warning 13212)", "30 s"},
	"timeLimit":                          {"a positive number of seconds, up to 86400 (warning 13216)", "14400 s, 4 hours"},
	"machineDetectionTimeout":            {"3 to 60 seconds", "30 s"},
	"machineDetectionSpeechThreshold":    {"1000 to 6000 ms", "2400 ms"},
	"machineDetectionSpeechEndThreshold": {"500 to 5000 ms", "1200 ms"},
	"machineDetectionSilenceTimeout":     {"2000 to 10000 ms", "5000 ms"},
}

// bool reads a TwiML boolean as Twilio does: exactly "true" or "false".
// Twilio's error pages for these attributes say so (13213, 13219), so
// "True" or "1" is not read as true.
func (p *parser) bool(field, s string) bool {
	name := attrName(field)
	switch s {
	case "true":
		return true
	case "false":
		p.add(document.SeverityInfo, "parse-default", field, "%s=\"false\" is Twilio's default; the TwiML here leaves it out, which means the same.", name)
		return false
	}
	twilio := ""
	if n, ok := boolWarnings[name]; ok {
		twilio = fmt.Sprintf(" (warning %s: %s must be \"true\" or \"false\")", n, name)
	}
	hint := ""
	if strings.EqualFold(strings.TrimSpace(s), "true") {
		hint = fmt.Sprintf(" If you meant it, write %s=\"true\".", name)
	}
	p.add(document.SeverityError, "parse-bool", field,
		"%s=%q: Twilio takes exactly true or false, in lowercase%s, so it does not read %q as true. It was read as false, Twilio's default.%s", name, s, twilio, s, hint)
	return false
}

// boolWarnings are Twilio's warning numbers for a bad boolean.
var boolWarnings = map[string]string{"hangupOnStar": "13213", "answerOnBridge": "13219"}
