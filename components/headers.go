package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// Headers is a target's custom header rows with Add header and Remove
// header.
func Headers(p Props, i int) app.UI {
	t := p.Doc.Targets[i]
	f := fieldPath(i)
	return app.Div().Class("headers").Body(
		app.H3().Text("Custom SIP headers"),
		app.P().Class("hint").Text("Names start with X- (or User-to-User, Remote-Party-ID, P-Preferred-Identity, P-Called-Party-ID). Type values as they are: encoding is done for you."),
		app.Range(t.Headers).Slice(func(h int) app.UI {
			hf := fmt.Sprintf("%s.headers[%d]", f, h)
			hid := id(i, fmt.Sprintf("h%d", h))
			return app.Div().Class("row", "header-row").Body(
				textField{id: hid + "-name", label: "Header name", value: t.Headers[h].Name, placeholder: "X-Account", diags: p.diagsOf(hf + ".name"),
					onInput: func(ctx app.Context, v string) {
						p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].Headers[h].Name = v })
					}}.render(),
				textField{id: hid + "-value", label: "Header value", value: t.Headers[h].Value, diags: p.diagsOf(hf + ".value"),
					onInput: func(ctx app.Context, v string) {
						p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].Headers[h].Value = v })
					}}.render(),
				app.Button().Type("button").Class("danger", "small").Text("Remove header").
					Aria("label", fmt.Sprintf("Remove header %d of target %d", h+1, i+1)).Title("Remove header").
					OnClick(func(ctx app.Context, e app.Event) {
						p.FocusAfter(id(i, "add-header"))
						p.Edit(ctx, true, func(d *sipcompose.Document) {
							hs := d.Targets[i].Headers
							d.Targets[i].Headers = append(hs[:h:h], hs[h+1:]...)
						})
					}),
			)
		}),
		fieldDiags(id(i, "headers-diags"), p.diagsOf(f+".headers")),
		app.Button().Type("button").ID(id(i, "add-header")).Class("secondary", "small").Text("Add header").
			Aria("label", fmt.Sprintf("Add header to target %d", i+1)).Title("Add header").
			OnClick(func(ctx app.Context, e app.Event) {
				p.FocusAfter(id(i, fmt.Sprintf("h%d-name", len(t.Headers))))
				p.Edit(ctx, true, func(d *sipcompose.Document) {
					d.Targets[i].Headers = append(d.Targets[i].Headers, sipcompose.Header{Name: "X-"})
				})
			}),
	)
}
