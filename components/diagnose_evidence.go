package components

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/diagnosis"
	"sipcompose/sipcompose/document"
)

// Diagnosis is the Diagnose panel's evidence and its report, which the
// page keeps while another panel is shown: the pasted text, the files read
// (diagnose_files.go), and the last report on them against the document.
// Reading and judging the evidence happen in Diagnose's worker
// (diagnose_worker.go), which holds the evidence as read; this holds what
// the panel shows and what it asked.
type Diagnosis struct {
	// text is the paste as typed; shown is the text the textarea was
	// created with, which a render never writes into (see AuditRules).
	text, shown string
	// files are the files read into the worker's evidence, as the
	// browser's File objects: a fresh worker (after Cancel) reads them
	// again.
	files []app.Value
	// version counts the changes to the evidence; checkedVersion and
	// checked are the evidence and the document (nil: Twilio's facts
	// alone) of the last check asked for.
	version, checkedVersion int
	checked                 *sipcompose.Document
	// report is the worker's answer to the last check; nil until there is
	// evidence. A new answer is a new pointer, so the panel's report
	// component compares it by pointer.
	report *diagnosis.Report
	// asked numbers the checks posted, so that the answer to an older one
	// is not shown over a newer.
	asked int
	// waiting numbers the checks put off while someone types (soon).
	waiting int

	// reading is the file being read, queue the files picked after it,
	// notice what became of the last one that did not read (cancelled,
	// refused by the browser) or of a worker that did not start.
	reading *fileRead
	queue   []app.Value
	notice  string
	disp    app.Dispatcher
	// again are the files a fresh worker (after Cancel, or one that
	// failed) is reading again, in order: their progress is shown, and one
	// the browser can no longer read leaves the evidence, said.
	again []*fileRead

	// worker is Diagnose's worker, started when first needed; workerURL
	// where it is (the site's versioned resources).
	worker    *diagWorker
	workerURL string
	// fileIDs numbers the files posted to the worker.
	fileIDs int

	// panel is the Diagnose panel while it is on the page.
	panel *DiagnosePanel
}

// setText makes text the paste, to be read at the next check.
func (d *Diagnosis) setText(text string) {
	d.text = text
	d.version++
}

// clear forgets the evidence and the report, and stops any reading.
func (d *Diagnosis) clear() {
	d.cancel()
	if d.worker != nil {
		d.worker.post(map[string]any{"type": "clear"})
		d.worker.text = ""
	}
	*d = Diagnosis{disp: d.disp, panel: d.panel, worker: d.worker, workerURL: d.workerURL, fileIDs: d.fileIDs, version: d.version + 1, checkedVersion: d.version + 1}
}

// empty reports whether there is no evidence at all.
func (d *Diagnosis) empty() bool {
	return strings.TrimSpace(d.text) == "" && len(d.files) == 0
}

// check asks the worker to check the evidence against doc (nil: Twilio's
// facts alone); its answer replaces the report when it comes.
func (d *Diagnosis) check(doc *sipcompose.Document) {
	d.waiting++
	d.checkedVersion = d.version
	d.checked = nil
	if doc != nil {
		c := doc.Clone()
		d.checked = &c
	}
	if d.empty() {
		d.report = nil
		return
	}
	w := d.start()
	if w == nil {
		return
	}
	if w.text != d.text {
		w.post(map[string]any{"type": "text", "text": d.text})
		w.text = d.text
	}
	d.asked++
	against := ""
	if doc != nil {
		against = string(document.Encode(*doc))
	}
	w.post(map[string]any{"type": "check", "id": d.asked, "doc": against})
}

// current reports whether the last check asked for is of the evidence as
// it is, against doc.
func (d *Diagnosis) current(doc *sipcompose.Document) bool {
	if d.checkedVersion != d.version {
		return false
	}
	if d.empty() {
		return true
	}
	return (doc == nil) == (d.checked == nil) && (doc == nil || reflect.DeepEqual(*doc, *d.checked))
}

