package sipcompose

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/beevik/etree"
)

// MaxTwiMLInput bounds what Parse reads: far beyond any real <Dial>, small
// enough that a pasted file cannot stall the page.
const MaxTwiMLInput = 1 << 20

// Parse reads TwiML (as pasted from a console or written by Compose) into a
// Document, through etree. What it cannot keep — other verbs, other nouns,
// unknown attributes, <Sip> children — is named in a Diagnostic rather
// than silently dropped. Compose(Parse(Compose(d).TwiML)) gives the same
// TwiML as Compose(d).
func Parse(twiml string) (Document, []Diagnostic) {
	p := &parser{diags: []Diagnostic{}}
	return p.parse(twiml), p.diags
}

type parser struct{ diags []Diagnostic }

func (p *parser) add(sev Severity, code, field, format string, args ...any) {
	p.diags = append(p.diags, Diagnostic{Code: code, Severity: sev, Field: field, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) parse(twiml string) Document {
	var doc Document
	switch {
	case len(twiml) > MaxTwiMLInput:
		p.add(SeverityError, "parse-too-large", "", "The TwiML is %d bytes; import takes at most %d.", len(twiml), MaxTwiMLInput)
		return doc
	case strings.TrimSpace(twiml) == "":
		p.add(SeverityError, "parse-empty", "", "Nothing to import: paste TwiML starting with <Response>.")
		return doc
	}
	if line, col, err := xmlSyntax(twiml); err != nil {
		p.add(SeverityError, "parse-xml", "", "Line %d, column %d: %s.", line, col, err)
		return doc
	}
	x := etree.NewDocument()
	// Well-formed XML can still be too deep for etree (1024 levels).
	if err := x.ReadFromString(twiml); err != nil {
		p.add(SeverityError, "parse-xml", "", "The TwiML could not be read: %v.", err)
		return doc
	}
	root := x.Root()
	if root == nil || root.Tag != "Response" {
		p.add(SeverityError, "parse-no-response", "", "TwiML must start with <Response>; this starts with <%s>.", rootTag(root))
		return doc
	}
	// encoding/xml, unlike the XML spec, lets elements follow the root.
	for _, e := range x.ChildElements()[1:] {
		p.add(SeverityWarning, "parse-not-kept", "", "<%s> after </Response> is outside the TwiML and was not kept.", e.Tag)
	}
	var dial *etree.Element
	for _, e := range root.ChildElements() {
		switch {
		case e.Tag == "Dial" && dial == nil:
			dial = e
		case e.Tag == "Dial":
			p.add(SeverityWarning, "parse-not-kept", "", "Only the first <Dial> is imported; a later <Dial> was not kept.")
		default:
			p.add(SeverityWarning, "parse-not-kept", "", "<%s> is not part of a SIP dial and was not kept.", e.Tag)
		}
	}
	if dial == nil {
		p.add(SeverityError, "parse-no-dial", "", "No <Dial> found: the TwiML to import needs <Dial><Sip>…</Sip></Dial>.")
		return doc
	}
	doc.Dial = p.dial(dial)
	if text := ownText(dial); text != "" {
		p.add(SeverityWarning, "parse-not-kept", "dial", "<Dial> had a number as text (%q), which is not a SIP target; it was not kept.", text)
	}
	for _, e := range dial.ChildElements() {
		if e.Tag != "Sip" {
			p.add(SeverityWarning, "parse-not-kept", "targets", "<%s> inside <Dial> is not a SIP target and was not kept.", e.Tag)
			continue
		}
		doc.Targets = append(doc.Targets, p.sip(fmt.Sprintf("targets[%d]", len(doc.Targets)), e))
	}
	if len(doc.Targets) == 0 {
		p.add(SeverityError, "parse-no-sip", "targets", "The <Dial> has no <Sip>: nothing to import.")
	}
	return doc
}

func rootTag(e *etree.Element) string {
	if e == nil {
		return "nothing"
	}
	return e.Tag
}

// ownText is e's character data outside its child elements, trimmed:
// Dial's Text() would see only what comes before the first child.
func ownText(e *etree.Element) string {
	var b strings.Builder
	for _, c := range e.Child {
		if cd, ok := c.(*etree.CharData); ok {
			b.WriteString(cd.Data)
		}
	}
	return strings.TrimSpace(b.String())
}

// xmlSyntax finds the first syntax error with encoding/xml, which knows the
// line and column, so a person can find it in what they pasted.
func xmlSyntax(s string) (line, col int, err error) {
	d := xml.NewDecoder(strings.NewReader(s))
	// A pasted string is already text: an encoding="ISO-8859-1" declaration
	// describes the file it came from, not these bytes. etree reads it the
	// same way.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return 0, 0, nil
		}
		if err != nil {
			line, col := d.InputPos()
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
			}
			return line, col, errors.New(msg)
		}
	}
}

