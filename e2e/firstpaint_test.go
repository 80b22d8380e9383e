//go:build !wasm

package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/go-rod/rod/lib/input"
	"github.com/go-rod/rod/lib/proto"

	"sipcompose/browsertest"
)

// layoutJS describes what a person sees of the page (the body's first
// element, which go-app replaces at start): every control and heading with
// its box, value and state, and which sections are open.
const layoutJS = `() => {
	const root = document.body.firstElementChild;
	return JSON.stringify([...root.querySelectorAll("label, input, select, textarea, button, summary, h1, h2, h3, pre, details, p")].map(el => {
		const r = el.getBoundingClientRect();
		return [el.tagName, el.id, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height),
			el.value ?? "", el.checked ?? "", el.open ?? "", el.tagName === "PRE" ? el.textContent : ""].join("|");
	}));
}`

// TestFirstPaintShowsTheForm holds app.wasm back and looks at the exported
// page as a first visitor does before the app runs: the example's form and
// outputs are there, under a slim "starting" bar rather than a full-screen
// loader; the controls take no input, so nothing typed can be lost; and when
// the wasm arrives the live page takes over without moving anything.
func TestFirstPaintShowsTheForm(t *testing.T) {
	s := browsertest.New(t)
	s.SetViewport(1280, 900)
	release := s.HoldBack("*app.wasm")
	s.Navigate("/")
	// Stylesheets block the first paint, so the page is looked at with them.
	s.WaitEval(`() => document.readyState !== "loading" && [...document.querySelectorAll("link[rel=stylesheet]")].every(l => l.sheet) &&
		!!document.getElementById("app-wasm-loader") ? "waiting" : document.readyState`, "waiting")

	if got := s.Value("Host", 0); got != "pbx.example.com" {
		t.Errorf("before start, Host shows %q, want the example's pbx.example.com", got)
	}
	if got := s.TextContent("TwiML preview"); !strings.Contains(got, "<Sip>sip:+14158675309@pbx.example.com;transport=tls;edge=ashburn?") {
		t.Errorf("before start, the TwiML preview is not the example's:\n%s", got)
	}
	if got := s.Eval(`() => document.getElementById("app-wasm-loader-label").textContent`); !strings.HasPrefix(got, "Starting sipcompose…") {
		t.Errorf("the start-up indicator says %q", got)
	}
	// The indicator is a bar over the page's top edge, not a cover.
	if got := s.Eval(`() => {
		const l = document.getElementById("app-wasm-loader").getBoundingClientRect();
		const h = document.getElementById("t0-host").getBoundingClientRect();
		return String(l.height < 60 && l.bottom <= h.top && h.bottom <= innerHeight);
	}`); got != "true" {
		t.Errorf("the start-up indicator covers the form (or Host is off-screen): %s",
			s.Eval(`() => JSON.stringify([document.getElementById("app-wasm-loader").getBoundingClientRect(), document.getElementById("t0-host").getBoundingClientRect()])`))
	}

	// Typing before start goes nowhere: the prerendered page takes no
	// focus, so no keystroke lands in a field the live page will replace.
	before := s.Eval(layoutJS)
	var at struct{ X, Y float64 }
	if err := json.Unmarshal([]byte(s.Eval(`() => { const r = document.getElementById("t0-host").getBoundingClientRect(); return JSON.stringify({X: r.x + 5, Y: r.y + r.height / 2}) }`)), &at); err != nil {
		t.Fatal(err)
	}
	if err := s.Page.Mouse.MoveTo(proto.Point{X: at.X, Y: at.Y}); err != nil {
		t.Fatal(err)
	}
	if err := s.Page.Mouse.Click(proto.InputMouseButtonLeft, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.Page.InsertText("typed-early"); err != nil {
		t.Fatal(err)
	}
	if err := s.Page.Keyboard.Type(input.Tab, input.KeyX); err != nil {
		t.Fatal(err)
	}
	if got := s.Eval(`() => document.activeElement === document.body ? "body" : document.activeElement.id`); got != "body" {
		t.Errorf("a control took focus before the app started: %s", got)
	}
	if after := s.Eval(layoutJS); after != before {
		t.Errorf("typing before start changed the page:\n%s", diffLayout(t, before, after))
	}
	if got := s.Eval(`() => getComputedStyle(document.getElementById("t0-host")).opacity`); got == "1" {
		t.Error("the inert controls look live")
	}

	release()
	s.WaitApp()
	if live := s.Eval(layoutJS); live != before {
		t.Errorf("the live page differs from the first paint:\n%s", diffLayout(t, before, live))
	}
	s.Fill("Host", "live.example.com")
	s.WaitTextContains("TwiML preview", "@live.example.com;transport=tls")
	s.NoConsoleErrors()
}

// diffLayout lists the entries of two layoutJS results that differ.
func diffLayout(t *testing.T, a, b string) string {
	t.Helper()
	var as, bs []string
	if err := json.Unmarshal([]byte(a), &as); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(b), &bs); err != nil {
		t.Fatal(err)
	}
	var out []string
	if len(as) != len(bs) {
		out = append(out, fmt.Sprintf("%d elements, then %d", len(as), len(bs)))
	}
	for i := 0; i < len(as) && i < len(bs); i++ {
		if as[i] != bs[i] {
			out = append(out, "- "+as[i]+"\n+ "+bs[i])
		}
	}
	return strings.Join(out, "\n")
}
