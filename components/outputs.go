package components

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// TwiMLPanel is the TwiML, copyable, at the top of the output column. The
// TwiML element's text content is exactly TwiML. Problem is the Result's
// ErrorSummary: while there is one, the panel says so above the TwiML.
type TwiMLPanel struct {
	app.Compo
	TwiML   string
	Problem string
	// Guide, for a form nobody has filled in yet, says what to fill in.
	Guide    string
	Notifier *Notifier
}

func (c *TwiMLPanel) Render() app.UI {
	// The copy button reads the component's current fields when clicked:
	// what is copied is the whole output, however much is shown.
	twiml, cut := shownPart(c.TwiML)
	// What is wrong, or what to fill in, comes under the TwiML, before the
	// Warnings that say more: said above it, it pushed the TwiML down each
	// time it came and went.
	return app.Section().ID("preview").TabIndex(-1).Class(panelClass("preview", c.Problem)...).Aria("labelledby", "preview-title").Body(
		app.Div().Class("panel-head").Body(
			app.H2().ID("preview-title").Text("TwiML"),
			primaryCopyButton("Copy TwiML", "twiml", "TwiML", c.Notifier, func() string { return c.TwiML }),
		),
		app.Pre().ID("twiml").Class("code", "twiml").Aria("label", "TwiML preview").TabIndex(0).Body(highlighted(twiml)...),
		cutNote(cut, len(c.TwiML), "TwiML"),
		problemNote("preview-problem", c.Problem),
		app.If(c.Guide != "", app.P().ID("preview-guide").Class("output-guide").Text(c.Guide)),
	)
}

// RESTPanel is the same call through the REST API: each target's SIP URI
// (the "To") and the curl command, each copyable; and, beside the URIs it
// probes, the command that checks the customer's endpoint from the
// engineer's machine (Probe, probe.Command's: "" when no target has a host
// to probe).
type RESTPanel struct {
	app.Compo
	URIs     []string
	Curl     string
	Probe    string
	Notifier *Notifier
}

func (c *RESTPanel) Render() app.UI {
	n := c.Notifier
	uris := func() string { return strings.Join(c.URIs, "\n") }
	uri, uriCut := shownPart(uris())
	curl, curlCut := shownPart(c.Curl)
	return app.Section().Class("panel", "rest").Aria("labelledby", "rest-title").Body(
		app.H2().ID("rest-title").Class("visually-hidden").Text("SIP URI and curl"),
		app.Div().Class("panel-head").Body(
			app.H3().Text("SIP URI (REST “To”)"),
			copyButton("Copy SIP URI", "sip-uri", "SIP URI", n, uris),
		),
		app.Pre().ID("sip-uri").Class("code").Aria("label", "SIP URI").TabIndex(0).Body(plainLines(uri)...),
		cutNote(uriCut, len(uris()), "SIP URI"),
		probeCommand(c.Probe, n, func() string { return c.Probe }),
		app.Div().Class("panel-head").Body(
			app.H3().Text("REST call (curl)"),
			copyButton("Copy curl", "curl", "curl command", n, func() string { return c.Curl }),
		),
		app.P().Class("hint").Text("Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SIP_PASSWORD from your shell: no secret is printed."),
		app.Pre().ID("curl").Class("code").Aria("label", "curl command").TabIndex(0).Body(plainLines(curl)...),
		cutNote(curlCut, len(c.Curl), "curl"),
	)
}

// probeCommand is the probe's command line for the document, copyable, and
// why it is a command and not a button. The command holds every URI
// Twilio dials, so its length is theirs: it is cut as they are.
func probeCommand(command string, n *Notifier, text func() string) app.UI {
	const hint = "Run it on your machine: a browser cannot send SIP. It checks DNS, the port, TLS and a SIP OPTIONS from your address, not Twilio's (see docs/probe.md)."
	if command == "" {
		return app.P().ID("probe-hint").Class("hint").Text("Probe the endpoint: fill in Host, and the command to check it from your machine shows here.")
	}
	shown, cut := shownPart(command)
	return app.Div().Class("probe").Body(
		app.Div().Class("panel-head").Body(
			app.H3().Text("Probe the endpoint"),
			copyButton("Copy probe command", "probe", "probe command", n, text),
		),
		app.P().ID("probe-hint").Class("hint").Text(hint),
		app.Pre().ID("probe").Class("code").Aria("label", "Probe command").Aria("describedby", "probe-hint").TabIndex(0).Body(plainLines(shown)...),
		cutNote(cut, len(command), "probe command"),
	)
}

