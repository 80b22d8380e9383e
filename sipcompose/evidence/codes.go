package evidence

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// callbackParams are the parameters of Twilio's <Dial action>,
// statusCallback and Debugger requests that say how a call ended (the
// <Sip> and <Dial> docs; fact sheet §6); names are exact, as Twilio sends
// them.
var callbackParams = map[string]bool{
	"DialCallStatus": true, "DialSipResponseCode": true, "DialSipCallId": true, "DialCallSid": true,
	"DialCallDuration": true, "DialBridged": true, "CallStatus": true, "SipResponseCode": true,
	"ErrorCode": true, "ErrorMessage": true, "SipCallId": true, "CallSid": true, "CallbackSource": true,
	"SipSourceIp": true, "Payload": true, "Level": true,
}

// callbackPrefixes are the families of parameters that carry the X-
// headers of the PBX's responses.
var callbackPrefixes = []string{"DialSipHeader_", "SipHeader_"}

func isCallbackParam(name string) bool {
	if callbackParams[name] {
		return true
	}
	for _, p := range callbackPrefixes {
		if strings.HasPrefix(name, p) && len(name) > len(p) {
			return true
		}
	}
	return false
}

// codesInText finds the Twilio error and warning numbers a line says are
// one: "Error 32011", "error_code: 13224", "Warning - 32011",
// ".../docs/api/errors/32011", "ErrorCode=32011". A number is five digits
// that no letter or digit follows, after "/api/errors/" or after a word
// (in any case) that names a code, then "code", one of ":#=-" and a quote,
// each optional, with white space between.
func codesInText(line string) []int {
	var out []int
	for i := 0; i < len(line); {
		n, rest, ok := codeAt(line, i)
		if !ok {
			i++
			continue
		}
		out = append(out, n)
		i = len(line) - len(rest)
	}
	return out
}

// codeWords are the words after which a number is a Twilio code.
var codeWords = []string{"error", "warning", "alert", "code", "errorcode", "error_code"}

// codeAt reads a code that the text at line[i:] starts: its number and
// the rest of the line after it.
func codeAt(line string, i int) (int, string, bool) {
	var rest string
	switch {
	case line[i] == '/':
		var ok bool
		if rest, ok = cutPrefixFold(line[i:], "/api/errors/"); !ok {
			return 0, "", false
		}
	case isLetter(line[i]) && (i == 0 || !isWord(line[i-1])):
		w := wordRun(line[i:])
		if !slices.ContainsFunc(codeWords, func(c string) bool { return strings.EqualFold(w, c) }) {
			return 0, "", false
		}
		rest = strings.TrimLeft(line[i+len(w):], spaces)
		if len(rest) >= 4 && strings.EqualFold(rest[:4], "code") {
			rest = rest[4:]
		}
		rest = strings.TrimLeft(rest, spaces)
		if rest != "" && strings.IndexByte(":#=-", rest[0]) >= 0 {
			rest = rest[1:]
		}
		rest = strings.TrimPrefix(strings.TrimLeft(rest, spaces), `"`)
	default:
		return 0, "", false
	}
	if len(rest) < 5 || len(digits(rest[:5])) != 5 || len(rest) > 5 && isWord(rest[5]) {
		return 0, "", false
	}
	n, _ := strconv.Atoi(rest[:5])
	return n, rest[5:], true
}

// codeLine reads a line of nothing but codes: "32011", "32011, 13224",
// "32011 / 13224". Each is five digits; between two, white space with one
// comma, semicolon or slash in it, or at least one space.
func codeLine(line string) ([]int, bool) {
	rest := trimSpaces(line)
	var out []int
	for {
		if len(rest) < 5 || len(digits(rest[:5])) != 5 {
			return nil, false
		}
		n, _ := strconv.Atoi(rest[:5])
		out = append(out, n)
		rest = rest[5:]
		if rest == "" {
			return out, true
		}
		next := strings.TrimLeft(rest, spaces+",;/")
		between := rest[:len(rest)-len(next)]
		marks := strings.Count(between, ",") + strings.Count(between, ";") + strings.Count(between, "/")
		if marks > 1 || marks == 0 && !strings.Contains(between, " ") {
			return nil, false
		}
		rest = next
	}
}

