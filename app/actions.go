package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/components"
	"sipcompose/sipcompose"
)

// actionsNotice is where the header's actions (share link, reset, blank
// form) say what they did: the page's notice line, right under them, whose
// room is reserved, so a notice moves neither the buttons nor the TwiML.
const actionsNotice = pageNotice

const openedLink = "Opened the shared document. Links never hold a password."

// replace is an edit that replaces what was typed (an import, the example,
// a blank form, a pasted URI): the document before it, and what Warnings
// kept from imports then, are offered back with Undo beside the control
// r.At, until the next edit. What the way in changed or could not keep is
// kept in Warnings; a whole new document takes away what was kept of the
// one it replaces.
func (p *page) replace(ctx goapp.Context, r components.Replacement) {
	before := p.snapshot()
	p.edit(ctx, true, func(d *sipcompose.Document) {
		r.Change(d)
		if r.Whole {
			p.kept = nil
		}
		if len(r.Found) > 0 {
			p.kept = append(p.kept[:len(p.kept):len(p.kept)], p.keep(*d, r.Found, r.From)...)
		}
	})
	p.notifier.SayUndo(r.At, r.Msg, p.undoTo(before, r.At))
	if len(r.Found) > 0 {
		p.notifier.SeeImported(r.At)
	}
}

// snapshot is what Undo brings back: the document and the findings kept.
type snapshot struct {
	doc  sipcompose.Document
	kept []kept
}

func (p *page) snapshot() snapshot { return snapshot{p.doc.Clone(), p.kept} }

// undoTo puts s back, saying so at at.
func (p *page) undoTo(s snapshot, at string) func(goapp.Context) {
	return func(ctx goapp.Context) {
		p.edit(ctx, true, func(d *sipcompose.Document) {
			*d = s.doc
			p.kept = s.kept
		})
		p.notifier.Say(at, "Undone: the form is back as it was.")
	}
}

func (p *page) resetToExample(ctx goapp.Context, e goapp.Event) {
	p.replace(ctx, components.Replacement{At: actionsNotice, Msg: "Started again from the example.", Whole: true,
		Change: func(d *sipcompose.Document) { *d = exampleDocument() }})
}

func (p *page) blankForm(ctx goapp.Context, e goapp.Event) {
	p.focus = "t0-user"
	p.replace(ctx, components.Replacement{At: actionsNotice, Msg: "Started from a blank form.", Whole: true,
		Change: func(d *sipcompose.Document) { *d = blankDocument() }})
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
