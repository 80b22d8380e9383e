package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// UUIEditor is a target's User-to-User data with its encoding, the X-
// prefix switch and a text→hex helper, which fills UUI data as it is typed
// into (a Convert button cost a person one more action).
func UUIEditor(p Props, i int) app.UI {
	t := p.Doc.Targets[i]
	f := fieldPath(i)
	helper := id(i, "uui-text")
	return app.Div().Class("uui").Body(
		app.H3().Text("User-to-User (UUI)"),
		app.Div().Class("row").Body(
			textField{id: id(i, "uui-data"), label: "UUI data", value: t.UUI.Data, placeholder: "0A1B2C3D", diags: p.diagsOf(f + ".uui.data"),
				onInput: func(ctx app.Context, v string) {
					p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].UUI.Data = v })
				}}.render(),
			textField{id: id(i, "uui-encoding"), label: "UUI encoding", value: t.UUI.Encoding, placeholder: "hex", diags: p.diagsOf(f + ".uui.encoding"),
				onInput: func(ctx app.Context, v string) {
					p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].UUI.Encoding = v })
				}}.render(),
		),
		checkField(id(i, "uui-x"), "Send as X-User-to-User", t.UUI.XPrefix, func(ctx app.Context, v bool) {
			p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].UUI.XPrefix = v })
		}),
		app.Div().Class("row", "helper").Body(
			app.Div().Class("field").Body(
				app.Label().For(helper).Text("Text to send as hex"),
				app.Input().ID(helper).Type("text").Spellcheck(false).Aria("describedby", helper+"-hint").
					OnInput(func(ctx app.Context, e app.Event) {
						hex := sipcompose.TextToHex(ctx.JSSrc().Get("value").String())
						// UUI data owns its value while typed into: this is a
						// change from elsewhere, written into it here.
						app.Window().GetElementByID(id(i, "uui-data")).Set("value", hex)
						p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].UUI.Data = hex })
					}),
				app.P().ID(helper+"-hint").Class("hint").Text("Fills UUI data with its hex as you type."),
			),
		),
	)
}
