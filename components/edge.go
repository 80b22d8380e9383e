package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// edgeOptions lists "Default (Virginia)", then the public and the
// Interconnect edges, each with the place it serves, from sipcompose's
// data. Every label fits a closed select on a phone; what an Interconnect
// edge is goes in its group's name and the hint.
func edgeOptions() []option {
	out := []option{{value: "", label: "Default (Virginia)"}}
	for _, e := range sipcompose.Edges() {
		group := "Public edges"
		if e.Interconnect {
			group = "Interconnect edges (private connection)"
		}
		out = append(out, option{e.Name, e.Name + " — " + e.Location, group})
	}
	return out
}

const edgeHint = "An -ix edge sends over Twilio Interconnect, a private connection; san-jose-ix reaches Oregon, london-ix Ireland."

func regionOptions() []option {
	out := []option{{value: "", label: "None"}}
	for _, e := range sipcompose.Edges() {
		if !e.Interconnect {
			out = append(out, option{value: e.Region, label: e.Region + " (" + e.Name + ")"})
		}
	}
	return out
}

// EdgePicker is the Edge and Region (legacy) pair of a target.
func EdgePicker(p Props, i int) app.UI {
	t := p.Doc.Targets[i]
	f := fieldPath(i)
	return app.Div().Class("row", "edge-row").Body(
		hintedSelect(id(i, "edge"), "Edge", edgeHint, t.Edge, edgeOptions(), p.diagsOf(f+".edge"), func(ctx app.Context, v string) {
			p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].Edge = v })
		}),
		selectField(id(i, "region"), "Region (legacy)", t.Region, regionOptions(), p.diagsOf(f+".region"), func(ctx app.Context, v string) {
			p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].Region = v })
		}),
	)
}
