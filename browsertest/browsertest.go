//go:build !wasm

// Package browsertest drives the real PWA in Debian's Chromium: it serves an
// exported site with the project's static server on a free loopback port and
// opens it in a fresh headless browser, so a test reads like what a person
// does: open the page, fill "Host", read the "TwiML preview".
package browsertest

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/input"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/proto"
	"github.com/go-rod/rod/lib/utils"

	"sipcompose/internal/syncbuf"
	"sipcompose/internal/testenv"
	"sipcompose/site"
	"sipcompose/static"
)

// Timeout bounds every single browser step; a cold wasm start takes about a
// second here, so this only trips on a real hang.
const Timeout = 30 * time.Second

// pollSleeper paces rod's waits (Wait, element queries). Its default
// starts at 100 ms and backs off to a second, so every wait for the app to
// react cost a tenth of a second or more; the page answers in milliseconds.
func pollSleeper() utils.Sleeper {
	return utils.BackoffSleeper(10*time.Millisecond, 100*time.Millisecond, nil)
}

// Session is one test's server and browser.
type Session struct {
	T       testing.TB
	URL     string // the site's origin, e.g. http://127.0.0.1:41234 (no trailing slash)
	Browser *rod.Browser
	Page    *rod.Page

	addr string
	site fs.FS
	stop func()

	mu       sync.Mutex
	problems []string
	log      syncbuf.Buffer // the server's access log
}

// New serves the built site and opens a blank page in a fresh browser; all
// of it is torn down when the test ends. Without Chromium it skips, unless
// the CI environment variable is set, where a missing browser is a failure.
func New(t testing.TB) *Session {
	t.Helper()
	bin := chromium(t)
	s := &Session{T: t, site: siteFS(t)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("browsertest: %v", err)
	}
	s.addr = ln.Addr().String()
	s.URL = "http://" + s.addr
	s.serve(ln)
	t.Cleanup(s.StopServer)

	dataDir, err := os.MkdirTemp("", "sipcompose-chromium-")
	if err != nil {
		t.Fatalf("browsertest: %v", err)
	}
	l := launcher.New().Bin(bin).Headless(true).NoSandbox(true).Leakless(false).UserDataDir(dataDir).
		Set("disable-gpu").Set("disable-quic").Set("disable-background-networking").
		Set("disable-component-update").Set("no-first-run")
	t.Cleanup(func() {
		l.Kill()
		os.RemoveAll(dataDir)
	})
	u, err := l.Launch()
	if err != nil {
		t.Fatalf("browsertest: starting %s: %v", bin, err)
	}
	s.Browser = rod.New().ControlURL(u)
	if err := s.Browser.Connect(); err != nil {
		t.Fatalf("browsertest: connecting to %s: %v", bin, err)
	}
	s.Browser = s.Browser.Sleeper(pollSleeper)
	t.Cleanup(func() { s.Browser.Close() })
	s.Page = s.NewPage()
	return s
}

// NewPage opens another tab in the same browser, collecting its console
// errors like the first.
func (s *Session) NewPage() *rod.Page {
	s.T.Helper()
	p, err := s.Browser.Page(proto.TargetCreateTarget{URL: "about:blank"})
	if err != nil {
		s.T.Fatalf("browsertest: new page: %v", err)
	}
	s.watch(p)
	return p
}

// watch records console errors, uncaught exceptions and browser log errors
// (CSP violations, failed loads) of p.
func (s *Session) watch(p *rod.Page) {
	if err := (proto.RuntimeEnable{}).Call(p); err != nil {
		s.T.Fatalf("browsertest: %v", err)
	}
	if err := (proto.LogEnable{}).Call(p); err != nil {
		s.T.Fatalf("browsertest: %v", err)
	}
	go p.EachEvent(
		func(e *proto.RuntimeConsoleAPICalled) {
			if e.Type != proto.RuntimeConsoleAPICalledTypeError && e.Type != proto.RuntimeConsoleAPICalledTypeAssert {
				return
			}
			var parts []string
			for _, a := range e.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, a.Value.String())
				}
			}
			s.problem("console." + string(e.Type) + ": " + strings.Join(parts, " "))
		},
		func(e *proto.RuntimeExceptionThrown) {
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			s.problem("exception: " + msg)
		},
		func(e *proto.LogEntryAdded) {
			if e.Entry.Level == proto.LogLogEntryLevelError {
				s.problem("log: " + e.Entry.Text + " " + e.Entry.URL)
			}
		},
	)()
}

