package components

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose/capture"
	"sipcompose/sipcompose/evidence"
)

// Files picked in the Diagnose panel are read here, in the browser: never
// uploaded. A capture is read a slice at a time (Blob.slice), each fed to
// a capture.Reader, and the browser gets its turn between slices (each
// slice is a promise), so the page answers typing while a large capture
// reads and the panel shows the bytes read so far. Any other file is text,
// read whole up to what package evidence reads, which says when a file is
// past it or is binary junk. docs/diagnose.md, "For the page".

// chunkSize is how much of a capture is read at a time: about 6 ms of
// Reader.Write in WebAssembly (BENCHMARKS.md, "Diagnose in the page").
const chunkSize = 256 << 10

// fileRead is a file being read.
type fileRead struct {
	name      string
	file      app.Value
	size, pos int64
	reader    *capture.Reader
	// text: the file is no capture, and is read whole.
	text      bool
	cancelled bool
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

// next starts reading the next file picked, if none is being read.
func (d *Diagnosis) next() {
	if d.reading != nil || len(d.queue) == 0 {
		return
	}
	f := d.queue[0]
	d.queue = d.queue[1:]
	r := &fileRead{name: f.Get("name").String(), file: f, size: int64(f.Get("size").Int())}
	d.reading = r
	d.slice(r, 0, min(r.size, chunkSize), d.first)
	d.changed()
}

// first tells a capture from text by the file's first slice.
func (d *Diagnosis) first(r *fileRead, data []byte) {
	if !capture.IsCapture(data) {
		if int64(len(data)) == r.size {
			d.finish(r, evidenceFile{name: r.name, text: data})
			return
		}
		// One byte past what evidence reads, so that it says the text is
		// too large rather than reading a part as if whole.
		r.text = true
		d.changed()
		d.slice(r, 0, min(r.size, evidence.MaxText+1), func(r *fileRead, all []byte) {
			d.finish(r, evidenceFile{name: r.name, text: all})
		})
		return
	}
	r.reader = capture.NewReader()
	d.chunk(r, data)
}

// chunk feeds a capture's next slice to its reader, then asks for the one
// after it, until the end of the file or an error: a corrupt capture is
// read up to the corruption, and Close says what went wrong.
func (d *Diagnosis) chunk(r *fileRead, data []byte) {
	_, err := r.reader.Write(data)
	r.pos += int64(len(data))
	if err != nil || r.pos >= r.size || len(data) == 0 {
		c := r.reader.Close()
		if err != nil && len(c.Problems) == 0 {
			c.Problems = append(c.Problems, err.Error())
		}
		d.finish(r, evidenceFile{name: r.name, capture: &c})
		return
	}
	d.changed()
	d.slice(r, r.pos, min(r.pos+chunkSize, r.size), d.chunk)
}

// finish adds a file read to the evidence, checks it, and reads the next.
func (d *Diagnosis) finish(r *fileRead, f evidenceFile) {
	d.reading = nil
	d.addFile(f)
	d.checkShown()
	d.next()
}

// cancel stops reading: nothing of the file being read, nor of those
// waiting, is used.
func (d *Diagnosis) cancel() {
	if d.reading == nil {
		return
	}
	d.reading.cancelled = true
	d.notice = "Stopped reading " + d.reading.name + ": nothing from it is used."
	d.reading, d.queue = nil, nil
}

// slice reads bytes [from, to) of the file and gives them to then on the
// page's goroutine; a file the browser cannot read (removed, changed, no
// permission) is said in the notice.
func (d *Diagnosis) slice(r *fileRead, from, to int64, then func(*fileRead, []byte)) {
	var ok, fail app.Func
	release := func() {
		ok.Release()
		fail.Release()
	}
	ok = app.FuncOf(func(_ app.Value, args []app.Value) any {
		release()
		view := app.Window().Get("Uint8Array").New(args[0])
		data := make([]byte, view.Length())
		app.CopyBytesToGo(data, view)
		d.do(r, func() { then(r, data) })
		return nil
	})
	fail = app.FuncOf(func(_ app.Value, args []app.Value) any {
		release()
		why := args[0].Call("toString").String()
		d.do(r, func() {
			d.reading, d.notice = nil, "Could not read "+r.name+": the browser says "+why+"."
			d.next()
			d.changed()
		})
		return nil
	})
	r.file.Call("slice", from, to).Call("arrayBuffer").Call("then", ok, fail)
}

// do runs fn on the page's goroutine unless the read was cancelled. The
// dispatch has no source, so it runs even while another panel is shown.
func (d *Diagnosis) do(r *fileRead, fn func()) {
	d.disp.Dispatch(app.Dispatch{Mode: app.Next, Function: func(app.Context) {
		if !r.cancelled {
			fn()
		}
	}})
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
