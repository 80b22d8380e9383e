// Package components renders the form sections and output panels of the
// page. Each is a view function over plain data: it reads the Document and
// the Result and reports edits through Props.Edit; the one stateful
// component, the page in package app, owns the state. Nothing here builds
// XML or URIs: every output comes from sipcompose.
package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// Edit applies change to the page's document. Structural edits (adding or
// removing rows, imports) rebuild the form from the new document; plain
// edits leave the inputs alone, because the person's typing already shows
// the new value and re-setting it would race the next keystroke.
type Edit func(ctx app.Context, structural bool, change func(*sipcompose.Document))

// Props is what every form section needs.
type Props struct {
	// Doc is the document the form was last built from: it gives the
	// form's structure and the inputs' initial values.
	Doc sipcompose.Document
	// Diags are the current diagnostics by field path; Store shows their
	// messages.
	Diags map[string][]sipcompose.Diagnostic
	Store *DiagStore
	Edit  Edit
	// Notifier shows feedback beside the control that caused it.
	Notifier *Notifier
	// Replace is an edit that replaces what was typed (an import, a pasted
	// URI): the page keeps the document before it and offers Undo.
	Replace func(ctx app.Context, r Replacement)
	// Paste imports text pasted or typed into the paste area (TwiML, a SIP
	// URI or a share link), saying what it did beside the area; false
	// when it imported nothing.
	Paste func(ctx app.Context, text string) bool
	// IsExample reports whether a document is the untouched example, which
	// a pasted URI replaces whole, <Dial> attributes too.
	IsExample func(sipcompose.Document) bool
	// FocusAfter names the control to focus once a structural edit has
	// rebuilt the form, so keyboard users are not dropped at the top.
	FocusAfter func(id string)
}

// Replacement is an edit that replaces what was typed: Change makes it,
// Msg says so beside the control At, with Undo. Found is what the way in
// changed or could not keep (an import's diagnostics), listed in Warnings
// as from From ("the import") until dismissed, undone, or its field
// edited. Whole is a whole new document: what Warnings kept from earlier
// imports goes.
type Replacement struct {
	At, Msg string
	Change  func(*sipcompose.Document)
	Found   []sipcompose.Diagnostic
	From    string
	Whole   bool
}

// DiagsByField groups diagnostics by the field they concern.
func DiagsByField(diags []sipcompose.Diagnostic) map[string][]sipcompose.Diagnostic {
	m := make(map[string][]sipcompose.Diagnostic, len(diags))
	for _, d := range diags {
		m[d.Field] = append(m[d.Field], d)
	}
	return m
}

func (p Props) diagsOf(field string) fieldState {
	return fieldState{field: field, diags: p.Diags[field], store: p.Store}
}
