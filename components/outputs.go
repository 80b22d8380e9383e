package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// Notifier shows a message in the page's status area. Panels hold it by
// pointer: go-app compares a component's fields to decide whether to
// re-render it, and one pointer compares equal where a func never does.
type Notifier struct {
	Notify func(app.Context, string)
}

// PreviewPanel is the TwiML, the SIP URIs and the curl command, each
// copyable. The TwiML element's text content is exactly TwiML.
type PreviewPanel struct {
	app.Compo
	TwiML    string
	URIs     []string
	Curl     string
	Notifier *Notifier
}

func (c *PreviewPanel) Render() app.UI {
	r, notify := sipcompose.Result{TwiML: c.TwiML, URIs: c.URIs, Curl: c.Curl}, c.Notifier.Notify
	uris := strings.Join(r.URIs, "\n")
	return app.Section().Class("panel", "preview").Aria("labelledby", "preview-title").Body(
		app.Div().Class("panel-head").Body(
			app.H2().ID("preview-title").Text("TwiML"),
			copyButton("Copy TwiML", "twiml", "TwiML", notify),
		),
		app.Pre().ID("twiml").Class("code").Aria("label", "TwiML preview").TabIndex(0).Body(highlighted(r.TwiML)...),
		app.Div().Class("panel-head").Body(
			app.H2().Text("SIP URI (REST “To”)"),
			copyButton("Copy SIP URI", "sip-uri", "SIP URI", notify),
		),
		app.Pre().ID("sip-uri").Class("code").Aria("label", "SIP URI").TabIndex(0).Text(uris),
		app.Div().Class("panel-head").Body(
			app.H2().Text("REST call (curl)"),
			copyButton("Copy curl", "curl", "curl command", notify),
		),
		app.P().Class("hint").Text("Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SIP_PASSWORD from your shell: no secret is printed."),
		app.Pre().ID("curl").Class("code").Aria("label", "curl command").TabIndex(0).Text(r.Curl),
	)
}

// WarningsPanel lists every diagnostic; each also shows beside its field.
type WarningsPanel struct {
	app.Compo
	Diagnostics []sipcompose.Diagnostic
}

func (c *WarningsPanel) Render() app.UI {
	diags := c.Diagnostics
	return app.Section().Class("panel", "warnings").Aria("label", "Warnings").Body(
		app.H2().Text("Warnings"),
		app.If(len(diags) == 0, app.P().Class("ok").Text("No problems found.")).Else(
			app.Ul().Class("diag-list").Body(
				app.Range(diags).Slice(func(i int) app.UI {
					d := diags[i]
					return app.Li().Class("diag", string(d.Severity)).Body(
						app.Span().Class("sev").Text(severityLabel(d.Severity)),
						app.Text(" "+d.Message+" "),
						app.Code().Class("where").Text(d.Field+" · "+d.Code),
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
	Notifier *Notifier
}

func (c *AllowListPanel) Render() app.UI {
	a, notify := c.List, c.Notifier.Notify
	rules := append(append([]sipcompose.Rule{}, a.Signaling...), a.Media...)
	exports := []struct{ id, title, text string }{
		{"allow-table", "Table", a.Table()},
		{"allow-cidrs", "Plain list", a.CIDRs()},
		{"allow-iptables", "iptables", a.IPTables()},
		{"allow-nftables", "nftables", a.NFTables()},
	}
	return app.Section().Class("panel", "allowlist").Aria("label", "IP allow-list").Body(
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
				copyButton("Copy "+x.title, x.id, x.title+" allow-list", notify),
				app.Pre().ID(x.id).Class("code").Aria("label", x.title+" allow-list").TabIndex(0).Text(x.text),
			)
		}),
	)
}

func orAny(s string) string {
	if s == "" {
		return "any"
	}
	return s
}