// statusMention finds a SIP status line mentioned in a line ("the PBX sent
// SIP/2.0 404 Not Found back"): its code and what follows, to a line end.
func statusMention(line string) (string, bool) {
	rest := line
	for {
		_, after, found := strings.Cut(rest, "SIP/2.0 ")
		if !found {
			return "", false
		}
		rest = after
		if len(rest) >= 3 && '1' <= rest[0] && rest[0] <= '6' && isDigit(rest[1]) && isDigit(rest[2]) {
			reason, _ := strings.CutPrefix(rest[3:], " ")
			if !strings.HasPrefix(rest[3:], " ") {
				reason = ""
			}
			if end := strings.IndexAny(reason, "\r\n"); end >= 0 {
				reason = reason[:end]
			}
			return strings.TrimSpace(rest[:3] + " " + reason), true
		}
	}
}

// paramLine reads a parameter written one a line: "Name: value",
// "Name=value" or "Name<TAB>value", as a callback's parameters are pasted
// from a log or a table. The name is letters, digits, _ and -, starting
// with a letter; name and value may be quoted and the value may end with a
// comma, as in JSON.
func paramLine(line string) (name, value string, ok bool) {
	rest := strings.TrimPrefix(strings.TrimLeft(line, spaces), `"`)
	if rest == "" || !isLetter(rest[0]) {
		return "", "", false
	}
	n := 1
	for n < len(rest) && (isWord(rest[n]) || rest[n] == '-') {
		n++
	}
	name, rest = rest[:n], strings.TrimPrefix(rest[n:], `"`)
	// White space, then ":" or "="; else the last tab in the white space.
	blank := len(rest) - len(strings.TrimLeft(rest, spaces))
	if blank < len(rest) && (rest[blank] == ':' || rest[blank] == '=') {
		rest = rest[blank+1:]
	} else if tab := strings.LastIndexByte(rest[:blank], '\t'); tab >= 0 {
		rest = rest[tab+1:]
	} else {
		return "", "", false
	}
	value = strings.TrimPrefix(strings.TrimLeft(rest, spaces), `"`)
	value = strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(value, spaces), ","), `"`)
	return name, value, true
}

// maxLogLines bounds the PBX log lines kept from one input.
const maxLogLines = 500

// readCodes reads Twilio codes, callback parameters, SIP response
// mentions and PBX log lines from text (the lines no SIP message used).
func (ev *Evidence) readCodes(item *Item, text string) {
	var codes, params, logs int
	var names []string
	var logFormat string
	seen := map[int]bool{}
	addCode := func(ref Ref, n int, line string) {
		if !seen[n] {
			seen[n] = true
			ev.Codes = append(ev.Codes, Code{Ref: ref, Number: n, Text: strings.TrimSpace(line)})
			codes++
		}
	}
	addParam := func(ref Ref, name, value string) {
		if name == "Payload" && strings.HasPrefix(strings.TrimSpace(value), "{") {
			// A Debugger webhook's payload is JSON.
			ev.readJSON(item, value)
			return
		}
		ev.Params = append(ev.Params, Param{Ref: ref, Name: name, Value: value})
		params++
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		ref := Ref{Source: item.Source, Line: i + 1}
		if f := pbxLog(line); f != "" {
			if logs < maxLogLines {
				ev.Logs = append(ev.Logs, LogLine{Ref: ref, Format: f, Text: strings.TrimSpace(line)})
			}
			logs++
			logFormat = f
		}
		if nums, ok := codeLine(line); ok {
			for _, n := range nums {
				addCode(ref, n, line)
			}
			continue
		}
		for _, n := range codesInText(line) {
			addCode(ref, n, line)
		}
		if status, ok := statusMention(line); ok {
			addParam(ref, "SIP response", status)
		}
		if strings.Contains(line, "&") && strings.Contains(line, "=") {
			if q, ok := formParams(line); ok {
				for _, kv := range q {
					addParam(ref, kv[0], kv[1])
				}
				continue
			}
		}
		if name, value, ok := paramLine(line); ok && isCallbackParam(name) {
			addParam(ref, name, value)
		}
	}
	if codes > 0 {
		var nums []string
		for _, c := range ev.Codes {
			if c.Ref.Source == item.Source {
				nums = append(nums, strconv.Itoa(c.Number))
			}
		}
		item.Kinds = append(item.Kinds, "Twilio codes: "+strings.Join(nums, ", "))
	}
	if params > 0 {
		item.Kinds = append(item.Kinds, "callback parameters: "+strings.Join(names, ", "))
	}
	if logs > 0 {
		item.Kinds = append(item.Kinds, "PBX log lines: "+strconv.Itoa(logs)+" from "+logFormat)
	}
}

