package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// headerList is one of a target's two header lists: the rows sent in the
// URI, or those sent as <Header> elements.
type headerList struct {
	// key is the Document field; row and addID make the controls' ids.
	key, row, addID, label, add, hint string
	// title names the whole list in messages.
	title string
	rows  func(t *sipcompose.Target) *[]sipcompose.Header
}

var (
	uriHeaders = headerList{key: "headers", row: "h", addID: "add-header", label: "header", add: "Add header", title: "Custom SIP headers",
		hint: "Names start with X- (or User-to-User, Remote-Party-ID, P-Preferred-Identity, P-Called-Party-ID). Type values as they are: encoding is done for you.",
		rows: func(t *sipcompose.Target) *[]sipcompose.Header { return &t.Headers }}
	elementHeaders = headerList{key: "headerElements", row: "he", addID: "add-header-element", label: "<Header> element", add: "Add <Header> element", title: "<Header> elements",
		hint: "Sent as <Sip><Headers><Header name value/>, as Twilio's helper libraries write them, instead of in the URI; values are written as typed.",
		rows: func(t *sipcompose.Target) *[]sipcompose.Header { return &t.HeaderElements }}
)

// Headers is a target's custom header rows, in the URI and as <Header>
// elements, each list with its Add and Remove buttons. The elements'
// list shows only once it has a row or is asked for.
func Headers(p Props, i int) app.UI {
	t := p.Doc.Targets[i]
	return app.Div().Class("headers").Body(
		app.H3().Text("Custom SIP headers"),
		headerRows(p, i, uriHeaders),
		app.If(len(t.HeaderElements) > 0, app.H4().Text("Sent as <Header> elements"), headerRows(p, i, elementHeaders)).
			Else(addHeaderButton(p, i, elementHeaders, 0)),
	)
}

func headerRows(p Props, i int, l headerList) app.UI {
	t := p.Doc.Targets[i]
	f := fieldPath(i)
	all := *l.rows(&t)
	rows, more := firstOf(all, shownRows)
	return app.Div().Body(
		app.P().Class("hint").Text(l.hint),
		app.Range(rows).Slice(func(h int) app.UI {
			hf := fmt.Sprintf("%s.%s[%d]", f, l.key, h)
			hid := id(i, fmt.Sprintf("%s%d", l.row, h))
			return app.Div().Class("row", "header-row").Body(
				textField{id: hid + "-name", label: "Header name", value: rows[h].Name, placeholder: "X-Account", diags: p.diagsOf(hf + ".name"),
					onInput: func(ctx app.Context, v string) {
						p.Edit(ctx, false, func(d *sipcompose.Document) { (*l.rows(&d.Targets[i]))[h].Name = v })
					}}.render(),
				textField{id: hid + "-value", label: "Header value", value: rows[h].Value, diags: p.diagsOf(hf + ".value"),
					onInput: func(ctx app.Context, v string) {
						p.Edit(ctx, false, func(d *sipcompose.Document) { (*l.rows(&d.Targets[i]))[h].Value = v })
					}}.render(),
				app.Button().Type("button").Class("danger", "small").Text("Remove "+l.label).
					Aria("label", fmt.Sprintf("Remove %s %d of target %d", l.label, h+1, i+1)).Title("Remove "+l.label).
					OnClick(func(ctx app.Context, e app.Event) {
						p.FocusAfter(id(i, l.addID))
						p.Edit(ctx, true, func(d *sipcompose.Document) {
							hs := l.rows(&d.Targets[i])
							*hs = append((*hs)[:h:h], (*hs)[h+1:]...)
						})
					}),
			)
		}),
		moreNote(more, len(rows), l.label+"s"),
		fieldDiags(id(i, l.key+"-diags"), id(i, l.addID), l.title, p.diagsOf(f+"."+l.key)),
		addHeaderButton(p, i, l, len(all)),
	)
}

func addHeaderButton(p Props, i int, l headerList, n int) app.UI {
	return app.Button().Type("button").ID(id(i, l.addID)).Class("secondary", "small").Text(l.add).
		Aria("label", fmt.Sprintf("%s to target %d", l.add, i+1)).Title(l.add).
		OnClick(func(ctx app.Context, e app.Event) {
			p.FocusAfter(id(i, fmt.Sprintf("%s%d-name", l.row, n)))
			p.Edit(ctx, true, func(d *sipcompose.Document) {
				hs := l.rows(&d.Targets[i])
				*hs = append(*hs, sipcompose.Header{})
			})
		})
}
