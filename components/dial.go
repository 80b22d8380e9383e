package components

import (
	"fmt"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

var (
	recordOptions   = choices("Default (do not record)", "do-not-record", "record-from-answer", "record-from-ringing", "record-from-answer-dual", "record-from-ringing-dual")
	trimOptions     = choices("Default", "trim-silence", "do-not-trim")
	trackOptions    = choices("Default (both)", "inbound", "outbound", "both")
	ringToneOptions = choices("Default (carrier ringback)", strings.Fields("at au bg br be ch cl cn cz de dk ee es fi fr gr hu il in it lt jp mx my nl no nz ph pl pt ru se sg th uk us us-old tw ve za")...)
	recordingEvents = []string{"in-progress", "completed", "absent"}
)

// DialOptions is the <Dial> attributes that matter for SIP.
func DialOptions(p Props) app.UI {
	d := p.Doc.Dial
	edit := func(change func(d *sipcompose.Dial)) func(ctx app.Context) {
		return func(ctx app.Context) { p.Edit(ctx, false, func(doc *sipcompose.Document) { change(&doc.Dial) }) }
	}
	text := func(name, label, value, placeholder, hint string, set func(d *sipcompose.Dial, v string)) app.UI {
		return textField{id: "dial-" + name, label: label, value: value, placeholder: placeholder, hint: hint, diags: p.diagsOf("dial." + name),
			onInput: func(ctx app.Context, v string) { edit(func(d *sipcompose.Dial) { set(d, v) })(ctx) }}.render()
	}
	sel := func(name, label, value string, opts []option, set func(d *sipcompose.Dial, v string)) app.UI {
		return selectField("dial-"+name, label, value, opts, p.diagsOf("dial."+name), func(ctx app.Context, v string) {
			edit(func(d *sipcompose.Dial) { set(d, v) })(ctx)
		})
	}
	num := func(name, label string, value int, set func(d *sipcompose.Dial, n int)) app.UI {
		return numberField("dial-"+name, label, value, p.diagsOf("dial."+name), func(ctx app.Context, n int) {
			edit(func(d *sipcompose.Dial) { set(d, n) })(ctx)
		})
	}
	check := func(name, label string, value bool, set func(d *sipcompose.Dial, v bool)) app.UI {
		return checkField("dial-"+name, label, value, func(ctx app.Context, v bool) { edit(func(d *sipcompose.Dial) { set(d, v) })(ctx) })
	}
	flag := func(name, label string, value bool, set func(d *sipcompose.Dial, v bool)) app.UI {
		return flagField("dial-"+name, label, value, p.diagsOf("dial."+name), func(ctx app.Context, v bool) { edit(func(d *sipcompose.Dial) { set(d, v) })(ctx) })
	}
	return app.Details().Class("options").Open(d.CallerID != "" || d.Action != "" || d.Timeout != 0 || d.Record != "" || d.Sequential || d.AnswerOnBridge).Body(
		app.Summary().Text("<Dial> options"),
		app.Div().Class("row").Body(
			text("callerId", "Caller ID", d.CallerID, "+14155550100", "Any letters, digits and + - _ . (it need not be a verified number for SIP).", func(d *sipcompose.Dial, v string) { d.CallerID = v }),
			num("timeout", "Timeout", d.Timeout, func(d *sipcompose.Dial, n int) { d.Timeout = n }),
			num("timeLimit", "Time limit (s)", d.TimeLimit, func(d *sipcompose.Dial, n int) { d.TimeLimit = n }),
		),
		app.Div().Class("row").Body(
			text("action", "Action URL", d.Action, "https://example.com/dial-done", "", func(d *sipcompose.Dial, v string) { d.Action = v }),
			sel("method", "Action method", d.Method, methodOptions, func(d *sipcompose.Dial, v string) { d.Method = v }),
		),
		app.Div().Class("checks").Body(
			flag("answerOnBridge", "Answer on bridge", d.AnswerOnBridge, func(d *sipcompose.Dial, v bool) { d.AnswerOnBridge = v }),
			flag("sequential", "Sequential", d.Sequential, func(d *sipcompose.Dial, v bool) { d.Sequential = v }),
			flag("hangupOnStar", "Hang up on star", d.HangupOnStar, func(d *sipcompose.Dial, v bool) { d.HangupOnStar = v }),
		),
		app.Div().Class("row").Body(
			sel("record", "Record", d.Record, recordOptions, func(d *sipcompose.Dial, v string) { d.Record = v }),
			radioField("dial-trim", "Trim", d.Trim, trimOptions, p.diagsOf("dial.trim"), func(ctx app.Context, v string) {
				edit(func(d *sipcompose.Dial) { d.Trim = v })(ctx)
			}),
			sel("recordingTrack", "Recording track", d.RecordingTrack, trackOptions, func(d *sipcompose.Dial, v string) { d.RecordingTrack = v }),
		),
		app.Div().Class("row").Body(
			text("recordingStatusCallback", "Recording status callback", d.RecordingStatusCallback, "https://example.com/recording", "", func(d *sipcompose.Dial, v string) { d.RecordingStatusCallback = v }),
			sel("recordingStatusCallbackMethod", "Recording callback method", d.RecordingStatusCallbackMethod, methodOptions, func(d *sipcompose.Dial, v string) { d.RecordingStatusCallbackMethod = v }),
		),
		app.FieldSet().Class("events").Body(
			app.Legend().Text("Recording status callback events"),
			app.Range(recordingEvents).Slice(func(k int) app.UI {
				ev := recordingEvents[k]
				return check("recordingEvent-"+ev, ev, slices.Contains(d.RecordingStatusCallbackEvent, ev), func(d *sipcompose.Dial, on bool) {
					d.RecordingStatusCallbackEvent = toggle(d.RecordingStatusCallbackEvent, ev, on, recordingEvents)
				})
			}),
			fieldDiags("dial-recordingStatusCallbackEvent-diags", "dial-recordingEvent-"+recordingEvents[0], "Recording status callback events", p.diagsOf("dial.recordingStatusCallbackEvent")),
		),
		app.Div().Class("row").Body(
			sel("ringTone", "Ring tone", d.RingTone, ringToneOptions, func(d *sipcompose.Dial, v string) { d.RingTone = v }),
			text("referUrl", "Refer URL", d.ReferURL, "https://example.com/refer", "", func(d *sipcompose.Dial, v string) { d.ReferURL = v }),
			sel("referMethod", "Refer method", d.ReferMethod, methodOptions, func(d *sipcompose.Dial, v string) { d.ReferMethod = v }),
		),
		app.Div().Class("row").Body(
			text("recordingConfigurationId", "Recording configuration ID", d.RecordingConfigurationID, "", "", func(d *sipcompose.Dial, v string) { d.RecordingConfigurationID = v }),
			text("events", "Events", d.Events, "call-progress-event", "Only in Twilio's helper libraries.", func(d *sipcompose.Dial, v string) { d.Events = v }),
			text("passports", "Passports", d.Passports, "", "Only in Twilio's helper libraries.", func(d *sipcompose.Dial, v string) { d.Passports = v }),
		),
	)
}

// RESTOptions is what only the REST form of the call needs.
func RESTOptions(p Props) app.UI {
	r := p.Doc.REST
	return app.Details().Class("options").Open(r.URL != "" || r.TwiML != "").Body(
		app.Summary().Text("REST call options"),
		app.P().Class("hint").Text("What Twilio runs once the SIP party answers a call placed through the REST API (the curl command)."),
		textField{id: "rest-url", label: "Answer URL (REST)", value: r.URL, placeholder: "https://example.com/answered", diags: p.diagsOf("rest.url"),
			onInput: func(ctx app.Context, v string) { p.Edit(ctx, false, func(d *sipcompose.Document) { d.REST.URL = v }) }}.render(),
		app.Div().Class("field").Body(
			app.Label().For("rest-twiml").Text("Answer TwiML (REST)"),
			app.Textarea().ID("rest-twiml").Rows(3).Spellcheck(false).Text(r.TwiML).
				OnInput(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					p.Edit(ctx, false, func(d *sipcompose.Document) { d.REST.TwiML = v })
				}),
			fieldDiags("rest-twiml-diags", "rest-twiml", "Answer TwiML (REST)", p.diagsOf("rest.twiml")),
		),
	)
}

// ImportSummary counts what an import said, by severity, and says where
// it is listed.
func ImportSummary(diags []sipcompose.Diagnostic) string {
	count := map[sipcompose.Severity]int{}
	for _, d := range diags {
		count[d.Severity]++
	}
	var parts []string
	for _, s := range []struct {
		sev       sipcompose.Severity
		one, many string
	}{{sipcompose.SeverityError, "error", "errors"}, {sipcompose.SeverityWarning, "warning", "warnings"}, {sipcompose.SeverityInfo, "note", "notes"}} {
		switch n := count[s.sev]; n {
		case 0:
		case 1:
			parts = append(parts, "1 "+s.one)
		default:
			parts = append(parts, fmt.Sprintf("%d %s", n, s.many))
		}
	}
	return strings.Join(parts, ", ") + " on the way in: see Warnings."
}

// Messages joins diagnostics' messages, for a notice that quotes them.
func Messages(diags []sipcompose.Diagnostic) string {
	var b strings.Builder
	for i, d := range diags {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(d.Message)
	}
	return b.String()
}
