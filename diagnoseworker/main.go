//go:build js && wasm

// Command diagnoseworker is the page's worker: built as diagnose.wasm, it
// runs in a Web Worker (web/diagnose-worker.js starts it) so that app.wasm
// carries none of what only one output tab uses, and the page never pauses
// while a capture is read. Its one job is to relay the page's messages:
// the Diagnose panel's to a session.Session, posting back progress and
// reports; the Code and Rules check tabs' to package jobs, posting back
// each answer. The protocol is in docs/diagnose.md, "The Diagnose worker".
package main

import (
	"syscall/js"

	"sipcompose/diagnoseworker/jobs"
	"sipcompose/diagnoseworker/session"
)

func main() {
	var s session.Session
	js.Global().Set("sipcomposeDiagnose", js.FuncOf(func(_ js.Value, args []js.Value) any {
		handle(&s, args[0])
		return nil
	}))
	select {}
}

// handle runs one message of the panel's, in the order posted: a file is
// read whole (FileReaderSync blocks the worker, not the page) before the
// next message is taken.
func handle(s *session.Session, msg js.Value) {
	switch msg.Get("type").String() {
	case "text":
		s.SetText(msg.Get("text").String())
	case "clear":
		s.Clear()
	case "file":
		readFile(s, msg.Get("file"), msg.Get("id").Int())
	case "check":
		var doc []byte
		if d := msg.Get("doc"); d.Truthy() {
			doc = []byte(d.String())
		}
		out, err := s.CheckJSON(doc)
		if err != nil {
			post(map[string]any{"type": "failed", "message": err.Error()})
			return
		}
		post(map[string]any{"type": "report", "id": msg.Get("id").Int(), "json": string(out)})
	case "code":
		answer(msg, func(doc []byte) ([]byte, error) { return jobs.Code(doc, msg.Get("lang").String()) })
	case "audit":
		answer(msg, func(doc []byte) ([]byte, error) { return jobs.Audit(doc, msg.Get("rules").String()) })
	default:
		post(map[string]any{"type": "failed", "message": "the worker got a message it does not know: " + msg.Get("type").String()})
	}
}

// answer posts job's answer to msg, a request of the Code or Rules check
// tab: its JSON, or the message saying why there is none, with msg's id.
func answer(msg js.Value, job func(doc []byte) ([]byte, error)) {
	reply := map[string]any{"type": "answer", "id": msg.Get("id").Int()}
	if out, err := job([]byte(msg.Get("doc").String())); err != nil {
		reply["error"] = err.Error()
	} else {
		reply["json"] = string(out)
	}
	post(reply)
}

// readFile reads a File a slice at a time, posting its progress, then
// "read", or "unreadable" with the browser's reason; each message carries
// the panel's id for the file.
func readFile(s *session.Session, f js.Value, id int) {
	name := f.Get("name").String()
	reader := js.Global().Get("FileReaderSync").New()
	slice := func(from, to int64) (data []byte, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = jsError{r}
			}
		}()
		buf := reader.Call("readAsArrayBuffer", f.Call("slice", float64(from), float64(to)))
		view := js.Global().Get("Uint8Array").New(buf)
		data = make([]byte, view.Length())
		js.CopyBytesToGo(data, view)
		return data, nil
	}
	progress := func(p session.Progress) {
		post(map[string]any{"type": "progress", "id": id, "name": p.Name, "done": float64(p.Done), "total": float64(p.Total), "text": p.Text})
	}
	if err := s.ReadFile(name, int64(f.Get("size").Float()), slice, progress); err != nil {
		post(map[string]any{"type": "unreadable", "id": id, "name": name, "message": err.Error()})
		return
	}
	post(map[string]any{"type": "read", "id": id, "name": name})
}

// jsError is what a JavaScript exception thrown by the browser's file
// reading says, as an error.
type jsError struct{ what any }

func (e jsError) Error() string {
	if err, ok := e.what.(js.Error); ok {
		return err.Value.Call("toString").String()
	}
	if err, ok := e.what.(error); ok {
		return err.Error()
	}
	return "the file could not be read"
}

func post(msg map[string]any) { js.Global().Call("postMessage", msg) }
