package components

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// fieldState is what a control knows of its field's diagnostics: the
// current ones, for its aria attributes, and the store its list reads.
type fieldState struct {
	field string
	diags []sipcompose.Diagnostic
	store *DiagStore
}

// fieldDiags renders the diagnostics of one field under its control; id is
// what the control's aria-describedby points at, and control the element a
// Warnings entry focuses. label is what the form calls the field.
func fieldDiags(id, control, label string, f fieldState) app.UI {
	if f.store != nil {
		f.store.name(f.field, label, control)
	}
	return app.If(len(f.diags) > 0, &DiagList{ID: id, Field: f.field, Store: f.store})
}

func severityLabel(s sipcompose.Severity) string {
	switch s {
	case sipcompose.SeverityError:
		return "Error:"
	case sipcompose.SeverityWarning:
		return "Warning:"
	}
	return "Note:"
}

// describe wires a control to its hint and diagnostics for screen readers.
func describe(in app.HTMLInput, id string, hint bool, f fieldState) app.HTMLInput {
	var ids []string
	if hint {
		ids = append(ids, id+"-hint")
	}
	if len(f.diags) > 0 {
		ids = append(ids, id+"-diags")
		in = in.Aria("invalid", hasError(f.diags))
	}
	if len(ids) > 0 {
		in = in.Aria("describedby", strings.Join(ids, " "))
	}
	return in
}

func hasError(diags []sipcompose.Diagnostic) bool {
	return sipcompose.Result{Diagnostics: diags}.HasErrors()
}

// textField is a labelled text input whose value the person owns: value
// sets it only when the form is built.
type textField struct {
	id, label, value, hint, kind, placeholder, autocomplete string
	diags                                                   fieldState
	onInput                                                 func(ctx app.Context, v string)
	// onPaste, when set, sees pasted or dropped text first and reports
	// whether it took it.
	onPaste func(ctx app.Context, v string) bool
	// feedback, when set, shows what onPaste did under the control.
	feedback *Notifier
}

func (f textField) render() app.UI {
	kind := f.kind
	if kind == "" {
		kind = "text"
	}
	in := app.Input().ID(f.id).Type(kind).Value(f.value).Placeholder(f.placeholder).
		AutoComplete(f.autocomplete != "").Spellcheck(false).
		OnInput(func(ctx app.Context, e app.Event) {
			v := ctx.JSSrc().Get("value").String()
			if kind := e.Get("inputType"); f.onPaste != nil && kind.Truthy() &&
				(kind.String() == "insertFromPaste" || kind.String() == "insertFromDrop") && f.onPaste(ctx, v) {
				return
			}
			f.onInput(ctx, v)
		})
	if f.autocomplete != "" {
		in = in.Attr("autocomplete", f.autocomplete)
	}
	return app.Div().Class("field").Body(
		app.Label().For(f.id).Text(f.label),
		describe(in, f.id, f.hint != "", f.diags),
		app.If(f.hint != "", app.P().ID(f.id+"-hint").Class("hint").Text(f.hint)),
		fieldDiags(f.id+"-diags", f.id, f.label, f.diags),
		app.If(f.feedback != nil, &Feedback{At: f.id, Notifier: f.feedback}),
	)
}

// numberField is a text field for a whole number; empty means "default".
func numberField(id, label string, value int, diags fieldState, set func(ctx app.Context, n int)) app.UI {
	v := ""
	if value != 0 {
		v = strconv.Itoa(value)
	}
	return textField{id: id, label: label, value: v, kind: "number", diags: diags, onInput: func(ctx app.Context, s string) {
		n, _ := strconv.Atoi(strings.TrimSpace(s))
		set(ctx, n)
	}}.render()
}

// option is one choice of a select: its value and what a person reads;
// consecutive options of one group are listed under its name.
type option struct{ value, label, group string }

func selectField(id, label, value string, options []option, diags fieldState, set func(ctx app.Context, v string)) app.UI {
	return hintedSelect(id, label, "", value, options, diags, set)
}

