package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/audit"
)

// AuditPanel checks rules the customer already has against the allow-list:
// a paste, and the audit's verdicts as a table. The audit itself is the
// domain's (audit.Check); this only shows it.
type AuditPanel struct {
	app.Compo
	List sipcompose.AllowList

	// text is the textarea as typed; checked is what was last checked,
	// audited again on each render so a changed allow-list re-judges it.
	text, checked string
}

func (c *AuditPanel) check(ctx app.Context, e app.Event) {
	c.checked = c.text
	c.Update()
}

func (c *AuditPanel) Render() app.UI {
	return app.Section().Class("panel", "audit").Aria("labelledby", "audit-title").Body(
		app.H2().ID("audit-title").Text("Check existing rules"),
		app.P().Class("hint").ID("audit-hint").Text(fmt.Sprintf(
			"Paste the output of iptables-save or nft list ruleset, or a plain list (CIDR, optional udp/tcp and port, one a line; # comments), up to %d KiB. It is checked here, in your browser, against the allow-list above.",
			audit.MaxInput/1024)),
		app.Label().For("audit-rules").Text("Existing firewall rules"),
		app.Textarea().ID("audit-rules").Rows(8).Spellcheck(false).Aria("describedby", "audit-hint").
			Text(c.text).OnInput(func(ctx app.Context, e app.Event) { c.text = ctx.JSSrc().Get("value").String() }),
		app.Div().Class("panel-head").Body(
			app.Button().Type("button").Text("Check rules").OnClick(c.check),
		),
		app.Div().Role("region").Aria("label", "Audit result").Aria("live", "polite").Body(c.report()),
	)
}

func (c *AuditPanel) report() app.UI {
	if c.checked == "" {
		return app.P().Class("hint").Text("Nothing checked yet.")
	}
	rep, err := audit.Check(c.List, c.checked)
	if err != nil {
		return app.P().Class("diag", "error").Text("Cannot check these rules: " + err.Error())
	}
	vs, fs := rep.Verdicts, rep.Findings
	return app.Div().Body(
		app.P().Class(statusClass(rep.OK())).Text(rep.Summary+" (read as "+rep.Format+")."),
		app.Div().Class("table-wrap").TabIndex(0).Role("region").Aria("label", "Audit verdicts").Body(
			app.Table().Body(
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("Verdict"), app.Th().Scope("col").Text("Required"),
					app.Th().Scope("col").Text("Purpose"), app.Th().Scope("col").Text("Why"),
				)),
				app.TBody().Body(app.Range(vs).Slice(func(i int) app.UI {
					v := vs[i]
					return app.Tr().Body(
						app.Td().Body(app.Strong().Class("verdict", v.Status).Text(v.Status)),
						app.Td().Body(app.Code().Text(v.Rule.Describe())),
						app.Td().Text(v.Rule.Purpose),
						app.Td().Class("why").Text(v.Reason),
					)
				})),
			),
		),
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
