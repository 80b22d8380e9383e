package components

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// CustomerPanel is the customer's side of the call: each INVITE as the PBX
// receives it, where it comes from, and what the customer's app gets back,
// with what each header row comes back as. Every text is the composer's;
// the panel only lays it out.
type CustomerPanel struct {
	app.Compo
	Invites   []sipcompose.Invite
	Callbacks sipcompose.Callbacks
	Notifier  *Notifier
}

func (c *CustomerPanel) Render() app.UI {
	invites, n := c.Invites, c.Notifier
	return app.Section().Class("panel", "customer").Aria("labelledby", "customer-title").Body(
		app.H2().ID("customer-title").Text("Customer's side"),
		app.If(len(invites) == 0, app.P().Class("hint").Text("Add a target to see the INVITE its PBX receives.")),
		app.Range(invites).Slice(func(i int) app.UI {
			return inviteView(invites[i], "invite-"+strconv.Itoa(i), n)
		}),
		app.Div().Class("panel-head").Body(
			app.H3().Text("What the customer's app gets back"),
			copyButton("Copy callbacks", "callbacks", "callback parameters", n, textOf("callbacks")),
		),
		app.Pre().ID("callbacks").Class("code").Aria("label", "Callback parameters").TabIndex(0).Text(c.Callbacks.Text()),
	)
}

func inviteView(inv sipcompose.Invite, id string, n *Notifier) app.UI {
	facts := []string{}
	if inv.Edge != "" {
		facts = append(facts,
			"From edge "+inv.Edge+": signaling from "+strings.Join(inv.Signaling, ", ")+" over "+strings.ToUpper(inv.Transport)+" to port "+inv.Port+".",
			"Media from "+inv.Media+".")
	}
	if len(inv.NotSentOn) > 0 {
		facts = append(facts, "Not sent on in the request line: "+strings.Join(inv.NotSentOn, ", ")+".")
	}
	if inv.Auth != "" {
		facts = append(facts, inv.Auth)
	}
	facts = append(facts, inv.Notes...)
	headers := inv.Headers
	return app.Div().Class("invite").Body(
		app.Div().Class("panel-head").Body(
			app.H3().Text(inv.Label+": the INVITE its PBX receives"),
			app.If(inv.Message != "", copySIPButton("Copy INVITE", id, n)),
		),
		app.Ul().Class("hint").Body(app.Range(facts).Slice(func(i int) app.UI { return app.Li().Text(facts[i]) })),
		app.If(inv.Message != "",
			app.Pre().ID(id).Class("code").Aria("label", inv.Label+" INVITE").TabIndex(0).Text(strings.ReplaceAll(inv.Message, "\r\n", "\n")),
		),
		app.If(len(headers) > 0,
			app.Div().Class("table-wrap").TabIndex(0).Role("region").Aria("label", inv.Label+" headers").Body(
				app.Table().Body(
					app.THead().Body(app.Tr().Body(
						app.Th().Scope("col").Text("Header line"),
						app.Th().Scope("col").Text("Comes back as"),
					)),
					app.TBody().Body(app.Range(headers).Slice(func(i int) app.UI {
						h := headers[i]
						line := h.Name + ": " + h.Value
						if !h.Sent {
							line = h.Name + " (not sent)"
						}
						back := h.ComesBack.String()
						if h.Note != "" {
							back += " " + h.Note
						}
						return app.Tr().Body(app.Td().Body(app.Code().Text(line)), app.Td().Text(back))
					})),
				),
			),
		),
	)
}

// copySIPButton copies the INVITE shown in the element sourceID with the
// CRLF line ends SIP needs. The page shows it with LF: HTML parsing turns
// CRLF into LF, so the exported first paint could hold nothing else, and
// the live page must match it. A preview holds no other LF (a header value
// never carries one), so every LF is a line end.
func copySIPButton(label, sourceID string, n *Notifier) app.UI {
	return copyButton(label, sourceID, "INVITE", n, func() string {
		return strings.ReplaceAll(textOf(sourceID)(), "\n", "\r\n")
	})
}
