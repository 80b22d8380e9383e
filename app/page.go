package app

import (
	"encoding/json"
	"errors"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/components"
	"sipcompose/sipcompose"
	"sipcompose/sipcompose/probe"
)

// page is the one stateful component: it owns the document, composes it
// once per change and hands the Result to every panel.
type page struct {
	goapp.Compo

	doc    sipcompose.Document
	result sipcompose.Result
	diags  map[string][]sipcompose.Diagnostic
	// shape is components.Shape of the diagnostics: the form re-renders
	// when it changes; diagStore re-renders only the messages otherwise.
	shape     string
	diagStore components.DiagStore

	// shown is the document the form was last built from. Inputs take
	// their values from it, so while someone types the form's virtual DOM
	// does not change and go-app never writes into an input under their
	// fingers (which lost keystrokes in testing). gen counts rebuilds.
	shown sipcompose.Document
	gen   int
	focus string

	// kept is what imports changed or could not keep, listed in Warnings
	// (findings.go); findingSeq numbers them; dismisser removes them.
	kept       []kept
	findingSeq int
	dismisser  components.Dismisser

	// panels is the chosen output panel; auditRules is what was pasted
	// into the audit panel, and diagnosis the Diagnose panel's evidence,
	// kept while another panel is shown; jobs the worker the Code and
	// Rules check panels ask.
	panels     components.Panels
	auditRules components.AuditRules
	diagnosis  components.Diagnosis
	jobs       components.Jobs

	// blank is whether the document is an untouched blank form (set).
	blank bool
	// opening is what OnMount must still do about how the page opened.
	opening opening

	saveFailed      bool
	savePending     bool
	updateAvailable bool
	stopListening   []func()
	// notifier shows feedback beside the control that caused it; the
	// page's own messages (links, drafts, other tabs) are at pageNotice.
	notifier *components.Notifier
}

// pageNotice is where the page's own messages appear, under its header.
const pageNotice = components.PageNotice

// OnInit opens the document before go-app's first render, so the form is
// mounted once, with it. Opened in OnMount, after that render, the form was
// mounted empty and then replaced whole: about 80 ms of every start.
func (p *page) OnInit() {
	p.notifier = &components.Notifier{}
	p.panels.Choose = p.choosePanel
	p.dismisser.Dismiss = p.dismiss
	if goapp.IsClient {
		p.open(browserStorage{}, goapp.Window().URL().Fragment)
	}
}

// open opens the document and the output panel last chosen.
func (p *page) open(s storage, fragment string) {
	p.openInitial(s, fragment)
	// A missing or unknown choice leaves the first panel.
	s.Get(panelKey, &p.panels.Chosen)
}

func (p *page) OnMount(ctx goapp.Context) {
	// Outside a browser (go-app's client tester), OnInit had nothing to
	// read: the page opens now, from the context's storage.
	if p.gen == 0 {
		p.open(ctx.LocalStorage(), ctx.Page().URL().Fragment)
	}
	p.settleOpening(ctx)
	p.diagnosis.Prepare(ctx)
	win := goapp.Window()
	p.stopListening = []func(){
		// Pasting a share link into the address bar of an open tab changes
		// only the fragment: no reload, so the page must notice by itself.
		win.AddEventListener("hashchange", p.fromWindow(p.openSharedLink)),
		// Another tab of this page saved its draft (see sync.go).
		win.AddEventListener("storage", p.fromWindow(p.otherTabSaved)),
		win.AddEventListener("visibilitychange", p.fromWindow(func(ctx goapp.Context, e goapp.Event) { p.savePendingDraft(ctx) })),
	}
	// Once the page is in the document, where the TwiML can be found.
	p.afterRender(ctx, func(goapp.Context) { p.stopListening = append(p.stopListening, watchTwiML()) })
}

// fromWindow runs a window event's handler as one of the page's own: the
// context go-app gives a window listener has no element, and edit's
// PreventUpdate needs one (it panicked).
func (p *page) fromWindow(h func(goapp.Context, goapp.Event)) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		ctx.Dispatcher().Dispatch(goapp.Dispatch{Mode: goapp.Update, Source: p, Function: func(ctx goapp.Context) { h(ctx, e) }})
	}
}

func (p *page) OnDismount() {
	for _, stop := range p.stopListening {
		stop()
	}
}