// start is the worker, started (with the evidence read so far given to
// it again) if there is none; nil when the page cannot start one.
func (d *Diagnosis) start() *diagWorker {
	if d.worker != nil {
		return d.worker
	}
	if d.workerURL == "" || !app.Window().Get("Worker").Truthy() {
		d.notice = "Diagnose cannot run here: this browser has no Web Workers."
		return nil
	}
	var w *diagWorker
	w = startWorker(d.workerURL, d.disp, func(msg app.Value) {
		if d.worker == w {
			d.answer(msg)
		}
	})
	d.worker = w
	d.again = nil
	for _, f := range d.files {
		d.again = append(d.again, d.send(w, f))
	}
	return w
}

// answer takes one of the worker's messages (docs/diagnose.md, "The
// Diagnose worker").
func (d *Diagnosis) answer(msg app.Value) {
	switch msg.Get("type").String() {
	case "report":
		if msg.Get("id").Int() != d.asked {
			return
		}
		// null (no evidence) leaves report nil.
		var r *diagnosis.Report
		if err := json.Unmarshal([]byte(msg.Get("json").String()), &r); err != nil {
			d.failed("Diagnose's report did not read: " + err.Error())
			return
		}
		d.report = r
		d.changed()
	case "progress", "read", "unreadable":
		d.fileAnswer(msg)
	case "failed":
		d.failed(msg.Get("message").String())
	case "unavailable":
		d.failed("Diagnose could not start: " + msg.Get("message").String() + ".")
	}
}

// failed stops a worker that cannot go on, says why, and leaves the next
// check to start a fresh one.
func (d *Diagnosis) failed(why string) {
	if d.worker != nil {
		d.worker.stop()
		d.worker = nil
	}
	d.reading, d.queue, d.again, d.notice = nil, nil, nil, why
	d.checkedVersion = -1
	d.changed()
}

// Prepare notes where Diagnose's worker is, and, once the page has been
// usable for a while and the browser is idle, asks the service worker to
// keep the worker and its wasm for offline use: fetched then, they do not
// share the first load's bandwidth with app.wasm (docs/diagnose.md).
func (d *Diagnosis) Prepare(ctx app.Context) {
	d.disp = ctx.Dispatcher()
	d.workerURL = ctx.ResolveStaticResource(diagnoseWorkerFile)
	urls := []any{d.workerURL, ctx.ResolveStaticResource(diagnoseWasmFile)}
	sw := app.Window().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		return
	}
	var save app.Func
	save = app.FuncOf(func(app.Value, []app.Value) any {
		save.Release()
		sw.Get("ready").Then(func(reg app.Value) {
			if active := reg.Get("active"); active.Truthy() {
				active.Call("postMessage", map[string]any{"type": SaveForOffline, "urls": urls})
			}
		})
		return nil
	})
	afterStart(saveDelayMs, save)
}

// SaveForOffline is the service worker's message to keep files for
// offline use (app/worker.go); saveDelayMs how long after the page starts
// it is sent, at the browser's next idle moment: well after a first
// visit's load on a slow link (BENCHMARKS.md, "Diagnose in the page
// (issue 25, the panel)").
const (
	SaveForOffline = "sipcompose-save"
	saveDelayMs    = 5000
)

// afterStart calls fn after delayMs and then when the browser is idle
// (or after another delayMs at most).
func afterStart(delayMs int, fn app.Func) {
	win := app.Window()
	var idle app.Func
	idle = app.FuncOf(func(app.Value, []app.Value) any {
		idle.Release()
		if win.Get("requestIdleCallback").Truthy() {
			win.Call("requestIdleCallback", fn, map[string]any{"timeout": delayMs})
		} else {
			fn.Invoke()
		}
		return nil
	})
	win.Call("setTimeout", idle, delayMs)
}
