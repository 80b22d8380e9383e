package components

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/diagnosis"
)

// DiagnosePanel is Diagnose on the page: evidence about a failing call in
// (a paste, files picked), the fault and the change to make out, each
// finding leading to the form field to change. What it reads and finds is
// Diagnose's worker's (docs/diagnose.md); this shows it.
type DiagnosePanel struct {
	app.Compo
	// Doc is the document the evidence is checked against, unless Blank
	// (an untouched blank form): then against Twilio's facts alone.
	Doc   sipcompose.Document
	Blank bool
	State *Diagnosis
	// Names names the findings' fields as the form does.
	Names    *DiagStore
	Notifier *Notifier
}

// recheckDelay is how long after the last keystroke (in the form or the
// box) the evidence is checked again: a check of a large capture costs a
// keystroke's budget several times over, and nobody reads the report
// while typing.
const recheckDelay = 400 * time.Millisecond

// diagnoseTextID is the evidence box; reportID the report, which Copy
// report selects when the browser refuses the clipboard.
const (
	diagnoseTextID = "diagnose-text"
	reportID       = "diagnose-report"
)

func (c *DiagnosePanel) OnInit() { c.State.shown = c.State.text }

// OnMount checks the evidence if the document changed while another panel
// was shown.
func (c *DiagnosePanel) OnMount(ctx app.Context) {
	d := c.State
	d.panel = c
	d.disp = ctx.Dispatcher()
	d.workerURL = ctx.ResolveStaticResource(diagnoseWorkerFile)
	if !d.current(c.against()) {
		d.checkShown()
	}
}

func (c *DiagnosePanel) OnDismount() {
	if c.State.panel == c {
		c.State.panel = nil
	}
}

// OnUpdate: the document changed.
func (c *DiagnosePanel) OnUpdate(ctx app.Context) { c.soon(ctx) }

// against is the document to check against, nil for none.
func (c *DiagnosePanel) against() *sipcompose.Document {
	if c.Blank {
		return nil
	}
	return &c.Doc
}

// soon checks the evidence again recheckDelay after the last call.
func (c *DiagnosePanel) soon(ctx app.Context) {
	d := c.State
	d.disp = ctx.Dispatcher()
	d.waiting++
	mine := d.waiting
	d.after(recheckDelay, func() {
		if d.waiting == mine && d.panel != nil && !d.current(d.panel.against()) {
			d.checkShown()
		}
	})
}

// typed takes the box's text: a paste or a drop is checked at once, typing
// once it pauses.
func (c *DiagnosePanel) typed(ctx app.Context, e app.Event) {
	c.State.setText(ctx.JSSrc().Get("value").String())
	kind := e.Get("inputType")
	if kind.Truthy() && strings.HasPrefix(kind.String(), "insertFrom") {
		c.State.checkShown()
		return
	}
	c.soon(ctx)
}

func (c *DiagnosePanel) picked(ctx app.Context, e app.Event) {
	in := ctx.JSSrc()
	c.State.pick(ctx, in.Get("files"))
	// So that picking the same file again reads it again.
	in.Set("value", "")
}

func (c *DiagnosePanel) cancel(ctx app.Context, e app.Event) {
	c.State.cancel()
	c.State.changed()
	FocusControl("diagnose-files")
}

func (c *DiagnosePanel) clear(ctx app.Context, e app.Event) {
	c.State.clear()
	app.Window().GetElementByID(diagnoseTextID).Set("value", "")
	c.Update()
	FocusControl(diagnoseTextID)
}

func (c *DiagnosePanel) Render() app.UI {
	d := c.State
	return app.Section().Class("panel", "diagnose").Aria("labelledby", "diagnose-title").Body(
		app.H2().ID("diagnose-title").Class("visually-hidden").Text("Diagnose a failing call"),
		app.P().Class("hint").ID("diagnose-hint").Text(
			"Paste what you have about a failing call: Twilio error codes, the <Dial action> callback, SIP messages or the PBX's log, Twilio's JSON. Or pick files: pcap or pcapng captures, logs. Everything is read here, in your browser, and never uploaded; it is checked against the form's document."),
		app.Label().For(diagnoseTextID).Text("Evidence"),
		app.Textarea().ID(diagnoseTextID).Rows(6).Spellcheck(false).Aria("describedby", "diagnose-hint").
			Placeholder("32011, DialSipResponseCode=407, SIP/2.0 407 Proxy Authentication Required…").
			Text(d.shown).OnInput(c.typed),
		app.Div().Class("diagnose-files").Body(
			app.Label().For("diagnose-files").Text("Files (captures, logs)"),
			app.Input().Type("file").ID("diagnose-files").Multiple(true).Aria("describedby", "diagnose-hint").OnChange(c.picked),
		),
		c.status(),
		app.Div().Class("panel-head").Body(
			app.H3().Text("Report"),
			app.If(d.report != nil, app.Div().Class("diagnose-actions").Body(
				copyButton("Copy report", reportID, "report", c.Notifier, func() string { return c.State.report.Text() }),
				app.Button().Type("button").Class("secondary").Text("Clear").OnClick(c.clear),
			)),
		),
		&diagnoseReport{Report: d.report, Names: c.Names},
	)
}