// openInitial opens, in order: a share link (fragment), the saved draft,
// the example. A broken link or draft is said, never a broken page. What
// needs the mounted page (the address bar, saving) is left to
// settleOpening.
func (p *page) openInitial(s storage, fragment string) {
	doc, err := readShareFragment(fragment)
	switch {
	case err == nil:
		draft, hadDraft, _ := loadDraft(s)
		p.set(doc, true)
		p.opening = openedFromLink
		if hadDraft {
			p.notifier.SayUndo(pageNotice, openedLink+" It replaced your saved draft.", p.undoTo(snapshot{doc: draft}, pageNotice))
		} else {
			p.notifier.Say(pageNotice, openedLink)
		}
		return
	case !errors.Is(err, errNoShare):
		p.opening = openedBadLink
		if draft, ok, _ := loadDraft(s); ok {
			p.set(draft, true)
			p.notifier.Say(pageNotice, badLink(err)+" Showing your saved draft instead.")
			return
		}
		p.set(exampleDocument(), true)
		p.notifier.Say(pageNotice, badLink(err)+" Showing an example instead.")
		return
	}
	doc, notice := draftOrExample(s)
	p.set(doc, true)
	p.notifier.Say(pageNotice, notice)
}

// opening is what openInitial opened that the address bar still shows.
type opening int

const (
	openedPlainly opening = iota
	openedFromLink
	openedBadLink
)

// settleOpening takes the fragment out of the address bar once the page
// owns what it held. A link becomes the draft at once: its fragment leaves
// the address bar, so a reload before any edit would otherwise show the old
// draft or the example, the link lost; Undo brings the old draft back.
func (p *page) settleOpening(ctx goapp.Context) {
	switch p.opening {
	case openedFromLink:
		p.ownTheLink(ctx)
		p.save(ctx)
	case openedBadLink:
		p.ownTheLink(ctx)
	}
	p.opening = openedPlainly
}

// draftOrExample is the saved draft, else the example, with what to say.
func draftOrExample(s storage) (sipcompose.Document, string) {
	draft, ok, err := loadDraft(s)
	switch {
	case err != nil:
		return exampleDocument(), "Could not restore your draft: " + err.Error() + ". Showing an example instead."
	case ok:
		return draft, ""
	}
	return exampleDocument(), "This is an example: edit it, or paste what the customer sent into the box below."
}

func loadDraft(s storage) (sipcompose.Document, bool, error) {
	var raw json.RawMessage
	if err := s.Get(draftKey, &raw); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			err = errors.New("the saved draft is not valid JSON")
		}
		return sipcompose.Document{}, false, err
	}
	if len(raw) == 0 {
		return sipcompose.Document{}, false, nil
	}
	doc, err := readDraft(raw)
	return doc, err == nil, err
}

func (p *page) OnAppUpdate(ctx goapp.Context) {
	p.updateAvailable = ctx.AppUpdateAvailable()
}

// set makes doc current and composes it; rebuild also rebuilds the form.
func (p *page) set(doc sipcompose.Document, rebuild bool) {
	p.doc = doc
	p.kept = pruneKept(p.kept, doc)
	p.result = sipcompose.Compose(doc)
	// An untouched blank form is not wrong yet: instead of a red "Host is
	// missing" it says what to fill in. A copy still says it would be
	// rejected (Problem).
	p.blank = isBlank(doc)
	p.showDiags()
	p.notifier.Problem = p.result.ErrorSummary()
	if rebuild {
		p.shown = doc.Clone()
		p.gen++
	}
}

// showDiags gives the form its diagnostics, each beside its field: the
// document's, and what imports changed or could not keep (a raw & read as
// &amp; beside the headers), as long as Warnings lists them.
func (p *page) showDiags() {
	var diags []sipcompose.Diagnostic
	if !p.blank {
		diags = p.result.Diagnostics
	}
	for _, k := range p.kept {
		if k.finding.Field != "" {
			diags = append(diags[:len(diags):len(diags)], k.finding.Diagnostic)
		}
	}
	p.diags = components.DiagsByField(diags)
	p.shape = components.Shape(diags)
	p.diagStore.Set(p.diags)
}

// edit is components.Edit: every change of the form comes through here.
func (p *page) edit(ctx goapp.Context, structural bool, change func(*sipcompose.Document)) {
	if structural {
		if active := goapp.Window().Get("document").Get("activeElement"); active.Truthy() && p.focus == "" {
			p.focus = active.Get("id").String()
		}
	}
	// Feedback is about what was just done; the next edit makes it stale
	// (and ends the offer to undo a replacement).
	p.notifier.Clear()
	// A copy, never the current document changed in place: panels are
	// given documents and re-render only when one differs from the last.
	doc := p.doc.Clone()
	change(&doc)
	p.set(doc, structural)
	// The event came from the form component, which go-app would re-render
	// whole; the page's render passes the form only what changed.
	ctx.PreventUpdate()
	p.Update()
	if structural {
		p.afterRender(ctx, p.restoreFocus)
	}
	renderNow(ctx)
	// Rendering may have cleared the form's "no update" mark; set it again
	// so go-app does not re-render the whole form on its next frame.
	ctx.PreventUpdate()
	p.saveSoon(ctx)
}

