package components

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// Finding is what an import or a pasted SIP URI changed or could not keep
// on the way in (an answerOnBridge="True" read as false, a port not kept).
// The page keeps it, listed in Warnings under From, until it is dismissed,
// the import is undone, or the field it names is edited: the next
// keystroke must not make it vanish without a trace. ID tells it apart
// from the others, for Dismiss.
type Finding struct {
	sipcompose.Diagnostic
	From string
	ID   int
}

// Dismisser removes findings: Dismiss(ctx, id), or all of them with id
// -1. The page sets it; Warnings holds it by pointer.
type Dismisser struct {
	Dismiss func(ctx app.Context, id int)
}

// importedID is the element of the findings' list in Warnings, where the
// feedback of an import leads.
const importedID = "imported"

// findingsList is the findings in Warnings: under a heading that says
// where they come from, each with its field's name (a link to it) and a
// Dismiss button, then Dismiss all.
func findingsList(found []Finding, names *DiagStore, d *Dismisser) app.UI {
	if len(found) == 0 {
		return nil
	}
	from := found[0].From
	for _, f := range found[1:] {
		if f.From != from {
			from = "the imports"
		}
	}
	shown, more := firstOf(found, shownRows)
	dismiss := func(ctx app.Context, e app.Event) {
		id, err := strconv.Atoi(ctx.JSSrc().Get("dataset").Get("finding").String())
		if err == nil {
			d.Dismiss(ctx, id)
		}
	}
	return app.Div().ID(importedID).Class("imported").TabIndex(-1).Body(
		app.Div().Class("panel-head").Body(
			app.H3().Text("From "+from),
			app.Button().Type("button").Class("secondary", "small").DataSet("finding", -1).Text("Dismiss all").OnClick(dismiss),
		),
		app.P().Class("hint").Text("What it changed or could not keep on the way in. Each stays here until you dismiss it, undo, or edit the field it names."),
		app.Ul().Class("diag-list").Body(app.Range(shown).Slice(func(i int) app.UI {
			f := shown[i]
			return app.Li().Class("diag", string(f.Severity), "finding").DataSet("code", f.Code).DataSet("field", f.Field).Body(
				app.Span().Body(
					app.Span().Class("sev").Text(severityLabel(f.Severity)),
					app.Text(" "+shortText(f.Message)+" "),
					fieldLink(names.FieldLabel(f.Field), names.fieldControl(f.Field)),
					app.Text(" "),
				),
				// The finding is read from the button when clicked: go-app
				// keeps a button's first click handler when the list
				// re-renders.
				app.Button().Type("button").Class("small", "dismiss").DataSet("finding", f.ID).
					Aria("label", fmt.Sprintf("Dismiss: %.60s", f.Message)).Text("Dismiss").OnClick(dismiss),
			)
		})),
		moreNote(more, len(shown), "findings"),
	)
}

// UnderTarget makes the fields of ParseURI's diagnostics, which are
// relative to the target it read, those of target i of a document.
func UnderTarget(i int, diags []sipcompose.Diagnostic) []sipcompose.Diagnostic {
	out := make([]sipcompose.Diagnostic, len(diags))
	for k, d := range diags {
		d.Field = fieldPath(i) + "." + d.Field
		if d.Field == fieldPath(i)+"." {
			d.Field = fieldPath(i)
		}
		out[k] = d
	}
	return out
}