// WarningsPanel lists every diagnostic; each also shows beside its field,
// which the entry names as the form does and leads to. Names is the form's
// DiagStore, which knows those names.
type WarningsPanel struct {
	app.Compo
	Diagnostics []sipcompose.Diagnostic
	Names       *DiagStore
	// Panels leads an entry to the output panel where its consequence
	// shows (panelOf).
	Panels *Panels
	// Found is what imports changed or could not keep, listed first until
	// dismissed through Dismisser.
	Found     []Finding
	Dismisser *Dismisser
	// Guide, for a form nobody has filled in yet, takes the place of the
	// document's diagnostics, which are not wrong yet.
	Guide string
}

func (c *WarningsPanel) Render() app.UI {
	diags, more := firstOf(c.Diagnostics, shownRows)
	return app.Section().ID("warnings").Class("panel", "warnings").Aria("label", "Warnings").Body(
		app.H2().Text("Warnings"),
		findingsList(c.Found, c.Names, c.Dismisser),
		app.If(len(c.Found) > 0, app.H3().Text("In the document as it is now")),
		app.If(c.Guide != "", app.P().Class("hint").Text(c.Guide)).
			ElseIf(len(diags) == 0, app.P().Class("ok").Text("No problems found.")).Else(
			app.Ul().Class("diag-list").Body(
				app.Range(diags).Slice(func(i int) app.UI {
					d := diags[i]
					return &warning{Diagnostic: d, Label: c.Names.FieldLabel(d.Field), Control: c.Names.fieldControl(d.Field), Panel: panelOf[d.Code], Panels: c.Panels}
				}),
			),
			moreNote(more, len(diags), "warnings"),
		),
	)
}

// warning is one entry of the Warnings list, a component so that a
// keystroke which rewords one diagnostic (a URI's length) re-renders that
// entry alone. Label and Control name its field as the form does and the
// control to focus.
type warning struct {
	app.Compo
	Diagnostic     sipcompose.Diagnostic
	Label, Control string
	// Panel, when set, is the output panel the entry also leads to.
	Panel  string
	Panels *Panels
}