// renderNow renders pending updates at once instead of on go-app's next
// frame: its engine renders on a 120 Hz ticker that slows down while idle,
// which put 8 ms or more between every keystroke and its preview. Consume
// is how go-app's own client tester drains the engine; the dispatcher is
// that engine in the browser and in tests.
func renderNow(ctx goapp.Context) {
	if e, ok := ctx.Dispatcher().(interface{ Consume() }); ok {
		e.Consume()
	}
}

// saveSoon saves the draft in a task after the next frame, so the preview
// is on screen before the JSON is written (a task queued at once ran before
// the frame: with a 200 KB value, writing the draft held up each
// keystroke's preview by about 15 ms), and a burst of changes before it
// is saved once. A hidden tab gets no frames: there it saves in the next
// task. Outside a browser it saves at once.
func (p *page) saveSoon(ctx goapp.Context) {
	if goapp.IsServer {
		p.save(ctx)
		return
	}
	if p.savePending {
		return
	}
	p.savePending = true
	var run goapp.Func
	run = goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		run.Release()
		ctx.Dispatcher().Dispatch(goapp.Dispatch{Mode: goapp.Next, Source: p, Function: p.savePendingDraft})
		return nil
	})
	win := goapp.Window()
	if win.Get("document").Get("hidden").Bool() {
		win.Call("setTimeout", run, 0)
		return
	}
	var afterFrame goapp.Func
	afterFrame = goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		afterFrame.Release()
		win.Call("setTimeout", run, 0)
		return nil
	})
	win.Call("requestAnimationFrame", afterFrame)
}

// savePendingDraft saves the draft if saveSoon is waiting to. A hidden tab
// gets no frames, so it is also called when the page is hidden: closing a
// tab right after typing loses nothing.
func (p *page) savePendingDraft(ctx goapp.Context) {
	if p.savePending {
		p.savePending = false
		p.save(ctx)
	}
}

// afterRender runs fn once the page has re-rendered. ctx.Defer would tie
// fn to the element that fired the event, and go-app drops it when a
// rebuild has removed that element (the clicked Remove button, say).
func (p *page) afterRender(ctx goapp.Context, fn func(goapp.Context)) {
	ctx.Dispatcher().Dispatch(goapp.Dispatch{Mode: goapp.Defer, Source: p, Function: fn})
}

func (p *page) save(ctx goapp.Context) {
	err := ctx.LocalStorage().Set(draftKey, json.RawMessage(compactDocument(p.doc)))
	switch {
	case err != nil && !p.saveFailed:
		p.saveFailed = true
		p.Update()
	case err == nil && p.saveFailed:
		p.saveFailed = false
	}
}

// restoreFocus puts focus back after the form was rebuilt: on the control
// a component asked for, else on the one that had it.
func (p *page) restoreFocus(ctx goapp.Context) {
	if p.focus == "" {
		return
	}
	components.FocusControl(p.focus)
	p.focus = ""
}

func (p *page) Render() goapp.UI {
	return goapp.Div().Class("page").Body(
		goapp.A().Href("#preview").Class("skip-link").Text("Skip to the TwiML").OnClick(func(ctx goapp.Context, e goapp.Event) {
			// Focus, not only scroll, so the next Tab is Copy TwiML; and no
			// fragment, which would read as a (non-)share link.
			e.PreventDefault()
			components.FocusControl("preview")
		}),
		goapp.Header().Class("top").Body(
			goapp.Div().Class("brand").Body(
				goapp.H1().Text("sipcompose"),
				goapp.P().Class("tagline").Text("Twilio <Dial><Sip>: TwiML, REST call, warnings and firewall allow-list, as you type."),
			),
			goapp.Div().Class("actions").Body(
				goapp.Button().Type("button").Class("secondary").Text("Copy share link").OnClick(p.copyShareLink),
				goapp.Button().Type("button").Class("secondary").Text("Reset to example").OnClick(p.resetToExample),
				goapp.Button().Type("button").Class("secondary").Text("Blank form").OnClick(p.blankForm),
				goapp.Label().For("share-link").Class("visually-hidden").Text("Share link"),
				goapp.Input().ID("share-link").Class("share-link").ReadOnly(true).TabIndex(-1),
			),
		),
		goapp.If(p.updateAvailable,
			goapp.Div().Class("banner").Role("alert").Body(
				goapp.Text("A new version of sipcompose is available. "),
				goapp.Button().Type("button").Text("Reload").OnClick(func(ctx goapp.Context, e goapp.Event) { ctx.Reload() }),
			),
		),
		goapp.If(p.saveFailed,
			goapp.P().ID("save-failed").Class("banner").Role("alert").Text("Your draft cannot be saved in this browser (storage full or blocked). Your work stays on this page: use Copy share link to keep it."),
		),
		&components.Feedback{At: pageNotice, Notifier: p.notifier},
		goapp.Main().Class("layout").Body(
			goapp.Div().Class("form-col").Body(
				components.PasteArea(components.Props{Paste: p.paste, Notifier: p.notifier}),
				&form{Shown: p.shown, Shape: p.shape, Gen: p.gen, page: p},
			),
			goapp.Div().Class("outputs").Body(p.outputs()...),
		),
		goapp.Footer().Class("foot").Body(
			goapp.P().Text("Works offline once loaded. Drafts stay in this browser; passwords are never saved or shared."),
		),
	)
}

