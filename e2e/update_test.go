//go:build !wasm

package e2e

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/go-rod/rod/lib/proto"

	"sipcompose/browsertest"
)

// newRelease is the built site with a changed service worker, which is what
// a deploy of a new build looks like to a browser.
func newRelease(t *testing.T, site fs.FS) fs.FS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(site, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(site, name)
		if err != nil {
			return err
		}
		switch name {
		case "app-worker.js":
			data = append(data, "\n// next release\n"...)
		case "app-worker.js.br", "app-worker.js.gz":
			return nil // the compressed copies would still be the old release
		}
		out[name] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestNewVersionOffersReload(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.WaitServiceWorker()
	s.Reload() // now the worker controls the page, as on any later visit
	s.Deploy(newRelease(t, s.SiteFS()))
	takeNewVersion(s)
	s.WaitTextContains("TwiML preview", "pbx.example.com")
	s.NoConsoleErrors()
}

// takeNewVersion has the service worker look for a new release, waits for
// the page to offer it, and reloads into it with the page's own button.
func takeNewVersion(s *browsertest.Session) {
	s.T.Helper()
	s.Eval(`() => navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => "")`)
	s.WaitEval(`() => { const b = document.querySelector(".banner"); return b ? b.textContent : "" }`, "A new version of sipcompose is available. Reload")
	// Wait for the new document: until it commits, the old page still
	// looks loaded, and reading it races the navigation.
	reloaded := s.Page.Timeout(browsertest.Timeout).WaitNavigation(proto.PageLifecycleEventNameLoad)
	s.Click("Reload", 0)
	reloaded()
	s.WaitApp()
}
