package components

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

var transportOptions = choices("Default (UDP)", "udp", "tcp", "tls")

func fieldPath(i int) string { return fmt.Sprintf("targets[%d]", i) }

// id makes a control's element id from its target and name.
func id(i int, name string) string { return fmt.Sprintf("t%d-%s", i, name) }

// Targets renders every SIP target section and the Add SIP target button.
func Targets(p Props) app.UI {
	shown, more := firstOf(p.Doc.Targets, shownTargets)
	return app.Div().Class("targets").Body(
		app.H2().Class("section-title").Text("SIP targets"),
		app.Range(shown).Slice(func(i int) app.UI { return Target(p, i) }),
		extraTargets(p, more),
		app.If(len(p.Doc.Targets) < sipcompose.MaxTargets,
			app.Button().Type("button").ID("add-target").Class("secondary").Text("Add SIP target").
				OnClick(func(ctx app.Context, e app.Event) {
					p.FocusAfter(id(len(p.Doc.Targets), "user"))
					p.Edit(ctx, true, func(d *sipcompose.Document) { d.Targets = append(d.Targets, sipcompose.Target{}) })
				}),
		).ElseIf(more == 0,
			app.P().Class("hint").Text(fmt.Sprintf("Twilio rings at most %d targets from one <Dial>.", sipcompose.MaxTargets)),
		),
		fieldDiags("targets-diags", "add-target", "SIP targets", p.diagsOf("targets")),
		checkField("encoding-compact", "Compact header encoding: keep - . _ ~ in header values as they are", p.Doc.Encoding == sipcompose.EncodingCompact,
			func(ctx app.Context, on bool) {
				p.Edit(ctx, false, func(d *sipcompose.Document) {
					d.Encoding = ""
					if on {
						d.Encoding = sipcompose.EncodingCompact
					}
				})
			}),
		fieldDiags("encoding-diags", "encoding-compact", "Compact header encoding", p.diagsOf("encoding")),
	)
}

// extraTargets says that more targets than Twilio takes are kept but not
// shown (an import, a link or a draft can hold a thousand), and offers to
// remove them, with Undo. Its feedback stays after they are gone.
func extraTargets(p Props, more int) app.UI {
	const at = "extra-targets"
	return app.Div().Class("extra-targets").Body(
		app.If(more > 0,
			app.P().ID("extra-targets-note").Class("diag", "error").Text(fmt.Sprintf(
				"%s kept but not shown here: Twilio accepts at most %d targets in one <Dial> (error 13250), so the form shows the first %d. "+
					"The TwiML, the share link and every Copy still hold all %d.", nOf(more, "more target is", "more targets are"), sipcompose.MaxTargets, shownTargets, len(p.Doc.Targets))),
			app.Button().Type("button").ID("remove-extra-targets").Class("danger").Text("Remove the "+nOf(more, "extra target", "extra targets")).
				OnClick(func(ctx app.Context, e app.Event) {
					p.FocusAfter(at + "-feedback")
					p.Replace(ctx, Replacement{At: at, Msg: "Removed " + nOf(more, "target", "targets") + fmt.Sprintf(": the first %d are kept.", sipcompose.MaxTargets), Change: func(d *sipcompose.Document) {
						d.Targets = d.Targets[:sipcompose.MaxTargets:sipcompose.MaxTargets]
					}})
				}),
		),
		&Feedback{At: at, Notifier: p.Notifier},
	)
}

// Target is one SIP target: where to ring, headers, UUI and <Sip> options.
func Target(p Props, i int) app.UI {
	t := p.Doc.Targets[i]
	f := fieldPath(i)
	return app.FieldSet().Class("target").Body(
		app.Legend().Text(fmt.Sprintf("SIP target %d", i+1)),
		app.Div().Class("row").Body(
			textField{id: id(i, "user"), label: "User", value: t.User, placeholder: "+14158675309", diags: p.diagsOf(f + ".user"),
				onInput: func(ctx app.Context, v string) {
					p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].User = v })
				}}.render(),
			textField{id: id(i, "host"), label: "Host", value: t.Host, placeholder: "pbx.example.com",
				hint: "Or paste a whole SIP URI here to fill this target.", diags: p.diagsOf(f + ".host"),
				onInput: func(ctx app.Context, v string) {
					p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].Host = v })
				},
				onPaste: func(ctx app.Context, v string) bool { return pasteURI(ctx, p, i, v) }, feedback: p.Notifier}.render(),
			numberField(id(i, "port"), "Port", t.Port, p.diagsOf(f+".port"), func(ctx app.Context, n int) {
				p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].Port = n })
			}),
		),
		// SRTP beside the transport it needs (TLS).
		app.Div().Class("row", "transport-row").Body(
			radioField(id(i, "transport"), "Transport", t.Transport, transportOptions, p.diagsOf(f+".transport"),
				func(ctx app.Context, v string) {
					p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].Transport = v })
				}),
			checkField(id(i, "secure"), "Secure media (SRTP)", t.Secure, func(ctx app.Context, v bool) {
				p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].Secure = v })
			}),
		),
		// The <Uri> children, an alternative few use, come after what
		// most targets need.
		EdgePicker(p, i),
		Headers(p, i),
		UUIEditor(p, i),
		URIs(p, i),
		SipOptions(p, i),
		app.If(len(p.Doc.Targets) > 1,
			app.Button().Type("button").Class("danger").Text("Remove target").
				Aria("label", fmt.Sprintf("Remove target %d", i+1)).Title("Remove target").
				OnClick(func(ctx app.Context, e app.Event) {
					p.FocusAfter("add-target")
					p.Edit(ctx, true, func(d *sipcompose.Document) { d.Targets = append(d.Targets[:i:i], d.Targets[i+1:]...) })
				}),
		),
	)
}

// pasteURI fills target i from a whole SIP URI pasted into Host, and
// reports whether it took the paste (text that is no URI at all is left
// to onInput). Typing is never imported half-way.
func pasteURI(ctx app.Context, p Props, i int, v string) bool {
	trimmed := strings.TrimSpace(v)
	lower := strings.ToLower(trimmed)
	if !strings.HasPrefix(lower, "sip:") && !strings.HasPrefix(lower, "sips:") && !strings.ContainsAny(trimmed, "@?;") {
		return false
	}
	t, diags := sipcompose.ParseURI(trimmed)
	if refused := sipcompose.UnreadableURI(diags); refused != nil {
		// The text stays in Host as pasted. The notice comes after that
		// edit, which clears any notice said before it (this one was).
		p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].Host = v })
		p.Notifier.Say(id(i, "host"), "The pasted text is not a SIP URI the form can take: "+Messages(refused))
		return true
	}
	// As an import: a URI with errors fills the target as far as it
	// reads, each change on the way in listed in Warnings.
	msg := fmt.Sprintf("Filled target %d from the pasted SIP URI.", i+1)
	if len(diags) > 0 {
		msg += " " + ImportSummary(diags)
	}
	p.Replace(ctx, Replacement{At: id(i, "host"), Msg: msg, Change: func(d *sipcompose.Document) {
		if p.IsExample(*d) {
			*d = sipcompose.Document{Targets: make([]sipcompose.Target, 1)}
		}
		d.Targets[i] = sipcompose.WithURI(d.Targets[i], t)
	}, Found: UnderTarget(i, diags), From: "the pasted SIP URI"})
	return true
}
