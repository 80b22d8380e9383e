package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// PageNotice is the Feedback under the page's header, for what concerns
// the whole page (an opened link, a draft, another tab).
const PageNotice = "notice"

// Notifier puts feedback beside the control that caused it. Each Feedback
// is a live region placed under one control; Say fills the one it names
// and empties the one filled before, and Clear (on the next edit) empties
// it, so no notice outlives what it was about. Panels hold the Notifier by
// pointer: go-app compares a component's fields to decide whether to
// re-render it, and one pointer compares equal where a func never does.
type Notifier struct {
	// Problem is the current Result's ErrorSummary, which copy
	// confirmations carry; the page sets it on every compose.
	Problem string

	at, msg string
	undo    func(app.Context)
	// see, when set, is the element a "see" button after msg leads to, and
	// seeLabel its label: where an import's findings are listed.
	see, seeLabel string
	mounted       map[string]*Feedback
}

// Say shows msg beside the control at (a Feedback's At).
func (n *Notifier) Say(at, msg string) { n.show(at, msg, nil) }

// SayUndo is Say with an Undo button that runs undo; it stays until the
// next edit, which is also when undo stops being offered.
func (n *Notifier) SayUndo(at, msg string, undo func(app.Context)) { n.show(at, msg, undo) }

// SeeImported adds to the message shown at at a button that leads to the
// findings an import left in Warnings, which may be far from the control
// (below the form, on a phone).
func (n *Notifier) SeeImported(at string) {
	if n.at != at {
		return
	}
	n.see, n.seeLabel = importedID, "Show them"
	if f := n.mounted[at]; f != nil {
		f.Update()
	}
}

// Clear empties the feedback shown, if any.
func (n *Notifier) Clear() {
	if n.at != "" {
		n.show("", "", nil)
	}
}

func (n *Notifier) show(at, msg string, undo func(app.Context)) {
	old := n.at
	n.at, n.msg, n.undo, n.see = at, msg, undo, ""
	for _, key := range []string{old, at} {
		if f := n.mounted[key]; f != nil {
			f.Update()
		}
	}
}

// Feedback is where a control's feedback appears: an always-present live
// region, so screen readers announce what Say puts in it.
type Feedback struct {
	app.Compo
	At       string
	Notifier *Notifier
}

func (f *Feedback) OnMount(app.Context) {
	if f.Notifier.mounted == nil {
		f.Notifier.mounted = make(map[string]*Feedback)
	}
	f.Notifier.mounted[f.At] = f
}

func (f *Feedback) OnDismount() {
	if f.Notifier.mounted[f.At] == f {
		delete(f.Notifier.mounted, f.At)
	}
}

func (f *Feedback) Render() app.UI {
	n := f.Notifier
	shown := n.at == f.At && n.msg != ""
	// A div, not a p: it may hold a list.
	return app.Div().ID(f.At+"-feedback").Class("feedback").Role("status").Aria("live", "polite").Body(
		app.If(shown, app.Text(n.msg)),
		app.If(shown && n.undo != nil,
			app.Text(" "),
			app.Button().Type("button").Class("small", "undo").Text("Undo").OnClick(func(ctx app.Context, e app.Event) {
				if n.undo != nil {
					n.undo(ctx)
				}
			}),
		),
		app.If(shown && n.see != "",
			app.Text(" "),
			app.Button().Type("button").Class("small", "see").Text(n.seeLabel).OnClick(func(ctx app.Context, e app.Event) {
				FocusControl(n.see)
			}),
		),
	)
}

// Message is what the feedback at shows ("" when it shows nothing).
func (n *Notifier) Message(at string) string {
	if n.at != at {
		return ""
	}
	return n.msg
}