func (w *warning) Render() app.UI {
	d := w.Diagnostic
	return app.Li().Class("diag", string(d.Severity)).DataSet("code", d.Code).DataSet("field", d.Field).Body(
		app.Span().Class("sev").Text(severityLabel(d.Severity)),
		app.Text(" "+shortText(d.Message)+" "),
		fieldLink(w.Label, w.Control),
		app.If(w.Panel != "", app.Text(" "), panelLink(w.Panels, w.Panel)),
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
	exports := []struct {
		id, title string
		text      func(sipcompose.AllowList) string
	}{
		{"allow-table", "Table", sipcompose.AllowList.Table},
		{"allow-cidrs", "Plain list", sipcompose.AllowList.CIDRs},
		{"allow-iptables", "iptables", sipcompose.AllowList.IPTables},
		{"allow-nftables", "nftables", sipcompose.AllowList.NFTables},
	}
	return app.Section().Class(panelClass("allowlist", c.Problem)...).Aria("label", "IP allow-list").Body(
		problemNote("allowlist-problem", c.Problem),
		app.H2().Class("visually-hidden").Text("IP allow-list"),
		app.If(len(a.Problems) > 0,
			// No addresses at all: another edge's would look right and not be.
			app.Div().Class("allow-problems").Role("region").Aria("label", "Allow-list table").Body(
				app.P().Class("diag", "error").Text("No addresses to allow until this is fixed:"),
				app.Ul().Body(app.Range(a.Problems).Slice(func(i int) app.UI {
					return app.Li().Class("diag", "error").Text(a.Problems[i])
				})),
			),
		).Else(
			app.P().Class("hint").Body(
				app.Text("What the customer's firewall must let in from Twilio for edges "+strings.Join(a.Edges, ", ")+". IP data as of "),
				app.Strong().Text(a.AsOf),
				app.Text("; source: "+a.Source+"."),
			),
			allowTable(rules),
		),
		app.Range(exports).Slice(func(i int) app.UI {
			x := exports[i]
			return app.Details().Class("export").Body(
				app.Summary().Text(x.title),
				copyButton("Copy "+x.title, x.id, x.title+" allow-list", n, func() string { return x.text(c.List) }),
				app.Pre().ID(x.id).Class("code").Aria("label", x.title+" allow-list").TabIndex(0).Body(plainLines(x.text(a))...),
			)
		}),
	)
}

// allowColumns are the allow-list table's headings.
var allowColumns = []string{"Source CIDR", "Protocol", "Source ports", "To your ports", "Edge", "Purpose"}

func allowTable(rules []sipcompose.Rule) app.UI {
	// Focusable so keyboard users can scroll it should it still overflow.
	return app.Div().Class("table-wrap").TabIndex(0).Role("region").Aria("label", "Allow-list table").Body(
		app.Table().Class("stack", "allow-table").Body(
			tableHead(allowColumns),
			app.TBody().Body(app.Range(rules).Slice(func(i int) app.UI {
				r := rules[i]
				return app.Tr().Body(
					labelledCell(allowColumns[0], app.Code().Text(r.CIDR)), labelledCell(allowColumns[1], app.Text(r.Protocol)),
					labelledCell(allowColumns[2], app.Text(orAny(r.SourcePorts))), labelledCell(allowColumns[3], app.Text(orAny(r.Ports))),
					labelledCell(allowColumns[4], app.Text(orAny(r.Edge))), labelledCell(allowColumns[5], app.Text(r.Purpose)),
				)
			})),
		),
	)
}

// Tables fit their column: their cells wrap, and where the column is too
// narrow for a table of several columns (class "stack", web/app.css), each
// row becomes a block of "heading: value" lines, each cell showing its
// heading.

// tableHead is a table's row of column headings.
func tableHead(columns []string) app.UI {
	return app.THead().Body(app.Tr().Body(app.Range(columns).Slice(func(i int) app.UI {
		return app.Th().Scope("col").Text(columns[i])
	})))
}

// labelledCell is a cell that carries its column's heading, which it shows
// beside its value when the table is stacked.
func labelledCell(heading string, body app.UI) app.HTMLTd {
	return app.Td().DataSet("label", heading).Body(body)
}

// shownLimit is how much of one output a panel shows, and lineLimit how
// much of one line. A 200 KB paste made every keystroke re-render (and the
// browser lay out) the whole of it, about 0.4 s a key; and the browser
// shapes a changed line whole, so one line of 20,000 characters still cost
// milliseconds in each of the six outputs that hold it. A person reads the
// start, and copies the whole. No line of a document Twilio accepts comes
// near lineLimit: its headers are at most 1,024 characters, REST TwiML
// 4,000.
const (
	shownLimit = 20_000
	lineLimit  = 5_000
)

// shownPart is what a panel shows of s, and whether it is cut: at most
// shownLimit characters from the start, each line longer than lineLimit
// cut short and ended with "…".
func shownPart(s string) (string, bool) {
	if len(s) <= lineLimit {
		return s, false
	}
	var b strings.Builder
	cut := false
	for line := range strings.Lines(s) {
		if len(line) > lineLimit {
			end := "…"
			if strings.HasSuffix(line, "\n") {
				end += "\n"
			}
			line, cut = startOf(line, lineLimit)+end, true
		}
		if b.Len()+len(line) > shownLimit {
			b.WriteString(startOf(line, shownLimit-b.Len()))
			return b.String(), true
		}
		b.WriteString(line)
	}
	return b.String(), cut
}

// startOf is s, or its start of at most n bytes that ends on a character
// boundary.
func startOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// shortText caps one line of text as shown (a diagnostic, a header line):
// each quotes what was typed, which can be a whole pasted file.
func shortText(m string) string {
	const limit = 400
	if len(m) <= limit {
		return m
	}
	shown := startOf(m, limit)
	return fmt.Sprintf("%s… (%d more characters)", shown, len(m)-len(shown))
}

// cutNote says that an output is shown in part, and that copying takes it
// all.
func cutNote(cut bool, total int, what string) app.UI {
	return app.If(cut, app.P().Class("hint", "cut-note").Text(fmt.Sprintf(
		"Shown in part (at most %d of its %d characters, and %d of any line); Copy %s copies all of it.", shownLimit, total, lineLimit, what)))
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
