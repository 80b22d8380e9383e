package app

import (
	"reflect"
	"strconv"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/components"
	"sipcompose/sipcompose"
)

// kept is a finding of an import or a pasted URI that Warnings lists, with
// the value its field had when it was kept: once the field's value is
// another, the person has edited it and the finding goes.
type kept struct {
	finding components.Finding
	value   any
	// named is whether the finding names a field that has a value.
	named bool
}

// keep makes kept findings of diags, read into doc by from ("the import").
func (p *page) keep(doc sipcompose.Document, diags []sipcompose.Diagnostic, from string) []kept {
	out := make([]kept, 0, len(diags))
	for _, d := range diags {
		p.findingSeq++
		k := kept{finding: components.Finding{Diagnostic: d, From: from, ID: p.findingSeq}}
		k.value, k.named = valueAt(doc, d.Field)
		out = append(out, k)
	}
	return out
}

// pruneKept drops the findings whose field doc has edited.
func pruneKept(found []kept, doc sipcompose.Document) []kept {
	if len(found) == 0 {
		return found
	}
	out := found[:0:0]
	for _, k := range found {
		if k.named {
			if v, ok := valueAt(doc, k.finding.Field); !ok || !reflect.DeepEqual(v, k.value) {
				continue
			}
		}
		out = append(out, k)
	}
	if len(out) == len(found) {
		return found
	}
	return out
}

// findings is the kept findings as Warnings lists them.
func findings(found []kept) []components.Finding {
	if len(found) == 0 {
		return nil
	}
	out := make([]components.Finding, len(found))
	for i, k := range found {
		out[i] = k.finding
	}
	return out
}

// dismiss drops the kept finding id, or all of them for -1.
func (p *page) dismiss(ctx goapp.Context, id int) {
	var out []kept
	for _, k := range p.kept {
		if id != -1 && k.finding.ID != id {
			out = append(out, k)
		}
	}
	p.kept = out
	p.showDiags()
	p.Update()
	// The focus was on the button that is gone: it goes to the list, or
	// to Warnings when the list is gone too.
	target := "warnings"
	if len(out) > 0 {
		target = "imported"
	}
	p.afterRender(ctx, func(goapp.Context) { components.FocusControl(target) })
}

// valueAt is the value at a diagnostic's field path ("dial.timeout",
// "targets[0].headers[1].value", "targets[1]") in doc, read by the JSON
// names the paths use; false when doc has nothing there.
func valueAt(doc sipcompose.Document, path string) (any, bool) {
	if path == "" {
		return nil, false
	}
	v := reflect.ValueOf(doc)
	for _, step := range strings.Split(path, ".") {
		name, index := step, -1
		if open := strings.IndexByte(step, '['); open > 0 && strings.HasSuffix(step, "]") {
			n, err := strconv.Atoi(step[open+1 : len(step)-1])
			if err != nil {
				return nil, false
			}
			name, index = step[:open], n
		}
		if v = fieldByJSONName(v, name); !v.IsValid() {
			return nil, false
		}
		if index >= 0 {
			if v.Kind() != reflect.Slice || index >= v.Len() {
				return nil, false
			}
			v = v.Index(index)
		}
	}
	return v.Interface(), true
}

// fieldByJSONName is the field of struct v whose JSON name is name.
func fieldByJSONName(v reflect.Value, name string) reflect.Value {
	if v.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	t := v.Type()
	for i := range t.NumField() {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); tag == name {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}
