//go:build !wasm

package browsertest

import (
	"github.com/go-rod/rod/lib/proto"
)

// PickFiles clicks the file input matching selector with the mouse and,
// in the file chooser that opens, picks the files at paths, as a person
// choosing them does (the DevTools protocol answers the chooser).
func (s *Session) PickFiles(selector string, paths ...string) {
	s.T.Helper()
	p, done := s.page()
	defer done()
	pick, err := p.HandleFileDialog()
	if err != nil {
		s.T.Fatalf("browsertest: waiting for a file chooser: %v", err)
	}
	el, err := p.Element(selector)
	if err != nil {
		s.T.Fatalf("browsertest: no file input %s: %v", selector, err)
	}
	if err := el.Click(proto.InputMouseButtonLeft, 1); err != nil {
		s.T.Fatalf("browsertest: click %s: %v", selector, err)
	}
	if err := pick(paths); err != nil {
		s.T.Fatalf("browsertest: pick %v: %v", paths, err)
	}
}
