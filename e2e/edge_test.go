//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"sipcompose/browsertest"
)

// cutSelectsJS lists the selects (of those matching sel) whose chosen
// label, or any label when all is set, is wider than the closed select's
// content box, measured in the select's own font. Selects draw their own
// arrow in their padding (appearance: none), so the content box is all the
// room a label has; one drawn by the browser would take part of it unseen,
// so that is reported too.
const cutSelectsJS = `(sel, all) => {
	const ctx = document.createElement("canvas").getContext("2d");
	const bad = [];
	for (const el of document.querySelectorAll(sel)) {
		const cs = getComputedStyle(el);
		if (cs.appearance !== "none") bad.push(el.id + ": the browser draws its arrow inside the label's room");
		ctx.font = cs.font;
		const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
		for (const o of all ? el.options : el.selectedOptions) {
			const w = ctx.measureText(o.text).width;
			if (w > room) bad.push(el.id + ": " + JSON.stringify(o.text) + " is " + Math.ceil(w) + " px in " + Math.floor(room) + " px");
		}
	}
	return bad.join("\n");
}`

// TestClosedSelectsShowWholeLabels: at 375 px and 1280 px, choosing any
// edge leaves its whole label readable in the closed Edge select (what an
// Interconnect edge is, is in its group and the hint below), and no other
// select on the page cuts any of its labels either.
func TestClosedSelectsShowWholeLabels(t *testing.T) {
	for _, width := range []int{375, 1280} {
		s := browsertest.New(t)
		s.SetViewport(width, 900)
		s.Open("/")
		values := strings.Fields(s.Eval(`() => [...document.getElementById("t0-edge").options].map(o => o.value || "-").join(" ")`))
		if len(values) != 17 {
			t.Fatalf("%d px: Edge options %q, want the default and 16 edges", width, values)
		}
		for _, v := range values {
			if v == "-" {
				v = ""
			}
			s.Select("Edge", 0, v)
			if v != "" {
				s.WaitTextContains("SIP URI", ";edge="+v)
			}
			if bad := s.Eval(cutSelectsJS, "#t0-edge", false); bad != "" {
				t.Errorf("%d px, edge %q: %s", width, v, bad)
			}
		}
		if got := s.Eval(`() => [...document.querySelectorAll("#t0-edge optgroup")].map(g => g.label + ": " + g.children.length).join(", ")`); got != "Public edges: 8, Interconnect edges (private connection): 8" {
			t.Errorf("%d px: Edge groups %s", width, got)
		}
		if got := s.Eval(`() => document.getElementById("t0-edge").getAttribute("aria-describedby")`); got != "t0-edge-hint" {
			t.Errorf("%d px: the Edge select is not described by its hint: %q", width, got)
		}
		s.Eval(`() => { document.querySelectorAll("details").forEach(d => d.open = true); return "" }`)
		if bad := s.Eval(cutSelectsJS, "select", true); bad != "" {
			t.Errorf("%d px: cut labels:\n%s", width, bad)
		}
		s.NoConsoleErrors()
	}
}
