package app

import (
	"errors"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/components"
	"sipcompose/sipcompose"
)

// ownTheLink takes a share link's fragment out of the address bar once it
// is opened: the page owns the document from then on, so a reload shows
// the latest edits (the saved draft), not the link's version over them.
func (p *page) ownTheLink(ctx goapp.Context) {
	if !goapp.IsClient {
		return
	}
	u := *ctx.Page().URL()
	u.Fragment = ""
	goapp.Window().Get("history").Call("replaceState", nil, "", u.String())
}

func (p *page) openSharedLink(ctx goapp.Context, e goapp.Event) {
	doc, err := readShareFragment(goapp.Window().URL().Fragment)
	switch {
	case errors.Is(err, errNoShare):
		return
	case err != nil:
		p.ownTheLink(ctx)
		p.notifier.Say(pageNotice, badLink(err)+" The form is unchanged.")
	default:
		p.ownTheLink(ctx)
		p.replace(ctx, components.Replacement{At: pageNotice, Msg: openedLink, Whole: true, Change: func(d *sipcompose.Document) { *d = doc }})
		// Saved now, not after the next frame: the fragment has already
		// left the address bar.
		p.savePendingDraft(ctx)
	}
}

// otherTabSaved keeps this tab in step with another tab of the page: the
// other tab's draft is the newer, so this tab shows it, says so, and
// offers Undo, which brings this tab's version back (and saves it, so the
// other tab follows in turn). Nothing either tab typed is lost without
// notice. Passwords are never in a draft: a target with the same host and
// username keeps the one typed here.
func (p *page) otherTabSaved(ctx goapp.Context, e goapp.Event) {
	if e.Get("key").String() != draftKey || !e.Get("newValue").Truthy() {
		return
	}
	raw := e.Get("newValue").String()
	if raw == string(compactDocument(p.doc)) {
		return
	}
	doc, err := readDraft([]byte(raw))
	if err != nil {
		p.notifier.Say(pageNotice, "Another tab saved a draft this tab cannot read ("+err.Error()+"). This tab keeps its own.")
		return
	}
	keepPasswords(&doc, p.doc)
	mine := p.snapshot()
	p.focus = ""
	p.set(doc, true)
	p.notifier.SayUndo(pageNotice, "Another tab changed the draft: this tab now shows its version.", p.undoTo(mine, pageNotice))
	p.Update()
}

func keepPasswords(doc *sipcompose.Document, from sipcompose.Document) {
	for i := range doc.Targets {
		if i < len(from.Targets) {
			t, f := &doc.Targets[i], from.Targets[i]
			if t.Password == "" && t.Host == f.Host && t.Username == f.Username {
				t.Password = f.Password
			}
		}
	}
}
