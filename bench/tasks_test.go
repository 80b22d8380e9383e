//go:build bench && !wasm

package bench

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"sipcompose/browsertest"
	"sipcompose/sipcompose"
)

// The task of issue 24, as a support engineer is given it on a call: ring
// sip:support@pbx.acme.example over TLS from Frankfurt with
// X-Ticket=INC-4711/77 and UUI "caller=Anna;ref=77" sent as hex, starting
// from a blank form, until the right TwiML is on the clipboard.
var taskDoc = sipcompose.Document{Targets: []sipcompose.Target{{
	User: "support", Host: "pbx.acme.example", Transport: "tls", Edge: "frankfurt",
	Headers: []sipcompose.Header{{Name: "X-Ticket", Value: "INC-4711/77"}},
	UUI:     sipcompose.UUI{Data: sipcompose.TextToHex("caller=Anna;ref=77")},
}}}

// taskRun does the task with real input events and counts what a person
// does: a click, a key that moves (Tab), a run of typing into one field, a
// scroll to bring something into view (one, however far), each one action.
type taskRun struct {
	s     *browsertest.Session
	steps []string
}

func (r *taskRun) act(what string) { r.steps = append(r.steps, what) }

// reach brings the element matching sel on screen: nothing if it is;
// else the floating "Skip to the TwiML" when it leads there, as on a phone;
// else one scroll.
func (r *taskRun) reach(sel string) {
	if r.s.InView(sel) {
		return
	}
	if r.s.Eval(`(sel) => {
		const skip = document.querySelector(".skip-link");
		return String(!!document.querySelector(sel).closest("#preview") && !!skip && skip.getBoundingClientRect().width > 40);
	}`, sel) == "true" {
		r.s.ClickOn(".skip-link")
		r.act("tap Skip to the TwiML")
		return
	}
	r.s.Eval(`(sel) => { document.querySelector(sel).scrollIntoView({block: "center"}); return "" }`, sel)
	r.act("scroll to " + sel)
}

func (r *taskRun) click(sel, what string) {
	r.reach(sel)
	r.s.ClickOn(sel)
	r.act("click " + what)
}

// typeInto types text into the input id, clicking it first unless it
// already has the focus.
func (r *taskRun) typeInto(id, text string) {
	if r.s.Focused() != id {
		r.click("#"+id, "#"+id)
	}
	r.s.Keys(text)
	r.act("type " + strconv.Quote(text))
}

// choose picks value for the control named name of target 1: a radio
// button is one click; a select is two actions, reaching it and picking
// the option (here by typing its start, as the keyboard does).
func (r *taskRun) choose(name, value, typed string) {
	radio := fmt.Sprintf(`input[type=radio][name="t0-%s"][value=%q]`, name, value)
	if r.s.Count(radio) > 0 {
		r.click(radio, name+" "+value)
		return
	}
	sel := "#t0-" + name
	r.reach(sel)
	el, err := r.s.Page.Element(sel)
	if err != nil {
		r.s.T.Fatal(err)
	}
	if err := el.Focus(); err != nil {
		r.s.T.Fatal(err)
	}
	r.act("open " + name)
	r.s.Keys(typed)
	r.act("pick " + value)
	r.s.WaitEval(`(sel) => document.querySelector(sel).value`, value, sel)
}

// pageHeight is the document's height in CSS pixels, and the output
// column's (which scrolls on its own on a wide screen).
func pageHeight(s *browsertest.Session) (page, outputs int) {
	page, _ = strconv.Atoi(s.Eval(`() => String(document.documentElement.scrollHeight)`))
	outputs, _ = strconv.Atoi(s.Eval(`() => String(document.querySelector(".outputs").scrollHeight)`))
	return page, outputs
}

type taskResult struct {
	width, actions            int
	readyHeight, doneHeight   int
	readyOutputs, doneOutputs int
	steps                     []string
}

func doTask(t *testing.T, width, height int) taskResult {
	s := browsertest.New(t)
	s.SetViewport(width, height)
	s.GrantClipboard()
	s.Open("/")
	res := taskResult{width: width}
	res.readyHeight, res.readyOutputs = pageHeight(s)
	r := &taskRun{s: s}
	// The header's buttons are on screen at page ready.
	s.ClickText("Blank form")
	r.act("click Blank form")
	s.WaitEval(`() => document.getElementById("t0-host").value`, "")
	r.typeInto("t0-user", "support")
	r.typeInto("t0-host", "pbx.acme.example")
	r.choose("transport", "tls", "tls")
	r.choose("edge", "frankfurt", "frankfurt")
	if s.Count("#t0-h0-name") == 0 {
		r.click("#t0-add-header", "Add header")
		s.WaitEval(`() => String(!!document.getElementById("t0-h0-name"))`, "true")
	}
	r.typeInto("t0-h0-name", "X-Ticket")
	s.Press("Tab")
	r.act("Tab")
	r.typeInto("t0-h0-value", "INC-4711/77")
	r.typeInto("t0-uui-text", "caller=Anna;ref=77")
	// A page with a Convert button converts on its click, else as typed.
	if s.Count(".uui .helper button") > 0 {
		r.click(".uui .helper button", "Convert to hex")
	}
	want := sipcompose.Compose(taskDoc).TwiML
	s.WaitText("TwiML preview", func(string) bool { return s.TextContent("TwiML preview") == want })
	r.click("#preview .copy-wrap button", "Copy TwiML")
	s.WaitEval(`async (want) => String(await navigator.clipboard.readText() === want)`, "true", want)
	res.doneHeight, res.doneOutputs = pageHeight(s)
	res.actions, res.steps = len(r.steps), r.steps
	s.NoConsoleErrors()
	return res
}

// TestTasks does the task at 1280 px and 375 px and writes the Tasks
// section of BENCHMARKS.md to $BENCH_TASKS_OUT.
func TestTasks(t *testing.T) {
	var rows, steps strings.Builder
	for _, w := range []struct{ width, height int }{{1280, 800}, {375, 800}} {
		res := doTask(t, w.width, w.height)
		t.Logf("%d px: %d actions, page %d px at ready (outputs %d), %d px at the end (outputs %d): %s",
			res.width, res.actions, res.readyHeight, res.readyOutputs, res.doneHeight, res.doneOutputs, strings.Join(res.steps, "; "))
		fmt.Fprintf(&rows, "| %d px | %d | %d | %d | %d | %d |\n", res.width, res.actions, res.readyHeight, res.doneHeight, res.readyOutputs, res.doneOutputs)
		fmt.Fprintf(&steps, "- %d px: %s.\n", res.width, strings.Join(res.steps, "; "))
	}
	out := os.Getenv("BENCH_TASKS_OUT")
	if out == "" {
		return
	}
	md := "| width | user actions | page height at ready, px | at the end, px | output column at ready, px | at the end, px |\n| --- | ---: | ---: | ---: | ---: | ---: |\n" + rows.String() + "\nThe actions, in order:\n\n" + steps.String()
	if err := os.WriteFile(out, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
}
