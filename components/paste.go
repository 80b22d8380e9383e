package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// pasteID is the paste area's textarea; its feedback is at pasteID too.
const pasteID = "paste"

// PasteArea is where what a customer sent goes in, at the top of the form:
// TwiML, a SIP URI or a share link, recognised and imported the moment it
// is pasted (Ctrl+V or a drop), with Undo; Import takes what was typed
// instead. What is recognised, and how, is the page's (Props.Paste): this
// only hands the text over. Pasted text that is imported never lands in
// the box; what cannot be imported stays there, to be fixed and imported.
// The page keeps the area outside the form, which an import rebuilds, so
// the box keeps what was typed into it.
func PasteArea(p Props) app.UI {
	take := p.Paste
	return app.Div().Class("paste-area").Body(
		app.Label().For(pasteID).Text("Paste what the customer sent"),
		app.Textarea().ID(pasteID).Rows(2).Spellcheck(false).Aria("describedby", pasteID+"-feedback").
			Placeholder("TwiML (<Response>…), a SIP URI (sip:…) or a share link (…#doc=…)").
			OnPaste(func(ctx app.Context, e app.Event) {
				if take(ctx, e.Get("clipboardData").Call("getData", "text/plain").String()) {
					e.PreventDefault()
				}
			}).
			OnInput(func(ctx app.Context, e app.Event) {
				if kind := e.Get("inputType"); kind.Truthy() && kind.String() == "insertFromDrop" {
					box := ctx.JSSrc()
					if take(ctx, box.Get("value").String()) {
						box.Set("value", "")
					}
				}
			}),
		app.Div().Class("paste-foot").Body(
			app.Button().Type("button").ID(pasteID+"-import").Class("secondary").Text("Import").OnClick(func(ctx app.Context, e app.Event) {
				box := app.Window().GetElementByID(pasteID)
				if take(ctx, box.Get("value").String()) {
					box.Set("value", "")
				}
			}),
			&Feedback{At: pasteID, Notifier: p.Notifier},
			// In the feedback's place while it is empty (web/app.css).
			app.P().Class("hint", "paste-hint").Text("Read the moment you paste it, with Undo; Import reads what you type."),
		),
	)
}
