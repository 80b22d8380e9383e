package evidence

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"sipcompose/sipcompose/internal/logline"
)

// callbackParams are the parameters of Twilio's <Dial action>,
// statusCallback and Debugger requests that say how a call ended (the
// <Sip> and <Dial> docs; fact sheet §6); names are exact, as Twilio sends
// them.
var callbackParams = []string{
	"DialCallStatus", "DialSipResponseCode", "DialSipCallId", "DialCallSid", "DialCallDuration",
	"DialBridged", "CallStatus", "SipResponseCode", "ErrorCode", "ErrorMessage", "SipCallId",
	"CallSid", "CallbackSource", "SipSourceIp", "Payload", "Level",
}

// callbackPrefixes are the families of parameters that carry the X-
// headers of the PBX's responses.
var callbackPrefixes = []string{"DialSipHeader_", "SipHeader_"}

func isCallbackParam(name string) bool {
	if slices.Contains(callbackParams, name) {
		return true
	}
	for _, p := range callbackPrefixes {
		if strings.HasPrefix(name, p) && len(name) > len(p) {
			return true
		}
	}
	return false
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
		if f := logline.PBXLog(line); f != "" {
			if logs < maxLogLines {
				ev.Logs = append(ev.Logs, LogLine{Ref: ref, Format: f, Text: strings.TrimSpace(line)})
			}
			logs++
			logFormat = f
		}
		if nums, ok := logline.CodeLine(line); ok {
			for _, n := range nums {
				addCode(ref, n, line)
			}
			continue
		}
		for _, n := range logline.CodesInText(line) {
			addCode(ref, n, line)
		}
		if status, ok := logline.StatusMention(line); ok {
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
		if name, value, ok := logline.Param(line); ok && isCallbackParam(name) {
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