func (s *Session) problem(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.problems = append(s.problems, msg)
}

// ConsoleErrors returns what went wrong in the pages so far.
func (s *Session) ConsoleErrors() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.problems...)
}

// NoConsoleErrors fails the test if any page logged an error so far.
func (s *Session) NoConsoleErrors() {
	s.T.Helper()
	for _, e := range s.ConsoleErrors() {
		s.T.Errorf("browser: %s", e)
	}
}

func (s *Session) page() (*rod.Page, func()) {
	p := s.Page.Timeout(Timeout)
	return p, func() { p.CancelTimeout() }
}

// Open navigates to path (e.g. "/" or "/?doc=...") and waits for the app.
func (s *Session) Open(path string) {
	s.T.Helper()
	p, done := s.page()
	defer done()
	if err := p.Navigate(s.URL + path); err != nil {
		s.T.Fatalf("browsertest: open %s: %v", path, err)
	}
	s.WaitApp()
}

// Reload reloads the page and waits for the app.
func (s *Session) Reload() {
	s.T.Helper()
	p, done := s.page()
	defer done()
	if err := p.Reload(); err != nil {
		s.T.Fatalf("browsertest: reload: %v", err)
	}
	s.WaitApp()
}

// WaitApp waits until the wasm runs: go-app removes #app-wasm-loader once
// it has started the app (and shows the error there if it could not).
func (s *Session) WaitApp() {
	s.T.Helper()
	p, done := s.page()
	defer done()
	err := p.Wait(rod.Eval(`() => document.readyState === "complete" && !document.getElementById("app-wasm-loader")`))
	if err != nil {
		label := s.Eval(`() => { const l = document.getElementById("app-wasm-loader-label"); return l ? l.innerText : "" }`)
		s.T.Fatalf("browsertest: the app did not start (loader says %q): %v; browser: %q", label, err, s.ConsoleErrors())
	}
}

// Eval runs a JavaScript function in the page and returns its result as a
// string (JSON for non-strings).
func (s *Session) Eval(js string, args ...any) string {
	s.T.Helper()
	p, done := s.page()
	defer done()
	res, err := p.Evaluate(rod.Eval(js, args...).ByPromise())
	if err != nil {
		s.T.Fatalf("browsertest: eval %s: %v", js, err)
	}
	if res.Value.Str() != "" || res.Type == proto.RuntimeRemoteObjectTypeString {
		return res.Value.Str()
	}
	return res.Value.JSON("", "")
}

// Input returns the form control labelled text (by its <label>).
func (s *Session) Input(label string) *rod.Element {
	s.T.Helper()
	p, done := s.page()
	defer done()
	el, err := p.ElementByJS(rod.Eval(`(t) => {
		for (const l of document.querySelectorAll("label")) {
			if (l.textContent.trim() === t && l.control) return l.control;
		}
		return null;
	}`, label))
	if err != nil {
		s.T.Fatalf("browsertest: no control labelled %q: %v", label, err)
	}
	// Detach from the lookup's timeout, which ends when Input returns.
	return el.Context(s.Page.GetContext()).Timeout(Timeout)
}

// Fill replaces the value of the control labelled label with text, as one
// input event (a paste).
func (s *Session) Fill(label, text string) {
	s.T.Helper()
	el := s.Input(label)
	defer el.CancelTimeout()
	if err := el.SelectAllText(); err != nil {
		s.T.Fatalf("browsertest: fill %q: %v", label, err)
	}
	var err error
	if text == "" {
		err = s.Page.Keyboard.Type(input.Backspace)
	} else {
		err = el.Input(text)
	}
	if err != nil {
		s.T.Fatalf("browsertest: fill %q: %v", label, err)
	}
}

// Type appends text to the control labelled label one character at a time,
// each its own input event, as fast as the browser takes them.
func (s *Session) Type(label, text string) {
	s.T.Helper()
	el := s.Input(label)
	defer el.CancelTimeout()
	if err := el.Focus(); err != nil {
		s.T.Fatalf("browsertest: type into %q: %v", label, err)
	}
	for _, r := range text {
		if err := s.Page.InsertText(string(r)); err != nil {
			s.T.Fatalf("browsertest: type into %q: %v", label, err)
		}
	}
}

// Text returns the text of the element with aria-label label.
func (s *Session) Text(label string) string {
	s.T.Helper()
	p, done := s.page()
	defer done()
	el, err := p.Element("[aria-label=" + strconv.Quote(label) + "]")
	if err != nil {
		s.T.Fatalf("browsertest: no element with aria-label %q: %v", label, err)
	}
	txt, err := el.Text()
	if err != nil {
		s.T.Fatalf("browsertest: text of %q: %v", label, err)
	}
	return txt
}

