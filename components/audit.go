package components

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/audit"
)

// AuditPanel checks rules the customer already has against the allow-list:
// a paste, and the audit's verdicts as a table. The audit itself is the
// domain's (audit.Check); this only shows it. Rules is what was pasted
// and checked, which the page keeps while another panel is shown.
type AuditPanel struct {
	app.Compo
	List     sipcompose.AllowList
	Rules    *AuditRules
	Notifier *Notifier
}

// AuditRules is the audit panel's paste: text as typed, and checked, what
// was last checked, audited again on each render so a changed allow-list
// re-judges it. The textarea owns its value while typed into: shown is the
// text it was created with, so a keystroke's render never writes into it
// (which lost typed spaces), and the panel shown again shows what was typed.
type AuditRules struct{ text, checked, shown string }

func (c *AuditPanel) OnInit() { c.Rules.shown = c.Rules.text }

func (c *AuditPanel) check(ctx app.Context, e app.Event) {
	c.Rules.checked = c.Rules.text
	c.Update()
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
	if c.Rules.checked == "" {
		return app.P().Class("hint").Text("Nothing checked yet.")
	}
	rep, err := audit.Check(c.List, c.Rules.checked)
	if err != nil {
		return app.P().Class("diag", "error").Text("Cannot check these rules: " + err.Error())
	}
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
	// first handler): the rules checked then, against the allow-list then.
	current := func() string {
		rep, err := audit.Check(c.List, c.Rules.checked)
		if err != nil {
			return ""
		}
		return rulesToAdd(rep)
	}
	return app.Div().Class("audit-add").Body(
		app.Div().Class("panel-head").Body(
			app.H3().Text("Rules to add"),
			copyButton("Copy rules to add", "audit-add", "rules to add", c.Notifier, current),
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
