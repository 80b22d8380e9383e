package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// CopyText puts text on the clipboard and says so. When the browser
// refuses (no permission, insecure context), it selects the element
// sourceID so the person can copy by hand, and says that instead: never a
// silent failure.
func CopyText(ctx app.Context, text, sourceID, what string, notify func(app.Context, string)) {
	fallback := func() {
		if el := app.Window().GetElementByID(sourceID); el.Get("select").Truthy() {
			el.Call("focus")
			el.Call("select")
		} else if el.Truthy() {
			app.Window().Call("getSelection").Call("selectAllChildren", el)
		}
		notify(ctx, "The browser refused the clipboard: the "+what+" is selected, press Ctrl+C (⌘C) to copy it.")
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
		ctx.Dispatch(func(ctx app.Context) { notify(ctx, "Copied the "+what+".") })
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

// copyButton is a button that copies the text content of the element
// sourceID. It reads the text when clicked: go-app keeps a button's first
// click handler across renders, so a captured string would go stale.
func copyButton(label, sourceID, what string, notify func(app.Context, string)) app.UI {
	return app.Button().Type("button").Class("copy").Text(label).OnClick(func(ctx app.Context, e app.Event) {
		text := app.Window().GetElementByID(sourceID).Get("textContent").String()
		CopyText(ctx, text, sourceID, what, notify)
	})
}
