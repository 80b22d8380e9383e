package components

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Jobs are the requests the Code and Rules check tabs send the page's
// worker, which writes the helper-library programs and audits pasted rules
// (diagnoseworker/jobs) so that app.wasm carries neither. Its own instance
// of the worker, not Diagnose's: a capture being read holds Diagnose's
// worker for seconds, and Diagnose's Cancel stops it. The page keeps one
// Jobs; the worker starts when a tab first asks.
type Jobs struct {
	worker *diagWorker
	// asked numbers the requests posted; pending are those not answered
	// yet, by number.
	asked   int
	pending map[int]func(Answer)
}

// Answer is the worker's answer to one request: JSON, or Err saying why
// there is none (a message for the person).
type Answer struct{ JSON, Err string }

// ask posts msg, numbered, to the worker, started if need be; then gets
// the answer on the page's goroutine. A worker that cannot start or stops
// answers every request waiting with why.
func (j *Jobs) ask(ctx app.Context, msg map[string]any, then func(Answer)) {
	if j.worker == nil && !j.start(ctx) {
		then(Answer{Err: "this browser has no Web Workers, which it needs"})
		return
	}
	j.asked++
	j.pending[j.asked] = then
	msg["id"] = j.asked
	j.worker.post(msg)
}

// askJSON is ask for an answer that is the JSON of a T: then gets it
// decoded, or the problem that left none (the worker's, or an answer that
// does not read).
func askJSON[T any](ctx app.Context, j *Jobs, msg map[string]any, then func(v T, problem string)) {
	j.ask(ctx, msg, func(a Answer) {
		var v T
		if a.Err == "" {
			if err := json.Unmarshal([]byte(a.JSON), &v); err != nil {
				a.Err = "the worker's answer did not read: " + err.Error()
			}
		}
		then(v, a.Err)
	})
}

// latest is a tab's last request to the page's worker and the answer the
// tab shows: a request the same as the last is not asked again, and the
// answer to an older one is dropped, so the last answer stays shown until
// the next comes.
type latest[T any] struct {
	// asked is the last request (its key); answered the request that
	// value, or problem, answers ("" before any answer).
	asked, answered string
	value           T
	problem         string
}

// ask posts msg, the request key, unless key is the request asked last;
// shown runs once its answer is the one to show.
func (l *latest[T]) ask(ctx app.Context, j *Jobs, key string, msg map[string]any, shown func()) {
	if key == l.asked {
		return
	}
	l.asked = key
	askJSON(ctx, j, msg, func(v T, problem string) {
		if key != l.asked {
			return // a later change asked again
		}
		l.value, l.problem, l.answered = v, problem, key
		shown()
	})
}

// current reports whether the answer shown is to the last request.
func (l *latest[T]) current() bool { return l.answered == l.asked }

func (j *Jobs) start(ctx app.Context) bool {
	if !app.Window().Get("Worker").Truthy() {
		return false
	}
	var w *diagWorker
	w = startWorker(ctx.ResolveStaticResource(diagnoseWorkerFile), ctx.Dispatcher(), func(msg app.Value) {
		if j.worker == w {
			j.answer(msg)
		}
	})
	j.worker, j.pending = w, map[int]func(Answer){}
	return true
}

// answer takes one of the worker's messages (docs/diagnose.md, "The
// Diagnose worker").
func (j *Jobs) answer(msg app.Value) {
	switch msg.Get("type").String() {
	case "answer":
		id := msg.Get("id").Int()
		then := j.pending[id]
		delete(j.pending, id)
		if then == nil {
			return
		}
		var a Answer
		if v := msg.Get("json"); v.Truthy() {
			a.JSON = v.String()
		}
		if v := msg.Get("error"); v.Truthy() {
			a.Err = v.String()
		}
		then(a)
	case "unavailable":
		j.stop("the page's worker did not start: " + msg.Get("message").String())
	case "failed":
		j.stop("the page's worker stopped: " + msg.Get("message").String())
	}
}

// stop ends the worker and answers every request waiting with why; the
// next request starts a fresh worker.
func (j *Jobs) stop(why string) {
	j.worker.stop()
	waiting := j.pending
	j.worker, j.pending = nil, nil
	for _, then := range waiting {
		then(Answer{Err: why})
	}
}
