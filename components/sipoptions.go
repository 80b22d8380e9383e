package components

import (
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

var statusEvents = []string{"initiated", "ringing", "answered", "completed"}

// SipOptions is a target's <Sip> attributes: digest auth, screening URL,
// status callbacks and answering-machine detection, collapsed by default.
func SipOptions(p Props, i int) app.UI {
	t := p.Doc.Targets[i]
	f := fieldPath(i)
	edit := func(change func(t *sipcompose.Target)) func(ctx app.Context) {
		return func(ctx app.Context) { p.Edit(ctx, false, func(d *sipcompose.Document) { change(&d.Targets[i]) }) }
	}
	text := func(name, label, value, placeholder string, set func(t *sipcompose.Target, v string)) app.UI {
		return textField{id: id(i, name), label: label, value: value, placeholder: placeholder, diags: p.diagsOf(f + "." + name),
			onInput: func(ctx app.Context, v string) { edit(func(t *sipcompose.Target) { set(t, v) })(ctx) }}.render()
	}
	sel := func(name, label, value string, opts []option, set func(t *sipcompose.Target, v string)) app.UI {
		return selectField(id(i, name), label, value, opts, p.diagsOf(f+"."+name), func(ctx app.Context, v string) {
			edit(func(t *sipcompose.Target) { set(t, v) })(ctx)
		})
	}
	num := func(name, label string, value int, set func(t *sipcompose.Target, n int)) app.UI {
		return numberField(id(i, name), label, value, p.diagsOf(f+"."+name), func(ctx app.Context, n int) {
			edit(func(t *sipcompose.Target) { set(t, n) })(ctx)
		})
	}
	return app.Details().Class("options").Open(t.Username != "" || t.Password != "" || t.StatusCallback != "" || t.MachineDetection != "").Body(
		app.Summary().Text("<Sip> options: auth, callbacks, machine detection"),
		app.Div().Class("row").Body(
			textField{id: id(i, "username"), label: "Username", value: t.Username, autocomplete: "off", diags: p.diagsOf(f + ".username"),
				onInput: func(ctx app.Context, v string) { edit(func(t *sipcompose.Target) { t.Username = v })(ctx) }}.render(),
			textField{id: id(i, "password"), label: "Password", value: t.Password, kind: "password", autocomplete: "new-password",
				hint: "Never saved: the draft and share links leave the password out.", diags: p.diagsOf(f + ".password"),
				onInput: func(ctx app.Context, v string) { edit(func(t *sipcompose.Target) { t.Password = v })(ctx) }}.render(),
		),
		app.Div().Class("row").Body(
			text("url", "Screening URL", t.URL, "https://example.com/screen", func(t *sipcompose.Target, v string) { t.URL = v }),
			sel("method", "Screening method", t.Method, methodOptions, func(t *sipcompose.Target, v string) { t.Method = v }),
		),
		app.Div().Class("row").Body(
			text("statusCallback", "Status callback", t.StatusCallback, "https://example.com/status", func(t *sipcompose.Target, v string) { t.StatusCallback = v }),
			sel("statusCallbackMethod", "Status callback method", t.StatusCallbackMethod, methodOptions, func(t *sipcompose.Target, v string) { t.StatusCallbackMethod = v }),
		),
		app.FieldSet().Class("events").Body(
			app.Legend().Text("Status callback events"),
			app.Range(statusEvents).Slice(func(k int) app.UI {
				ev := statusEvents[k]
				return checkField(id(i, "event-"+ev), ev, slices.Contains(t.StatusCallbackEvent, ev), func(ctx app.Context, on bool) {
					edit(func(t *sipcompose.Target) {
						t.StatusCallbackEvent = toggle(t.StatusCallbackEvent, ev, on, statusEvents)
					})(ctx)
				})
			}),
			fieldDiags(id(i, "statusCallbackEvent-diags"), id(i, "event-"+statusEvents[0]), "Status callback events", p.diagsOf(f+".statusCallbackEvent")),
		),
		app.Div().Class("row").Body(
			sel("machineDetection", "Machine detection", t.MachineDetection, choices("Off", "Enable", "DetectMessageEnd"),
				func(t *sipcompose.Target, v string) { t.MachineDetection = v }),
			num("machineDetectionTimeout", "Detection timeout (s)", t.MachineDetectionTimeout, func(t *sipcompose.Target, n int) { t.MachineDetectionTimeout = n }),
			num("machineDetectionSpeechThreshold", "Speech threshold (ms)", t.MachineDetectionSpeechThreshold, func(t *sipcompose.Target, n int) { t.MachineDetectionSpeechThreshold = n }),
			num("machineDetectionSpeechEndThreshold", "Speech end threshold (ms)", t.MachineDetectionSpeechEndThreshold, func(t *sipcompose.Target, n int) { t.MachineDetectionSpeechEndThreshold = n }),
			num("machineDetectionSilenceTimeout", "Silence timeout (ms)", t.MachineDetectionSilenceTimeout, func(t *sipcompose.Target, n int) { t.MachineDetectionSilenceTimeout = n }),
		),
		app.Div().Class("row").Body(
			text("amdStatusCallback", "AMD status callback", t.AMDStatusCallback, "https://example.com/amd", func(t *sipcompose.Target, v string) { t.AMDStatusCallback = v }),
			sel("amdStatusCallbackMethod", "AMD callback method", t.AMDStatusCallbackMethod, methodOptions, func(t *sipcompose.Target, v string) { t.AMDStatusCallbackMethod = v }),
		),
	)
}

// toggle adds or removes v in a list kept in the order of all, so the
// same choices always render the same attribute.
func toggle(list []string, v string, on bool, all []string) []string {
	var out []string
	for _, a := range all {
		if (a == v && on) || (a != v && slices.Contains(list, a)) {
			out = append(out, a)
		}
	}
	for _, a := range list {
		if !slices.Contains(all, a) {
			out = append(out, a) // keep unknown imported values visible to validation
		}
	}
	return out
}
