//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"sipcompose/browsertest"
)

// TestAllowListHonestOnUnknownEdge: a pasted edge Twilio does not know
// leaves the allow-list without addresses, saying why, in the panel and
// every export.
func TestAllowListHonestOnUnknownEdge(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.FillNth("Host", 0, "sip:gina@pbx.example.com;edge=Frankfurt", true)
	showPanel(s, "Allow-list")
	s.WaitTextContains("Allow-list table", `unknown edge "Frankfurt"`)
	panel := s.Text("IP allow-list")
	if strings.Contains(panel, "ashburn") || strings.Contains(panel, "/") && strings.Contains(panel, "54.172.") {
		t.Errorf("the allow-list panel shows addresses for an unknown edge:\n%s", panel)
	}
	for _, label := range []string{"Table allow-list", "Plain list allow-list", "iptables allow-list", "nftables allow-list"} {
		if got := s.TextContent(label); strings.Contains(got, "ashburn") || !strings.Contains(got, `unknown edge "Frankfurt"`) {
			t.Errorf("%s:\n%s", label, got)
		}
	}
	s.NoConsoleErrors()
}

// overflowing lists the allow-list cells cut off or pushed past its panel.
const overflowingJS = `() => {
	const panel = document.querySelector(".allowlist").getBoundingClientRect();
	const bad = [];
	for (const el of document.querySelectorAll(".allowlist th, .allowlist td")) {
		const r = el.getBoundingClientRect();
		if (r.width === 0) continue;
		if (r.right > panel.right + 0.5 || el.scrollWidth > el.clientWidth + 1) bad.push(el.textContent.slice(0, 30));
	}
	return bad.join(" | ");
}`

// TestLayoutKeepsOutputInView: the allow-list fits at 1280 and 375 px; on
// a desktop the TwiML stays in view while the form scrolls; on a phone one
// tap (the skip link) reaches it, and one more Tab reaches Copy TwiML.
func TestLayoutKeepsOutputInView(t *testing.T) {
	s := browsertest.New(t)
	s.SetViewport(1280, 800)
	s.Open("/")
	showPanel(s, "Allow-list")
	if got := s.Eval(overflowingJS); got != "" {
		t.Errorf("at 1280 px the allow-list cuts: %s", got)
	}
	// Scrolled to the <Dial> options, the TwiML is still on screen.
	s.Eval(`() => { document.getElementById("dial-callerId").scrollIntoView({block: "center"}); return "" }`)
	s.WaitEval(`() => { const r = document.getElementById("twiml").getBoundingClientRect(); return String(r.top >= 0 && r.top < innerHeight) }`, "true")

	s.SetViewport(375, 800)
	s.Reload()
	if got := s.Eval(overflowingJS); got != "" {
		t.Errorf("at 375 px the allow-list cuts: %s", got)
	}
	// The skip link is on screen wherever the form is scrolled.
	// The link shows once the IntersectionObserver (app/skiplink.go) sees
	// the TwiML gone, a frame or more after the scroll.
	s.Eval(`() => { document.getElementById("t0-user").scrollIntoView(); return "" }`)
	s.WaitEval(`() => { const r = document.querySelector(".skip-link").getBoundingClientRect(); return String(r.width > 40 && r.bottom <= innerHeight && r.top >= 0) }`, "true")
	s.Eval(`() => { document.querySelector(".skip-link").click(); return "" }`)
	s.WaitEval(`() => document.activeElement.id`, "preview")
	s.WaitEval(`() => { const r = document.getElementById("twiml").getBoundingClientRect(); return String(r.top < innerHeight && r.bottom > 0) }`, "true")
	// From the top of a fresh page: Tab to the skip link, Enter, then Copy
	// TwiML is at most two Tabs away (45 before the skip link).
	s.Reload()
	s.Press("Tab")
	s.WaitEval(`() => String(document.activeElement.classList.contains("skip-link"))`, "true")
	s.Press("Enter")
	s.WaitEval(`() => String(document.getElementById("preview").contains(document.activeElement))`, "true")
	for tabs := 0; tabs < 2 && s.Eval(`() => document.activeElement.textContent.trim()`) != "Copy TwiML"; tabs++ {
		s.Press("Tab")
	}
	if got := s.Eval(`() => document.activeElement.textContent.trim()`); got != "Copy TwiML" {
		t.Errorf("two Tabs after the skip link, focus is on %.40q", got)
	}
	s.NoConsoleErrors()
}

// TestLongLinesAndLists: the Edge list shows its options whole: all of
// them at 1280 px, the public edges at 375 px (an Interconnect edge's name
// and place are longer than a phone is wide; its list opens full width).
// How long output lines wrap is TestOutputsWrap's.
func TestLongLinesAndLists(t *testing.T) {
	s := browsertest.New(t)
	s.SetViewport(1280, 800)
	s.Open("/")
	for _, width := range []int{1280, 375} {
		s.SetViewport(width, 800)
		got := s.Eval(`(all) => {
			const sel = document.getElementById("t0-edge"), cs = getComputedStyle(sel);
			const ctx = document.createElement("canvas").getContext("2d");
			ctx.font = cs.font;
			const room = sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
			return [...sel.options].filter(o => (all || !o.value.endsWith("-ix")) && ctx.measureText(o.text).width > room).map(o => o.text).join(" | ");
		}`, width > 600)
		if got != "" {
			t.Errorf("at %d px the Edge list cuts: %s", width, got)
		}
	}
}

// TestWarningsNameAndFocusFields: an entry names its field as the form
// does and takes focus there; host:port in Host says to use Port.
func TestWarningsNameAndFocusFields(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Click("Add SIP target", 0)
	s.WaitEval(`() => String(document.querySelectorAll("fieldset.target").length)`, "2")
	s.FillNth("Host", 1, "pbx.example.com:5070", false)
	s.WaitTextContains("Warnings", "SIP target 2 › Host")
	if w := s.Text("Warnings"); strings.Contains(w, "targets[1]") || !strings.Contains(w, "use the Port field") {
		t.Errorf("Warnings:\n%s", w)
	}
	s.Eval(`() => { [...document.querySelectorAll(".warnings .where")].find(a => a.textContent === "SIP target 2 › Host").click(); return "" }`)
	s.WaitEval(`() => document.activeElement.id`, "t1-host")
	// A field inside a collapsed section opens it.
	s.Eval(`() => { document.querySelectorAll("details").forEach(d => d.open = false); return "" }`)
	s.FillNth("Timeout", 0, "4", false)
	s.WaitTextContains("Warnings", "<Dial> options › Timeout")
	s.Eval(`() => { document.querySelectorAll("details").forEach(d => d.open = false); [...document.querySelectorAll(".warnings .where")].find(a => a.textContent === "<Dial> options › Timeout").click(); return "" }`)
	s.WaitEval(`() => document.activeElement.id`, "dial-timeout")
	s.NoConsoleErrors()
}