// outputs is the output column: the answer, always in view, then the
// panels, one at a time. On a wide screen the column is sticky and
// scrolls on its own, so the TwiML stays in view while the form scrolls.
func (p *page) outputs() []goapp.UI {
	return append(p.answer(), components.Tabs(p.panelList(), &p.panels))
}

// answer is the top of the output column: the TwiML and, right under it,
// what is wrong with it. A line beside the TwiML is one more entry here.
func (p *page) answer() []goapp.UI {
	r, problem, diags, guide, idle := p.result, p.problem(), p.result.Diagnostics, "", ""
	if p.blank {
		diags, guide, idle = nil, blankGuide, "Nothing to check yet: the form is blank."
	}
	return []goapp.UI{
		&components.TwiMLPanel{TwiML: r.TwiML, Problem: problem, Guide: guide, Notifier: p.notifier},
		&components.WarningsPanel{Diagnostics: diags, Guide: idle, Names: &p.diagStore, Panels: &p.panels, Found: findings(p.kept), Dismisser: &p.dismisser},
	}
}

// blankGuide is what an untouched blank form says instead of its errors.
const blankGuide = "Fill in Host (and User, if the PBX needs one): the TwiML follows as you type."

// problem is what the output panels say is wrong with the document:
// nothing yet for an untouched blank form.
func (p *page) problem() string {
	if p.blank {
		return ""
	}
	return p.notifier.Problem
}

// panelList is the output column's panels, as tabs under the warnings, in
// order; the first is shown until another is chosen. A new panel is one
// entry here.
func (p *page) panelList() []components.Panel {
	r, n := p.result, p.notifier
	return []components.Panel{
		{ID: "rest", Title: "SIP URI and curl", Body: func() goapp.UI {
			return &components.RESTPanel{URIs: r.URIs, Curl: r.Curl, Probe: probe.Command(p.doc, p.result), Notifier: n}
		}},
		{ID: "code", Title: "Code", Body: func() goapp.UI {
			return &components.CodePanel{Doc: p.doc, Jobs: &p.jobs, Notifier: n}
		}},
		{ID: "allowlist", Title: "Allow-list", Body: func() goapp.UI {
			return &components.AllowListPanel{List: r.AllowList, Problem: p.problem(), Notifier: n}
		}},
		{ID: "audit", Title: "Rules check", Body: func() goapp.UI {
			return &components.AuditPanel{Doc: p.doc, Rules: &p.auditRules, Jobs: &p.jobs, Notifier: n}
		}},
		{ID: "customer", Title: "Customer's side", Body: func() goapp.UI {
			return components.CustomerPanel(r.Invites, r.Callbacks, n)
		}},
		{ID: "diagnose", Title: "Diagnose", Body: func() goapp.UI {
			return &components.DiagnosePanel{Doc: p.doc, Blank: p.blank, State: &p.diagnosis, Names: &p.diagStore, Notifier: n}
		}},
	}
}

// panelKey is where the chosen output panel is remembered in this browser.
const panelKey = "sipcompose.panel"

// choosePanel shows the output panel id, remembers it, and moves the focus
// to the panel (a warning's link) or its tab (the arrow keys).
func (p *page) choosePanel(ctx goapp.Context, id string, focus bool) {
	p.panels.Chosen = id
	if err := ctx.LocalStorage().Set(panelKey, id); err != nil {
		p.notifier.Say(pageNotice, "Could not remember the chosen panel in this browser: "+err.Error())
	}
	p.Update()
	target := "tab-" + id
	if focus {
		target = "panel-" + id
	}
	p.afterRender(ctx, func(goapp.Context) { components.FocusControl(target) })
}
