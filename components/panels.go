package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Panel is one of the output column's tabs, below the TwiML and its
// warnings: ID names it (in the browser's memory of the choice, in element
// ids and in the warnings' links), Title is its tab's label, and Body
// renders it. Only the chosen panel is rendered: the others cost nothing
// while someone types.
type Panel struct {
	ID, Title string
	Body      func() app.UI
}

// Panels is which panel is chosen. The page owns it and sets Choose; the
// tabs and the warnings' links choose through it, by pointer, so
// components holding it compare equal from one render to the next.
type Panels struct {
	Chosen string
	// Choose shows the panel id; with focus, it also moves the focus to
	// the panel, else to its tab.
	Choose func(ctx app.Context, id string, focus bool)

	titles map[string]string
}

// Title is the tab label of the panel id, "" if there is none.
func (s *Panels) Title(id string) string { return s.titles[id] }

// Tabs renders the panels as tabs: a tab list (the arrow keys, Home and End
// move between the tabs, as in any tab list; Tab goes on into the panel),
// then the chosen panel. Every panel has its element, empty and hidden
// unless chosen, so each tab's aria-controls names one that exists.
func Tabs(list []Panel, s *Panels) app.UI {
	s.titles = make(map[string]string, len(list))
	chosen := list[0].ID
	for _, p := range list {
		s.titles[p.ID] = p.Title
		if p.ID == s.Chosen {
			chosen = p.ID
		}
	}
	move := func(ctx app.Context, e app.Event, i int) {
		next := -1
		switch e.Get("key").String() {
		case "ArrowRight", "ArrowDown":
			next = (i + 1) % len(list)
		case "ArrowLeft", "ArrowUp":
			next = (i + len(list) - 1) % len(list)
		case "Home":
			next = 0
		case "End":
			next = len(list) - 1
		}
		if next >= 0 {
			e.PreventDefault()
			s.Choose(ctx, list[next].ID, false)
		}
	}
	return app.Div().Class("panels").Body(
		app.Div().Class("tabs").Role("tablist").Aria("label", "Outputs").Body(
			app.Range(list).Slice(func(i int) app.UI {
				p, on := list[i], list[i].ID == chosen
				tab := app.Button().Type("button").ID("tab-"+p.ID).Role("tab").Aria("selected", on).Aria("controls", "panel-"+p.ID).
					Text(p.Title).
					OnClick(func(ctx app.Context, e app.Event) { s.Choose(ctx, p.ID, false) }).
					OnKeyDown(func(ctx app.Context, e app.Event) { move(ctx, e, i) })
				if on {
					return tab.Class("tab", "chosen").TabIndex(0)
				}
				return tab.Class("tab").TabIndex(-1)
			}),
		),
		app.Range(list).Slice(func(i int) app.UI {
			p := list[i]
			panel := app.Div().ID("panel-"+p.ID).Class("tabpanel").Role("tabpanel").Aria("labelledby", "tab-"+p.ID)
			if p.ID != chosen {
				return panel.Hidden(true)
			}
			return panel.TabIndex(0).Body(p.Body())
		}),
	)
}

// panelOf is the output panel where a diagnostic's consequence shows, for
// its warning's link: an edge Twilio does not know leaves the allow-list
// without addresses, a URI too long is the SIP URI's, a REST option the
// curl command's, status events the callbacks'.
var panelOf = map[string]string{
	"edge-unknown": "allowlist", "region-unknown": "allowlist", "edge-and-region": "allowlist", "edge-roaming": "allowlist",
	"uri-too-long": "rest", "uri-long-with-headers": "rest", "headers-too-long": "rest", "headers-compact": "rest",
	"rest-url-and-twiml": "rest", "rest-twiml-too-long": "rest",
	"status-events-without-callback": "customer",
}

// panelLink shows the panel id when clicked, its focus there.
func panelLink(s *Panels, id string) app.UI {
	if s == nil || s.Title(id) == "" {
		return nil
	}
	// A button, not a link: go-app takes a link's click as navigation. The
	// panel is read from the button when clicked: go-app keeps a button's
	// first click handler when the list re-renders.
	return app.Button().Type("button").Class("where", "field-link", "panel-link").DataSet("panel", id).Text("Show " + s.Title(id)).
		OnClick(func(ctx app.Context, e app.Event) {
			s.Choose(ctx, ctx.JSSrc().Get("dataset").Get("panel").String(), true)
		})
}