// status is the file being read, its progress and Cancel (a file read
// again for a fresh worker comes first, without Cancel: it is evidence
// already); or what became of the last file that did not read.
func (c *DiagnosePanel) status() app.UI {
	d, r := c.State, c.State.reading
	again := len(d.again) > 0
	if again {
		r = d.again[0]
	}
	if r == nil {
		return app.P().ID("diagnose-status").Class("hint").Role("status").Aria("label", "Diagnose status").Text(d.notice)
	}
	after, name := len(d.queue), r.name
	if again {
		after += len(d.again) - 1
		if d.reading != nil {
			after++
		}
		name += " again (Diagnose's worker restarted)"
	}
	waiting := ""
	if after > 0 {
		waiting = ", then " + nOf(after, "more file", "more files")
	}
	label := fmt.Sprintf("Reading %s: %s of %s%s", name, megabytes(r.pos), megabytes(r.size), waiting)
	// Text is read in one piece: the bar has no progress to show.
	bar := app.Progress().ID("diagnose-bar").Max(max(r.size, 1)).Value(r.pos)
	if r.text {
		label = fmt.Sprintf("Reading %s: %s of text, in one piece%s", name, megabytes(r.size), waiting)
		bar = app.Progress().ID("diagnose-bar")
	}
	status := app.Div().ID("diagnose-status").Class("diagnose-progress").Role("status").Aria("label", "Diagnose status")
	if d.reading == nil {
		return status.Body(app.Label().For("diagnose-bar").Text(label), bar)
	}
	return status.Body(
		app.Label().For("diagnose-bar").Text(label),
		bar,
		app.Button().Type("button").Class("secondary", "small").Text("Cancel").OnClick(c.cancel),
	)
}

// megabytes is n bytes for a person: "3.2 MB", "12 KB".
func megabytes(n int64) string {
	if n < 1<<20 {
		return strconv.FormatInt((n+1023)>>10, 10) + " KB"
	}
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
}

// diagnoseReport is the report, a component of its own so that the
// panel's progress re-renders without it. Report is nil before there is
// evidence; a new check is a new pointer.
type diagnoseReport struct {
	app.Compo
	Report *diagnosis.Report
	Names  *DiagStore
}

// shownEvidence is how many of a finding's evidence lines are shown, and
// shownLines how many of a dialog's; Copy report copies them all.
const (
	shownEvidence = 6
	shownLines    = 40
)

func (c *diagnoseReport) Render() app.UI {
	r := c.Report
	region := app.Div().ID(reportID).Role("region").Aria("label", "Diagnose report").Aria("live", "polite")
	if r == nil {
		return region.Body(app.P().Class("hint").Text("Nothing to diagnose yet: paste evidence or pick a file above."))
	}
	return region.Body(
		c.summary(),
		app.P().Class("hint").Text("Checked against "+r.Against+"."),
		readList(r),
		findingList(r.Findings, c.Names),
		codeList(r.Codes),
		timelines(r.Timelines),
	)
}

func (c *diagnoseReport) summary() app.UI {
	r := c.Report
	switch {
	case !r.Readable():
		return app.P().Class("diag", "error", "diagnose-summary").Text("Nothing could be read from this evidence, so nothing was checked: see why below.")
	case r.Faults() == 0:
		return app.P().Class("ok", "diagnose-summary").Text(r.Summary())
	}
	return app.P().Class("audit-bad", "diagnose-summary").Text(r.Summary())
}

// readList is what was read from each input, and what could not be.
func readList(r *diagnosis.Report) app.UI {
	return app.Div().Class("diagnose-read").Body(
		app.H4().Text("What was read"),
		app.Ul().Body(app.Range(r.Read).Slice(func(i int) app.UI {
			it := r.Read[i]
			kinds := strings.Join(it.Kinds, "; ")
			if !it.Readable() {
				kinds = "nothing read"
			}
			return app.Li().Body(
				app.Strong().Text(it.Source+": "),
				app.Text(kinds),
				app.Range(it.Problems).Slice(func(k int) app.UI {
					return app.Span().Class("diag", "error", "read-problem").Text(" " + it.Problems[k])
				}),
			)
		})),
	)
}

