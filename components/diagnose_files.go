package components

import (
	"slices"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Files picked in the Diagnose panel are read in the browser, never
// uploaded: by Diagnose's worker, which reads a capture a 256 KB slice at a
// time and posts its progress, and any other file whole, as text. The page
// itself never pauses for it. docs/diagnose.md, "The Diagnose worker".

// fileRead is the file being read.
type fileRead struct {
	id        int
	name      string
	file      app.Value
	size, pos int64
	// text: the file is no capture, and is read whole.
	text bool
}

// pick queues the files of a file input's FileList and starts reading.
func (d *Diagnosis) pick(ctx app.Context, files app.Value) {
	d.disp = ctx.Dispatcher()
	for i := 0; i < files.Length(); i++ {
		d.queue = append(d.queue, files.Index(i))
	}
	d.notice = ""
	d.next()
}

// next gives the worker the next file picked, if none is being read.
func (d *Diagnosis) next() {
	if d.reading != nil || len(d.queue) == 0 {
		return
	}
	w := d.start()
	if w == nil {
		d.queue = nil
		d.changed()
		return
	}
	d.reading = d.send(w, d.queue[0])
	d.queue = d.queue[1:]
	d.changed()
}

// send gives the worker file f to read.
func (d *Diagnosis) send(w *diagWorker, f app.Value) *fileRead {
	d.fileIDs++
	r := &fileRead{id: d.fileIDs, name: f.Get("name").String(), file: f, size: int64(f.Get("size").Float())}
	w.post(map[string]any{"type": "file", "file": f, "id": r.id})
	return r
}

// fileAnswer takes the worker's word on the file being read: how far it
// is, that it is read (then it is checked, and the next one read), or that
// the browser could not read it.
func (d *Diagnosis) fileAnswer(msg app.Value) {
	if len(d.again) > 0 && msg.Get("id").Int() == d.again[0].id {
		d.againAnswer(msg)
		return
	}
	r := d.reading
	if r == nil || msg.Get("id").Int() != r.id {
		return
	}
	switch msg.Get("type").String() {
	case "progress":
		r.pos, r.text = int64(msg.Get("done").Float()), msg.Get("text").Bool()
		d.changed()
		return
	case "read":
		d.files = append(d.files, r.file)
		d.version++
		d.reading = nil
		d.checkShown()
	case "unreadable":
		d.reading, d.notice = nil, "Could not read "+r.name+": "+browserSays(msg)+"."
		d.changed()
	}
	d.next()
}

// againAnswer takes the worker's word on a file it reads again. One the
// browser can no longer read (moved or deleted since it was picked)
// leaves the evidence, and the report is checked again without it.
func (d *Diagnosis) againAnswer(msg app.Value) {
	r := d.again[0]
	switch msg.Get("type").String() {
	case "progress":
		r.pos, r.text = int64(msg.Get("done").Float()), msg.Get("text").Bool()
		d.changed()
	case "read":
		d.again = d.again[1:]
		d.changed()
	case "unreadable":
		d.again = d.again[1:]
		d.files = slices.DeleteFunc(d.files, func(f app.Value) bool { return f.Equal(r.file) })
		d.version++
		d.notice = "Could not read " + r.name + " again: " + browserSays(msg) + ". It is no longer in the evidence; pick it again to use it."
		d.checkShown()
	}
}

// browserSays is the browser's reason a file did not read, as a clause:
// its messages end with a full stop of their own.
func browserSays(msg app.Value) string {
	return "the browser says " + strings.TrimRight(msg.Get("message").String(), ". ")
}

// cancel stops reading: nothing of the file being read, nor of those
// waiting, is used. The worker is stopped mid-read; a fresh one, given
// the evidence read before (again), takes the next check.
func (d *Diagnosis) cancel() {
	if d.reading == nil {
		return
	}
	d.notice = "Stopped reading " + d.reading.name + ": nothing from it is used."
	d.reading, d.queue, d.again = nil, nil, nil
	if d.worker != nil {
		d.worker.stop()
		d.worker = nil
	}
}

// after runs fn on the page's goroutine once delay has passed, by the
// browser's timer. Not ctx.After: its goroutine counts as go-app work in
// progress, and the page's edits render at once only when none is
// (renderNow), so every keystroke waited out the delay.
func (d *Diagnosis) after(delay time.Duration, fn func()) {
	var run app.Func
	run = app.FuncOf(func(app.Value, []app.Value) any {
		run.Release()
		d.disp.Dispatch(app.Dispatch{Mode: app.Next, Function: func(app.Context) { fn() }})
		return nil
	})
	app.Window().Call("setTimeout", run, delay.Milliseconds())
}

// changed re-renders the panel, if it is shown.
func (d *Diagnosis) changed() {
	if d.panel != nil {
		d.panel.Update()
	}
}

// checkShown checks the evidence against the shown panel's document and
// re-renders it; with no panel shown, the panel checks when next shown.
func (d *Diagnosis) checkShown() {
	if d.panel != nil {
		d.check(d.panel.against())
		d.panel.Update()
	}
}
