package evidence

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"sipcompose/sipcompose/capture"
)

// insightFields are the fields of a Voice Insights call summary (and its
// sip_edge) that bear on a failed call (twilio-oai's insights spec; fact
// sheet §5.6), kept as params named by their JSON path.
var insightFields = []string{
	"last_sip_response_num", "call_state", "disconnected_by", "pdd_ms", "q850_cause", "call_type",
	"direction", "processing_state", "external_signaling_ip", "external_media_ip",
	"twilio_signaling_ip", "twilio_media_ip", "edge_location", "signaling_region", "media_region",
	"sip_call_id", "packets_received", "packets_sent", "packets_lost", "codec_name", "log_level",
	"level", "alert_text",
}

// readJSON reads Twilio's JSON, if text is JSON: alerts, error-log events
// and Voice Insights summaries, alone or in lists. It reports whether text
// was JSON.
func (ev *Evidence) readJSON(item *Item, text string) bool {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "{") && !strings.HasPrefix(t, "[") {
		return false
	}
	var v any
	dec := json.NewDecoder(strings.NewReader(t))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		if strings.HasPrefix(t, "{\"") || strings.HasPrefix(t, "[{") {
			item.Problems = append(item.Problems, "JSON that cannot be read: "+err.Error())
			return true
		}
		return false
	}
	w := jsonWalk{ev: ev, item: item, ref: Ref{Source: item.Source}, seen: map[int]bool{}}
	w.walk("", v, 0)
	var kinds []string
	for _, k := range []string{"Voice Insights call summary", "Event Streams error log", "Monitor alert", "Debugger event"} {
		if w.kinds[k] > 0 {
			kinds = append(kinds, counted(w.kinds[k], k))
		}
	}
	if len(kinds) == 0 && (w.codes > 0 || w.params > 0) {
		kinds = append(kinds, "JSON")
	}
	if len(kinds) == 0 {
		item.Problems = append(item.Problems, "JSON, but none of Twilio's: no error_code, callback parameter or Voice Insights field")
		return true
	}
	what := strings.Join(kinds, ", ")
	if w.codes > 0 {
		what += fmt.Sprintf(" (%s)", counted(w.codes, "error code"))
	}
	item.Kinds = append(item.Kinds, "Twilio JSON: "+what)
	return true
}

type jsonWalk struct {
	ev     *Evidence
	item   *Item
	ref    Ref
	seen   map[int]bool
	kinds  map[string]int
	codes  int
	params int
}

func (w *jsonWalk) kind(k string) {
	if w.kinds == nil {
		w.kinds = map[string]int{}
	}
	w.kinds[k]++
}

// walk visits v, at path (dotted keys), noting codes, params and what
// each object is.
func (w *jsonWalk) walk(path string, v any, depth int) {
	if depth > 32 {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		w.object(v)
		for _, k := range sortedKeys(v) {
			p := k
			if path != "" {
				p = path + "." + k
			}
			w.field(p, k, v[k], depth)
		}
	case []any:
		for _, e := range v {
			w.walk(path, e, depth+1)
		}
	}
}

// object names what a JSON object is by the fields Twilio's objects have.
func (w *jsonWalk) object(o map[string]any) {
	has := func(k string) bool { _, ok := o[k]; return ok }
	switch {
	case has("sip_edge") || has("call_state") && has("call_type"):
		w.kind("Voice Insights call summary")
	case o["type"] == "com.twilio.error-logs.error.logged":
		w.kind("Event Streams error log")
	case has("alert_text") || has("log_level") && has("error_code"):
		w.kind("Monitor alert")
	case has("Payload") && has("Level") || has("resource_sid") && has("error_code"):
		w.kind("Debugger event")
	}
}

func (w *jsonWalk) field(path, key string, v any, depth int) {
	s, isString := v.(string)
	if n, ok := v.(json.Number); ok {
		s, isString = n.String(), true
	}
	switch {
	case key == "error_code" || key == "ErrorCode" || key == "errorCode":
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && isString && !w.seen[n] {
			w.seen[n] = true
			w.ev.Codes = append(w.ev.Codes, Code{Ref: w.ref, Number: n, Text: path + ": " + s})
			w.codes++
		}
		return
	case key == "Payload" && isString:
		// A Debugger webhook's payload is JSON in a string.
		var inner any
		if json.Unmarshal([]byte(s), &inner) == nil {
			w.walk(path, inner, depth+1)
		}
		return
	case key == "alert_text" && isString:
		// Monitor's alert_text is form-encoded ("Msg=...&sipResponseCode=...").
		if q, err := url.ParseQuery(s); err == nil {
			for _, k := range sortedKeys(q) {
				w.param(k, q.Get(k))
			}
		}
		w.param(path, s)
		return
	case key == "tags":
		if list, ok := v.([]any); ok {
			var tags []string
			for _, t := range list {
				if ts, ok := t.(string); ok {
					tags = append(tags, ts)
				}
			}
			w.param(path, strings.Join(tags, ","))
		}
		return
	}
	if isString {
		switch {
		case slices.Contains(insightFields, key) || isCallbackParam(key):
			w.param(path, s)
		case capture.LooksLikeSIP(strings.TrimSpace(s)):
			// A SIP message in a field (a request's body, a log).
			w.ev.readSIPText(w.item, s)
		}
		return
	}
	w.walk(path, v, depth+1)
}

func (w *jsonWalk) param(name, value string) {
	w.ev.Params = append(w.ev.Params, Param{Ref: w.ref, Name: name, Value: value})
	w.params++
}

// sortedKeys are a map's keys in order, so the JSON reads the same every
// time. (sort.Slice rather than slices.Sorted: its code is already in the
// page's app.wasm, where slices would add a copy for strings.)
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
