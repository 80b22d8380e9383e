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
// document always gives the same bytes. uris are the targets' BuildURI
// results; etree escapes them (& → &amp;), never string concatenation.
//
// The line breaks and indents are text tokens placed as Indent(2) would
// place them, without its pass that rebuilds every element's children.
//
// The tree is only written, never walked or edited, and WriteTo reads
// nothing but tags, attributes, children and text. So each <Sip> with its
// text is made in one allocation for all targets, and one indent token
// stands before every <Sip>, where creating them one by one was most of
// the tree's garbage.
func renderTwiML(doc Document, uris []string) string {
	// The fixed frame of every TwiML, made in one allocation: created one
	// by one, its elements, texts and children lists were a dozen.
	type frame struct {
		settings         etree.WriteSettings
		decl             etree.ProcInst
		response, dial   etree.Element
		nl, indent, sips etree.CharData
		top              [4]etree.Token
		responseKids     [3]etree.Token
	}
	f := &frame{
		// Only &, < and > need escaping in text; Twilio's examples leave
		// quotes alone, and so do we.
		settings: etree.WriteSettings{CanonicalText: true, CanonicalAttrVal: true},
		decl:     etree.ProcInst{Target: "xml", Inst: `version="1.0" encoding="UTF-8"`},
		response: etree.Element{Tag: "Response"},
		dial:     etree.Element{Tag: "Dial"},
		nl:       etree.CharData{Data: "\n"},
		indent:   etree.CharData{Data: "\n  "},
		sips:     etree.CharData{Data: "\n    "},
	}
	f.top = [4]etree.Token{&f.decl, &f.nl, &f.response, &f.nl}
	f.responseKids = [3]etree.Token{&f.indent, &f.dial, &f.nl}
	f.response.Child = f.responseKids[:]
	dial := &f.dial
	dial.Child = make([]etree.Token, 0, 2*len(doc.Targets)+1)
	d := &doc.Dial
	size := 128 + attrs(dial,
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
	type sipNode struct {
		sip  etree.Element
		text etree.CharData
		kids [1]etree.Token
	}
	nodes := make([]sipNode, len(doc.Targets))
	for i := range doc.Targets {
		t, n := &doc.Targets[i], &nodes[i]
		sip := &n.sip
		sip.Tag = "Sip"
		// BuildURI percent-encodes every byte outside printable ASCII,
		// so a URI needs no xmlSafe.
		n.text.Data = uris[i]
		n.kids[0] = &n.text
		sip.Child = n.kids[:]
		if len(t.URIs) > 0 || len(t.HeaderElements) > 0 {
			size += sipChildren(sip, t, uris[i])
		}
		dial.Child = append(dial.Child, &f.sips, sip)
		size += 32 + len(uris[i]) + 4*strings.Count(uris[i], "&") + attrs(sip,
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
	}
	if len(doc.Targets) > 0 {
		dial.Child = append(dial.Child, &f.indent)
	}
	// Written into one builder sized up front, token by token as
	// Document.WriteTo does, but without its bufio.Writer: a 4 KiB buffer
	// per render and a second copy of every byte.
	var out strings.Builder
	out.Grow(size)
	for _, c := range f.top {
		c.WriteTo(&out, &f.settings)
	}
	return out.String()
}

// attrs sets name/value pairs in order, skipping empty values so Twilio's
// defaults stay in force. It returns about how many bytes they will take
// in the output.
func attrs(e *etree.Element, pairs ...string) int {
	n := 0
	for i := 1; i < len(pairs); i += 2 {
		if pairs[i] != "" {
			n++
		}
	}
	if n == 0 {
		return 0
	}
	e.Attr = make([]etree.Attr, 0, n)
	n = 0
	for i := 0; i < len(pairs); i += 2 {
		if v := pairs[i+1]; v != "" {
			e.CreateAttr(pairs[i], xmlSafe(v))
			n += len(pairs[i]) + len(v) + 8
		}
	}
	return n
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
	if xmlValid(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return utf8.RuneError
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}

// xmlValid reports whether s is valid UTF-8 made only of XML characters.
func xmlValid(s string) bool {
	// Printable ASCII, what almost every value is, needs no decoding.
	i := 0
	for i < len(s) && (0x20 <= s[i] && s[i] < utf8.RuneSelf || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	if i == len(s) {
		return true
	}
	s = s[i:]
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !xmlChar(r) {
			return false
		}
	}
	return true
}

// xmlChar is XML 1.0's Char production.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}
