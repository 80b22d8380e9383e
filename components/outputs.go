package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// PreviewPanel is the TwiML, the SIP URIs and the curl command, each
// copyable. The TwiML element's text content is exactly TwiML. Problem is
// the Result's ErrorSummary: while there is one, the panel says so above
// the output it concerns.
type PreviewPanel struct {
	app.Compo
	TwiML    string
	URIs     []string
	Curl     string
	Problem  string
	Notifier *Notifier
}

func (c *PreviewPanel) Render() app.UI {
	r, n := sipcompose.Result{TwiML: c.TwiML, URIs: c.URIs, Curl: c.Curl}, c.Notifier
	uris := strings.Join(r.URIs, "\n")
	return app.Section().ID("preview").TabIndex(-1).Class(panelClass("preview", c.Problem)...).Aria("labelledby", "preview-title").Body(
		problemNote("preview-problem", c.Problem),
		app.Div().Class("panel-head").Body(
			app.H2().ID("preview-title").Text("TwiML"),
			copyButton("Copy TwiML", "twiml", "TwiML", n),
		),
		app.Pre().ID("twiml").Class("code").Aria("label", "TwiML preview").TabIndex(0).Body(highlighted(r.TwiML)...),
		app.Div().Class("panel-head").Body(
			app.H2().Text("SIP URI (REST “To”)"),
			copyButton("Copy SIP URI", "sip-uri", "SIP URI", n),
		),
		app.Pre().ID("sip-uri").Class("code").Aria("label", "SIP URI").TabIndex(0).Text(uris),
		app.Div().Class("panel-head").Body(
			app.H2().Text("REST call (curl)"),
			copyButton("Copy curl", "curl", "curl command", n),
		),
		app.P().Class("hint").Text("Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SIP_PASSWORD from your shell: no secret is printed."),
		app.Pre().ID("curl").Class("code").Aria("label", "curl command").TabIndex(0).Text(r.Curl),
	)
}

// WarningsPanel lists every diagnostic; each also shows beside its field,
// which the entry names as the form does and leads to. Names is the form's
// DiagStore, which knows those names.
type WarningsPanel struct {
	app.Compo
	Diagnostics []sipcompose.Diagnostic
	Names       *DiagStore
}

func (c *WarningsPanel) Render() app.UI {
	diags := c.Diagnostics
	return app.Section().ID("warnings").Class("panel", "warnings").Aria("label", "Warnings").Body(
		app.H2().Text("Warnings"),
		app.If(len(diags) == 0, app.P().Class("ok").Text("No problems found.")).Else(
			app.Ul().Class("diag-list").Body(
				app.Range(diags).Slice(func(i int) app.UI {
					d := diags[i]
					return app.Li().Class("diag", string(d.Severity)).DataSet("code", d.Code).DataSet("field", d.Field).Body(
						app.Span().Class("sev").Text(severityLabel(d.Severity)),
						app.Text(" "+d.Message+" "),
						c.Names.fieldLink(d.Field),
					)
				}),
			),
		),
	)
}

// AllowListPanel is the IP allow-list: a table and its exports, each
// copyable, with the data's date and source.
type AllowListPanel struct {
	app.Compo
	List     sipcompose.AllowList
	Problem  string
	Notifier *Notifier
}

func (c *AllowListPanel) Render() app.UI {
	a, n := c.List, c.Notifier
	rules := append(append([]sipcompose.Rule{}, a.Signaling...), a.Media...)
	exports := []struct{ id, title, text string }{
		{"allow-table", "Table", a.Table()},
		{"allow-cidrs", "Plain list", a.CIDRs()},
		{"allow-iptables", "iptables", a.IPTables()},
		{"allow-nftables", "nftables", a.NFTables()},
	}
	return app.Section().Class(panelClass("allowlist", c.Problem)...).Aria("label", "IP allow-list").Body(
		problemNote("allowlist-problem", c.Problem),
		app.H2().Text("IP allow-list"),
		app.P().Class("hint").Body(
			app.Text("What the customer's firewall must let in from Twilio for edges "+strings.Join(a.Edges, ", ")+". IP data as of "),
			app.Strong().Text(a.AsOf),
			app.Text("; source: "+a.Source+"."),
		),
		// Focusable so keyboard users can scroll it on a narrow screen.
		app.Div().Class("table-wrap").TabIndex(0).Role("region").Aria("label", "Allow-list table").Body(
			app.Table().Body(
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("Source CIDR"), app.Th().Scope("col").Text("Protocol"),
					app.Th().Scope("col").Text("Source ports"), app.Th().Scope("col").Text("To your ports"),
					app.Th().Scope("col").Text("Edge"), app.Th().Scope("col").Text("Purpose"),
				)),
				app.TBody().Body(app.Range(rules).Slice(func(i int) app.UI {
					r := rules[i]
					return app.Tr().Body(
						app.Td().Body(app.Code().Text(r.CIDR)), app.Td().Text(r.Protocol),
						app.Td().Text(orAny(r.SourcePorts)), app.Td().Text(orAny(r.Ports)),
						app.Td().Text(orAny(r.Edge)), app.Td().Text(r.Purpose),
					)
				})),
			),
		),
		app.Range(exports).Slice(func(i int) app.UI {
			x := exports[i]
			return app.Details().Class("export").Body(
				app.Summary().Text(x.title),
				copyButton("Copy "+x.title, x.id, x.title+" allow-list", n),
				app.Pre().ID(x.id).Class("code").Aria("label", x.title+" allow-list").TabIndex(0).Text(x.text),
			)
		}),
	)
}

// panelClass marks an output panel that shows a document with errors.
func panelClass(name, problem string) []string {
	if problem != "" {
		return []string{"panel", name, "has-errors"}
	}
	return []string{"panel", name}
}

// problemNote says, at the top of an output panel, that what it shows
// would be rejected, and leads to the list that says why.
func problemNote(id, problem string) app.UI {
	return app.If(problem != "",
		app.P().ID(id).Class("output-problem").Body(
			app.Strong().Text(problem+"."),
			app.Text(" "),
			app.A().Href("#warnings").Text("See Warnings"),
		),
	)
}

func orAny(s string) string {
	if s == "" {
		return "any"
	}
	return s
}
