package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/codegen"
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
// time: the TwiML builder, then the REST call, each copyable. URIs are the
// Result's, which the programs pass on. Only the chosen language's programs
// are written, when Doc or the choice changes: the three languages cost
// more than Compose itself. The language is remembered in this browser.
// The copy notices do not name the language: go-app keeps a button's first
// click handler, so they would go stale.
type CodePanel struct {
	app.Compo
	Doc      sipcompose.Document
	URIs     []string
	Notifier *Notifier

	lang codegen.Lang
	// shown is what Render last wrote, which the copy buttons take whole.
	shown codegen.Programs
}

func (c *CodePanel) OnMount(ctx app.Context) {
	var lang codegen.Lang
	// A missing or unreadable choice leaves the first language.
	if ctx.LocalStorage().Get(codeLangKey, &lang) == nil {
		c.lang = lang
	}
}

func (c *CodePanel) choose(ctx app.Context, lang codegen.Lang) {
	c.lang = lang
	if err := ctx.LocalStorage().Set(codeLangKey, lang); err != nil {
		c.Notifier.Say(PageNotice, "Could not remember the language in this browser: "+err.Error())
	}
}

func (c *CodePanel) Render() app.UI {
	p, ok := codegen.For(c.Doc, c.URIs, c.lang)
	if !ok {
		p, _ = codegen.For(c.Doc, c.URIs, codegen.Langs[0])
	}
	c.shown = p
	name, n := langNames[p.Lang], c.Notifier
	twiml, twimlCut := shownPart(p.TwiML)
	call, callCut := shownPart(p.Call)
	return app.Section().Class("panel", "code-panel").Aria("labelledby", "code-title").Body(
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
						app.Input().Type("radio").Name("code-lang").ID(id).Checked(lang == p.Lang).
							OnChange(func(ctx app.Context, e app.Event) { c.choose(ctx, lang) }),
						app.Text(langNames[lang]),
					)
				}),
			),
		),
		app.P().Class("hint").Text("The same call with Twilio's helper library for "+name+": "+p.Library+". "+
			"The SIP URIs go in already percent-encoded, with & raw: the library writes &amp;."),
		app.Div().Class("panel-head").Body(
			app.H3().Text("TwiML builder ("+name+")"),
			copyButton("Copy code", "code-twiml", "TwiML builder code", n, func() string { return c.shown.TwiML }),
		),
		app.Pre().ID("code-twiml").Class("code").Aria("label", "TwiML builder code").TabIndex(0).Body(plainLines(twiml)...),
		cutNote(twimlCut, len(p.TwiML), "code"),
		app.Div().Class("panel-head").Body(
			app.H3().Text("REST call ("+name+")"),
			app.If(p.Call != "", copyButton("Copy call code", "code-call", "REST call code", n, func() string { return c.shown.Call })),
		),
		app.P().Class("hint").Text("Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SIP_PASSWORD from the environment: no secret is in the code."),
		app.If(p.Call == "", app.P().Class("hint").Text("No target: there is no call to place.")).Else(
			app.Pre().ID("code-call").Class("code").Aria("label", "REST call code").TabIndex(0).Body(plainLines(call)...),
			cutNote(callCut, len(p.Call), "call code"),
		),
	)
}
