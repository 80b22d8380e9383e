package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/codegen"
	"sipcompose/sipcompose/document"
)

// codeLangKey is where the chosen language is remembered in this browser.
const codeLangKey = "sipcompose.codeLang"

// langNames are the switch's labels.
var langNames = map[codegen.Lang]string{
	codegen.LangNode:   "Node.js",
	codegen.LangPython: "Python",
	codegen.LangGo:     "Go",
}

// CodePanel shows the helper-library programs for Doc in one language at a
// time: the TwiML builder, then the REST call, each copyable. The page's
// worker writes them (Jobs), for the chosen language only, when Doc or the
// choice changes; until its answer comes, the last programs stay shown and
// Copy says to wait rather than copy them. The language is remembered in
// this browser. The copy notices do not name the language: go-app keeps a
// button's first click handler, so they would go stale.
type CodePanel struct {
	app.Compo
	Doc      sipcompose.Document
	Jobs     *Jobs
	Notifier *Notifier

	lang codegen.Lang
	// programs are the programs shown, or the problem that kept the worker
	// from writing them; a request is the language and the document.
	programs latest[codegen.Programs]
}

func (c *CodePanel) OnMount(ctx app.Context) {
	var lang codegen.Lang
	// A missing or unreadable choice leaves the first language.
	if ctx.LocalStorage().Get(codeLangKey, &lang) == nil {
		c.lang = lang
	}
	c.ask(ctx)
}

// OnUpdate: the document changed.
func (c *CodePanel) OnUpdate(ctx app.Context) { c.ask(ctx) }

func (c *CodePanel) choose(ctx app.Context, lang codegen.Lang) {
	c.lang = lang
	if err := ctx.LocalStorage().Set(codeLangKey, lang); err != nil {
		c.Notifier.Say(PageNotice, "Could not remember the language in this browser: "+err.Error())
	}
	c.ask(ctx)
}

// chosen is the language to show: the first when the choice is unknown.
func (c *CodePanel) chosen() codegen.Lang {
	if _, ok := langNames[c.lang]; ok {
		return c.lang
	}
	return codegen.Langs[0]
}

// ask asks the worker for the programs, unless they are the ones asked
// last.
func (c *CodePanel) ask(ctx app.Context) {
	doc := string(document.Encode(c.Doc))
	lang := string(c.chosen())
	c.programs.ask(ctx, c.Jobs, lang+"\n"+doc, map[string]any{"type": "code", "doc": doc, "lang": lang}, func() {
		if c.Mounted() {
			c.Update()
		}
	})
}

// current is text, and whether the programs shown are of the document and
// the language as they are now.
func (c *CodePanel) current(text string) (string, bool) {
	return text, c.programs.current()
}

func (c *CodePanel) Render() app.UI {
	p, n := c.programs.value, c.Notifier
	name := langNames[p.Lang]
	twiml, twimlCut := shownPart(p.TwiML)
	call, callCut := shownPart(p.Call)
	return app.Section().Class("panel", "code-panel").Aria("labelledby", "code-title").Aria("busy", !c.programs.current()).Body(
		app.Div().Class("panel-head").Body(
			app.H2().ID("code-title").Class("visually-hidden").Text("Code"),
			// Radio buttons, not pressed-state buttons: the prerendered page
			// writes an attribute valued "true" bare, which reads as "".
			app.FieldSet().Class("lang-switch").Body(
				app.Legend().Class("visually-hidden").Text("Language"),
				app.Range(codegen.Langs).Slice(func(i int) app.UI {
					lang := codegen.Langs[i]
					id := "code-lang-" + string(lang)
					return app.Label().For(id).Body(
						app.Input().Type("radio").Name("code-lang").ID(id).Checked(lang == c.chosen()).
							OnChange(func(ctx app.Context, e app.Event) { c.choose(ctx, lang) }),
						app.Text(langNames[lang]),
					)
				}),
			),
		),
		app.If(c.programs.answered == "", app.P().ID("code-status").Class("hint").Role("status").Text("Writing the code…")).
			ElseIf(c.programs.problem != "", app.P().ID("code-status").Class("diag", "error").Role("status").Text("Could not write the code: "+c.programs.problem+".")).
			Else(
				app.P().Class("hint").Text("The same call with Twilio's helper library for "+name+": "+p.Library+". "+
					"The SIP URIs go in already percent-encoded, with & raw: the library writes &amp;."),
				app.Div().Class("panel-head").Body(
					app.H3().Text("TwiML builder ("+name+")"),
					answerCopyButton("Copy code", "code-twiml", "TwiML builder code", n, func() (string, bool) { return c.current(c.programs.value.TwiML) }),
				),
				app.Pre().ID("code-twiml").Class("code").Aria("label", "TwiML builder code").TabIndex(0).Body(plainLines(twiml)...),
				cutNote(twimlCut, len(p.TwiML), "code"),
				app.Div().Class("panel-head").Body(
					app.H3().Text("REST call ("+name+")"),
					app.If(p.Call != "", answerCopyButton("Copy call code", "code-call", "REST call code", n, func() (string, bool) { return c.current(c.programs.value.Call) })),
				),
				app.P().Class("hint").Text("Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SIP_PASSWORD from the environment: no secret is in the code."),
				app.If(p.Call == "", app.P().Class("hint").Text("No target: there is no call to place.")).Else(
					app.Pre().ID("code-call").Class("code").Aria("label", "REST call code").TabIndex(0).Body(plainLines(call)...),
					cutNote(callCut, len(p.Call), "call code"),
				),
			),
	)
}
