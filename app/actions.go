package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/components"
	"sipcompose/sipcompose"
)

// actionsNotice is where the header's actions (share link, reset, blank
// form) say what they did.
const actionsNotice = "actions"

const openedLink = "Opened the shared document. The password, if there was one, is never in a link."

// replace is an edit that replaces what was typed (an import, the example,
// a blank form, a pasted URI): the document before it is kept and offered
// back with Undo beside the control at, until the next edit.
func (p *page) replace(ctx goapp.Context, at, msg string, change func(*sipcompose.Document)) {
	prev := p.doc.Clone()
	p.edit(ctx, true, change)
	p.notifier.SayUndo(at, msg, p.undoTo(prev, at))
}

// undoTo puts prev back, saying so at at.
func (p *page) undoTo(prev sipcompose.Document, at string) func(goapp.Context) {
	return func(ctx goapp.Context) {
		p.edit(ctx, true, func(d *sipcompose.Document) { *d = prev })
		p.notifier.Say(at, "Undone: the form is back as it was.")
	}
}

func (p *page) resetToExample(ctx goapp.Context, e goapp.Event) {
	p.replace(ctx, actionsNotice, "Started again from the example.", func(d *sipcompose.Document) { *d = exampleDocument() })
}

func (p *page) blankForm(ctx goapp.Context, e goapp.Event) {
	p.focus = "t0-user"
	p.replace(ctx, actionsNotice, "Started from a blank form.", func(d *sipcompose.Document) { *d = blankDocument() })
}

func (p *page) copyShareLink(ctx goapp.Context, e goapp.Event) {
	u := *ctx.Page().URL()
	u.Fragment = shareFragment(p.doc)
	link := u.String()
	goapp.Window().GetElementByID("share-link").Set("value", link)
	components.CopyText(ctx, link, "share-link", "share link", "", p.notifier, actionsNotice)
}

// isExample reports whether doc is the example as first shown: pasting a
// URI over it replaces the example whole, <Dial> attributes too, since
// none of it is the person's.
func isExample(doc sipcompose.Document) bool {
	return string(compactDocument(doc)) == string(compactDocument(exampleDocument()))
}
