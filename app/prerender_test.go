//go:build !wasm

package app

import (
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// TestPrerenderShowsTheExample renders the page as the export does (on the
// server, where OnMount never runs): the form and the outputs of the
// example, with the first visit's notice, not an empty document.
func TestPrerenderShowsTheExample(t *testing.T) {
	p := &page{}
	d := goapp.NewServerTester(p)
	defer d.Close()
	d.Consume()
	if want := sipcompose.Compose(exampleDocument()).TwiML; p.result.TwiML != want {
		t.Errorf("prerendered preview:\n%s\nwant\n%s", p.result.TwiML, want)
	}
	if got := p.notifier.Message(pageNotice); got != "This is an example: edit it, or paste what the customer sent into the box below." {
		t.Errorf("notice %q", got)
	}
	var html strings.Builder
	goapp.PrintHTML(&html, p)
	// The header value "true" must not come out as a bare value attribute.
	for _, want := range []string{`id="t0-host"`, `value="pbx.example.com"`, `value="tru&#101;"`, "TwiML preview"} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("prerendered HTML lacks %s", want)
		}
	}
}
