//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/go-rod/rod/lib/input"

	"sipcompose/browsertest"
)

// wideTablesJS lists the tables on screen wider than their panel, cells
// that overflow, and words broken across lines in a short cell ("ashb
// urn"): each as text, "" when none.
const wideTablesJS = `() => {
	const bad = [];
	for (const table of document.querySelectorAll("table")) {
		if (table.getClientRects().length === 0) continue;
		const panel = table.closest(".panel").getBoundingClientRect();
		const r = table.getBoundingClientRect();
		if (r.right > panel.right + 0.5 || r.left < panel.left - 0.5) bad.push("table " + Math.round(r.width) + " px in a " + Math.round(panel.width) + " px panel");
		for (const td of table.querySelectorAll("td")) {
			if (td.scrollWidth > td.clientWidth + 1) bad.push("cell overflows: " + td.textContent.slice(0, 30));
			const short = td.textContent.trim();
			if (!short.includes(" ") && short.length <= 12) {
				const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT), lines = new Set();
				for (let n = walk.nextNode(); n; n = walk.nextNode()) {
					const range = document.createRange();
					range.selectNodeContents(n);
					for (const b of range.getClientRects()) lines.add(Math.round(b.top));
				}
				if (lines.size > 1) bad.push("word broken: " + short);
			}
		}
	}
	return bad.join("\n");
}`

var panelTitles = []string{"SIP URI and curl", "Code", "Allow-list", "Rules check", "Customer's side", "Diagnose"}

// TestOutputPanels: Warnings sit right under the TwiML; the other outputs
// are tabs below them, one shown at a time, chosen with a click or the
// arrow keys, remembered across a reload, and reached from a warning that
// concerns them; no table is wider than its column; axe finds nothing on
// any panel.
func TestOutputPanels(t *testing.T) {
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		s.Open("/")
		// Warnings directly under the TwiML, in the same column.
		if got := s.Eval(`() => {
			const p = document.getElementById("preview").getBoundingClientRect(), w = document.getElementById("warnings").getBoundingClientRect();
			return String(w.top - p.bottom >= 0 && w.top - p.bottom < 24 && Math.abs(w.left - p.left) < 1);
		}`); got != "true" {
			t.Error("Warnings are not right under the TwiML")
		}
		if got := s.Eval(`() => [...document.querySelectorAll("[role=tab]")].map(b => b.textContent + (b.getAttribute("aria-selected") === "true" ? "*" : "")).join("|")`); got != "SIP URI and curl*|Code|Allow-list|Rules check|Customer's side|Diagnose" {
			t.Errorf("tabs: %s", got)
		}

		// Each panel by a click: no table wider than its column, nothing for axe.
		s.Eval(`() => { document.querySelectorAll("details").forEach(d => d.open = true); return "" }`)
		for _, title := range panelTitles {
			if title == "Code" {
				showCode(s)
			} else {
				showPanel(s, title)
			}
			if title == "Rules check" {
				s.ClickOn("#audit-rules")
				s.Keys("54.172.60.0/30 tcp 5061\n")
				s.ClickText("Check rules")
				s.WaitTextContains("Audit result", "required rules covered")
			}
			if got := s.Eval(wideTablesJS); got != "" {
				t.Errorf("%s: %s", title, got)
			}
			if n := s.Count(".tabpanel:not([hidden])"); n != 1 {
				t.Errorf("%s: %d panels shown", title, n)
			}
			noAxe(t, s, title)
		}
		// What was pasted into the rules check is still there.
		showPanel(s, "Rules check")
		s.WaitTextContains("Audit result", "required rules covered")

		// The keyboard: arrows, Home and End move along the tabs; Tab goes
		// into the panel.
		s.ClickText("Code")
		for _, step := range []struct {
			key  input.Key
			want string
		}{{input.ArrowRight, "tab-allowlist"}, {input.End, "tab-diagnose"}, {input.ArrowRight, "tab-rest"}, {input.ArrowLeft, "tab-diagnose"}, {input.Home, "tab-rest"}} {
			if err := s.Page.Keyboard.Type(step.key); err != nil {
				t.Fatal(err)
			}
			s.WaitEval(`() => document.activeElement.id + " " + document.activeElement.getAttribute("aria-selected")`, step.want+" true")
		}
		s.Press("Tab")
		s.WaitEval(`() => document.activeElement.id`, "panel-rest")

		// Remembered in this browser.
		showPanel(s, "Customer's side")
		s.Reload()
		s.WaitEval(`() => document.querySelector("[role=tab][aria-selected=true]").textContent`, "Customer's side")

		// A warning leads to the panel where it shows: an unknown edge
		// leaves the allow-list without addresses.
		s.ClickOn("#t0-host")
		s.GrantClipboard()
		s.Chord(input.ControlLeft, input.KeyA)
		s.PasteText("sip:gina@pbx.example.com;edge=Frankfurt")
		s.WaitTextContains("Warnings", `Edge "Frankfurt"`)
		s.ClickOn(`#warnings [data-code="edge-unknown"] .panel-link`)
		s.WaitEval(`() => document.activeElement.id`, "panel-allowlist")
		if got := s.Text("Allow-list table"); !strings.Contains(got, `unknown edge "Frankfurt"`) {
			t.Errorf("the allow-list says %q", got)
		}
		noAxe(t, s, "the allow-list reached from a warning")
	})
}