// reportList is one list of the report under its heading: nothing when
// there is nothing in it.
func reportList[T any](title, class string, items []T, item func(T) app.UI) app.UI {
	if len(items) == 0 {
		return nil
	}
	return app.Div().Body(
		app.H4().Text(title),
		app.Ul().Class("diag-list", class).Body(app.Range(items).Slice(func(i int) app.UI { return item(items[i]) })),
	)
}

// fixLine is a finding's or a code's fix.
func fixLine(fix string) app.UI {
	return app.If(fix != "", app.P().Class("fix").Body(app.Strong().Text("Fix: "), app.Text(fix)))
}

// findingList is the findings, errors first as Check orders them: each its
// message, the field to change (a link to it), the fix, what is uncertain
// and the evidence it rests on.
func findingList(fs []diagnosis.Finding, names *DiagStore) app.UI {
	return reportList("Findings", "diagnose-findings", fs, func(f diagnosis.Finding) app.UI {
		lines, more := firstOf(f.Evidence, shownEvidence)
		return app.Li().Class("diag", string(f.Severity), "finding").DataSet("code", f.Code).DataSet("field", f.Field).Body(
			app.P().Body(
				app.Span().Class("sev").Text(severityLabel(f.Severity)),
				app.Text(" "),
				app.Code().Class("finding-code").Text(f.Code),
				app.Text(" "+f.Message+" "),
				fieldLink(names.FieldLabel(f.Field), names.fieldControl(f.Field)),
			),
			fixLine(f.Fix),
			app.If(f.Uncertain != "", app.P().Class("hint").Text("Uncertain: "+f.Uncertain)),
			app.If(len(lines) > 0, app.Ul().Class("evidence-lines").Aria("label", "Evidence for "+f.Code).Body(
				app.Range(lines).Slice(func(k int) app.UI {
					return app.Li().Body(app.Span().Class("where").Text(lines[k].At+": "), app.Code().Text(shortText(lines[k].Text)))
				}),
			)),
			moreNote(more, len(lines), "evidence lines"),
		)
	})
}

// codeList explains each Twilio code pasted, and its causes ranked by the
// rest of the evidence.
func codeList(codes []diagnosis.CodeReport) app.UI {
	return reportList("Twilio codes", "diagnose-codes", codes, func(k diagnosis.CodeReport) app.UI {
		title := strconv.Itoa(k.Number)
		if k.Level != "" {
			title += " (" + k.Level + ")"
		}
		if k.Title != "" {
			title += " " + k.Title
		}
		return app.Li().Class("diag", "code-report").DataSet("code", k.Number).Body(
			app.P().Body(app.Strong().Text(title), app.Span().Class("where").Text(" "+k.At)),
			app.P().Text(k.Meaning),
			app.If(k.Leg != "", app.P().Class("hint").Text(k.Leg)),
			fixLine(k.Fix),
			app.If(len(k.Causes) > 0, app.Ul().Class("causes").Aria("label", "Causes of "+strconv.Itoa(k.Number)).Body(
				app.Range(k.Causes).Slice(func(j int) app.UI {
					cause := k.Causes[j]
					return app.Li().Class("cause", strings.ReplaceAll(cause.Status, " ", "-")).Body(
						app.Strong().Text(cause.Status+": "), app.Text(cause.Text+" — "+cause.Why),
					)
				}),
			)),
			app.If(k.Source != "", app.P().Body(app.A().Href(k.Source).Target("_blank").Rel("noopener").Text("Twilio's page for "+strconv.Itoa(k.Number)))),
		)
	})
}

// timelines is each SIP dialog, one line a message, collapsed.
func timelines(ts []diagnosis.Timeline) app.UI {
	if len(ts) == 0 {
		return nil
	}
	shown, more := firstOf(ts, shownRows)
	return app.Details().Class("export", "diagnose-timelines").Body(
		app.Summary().Text("SIP dialogs ("+strconv.Itoa(len(ts))+")"),
		app.Range(shown).Slice(func(i int) app.UI {
			t := shown[i]
			lines, cut := firstOf(t.Lines, shownLines)
			return app.Div().Body(
				app.H5().Text("Call-ID "+t.CallID),
				app.Pre().Class("code").TabIndex(0).Aria("label", "Dialog "+t.CallID).Body(plainLines(strings.Join(lines, "\n"))...),
				moreNote(cut, len(lines), "messages"),
			)
		}),
		moreNote(more, len(shown), "dialogs"),
	)
}
