package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// URIs is a target's <Uri> children, which Twilio's helper libraries
// write: each its own SIP URI, tried in priority order. Collapsed until a
// target has one.
func URIs(p Props, i int) app.UI {
	t := p.Doc.Targets[i]
	f := fieldPath(i)
	return app.Details().Class("options", "uris").Open(len(t.URIs) > 0).Body(
		app.Summary().Text("<Uri> children: several URIs by priority"),
		app.P().Class("hint").Text("Each is a whole SIP URI, sent as typed. Twilio's helper libraries try them in priority order and split equal priorities by weight; Twilio's TwiML reference does not document them yet. Passwords are never saved."),
		app.Range(t.URIs).Slice(func(j int) app.UI {
			u := t.URIs[j]
			field := func(name, label, value, kind string, set func(u *sipcompose.SipURI, v string)) app.UI {
				uf := fmt.Sprintf("%s.uris[%d].%s", f, j, name)
				tf := textField{id: id(i, fmt.Sprintf("u%d-%s", j, name)), label: label, value: value, kind: kind, diags: p.diagsOf(uf),
					onInput: func(ctx app.Context, v string) {
						p.Edit(ctx, false, func(d *sipcompose.Document) { set(&d.Targets[i].URIs[j], v) })
					}}
				switch name {
				case "uri":
					tf.placeholder = "sip:alice@pbx.example.com"
				case "username":
					tf.autocomplete = "off"
				case "password":
					tf.autocomplete = "new-password"
				}
				return tf.render()
			}
			return app.Div().Class("row", "uri-row").Body(
				field("uri", "URI", u.URI, "", func(u *sipcompose.SipURI, v string) { u.URI = v }),
				field("priority", "Priority", u.Priority, "number", func(u *sipcompose.SipURI, v string) { u.Priority = v }),
				field("weight", "Weight", u.Weight, "number", func(u *sipcompose.SipURI, v string) { u.Weight = v }),
				field("username", "Username", u.Username, "", func(u *sipcompose.SipURI, v string) { u.Username = v }),
				field("password", "Password", u.Password, "password", func(u *sipcompose.SipURI, v string) { u.Password = v }),
				app.Button().Type("button").Class("danger", "small").Text("Remove <Uri>").
					Aria("label", fmt.Sprintf("Remove <Uri> %d of target %d", j+1, i+1)).Title("Remove <Uri>").
					OnClick(func(ctx app.Context, e app.Event) {
						p.FocusAfter(id(i, "add-uri"))
						p.Edit(ctx, true, func(d *sipcompose.Document) {
							us := d.Targets[i].URIs
							d.Targets[i].URIs = append(us[:j:j], us[j+1:]...)
						})
					}),
			)
		}),
		fieldDiags(id(i, "uris-diags"), id(i, "add-uri"), "<Uri> elements", p.diagsOf(f+".uris")),
		app.Button().Type("button").ID(id(i, "add-uri")).Class("secondary", "small").Text("Add <Uri>").
			Aria("label", fmt.Sprintf("Add <Uri> to target %d", i+1)).Title("Add <Uri>").
			OnClick(func(ctx app.Context, e app.Event) {
				p.FocusAfter(id(i, fmt.Sprintf("u%d-uri", len(t.URIs))))
				p.Edit(ctx, true, func(d *sipcompose.Document) { d.Targets[i].URIs = append(d.Targets[i].URIs, sipcompose.SipURI{}) })
			}),
	)
}
