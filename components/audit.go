package components

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/audit"
	"sipcompose/sipcompose/document"
)

// AuditPanel checks rules the customer already has against the allow-list:
// a paste, and the audit's verdicts as a table. The audit itself is the
// domain's (audit.Check), run by the page's worker (Jobs) so that app.wasm
// carries none of the rule readers; this only shows its report. Rules is
// what was pasted and checked, which the page keeps while another panel is
// shown; Doc is the document whose allow-list it is checked against.
type AuditPanel struct {
	app.Compo
	Doc      sipcompose.Document
	Rules    *AuditRules
	Jobs     *Jobs
	Notifier *Notifier
}

// AuditRules is the audit panel's paste: text as typed, and checked, what
// was last checked, audited again whenever the document changes so a
// changed allow-list re-judges it. The textarea owns its value while typed
// into: shown is the text it was created with, so a keystroke's render
// never writes into it (which lost typed spaces), and the panel shown
// again shows what was typed.
type AuditRules struct {
	text, checked, shown string
	// result is the report shown, or the problem that left none; a
	// request is the rules checked and the document.
	result latest[*audit.Report]
	// panel is the audit panel while it is on the page.
	panel *AuditPanel
}

func (c *AuditPanel) OnInit() { c.Rules.shown = c.Rules.text }

// OnMount audits again if the document changed while another panel was
// shown.
func (c *AuditPanel) OnMount(ctx app.Context) {
	c.Rules.panel = c
	c.ask(ctx)
}

func (c *AuditPanel) OnDismount() {
	if c.Rules.panel == c {
		c.Rules.panel = nil
	}
}

// OnUpdate: the document changed.
func (c *AuditPanel) OnUpdate(ctx app.Context) { c.ask(ctx) }

func (c *AuditPanel) check(ctx app.Context, e app.Event) {
	c.Rules.checked = c.Rules.text
	c.ask(ctx)
	c.Update()
}

// ask asks the worker to audit the rules checked against the document,
// unless that is the audit asked last.
func (c *AuditPanel) ask(ctx app.Context) {
	r := c.Rules
	if r.checked == "" {
		return
	}
	doc := string(document.Encode(c.Doc))
	r.result.ask(ctx, c.Jobs, r.checked+"\x00"+doc, map[string]any{"type": "audit", "doc": doc, "rules": r.checked}, func() {
		if r.panel != nil {
			r.panel.Update()
		}
	})
}

func (c *AuditPanel) Render() app.UI {
	return app.Section().Class("panel", "audit").Aria("labelledby", "audit-title").Body(
		app.H2().ID("audit-title").Class("visually-hidden").Text("Check existing rules"),
		app.P().Class("hint").ID("audit-hint").Text(fmt.Sprintf(
			"Paste the output of iptables-save or nft list ruleset, or a plain list (CIDR, optional udp/tcp and port, one a line; # comments), up to %d KiB. It is checked here, in your browser, against the document's allow-list (the Allow-list tab), and again as the document changes.",
			audit.MaxInput/1024)),
		app.Label().For("audit-rules").Text("Existing firewall rules"),
		app.Textarea().ID("audit-rules").Rows(8).Spellcheck(false).Aria("describedby", "audit-hint").
			Text(c.Rules.shown).OnInput(func(ctx app.Context, e app.Event) { c.Rules.text = ctx.JSSrc().Get("value").String() }),
		app.Div().Class("panel-head").Body(
			app.Button().Type("button").Text("Check rules").OnClick(c.check),
		),
		app.Div().Role("region").Aria("label", "Audit result").Aria("live", "polite").Body(c.report()),
	)
}

func (c *AuditPanel) report() app.UI {
	r := c.Rules
	switch {
	case r.checked == "":
		return app.P().Class("hint").Text("Nothing checked yet.")
	case r.result.answered == "":
		return app.P().Class("hint").Text("Checking…")
	case r.result.problem != "":
		return app.P().Class("diag", "error").Text("Cannot check these rules: " + r.result.problem)
	}
	rep := *r.result.value
	vs, fs := rep.Verdicts, rep.Findings
	return app.Div().Body(
		app.P().Class(statusClass(rep.OK())).Text(rep.Summary+" (read as "+rep.Format+")."),
		app.Div().Class("table-wrap").TabIndex(0).Role("region").Aria("label", "Audit verdicts").Body(
			app.Table().Class("stack", "audit-table").Body(
				tableHead(auditColumns),
				app.TBody().Body(app.Range(vs).Slice(func(i int) app.UI {
					v := vs[i]
					return app.Tr().Body(
						labelledCell(auditColumns[0], app.Strong().Class("verdict", v.Status).Text(v.Status)),
						labelledCell(auditColumns[1], app.Code().Text(v.Rule.Describe())),
						labelledCell(auditColumns[2], app.Text(v.Rule.Purpose)),
						labelledCell(auditColumns[3], app.Text(v.Reason)),
					)
				})),
			),
		),
		c.toAdd(rep),
		app.If(len(fs) > 0, app.Ul().Class("diag-list").Aria("label", "Audit findings").Body(
			app.Range(fs).Slice(func(i int) app.UI {
				f := fs[i]
				return app.Li().Class("diag", findingClass(f.Kind)).Body(
					app.Span().Class("sev").Text(f.Kind),
					app.Text(" "+f.Message),
				)
			}),
		)),
	)
}

// toAdd is what to add to the pasted rules so every row is covered: each
// row's rules to add (Verdict.Add, in the paste's format), one a line, in
// the rows' order, copyable, and where they go (audit.WhereToAdd). Nothing
// when every row is covered.
func (c *AuditPanel) toAdd(rep audit.Report) app.UI {
	where := audit.WhereToAdd(rep)
	if where == "" {
		return nil
	}
	text := rulesToAdd(rep)
	// The button asks the mounted panel when clicked (go-app keeps its
	// first handler): the rules of the audit of the rules checked, against
	// the document, as they are then.
	current := func() (string, bool) {
		r := c.Rules
		if r.result.value == nil || !r.result.current() {
			return "", false
		}
		return rulesToAdd(*r.result.value), true
	}
	return app.Div().Class("audit-add").Body(
		app.Div().Class("panel-head").Body(
			app.H3().Text("Rules to add"),
			answerCopyButton("Copy rules to add", "audit-add", "rules to add", c.Notifier, current),
		),
		app.P().ID("audit-add-where").Class("hint").Text("Add these lines "+where+"."),
		app.Pre().ID("audit-add").Class("code").Aria("label", "Rules to add").Aria("describedby", "audit-add-where").TabIndex(0).Body(plainLines(text)...),
	)
}

// rulesToAdd is every row's rules to add, one a line, in the rows' order.
func rulesToAdd(rep audit.Report) string {
	var lines []string
	for _, v := range rep.Verdicts {
		lines = append(lines, v.Add...)
	}
	return strings.Join(lines, "\n") + "\n"
}

var auditColumns = []string{"Verdict", "Required", "Purpose", "Why"}

func statusClass(ok bool) string {
	if ok {
		return "ok"
	}
	return "audit-bad"
}

func findingClass(kind string) string {
	switch kind {
	case audit.FindingIgnored:
		return "info"
	case audit.FindingStale:
		return "warning"
	}
	return "error"
}
