//go:build !wasm

package browsertest

import (
	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/input"
	"github.com/go-rod/rod/lib/proto"
)

// What a person does, as the browser's own input events: the mouse moves
// and clicks, keys go down and up, a paste comes from the clipboard with
// Ctrl+V. Nothing here sets a value or fires an event by script, so the
// page's handlers see exactly what a person's actions give them (an
// input's inputType, focus moving, a select's type-ahead).

// ClickOn clicks the first element matching the CSS selector with the
// mouse, at its centre, first scrolling it into view as a person would.
func (s *Session) ClickOn(selector string) {
	s.T.Helper()
	p, done := s.page()
	defer done()
	el, err := p.Element(selector)
	if err != nil {
		s.T.Fatalf("browsertest: no element %s to click: %v", selector, err)
	}
	if err := el.Click(proto.InputMouseButtonLeft, 1); err != nil {
		s.T.Fatalf("browsertest: click %s: %v", selector, err)
	}
}

// ClickText clicks the first visible button, link or label whose text is
// text, with the mouse.
func (s *Session) ClickText(text string) {
	s.T.Helper()
	p, done := s.page()
	defer done()
	el, err := p.ElementByJS(ElementByText(text))
	if err != nil {
		s.T.Fatalf("browsertest: nothing reads %q to click: %v", text, err)
	}
	if err := el.Click(proto.InputMouseButtonLeft, 1); err != nil {
		s.T.Fatalf("browsertest: click %q: %v", text, err)
	}
}

// ElementByText finds the first visible button, link, label, summary or
// tab whose trimmed text is text.
func ElementByText(text string) *rod.EvalOptions {
	return rod.Eval(`(t) => [...document.querySelectorAll("button, a, label, summary, [role=tab]")]
		.find(el => el.textContent.trim() === t && el.getClientRects().length > 0) || null`, text)
}

// Keys types text with the keyboard where the focus is, one key press per
// character; characters a US keyboard lacks are typed as an input method
// commits them.
func (s *Session) Keys(text string) {
	s.T.Helper()
	for _, r := range text {
		var err error
		if r < 0x80 && r >= 0x20 {
			err = s.Page.Keyboard.Type(input.Key(r))
		} else {
			err = s.Page.InsertText(string(r))
		}
		if err != nil {
			s.T.Fatalf("browsertest: type %q: %v", text, err)
		}
	}
}

// PasteText pastes text where the focus is, with Ctrl+V: the text is put
// on the clipboard first, as copying it from another program does. The
// test must have granted the clipboard permission.
func (s *Session) PasteText(text string) {
	s.T.Helper()
	if got := s.Eval(`(t) => navigator.clipboard.writeText(t).then(() => "ok", e => String(e))`, text); got != "ok" {
		s.T.Fatalf("browsertest: putting the text to paste on the clipboard: %s", got)
	}
	s.Chord(input.ControlLeft, input.KeyV)
}

// Chord presses the keys together (a modifier first) and releases them.
func (s *Session) Chord(keys ...input.Key) {
	s.T.Helper()
	if err := s.Page.KeyActions().Press(keys[:len(keys)-1]...).Type(keys[len(keys)-1]).Do(); err != nil {
		s.T.Fatalf("browsertest: keys %v: %v", keys, err)
	}
}

// InView reports whether a person can click the element matching selector
// where it is: its centre is inside the viewport and nothing covers it
// there.
func (s *Session) InView(selector string) bool {
	s.T.Helper()
	return s.Eval(`(sel) => {
		const el = document.querySelector(sel);
		if (!el || el.getClientRects().length === 0) return "false";
		const r = el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
		if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return "false";
		const top = document.elementFromPoint(x, y);
		return String(!!top && (el.contains(top) || (el.labels && [...el.labels].some(l => l.contains(top)))));
	}`, selector) == "true"
}

// Focused is the focused element's id ("" for none or no id).
func (s *Session) Focused() string {
	s.T.Helper()
	return s.Eval(`() => document.activeElement ? document.activeElement.id : ""`)
}

// ColorScheme makes the page prefer "light" or "dark", as the system
// setting does.
func (s *Session) ColorScheme(scheme string) {
	s.T.Helper()
	err := proto.EmulationSetEmulatedMedia{Features: []*proto.EmulationMediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}.Call(s.Page)
	if err != nil {
		s.T.Fatalf("browsertest: colour scheme %s: %v", scheme, err)
	}
}

// GrantClipboard lets the page read and write the clipboard without asking,
// as a person who allowed it once.
func (s *Session) GrantClipboard() {
	s.T.Helper()
	err := proto.BrowserGrantPermissions{
		Permissions: []proto.BrowserPermissionType{proto.BrowserPermissionTypeClipboardReadWrite, proto.BrowserPermissionTypeClipboardSanitizedWrite},
		Origin:      s.URL,
	}.Call(s.Browser)
	if err != nil {
		s.T.Fatalf("browsertest: clipboard permission: %v", err)
	}
}

// Clipboard is the clipboard's text.
func (s *Session) Clipboard() string {
	s.T.Helper()
	return s.Eval(`() => navigator.clipboard.readText()`)
}

// findChoiceJS returns the radio button labelled option in the nth group
// (fieldset) whose legend is group, or the group's checked one when option
// is null.
const findChoiceJS = `(group, n, option) => {
	const set = [...document.querySelectorAll("fieldset")].filter(f => f.querySelector("legend") && f.querySelector("legend").textContent.trim() === group)[n];
	if (!set) return null;
	const radios = [...set.querySelectorAll("input[type=radio]")];
	if (option === null) return radios.find(r => r.checked) || null;
	return radios.find(r => r.labels[0] && r.labels[0].textContent.trim() === option) || null;
}`

// Choose clicks, with the mouse, the radio button labelled option in the
// nth group of radio buttons named group (its legend).
func (s *Session) Choose(group string, n int, option string) {
	s.T.Helper()
	p, done := s.page()
	defer done()
	el, err := p.ElementByJS(rod.Eval(findChoiceJS, group, n, option))
	if err != nil {
		s.T.Fatalf("browsertest: no option %q in %q: %v", option, group, err)
	}
	if err := el.Click(proto.InputMouseButtonLeft, 1); err != nil {
		s.T.Fatalf("browsertest: choose %q in %q: %v", option, group, err)
	}
}

// Chosen is the label of the checked radio button of the nth group named
// group ("<none>" when none is checked).
func (s *Session) Chosen(group string, n int) string {
	s.T.Helper()
	return s.Eval(`(g, n) => { const r = (`+findChoiceJS+`)(g, n, null); return r ? r.labels[0].textContent.trim() : "<none>"; }`, group, n)
}
