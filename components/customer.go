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
// the panel only lays it out. Each INVITE and the callbacks are components
// of their own, which go-app re-renders only when their part of the Result
// changed: re-rendering all ten INVITEs of a large document, each with its
// header table, was most of a keystroke's time in the page. The panel
// itself is a plain function, so the INVITEs are compared once, each by
// its own component.
func CustomerPanel(all []sipcompose.Invite, callbacks sipcompose.Callbacks, n *Notifier) app.UI {
	invites, more := firstOf(all, shownTargets)
	return app.Section().Class("panel", "customer").Aria("labelledby", "customer-title").Body(
		app.H2().ID("customer-title").Class("visually-hidden").Text("Customer's side"),
		app.If(len(invites) == 0, app.P().Class("hint").Text("Add a target to see the INVITE its PBX receives.")),
		app.Range(invites).Slice(func(i int) app.UI {
			return &inviteView{Invite: invites[i], ID: "invite-" + strconv.Itoa(i), Notifier: n}
		}),
		moreNote(more, len(invites), "INVITEs"),
		&callbacksView{Callbacks: callbacks, Notifier: n},
	)
}

// callbacksView is what the customer's app gets back.
type callbacksView struct {
	app.Compo
	Callbacks sipcompose.Callbacks
	Notifier  *Notifier
}

func (c *callbacksView) Render() app.UI {
	text := c.Callbacks.Text()
	shown, cut := shownPart(text)
	return app.Div().Body(
		app.Div().Class("panel-head").Body(
			app.H3().Text("What the customer's app gets back"),
			copyButton("Copy callbacks", "callbacks", "callback parameters", c.Notifier, func() string { return c.Callbacks.Text() }),
		),
		app.Pre().ID("callbacks").Class("code").Aria("label", "Callback parameters").TabIndex(0).Body(plainLines(shown)...),
		cutNote(cut, len(text), "callbacks"),
	)
}

var headerColumns = []string{"Header line", "Comes back as"}

// inviteView is one INVITE; ID is its element's.
type inviteView struct {
	app.Compo
	Invite   sipcompose.Invite
	ID       string
	Notifier *Notifier
}

func (c *inviteView) Render() app.UI {
	inv, id, n := c.Invite, c.ID, c.Notifier
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
	facts, moreFacts := firstOf(facts, shownRows)
	headers, moreHeaders := firstOf(inv.Headers, shownRows)
	// The page shows the INVITE with LF: HTML parsing turns CRLF into LF,
	// so the exported first paint could hold nothing else, and the live
	// page must match it. Copy takes the whole message, with the CRLF line
	// ends SIP needs.
	message, cut := shownPart(strings.ReplaceAll(inv.Message, "\r\n", "\n"))
	return app.Div().Class("invite").Body(
		app.Div().Class("panel-head").Body(
			app.H3().Text(inv.Label+": the INVITE its PBX receives"),
			app.If(inv.Message != "", copyButton("Copy INVITE", id, "INVITE", n, func() string { return c.Invite.Message })),
		),
		app.Ul().Class("hint").Body(app.Range(facts).Slice(func(i int) app.UI { return app.Li().Text(facts[i]) })),
		moreNote(moreFacts, len(facts), "notes"),
		app.If(inv.Message != "",
			app.Pre().ID(id).Class("code").Aria("label", inv.Label+" INVITE").TabIndex(0).Body(plainLines(message)...),
			cutNote(cut, len(inv.Message), "INVITE"),
		),
		app.If(len(headers) > 0,
			app.Div().Class("table-wrap").TabIndex(0).Role("region").Aria("label", inv.Label+" headers").Body(
				app.Table().Class("headers-table").Body(
					tableHead(headerColumns),
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
						return app.Tr().Body(labelledCell(headerColumns[0], app.Code().Text(shortText(line))), labelledCell(headerColumns[1], app.Text(back)))
					})),
				),
			),
			moreNote(moreHeaders, len(headers), "header lines"),
		),
	)
}