// hintedSelect is a select with a hint under it: where its options need
// more words than a closed select has room for.
func hintedSelect(id, label, hint, value string, options []option, diags fieldState, set func(ctx app.Context, v string)) app.UI {
	sel := app.Select().ID(id).OnChange(func(ctx app.Context, e app.Event) { set(ctx, ctx.JSSrc().Get("value").String()) })
	var described []string
	if hint != "" {
		described = append(described, id+"-hint")
	}
	if len(diags.diags) > 0 {
		described = append(described, id+"-diags")
		sel = sel.Aria("invalid", hasError(diags.diags))
	}
	if len(described) > 0 {
		sel = sel.Aria("describedby", strings.Join(described, " "))
	}
	known := false
	opts := make([]app.UI, 0, len(options)+1)
	var group []app.UI
	for i, o := range options {
		known = known || o.value == value
		opt := app.Option().Value(o.value).Selected(o.value == value).Text(o.label)
		if o.group == "" {
			opts = append(opts, opt)
			continue
		}
		group = append(group, opt)
		if i+1 == len(options) || options[i+1].group != o.group {
			opts = append(opts, app.OptGroup().Label(o.group).Body(group...))
			group = nil
		}
	}
	if !known {
		// A value from an import or draft that the list lacks stays visible
		// (and validated) instead of silently becoming the default.
		opts = append(opts, app.Option().Value(value).Selected(true).Text(value+" (not in the list)"))
	}
	return app.Div().Class("field").Body(
		app.Label().For(id).Text(label),
		sel.Body(opts...),
		app.If(hint != "", app.P().ID(id+"-hint").Class("hint").Text(hint)),
		fieldDiags(id+"-diags", id, label, diags),
	)
}

// radioField is a choice among a few options as radio buttons, for lists
// where a select's type-ahead picks the wrong option: typing "t" in a
// Transport select chose tcp when tls was meant, and "d" in Trim chose
// Default (trim silence) for do-not-trim. A radio is picked with a click
// or the arrow keys, and a letter picks nothing. A value from an import
// or draft that the options lack is shown as one more, checked.
func radioField(id, label, value string, options []option, diags fieldState, set func(ctx app.Context, v string)) app.UI {
	if !slices.ContainsFunc(options, func(o option) bool { return o.value == value }) {
		options = append(options[:len(options):len(options)], option{value: value, label: value + " (not in the list)"})
	}
	control := id + "-0"
	for k, o := range options {
		if o.value == value {
			control = id + "-" + strconv.Itoa(k)
		}
	}
	return app.FieldSet().ID(id).Class("field", "choice").Body(
		app.Legend().Text(label),
		app.Div().Class("choices").Body(app.Range(options).Slice(func(k int) app.UI {
			o, rid := options[k], id+"-"+strconv.Itoa(k)
			// The handler holds the option's value: go-app leaves an empty
			// value attribute out, and a radio without one reads as "on".
			attr := o.value
			if attr == "" {
				attr = "default"
			}
			in := app.Input().Type("radio").ID(rid).Name(id).Value(attr).Checked(o.value == value).
				OnChange(func(ctx app.Context, e app.Event) { set(ctx, o.value) })
			return app.Label().For(rid).Body(describe(in, id, false, diags), app.Text(o.label))
		})),
		fieldDiags(id+"-diags", control, label, diags),
	)
}

func checkField(id, label string, checked bool, set func(ctx app.Context, v bool)) app.UI {
	return flagField(id, label, checked, fieldState{}, set)
}

// flagField is a checkbox for a field of the document, which the Warnings
// and import lists name and lead to (an imported answerOnBridge="True" is
// read as false, and said so).
func flagField(id, label string, checked bool, diags fieldState, set func(ctx app.Context, v bool)) app.UI {
	return app.Div().Class("field", "check").Body(
		describe(app.Input().ID(id).Type("checkbox").Checked(checked), id, false, diags).
			OnChange(func(ctx app.Context, e app.Event) { set(ctx, ctx.JSSrc().Get("checked").Bool()) }),
		app.Label().For(id).Text(label),
		fieldDiags(id+"-diags", id, label, diags),
	)
}

// choices turns plain values into options, with a first "default" entry.
func choices(defaultLabel string, values ...string) []option {
	out := []option{{value: "", label: defaultLabel}}
	for _, v := range values {
		out = append(out, option{value: v, label: v})
	}
	return out
}

var methodOptions = choices("Default (POST)", "GET", "POST")