func (p *parser) dial(e *etree.Element) Dial {
	var d Dial
	for _, a := range e.Attr {
		f := "dial." + a.Key
		switch a.Key {
		case "action":
			d.Action = a.Value
		case "method":
			d.Method = a.Value
		case "timeout":
			d.Timeout = p.int(f, a.Value)
		case "hangupOnStar":
			d.HangupOnStar = p.bool(f, a.Value)
		case "timeLimit":
			d.TimeLimit = p.int(f, a.Value)
		case "callerId":
			d.CallerID = a.Value
		case "record":
			d.Record = a.Value
		case "trim":
			d.Trim = a.Value
		case "recordingStatusCallback":
			d.RecordingStatusCallback = a.Value
		case "recordingStatusCallbackMethod":
			d.RecordingStatusCallbackMethod = a.Value
		case "recordingStatusCallbackEvent":
			d.RecordingStatusCallbackEvent = strings.Fields(a.Value)
		case "recordingTrack":
			d.RecordingTrack = a.Value
		case "answerOnBridge":
			d.AnswerOnBridge = p.bool(f, a.Value)
		case "ringTone":
			d.RingTone = a.Value
		case "referUrl":
			d.ReferURL = a.Value
		case "referMethod":
			d.ReferMethod = a.Value
		case "sequential":
			d.Sequential = p.bool(f, a.Value)
		default:
			p.notKept("dial", "Dial", a)
		}
	}
	return d
}

func (p *parser) sip(field string, e *etree.Element) Target {
	t, diags := parseURI(e.Text(), 1)
	for _, d := range diags {
		d.Field = strings.TrimSuffix(field+"."+d.Field, ".")
		p.diags = append(p.diags, d)
	}
	for _, c := range e.ChildElements() {
		p.add(SeverityWarning, "parse-not-kept", field,
			"<Sip><%s> is new in Twilio's helper libraries and undocumented; it was not kept. Put the URI as the text of <Sip>.", c.Tag)
	}
	for _, a := range e.Attr {
		f := field + "." + a.Key
		switch a.Key {
		case "username":
			t.Username = a.Value
		case "password":
			t.Password = a.Value
		case "url":
			t.URL = a.Value
		case "method":
			t.Method = a.Value
		case "statusCallbackEvent":
			t.StatusCallbackEvent = strings.Fields(a.Value)
		case "statusCallback":
			t.StatusCallback = a.Value
		case "statusCallbackMethod":
			t.StatusCallbackMethod = a.Value
		case "machineDetection":
			t.MachineDetection = a.Value
		case "machineDetectionTimeout":
			t.MachineDetectionTimeout = p.int(f, a.Value)
		case "machineDetectionSpeechThreshold":
			t.MachineDetectionSpeechThreshold = p.int(f, a.Value)
		case "machineDetectionSpeechEndThreshold":
			t.MachineDetectionSpeechEndThreshold = p.int(f, a.Value)
		case "machineDetectionSilenceTimeout":
			t.MachineDetectionSilenceTimeout = p.int(f, a.Value)
		case "amdStatusCallback":
			t.AMDStatusCallback = a.Value
		case "amdStatusCallbackMethod":
			t.AMDStatusCallbackMethod = a.Value
		default:
			p.notKept(field, "Sip", a)
		}
	}
	return t
}

func (p *parser) notKept(field, tag string, a etree.Attr) {
	p.add(SeverityWarning, "parse-attribute-not-kept", field, "<%s %s=%q> is not an attribute this tool knows; it was not kept.", tag, a.FullKey(), a.Value)
}

func (p *parser) int(field, s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		p.add(SeverityError, "parse-number", field, "%q is not a whole number; it was not kept.", s)
	}
	return n
}

func (p *parser) bool(field, s string) bool {
	if !slices.Contains([]string{"true", "false"}, s) {
		p.add(SeverityError, "parse-bool", field, "%q must be true or false; it was read as false.", s)
	}
	return s == "true"
}
