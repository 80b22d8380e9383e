//go:build !wasm

package browsertest

import (
	"sync"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// HoldBack stalls the page's requests whose URL matches pattern (a
// DevTools glob such as "*app.wasm") until the returned release is called,
// e.g. to look at the page as it is before the wasm arrives. Release is
// also called when the test ends.
func (s *Session) HoldBack(pattern string) (release func()) {
	s.T.Helper()
	gate := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(gate) }) }
	router := s.Page.HijackRequests()
	err := router.Add(pattern, "", func(h *rod.Hijack) {
		<-gate
		h.ContinueRequest(&proto.FetchContinueRequest{})
	})
	if err != nil {
		s.T.Fatalf("browsertest: hold back %s: %v", pattern, err)
	}
	go router.Run()
	s.T.Cleanup(func() {
		release()
		router.Stop()
	})
	return release
}

// Navigate loads path without waiting for the app to start (Open waits).
func (s *Session) Navigate(path string) {
	s.T.Helper()
	p, done := s.page()
	defer done()
	if err := p.Navigate(s.URL + path); err != nil {
		s.T.Fatalf("browsertest: navigate to %s: %v", path, err)
	}
}
