package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/components"
	"sipcompose/sipcompose"
)

// form holds the form sections as a component of its own so a keystroke
// does not re-render them: go-app re-renders a child only when one of its
// exported fields changed, and these change only when the form is rebuilt
// or which fields have diagnostics changes (their wording is re-rendered by
// the DiagStore alone). With 10 targets × 20 headers, re-rendering the
// whole form per keystroke cost tens of milliseconds.
type form struct {
	goapp.Compo

	Shown sipcompose.Document
	Shape string
	Gen   int

	// page is unexported, so go-app never compares or replaces it.
	page *page
}

func (f *form) Render() goapp.UI {
	p := f.page
	props := components.Props{
		Doc: f.Shown, Diags: p.diags, Store: &p.diagStore, Edit: p.edit, Notifier: p.notifier, Replace: p.replace, IsExample: isExample,
		FocusAfter: func(id string) { p.focus = id },
	}
	body := []goapp.UI{
		components.Targets(props),
		components.DialOptions(props),
		components.RESTOptions(props),
	}
	// A rebuild swaps the wrapper element, so go-app makes fresh inputs
	// with the new values instead of patching old ones.
	if f.Gen%2 == 0 {
		return goapp.Div().Class("form").Body(body...)
	}
	return goapp.Section().Class("form").Aria("label", "Form").Body(body...)
}