// pbxLog names the PBX whose log format line is in, or "".
func pbxLog(line string) string {
	switch {
	case asteriskLog(line):
		return "Asterisk"
	case freeswitchLog(line):
		return "FreeSWITCH"
	case kamailioLog(line):
		return "Kamailio"
	}
	return ""
}

// asteriskLog: a NOTICE, WARNING or ERROR line of Asterisk's log,
// "[2026-03-01 12:00:00] NOTICE[2101][C-00000001] res_pjsip.c: ...",
// the call's id in brackets being optional.
func asteriskLog(line string) bool {
	sc := newScanner(line)
	date := sc.bracketed()
	sc.oneOf(" NOTICE[", " WARNING[", " ERROR[")
	sc.number("]")
	if strings.HasPrefix(sc.rest, "[") {
		sc.bracketed()
	}
	sc.lit(" ")
	sc.field(": ")
	return sc.ok && date != ""
}

// freeswitchLog: a NOTICE, WARNING, ERR, ERROR or CRIT line of
// FreeSWITCH's log, "2026-03-01 12:00:00.123456 [NOTICE] ...", with a
// word in brackets before the level or not.
func freeswitchLog(line string) bool {
	levels := []string{"[NOTICE] ", "[WARNING] ", "[ERR] ", "[ERROR] ", "[CRIT] "}
	sc := newScanner(line)
	sc.date("-")
	sc.lit(" ")
	sc.clock(true)
	sc.lit(" ")
	withWord := sc
	if w := withWord.bracketed(); w != "" && wordRun(w) == w {
		withWord.lit(" ")
		withWord.oneOf(levels...)
		if withWord.ok {
			return true
		}
	}
	sc.oneOf(levels...)
	return sc.ok
}

// kamailioLog: Kamailio's warnings and errors, and its script's own lines
// (xlog), not the INFO it logs at start-up.
func kamailioLog(line string) bool {
	for _, tail := range kamailioTails(line) {
		level := newScanner(tail)
		if level.oneOf("WARNING: ", "ERROR: ", "CRITICAL: ", "ALERT: ", "BUG: "); level.ok {
			return true
		}
		if _, ok := scriptLine(tail); ok {
			return true
		}
	}
	return false
}

// formParams reads a form-encoded line ("DialCallStatus=failed&
// DialSipResponseCode=407"), in order, when one of its names is a
// callback parameter.
func formParams(line string) ([][2]string, bool) {
	var out [][2]string
	known := false
	for _, part := range strings.Split(strings.TrimSpace(line), "&") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		name, err1 := url.QueryUnescape(k)
		value, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			name, value = k, v
		}
		known = known || isCallbackParam(name)
		out = append(out, [2]string{name, value})
	}
	if !known {
		return nil, false
	}
	// Keep the parameters that say something about the call.
	kept := out[:0]
	for _, kv := range out {
		if isCallbackParam(kv[0]) {
			kept = append(kept, kv)
		}
	}
	return kept, true
}
