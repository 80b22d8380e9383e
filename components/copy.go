package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// CopyText puts text on the clipboard and says so beside the control at,
// with caveat (an ErrorSummary) when the text has errors. When the browser
// refuses (no permission, insecure context), it selects the element
// sourceID so the person can copy by hand, and says that instead: never a
// silent failure.
func CopyText(ctx app.Context, text, sourceID, what, caveat string, n *Notifier, at string) {
	if caveat != "" {
		caveat = " — " + caveat
	}
	fallback := func() {
		el := app.Window().GetElementByID(sourceID)
		// A hidden source (the share link's input) shows itself, full
		// width, so the selection can be seen and copied.
		el.Get("classList").Call("add", "shown")
		if el.Get("select").Truthy() {
			el.Call("focus")
			el.Call("select")
		} else if el.Truthy() {
			app.Window().Call("getSelection").Call("selectAllChildren", el)
		}
		n.Say(at, "The browser refused the clipboard: the "+what+" is selected, press Ctrl+C (⌘C) to copy it"+caveat+".")
	}
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		fallback()
		return
	}
	var ok, fail app.Func
	release := func() {
		ok.Release()
		fail.Release()
	}
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) { n.Say(at, "Copied the "+what+caveat+".") })
		release()
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(app.Context) { fallback() })
		release()
		return nil
	})
	clip.Call("writeText", text).Call("then", ok, fail)
}

// copyButton is a button that copies what text returns (the whole output,
// of which the element sourceID may show only the start), with its
// feedback beside it, on its left, in the row it heads, so a notice moves
// nothing below. It asks for the text, and whether the document has
// errors, when clicked: go-app keeps a button's first click handler
// across renders, so text must read the mounted component's fields.
func copyButton(label, sourceID, what string, n *Notifier, text func() string) app.UI {
	return copyControl("copy", label, sourceID, what, n, always(text))
}

// answerCopyButton is copyButton for an output the page's worker writes
// (Jobs): text reports whether what it returns is the answer for the
// document as it is now. While the answer to the last change is still
// coming, nothing is copied, and the feedback says to try again.
func answerCopyButton(label, sourceID, what string, n *Notifier, text func() (string, bool)) app.UI {
	return copyControl("copy", label, sourceID, what, n, text)
}

func always(text func() string) func() (string, bool) {
	return func() (string, bool) { return text(), true }
}

// primaryCopyButton is copyButton for the action the page is for (Copy
// TwiML): the one filled button.
func primaryCopyButton(label, sourceID, what string, n *Notifier, text func() string) app.UI {
	return copyControl("primary", label, sourceID, what, n, always(text))
}

func copyControl(class, label, sourceID, what string, n *Notifier, text func() (string, bool)) app.UI {
	return app.Div().Class("copy-wrap").Body(
		&Feedback{At: sourceID, Notifier: n},
		app.Button().Type("button").Class(class).Text(label).OnClick(func(ctx app.Context, e app.Event) {
			t, ready := text()
			if !ready {
				n.Say(sourceID, "Not copied: the "+what+" for your last change is not ready yet. Copy again in a moment.")
				return
			}
			CopyText(ctx, t, sourceID, what, n.Problem, n, sourceID)
		}),
	)
}
