package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// edgeOptions lists "Default (Virginia)", then the public and Interconnect
// edges with their locations, from sipcompose's data.
func edgeOptions() []option {
	out := []option{{"", "Default (Virginia)"}}
	for _, e := range sipcompose.Edges() {
		out = append(out, option{e.Name, e.Name + " — " + e.Location})
	}
	return out
}

func regionOptions() []option {
	out := []option{{"", "None"}}
	for _, e := range sipcompose.Edges() {
		if !e.Interconnect {
			out = append(out, option{e.Region, e.Region + " (" + e.Name + ")"})
		}
	}
	return out
}

// EdgePicker is the Edge and Region (legacy) pair of a target.
func EdgePicker(p Props, i int) app.UI {
	t := p.Doc.Targets[i]
	f := fieldPath(i)
	return app.Div().Class("row", "edge-row").Body(
		selectField(id(i, "edge"), "Edge", t.Edge, edgeOptions(), p.diagsOf(f+".edge"), func(ctx app.Context, v string) {
			p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].Edge = v })
		}),
		selectField(id(i, "region"), "Region (legacy)", t.Region, regionOptions(), p.diagsOf(f+".region"), func(ctx app.Context, v string) {
			p.Edit(ctx, false, func(d *sipcompose.Document) { d.Targets[i].Region = v })
		}),
	)
}