// WaitText waits until the element with aria-label label has text that ok
// accepts (renders are asynchronous) and returns it; on timeout the test
// fails showing the last text seen.
func (s *Session) WaitText(label string, ok func(string) bool) string {
	s.T.Helper()
	deadline := time.Now().Add(Timeout)
	for {
		txt := s.Text(label)
		if ok(txt) {
			return txt
		}
		if time.Now().After(deadline) {
			s.T.Fatalf("browsertest: %q never reached the expected text; last:\n%s", label, txt)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// WaitTextContains waits until the element with aria-label label contains sub.
func (s *Session) WaitTextContains(label, sub string) string {
	s.T.Helper()
	return s.WaitText(label, func(t string) bool { return strings.Contains(t, sub) })
}

// SetViewport sets the page's CSS viewport (e.g. 360 wide for a phone).
func (s *Session) SetViewport(width, height int) {
	s.T.Helper()
	err := s.Page.SetViewport(&proto.EmulationSetDeviceMetricsOverride{
		Width: width, Height: height, DeviceScaleFactor: 1, Mobile: width < 600,
	})
	if err != nil {
		s.T.Fatalf("browsertest: viewport %dx%d: %v", width, height, err)
	}
}

// Screenshot writes a PNG of the visible page to path, creating directories.
func (s *Session) Screenshot(path string) {
	s.T.Helper()
	p, done := s.page()
	defer done()
	png, err := p.Screenshot(false, &proto.PageCaptureScreenshot{Format: proto.PageCaptureScreenshotFormatPng})
	if err != nil {
		s.T.Fatalf("browsertest: screenshot: %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		s.T.Fatalf("browsertest: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		s.T.Fatalf("browsertest: %v", err)
	}
}

// WaitServiceWorker waits until go-app's service worker is active, i.e. the
// app is cached for offline use (a reload then runs under its control).
func (s *Session) WaitServiceWorker() {
	s.T.Helper()
	s.Eval(`() => navigator.serviceWorker.ready.then(r => r.active.state)`)
}

// StopServer stops the static server (the browser stays), e.g. to check
// that the installed app works offline. Stopping twice is harmless.
func (s *Session) StopServer() {
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
}

// StartServer starts the server again on the same address, so the page's
// origin (and its service worker) stays the same.
func (s *Session) StartServer() {
	s.T.Helper()
	if s.stop != nil {
		return
	}
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		s.T.Fatalf("browsertest: restart on %s: %v", s.addr, err)
	}
	s.serve(ln)
}

func (s *Session) serve(ln net.Listener) {
	ctx, cancel := context.WithCancel(context.Background())
	h, err := static.New(s.site, static.Options{ImmutablePrefix: site.AssetsPrefix})
	if err != nil {
		s.T.Fatalf("browsertest: %v", err)
	}
	srv := static.NewServer(h, &s.log)
	done := make(chan error, 1)
	go func() { done <- static.Serve(ctx, srv, ln) }()
	s.stop = func() {
		cancel()
		if err := <-done; err != nil {
			s.T.Errorf("browsertest: server: %v", err)
		}
	}
}

// SiteDir is the exported site the tests serve: $SIPCOMPOSE_SITE (set by
// `make test`), else dist/ at the module root.
func SiteDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("SIPCOMPOSE_SITE")
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			t.Fatalf("browsertest: %v", err)
		}
		dir = filepath.Join(root, "dist")
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		t.Fatalf("browsertest: no built site in %s: run `make build` (or `make test`), or set SIPCOMPOSE_SITE", dir)
	}
	return dir
}

func siteFS(t testing.TB) fs.FS {
	t.Helper()
	root, err := os.OpenRoot(SiteDir(t))
	if err != nil {
		t.Fatalf("browsertest: %v", err)
	}
	t.Cleanup(func() { root.Close() })
	return root.FS()
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// chromium finds Debian's Chromium; rod is never allowed to download one.
func chromium(t testing.TB) string {
	t.Helper()
	for _, p := range []string{os.Getenv("SIPCOMPOSE_CHROMIUM"), "/usr/bin/chromium"} {
		if p != "" {
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p
			}
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	testenv.Unavailable(t, "browsertest: Chromium not found: apt-get install chromium")
	return ""
}
