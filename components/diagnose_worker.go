package components

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// diagnoseWorkerFile is Diagnose's Web Worker script among the site's
// resources; it starts diagnose.wasm beside it (docs/diagnose.md, "The
// Diagnose worker"). Diagnose's engine is a program of its own so that
// app.wasm, every visitor's first download, carries none of it.
const (
	diagnoseWorkerFile = "/web/diagnose-worker.js"
	diagnoseWasmFile   = "/web/diagnose.wasm"
)

// diagWorker is the page's worker as a panel talks to it: messages
// posted in order, the worker's answers given to onMessage on the page's
// goroutine, and a worker that fails to start or to load turned into an
// "unavailable" message too, saying why. stop ends it for good
// (terminate); the panel starts a fresh one when next needed.
type diagWorker struct {
	w         app.Value
	listeners []app.Func
	// text is the paste the worker holds.
	text string
}

// startWorker starts the worker at url; disp runs its answers on the
// page's goroutine, and a failure to load as an "unavailable" message.
func startWorker(url string, disp app.Dispatcher, onMessage func(app.Value)) *diagWorker {
	w := &diagWorker{w: app.Window().Get("Worker").New(url)}
	run := func(fn func()) {
		disp.Dispatch(app.Dispatch{Mode: app.Next, Function: func(app.Context) { fn() }})
	}
	message := app.FuncOf(func(_ app.Value, args []app.Value) any {
		data := args[0].Get("data")
		run(func() { onMessage(data) })
		return nil
	})
	// The script itself did not load or threw: the browser's message, if
	// it gives one, and what most likely happened.
	failed := app.FuncOf(func(_ app.Value, args []app.Value) any {
		args[0].Call("preventDefault")
		why := "its script did not load (offline before the page saved it for offline use?)"
		if m := args[0].Get("message"); m.Truthy() {
			why = m.String()
		}
		msg := app.Window().Get("Object").New()
		msg.Set("type", "unavailable")
		msg.Set("message", why)
		run(func() { onMessage(msg) })
		return nil
	})
	w.w.Set("onmessage", message)
	w.w.Set("onerror", failed)
	w.listeners = []app.Func{message, failed}
	return w
}

func (w *diagWorker) post(msg map[string]any) { w.w.Call("postMessage", msg) }

// stop ends the worker, whatever it is doing, and forgets its answers.
func (w *diagWorker) stop() {
	w.w.Call("terminate")
	w.w.Set("onmessage", nil)
	w.w.Set("onerror", nil)
	for _, f := range w.listeners {
		f.Release()
	}
}
