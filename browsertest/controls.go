//go:build !wasm

package browsertest

import (
	"io/fs"
	"strconv"
	"time"

	"github.com/go-rod/rod/lib/input"
)

// findControlJS returns the nth (0-based) control labelled t.
const findControlJS = `(t, n) => {
	const found = [...document.querySelectorAll("label")].filter(l => l.textContent.trim() === t && l.control);
	return found[n] ? found[n].control : null;
}`

// Select picks the option with value in the nth select labelled label and
// fires change, as choosing it by hand does.
func (s *Session) Select(label string, n int, value string) {
	s.T.Helper()
	got := s.Eval(`(t, n, v) => {
		const el = (`+findControlJS+`)(t, n);
		if (!el) return "no select labelled " + t;
		if (![...el.options].some(o => o.value === v)) return "no option " + v;
		el.value = v;
		el.dispatchEvent(new Event("change", {bubbles: true}));
		return "ok";
	}`, label, n, value)
	if got != "ok" {
		s.T.Fatalf("browsertest: select %q in %q: %s", value, label, got)
	}
}

// SetChecked sets the nth checkbox labelled label and fires change.
func (s *Session) SetChecked(label string, n int, on bool) {
	s.T.Helper()
	got := s.Eval(`(t, n, on) => {
		const el = (`+findControlJS+`)(t, n);
		if (!el) return "no checkbox labelled " + t;
		if (el.checked !== on) el.click();
		return "ok";
	}`, label, n, on)
	if got != "ok" {
		s.T.Fatalf("browsertest: check %q: %s", label, got)
	}
}

// FillNth replaces the value of the nth control labelled label, as one
// input event; paste marks it as pasted text (InputEvent.inputType).
func (s *Session) FillNth(label string, n int, text string, paste bool) {
	s.T.Helper()
	got := s.Eval(`(t, n, v, paste) => {
		const el = (`+findControlJS+`)(t, n);
		if (!el) return "no control labelled " + t;
		el.focus();
		el.value = v;
		el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: paste ? "insertFromPaste" : "insertText"}));
		return "ok";
	}`, label, n, text, paste)
	if got != "ok" {
		s.T.Fatalf("browsertest: fill %q #%d: %s", label, n, got)
	}
}

// Value returns the value of the nth control labelled label.
func (s *Session) Value(label string, n int) string {
	s.T.Helper()
	return s.Eval(`(t, n) => { const el = (`+findControlJS+`)(t, n); return el ? el.value : "<missing>"; }`, label, n)
}

// Click clicks the nth button whose text is text.
func (s *Session) Click(text string, n int) {
	s.T.Helper()
	got := s.Eval(`(t, n) => {
		const b = [...document.querySelectorAll("button")].filter(b => b.textContent.trim() === t)[n];
		if (!b) return "no button " + t;
		b.click();
		return "ok";
	}`, text, n)
	if got != "ok" {
		s.T.Fatalf("browsertest: click %q #%d: %s", text, n, got)
	}
}

// Count returns how many elements match the CSS selector.
func (s *Session) Count(selector string) int {
	s.T.Helper()
	n, err := strconv.Atoi(s.Eval(`(sel) => String(document.querySelectorAll(sel).length)`, selector))
	if err != nil {
		s.T.Fatalf("browsertest: count %s: %v", selector, err)
	}
	return n
}

// TextContent is the exact text content (not the rendered text) of the
// element with aria-label label.
func (s *Session) TextContent(label string) string {
	s.T.Helper()
	return s.Eval(`(l) => { const el = document.querySelector('[aria-label="' + l + '"]'); return el ? el.textContent : "<missing>"; }`, label)
}

// WaitEval waits until the JavaScript function js returns want, failing the
// test with the last value on timeout.
func (s *Session) WaitEval(js, want string, args ...any) {
	s.T.Helper()
	var got string
	s.waitFor(func() bool {
		got = s.Eval(js, args...)
		return got == want
	})
	if got != want {
		s.T.Fatalf("browsertest: %s = %q, want %q", js, got, want)
	}
}

// waitFor polls ok until it holds or Timeout passes.
func (s *Session) waitFor(ok func() bool) {
	deadline := time.Now().Add(Timeout)
	for !ok() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
}

// ServerLog is every access-log line the test's server wrote so far.
func (s *Session) ServerLog() string {
	return s.log.String()
}

// Deploy replaces the site the server serves, as a new release would,
// keeping the address (and so the service worker's origin).
func (s *Session) Deploy(site fs.FS) {
	s.T.Helper()
	s.StopServer()
	s.site = site
	s.StartServer()
}

// SiteFS is the built site the session started with.
func (s *Session) SiteFS() fs.FS { return s.site }

// Press presses and releases one key ("Tab", "Enter", "Escape") in the
// page, where the focus is, as a keyboard does.
func (s *Session) Press(key string) {
	s.T.Helper()
	keys := map[string]input.Key{"Tab": input.Tab, "Enter": input.Enter, "Escape": input.Escape, "Space": input.Space}
	k, ok := keys[key]
	if !ok {
		s.T.Fatalf("browsertest: no key %q", key)
	}
	if err := s.Page.Keyboard.Type(k); err != nil {
		s.T.Fatalf("browsertest: press %s: %v", key, err)
	}
}
