//go:build bench && !wasm

// Package bench holds the measurements `make bench` runs; they are behind
// the "bench" build tag so `make test` never times anything. Each test
// records its figures (record); bench/run.sh writes them into
// BENCHMARKS.md and checks the guards, so a new measurement is a record
// call here and a row (and, if it guards something, a guard line) there.
package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"

	"sipcompose/browsertest"
)

// The counts the issue asks for: at least 5 loads each way and 200
// keystrokes.
const (
	coldLoads  = 7
	warmLoads  = 7
	keystrokes = 240
)

// record appends one named figure (milliseconds) to $BENCH_OUT as a JSON
// line for run.sh to turn into BENCHMARKS.md.
func record(t *testing.T, name string, values []float64) {
	t.Helper()
	sort.Float64s(values)
	line, _ := json.Marshal(map[string]any{
		"name": name, "n": len(values),
		"p50": percentile(values, 50), "p95": percentile(values, 95), "max": values[len(values)-1],
	})
	t.Logf("%s", line)
	out := os.Getenv("BENCH_OUT")
	if out == "" {
		return
	}
	f, err := os.OpenFile(out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintf(f, "%s\n", line)
}

// percentile uses the nearest-rank method on sorted values.
func percentile(sorted []float64, p int) float64 {
	i := (p*len(sorted) + 99) / 100
	if i < 1 {
		i = 1
	}
	return sorted[i-1]
}

// probeJS is injected by the DevTools protocol into every document before
// the page's own scripts (so the CSP does not apply to it). It times the
// load from inside the page, free of the test's polling: once go-app has
// removed its loader, it types one host into Host and resolves
// window.sipInteractive with performance.now() (ms since navigation start)
// at the moment the TwiML preview shows that host, along with when the
// loader went and the page's timeOrigin (to tell documents apart).
const probeJS = `() => {
	const marks = {};
	const inst = WebAssembly.instantiateStreaming;
	WebAssembly.instantiateStreaming = async (...args) => {
		marks.compileStart = performance.now();
		const res = await inst(...args);
		marks.compileEnd = performance.now();
		return res;
	};
	window.sipInteractive = new Promise((resolve) => {
		const host = "probe-" + Math.random().toString(36).slice(2) + ".example.com";
		let started = 0, typed = false;
		const check = () => {
			if (!typed) {
				if (document.readyState === "loading" || document.getElementById("app-wasm-loader")) return;
				const label = [...document.querySelectorAll("label")].find(l => l.textContent.trim() === "Host");
				const input = label && (label.control || document.getElementById(label.htmlFor));
				if (!input) return;
				started = performance.now();
				typed = true;
				input.value = host;
				input.dispatchEvent(new Event("input", {bubbles: true}));
			}
			const preview = document.querySelector('[aria-label="TwiML preview"]');
			if (preview && preview.textContent.includes(host)) {
				obs.disconnect();
				resolve(JSON.stringify({interactive: performance.now(), started: started, origin: performance.timeOrigin, ...marks}));
			}
		};
		const obs = new MutationObserver(check);
		obs.observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
		document.addEventListener("readystatechange", check);
	});
}`

// loadTiming is what probeJS reports, in ms since navigation start, plus
// Total: from the test's navigate call to the same moment, on the same
// clock (performance.timeOrigin is wall-clock time), so the browser's own
// dispatch of the navigation is counted too.
type loadTiming struct {
	Total       float64 `json:"-"`
	Interactive float64 `json:"interactive"`
	Started     float64 `json:"started"`
	Origin      float64 `json:"origin"`
	// CompileStart and CompileEnd bracket WebAssembly.instantiateStreaming:
	// fetching (from the network or the worker's cache) and compiling app.wasm.
	CompileStart float64 `json:"compileStart"`
	CompileEnd   float64 `json:"compileEnd"`
}

// probed opens a browser whose page runs probeJS in every document.
func probed(t *testing.T) *browsertest.Session {
	t.Helper()
	s := browsertest.New(t)
	if _, err := s.Page.EvalOnNewDocument("(" + probeJS + ")()"); err != nil {
		t.Fatal(err)
	}
	return s
}

// interactive loads the page in a probed session and returns the probe's
// timing: navigation to the app answering an edit (the loader is gone and
// the preview shows what was typed into Host).
func interactive(t *testing.T, s *browsertest.Session) loadTiming {
	t.Helper()
	p := s.Page.Timeout(browsertest.Timeout)
	defer p.CancelTimeout()
	before := float64(time.Now().UnixMicro()) / 1000
	if err := p.Navigate(s.URL + "/"); err != nil {
		t.Fatal(err)
	}
	for {
		res, err := p.Evaluate(rod.Eval(`() => window.sipInteractive || ""`).ByPromise())
		if err != nil {
			t.Fatal(err)
		}
		var lt loadTiming
		if js := res.Value.Str(); js != "" {
			if err := json.Unmarshal([]byte(js), &lt); err != nil {
				t.Fatal(err)
			}
			// The previous document answers until the new one commits.
			if lt.Origin >= before-1 {
				lt.Total = lt.Origin + lt.Interactive - before
				return lt
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// coldBytesJS sums what the page itself fetched over the network: the
// document and every resource, compressed, with response headers.
const coldBytesJS = `() => {
	const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
	return String(entries.reduce((sum, e) => sum + e.transferSize, 0));
}`

// TestLoad measures cold loads (a fresh browser profile each time, so
// nothing is cached) and warm loads (the service worker serves everything).
func TestLoad(t *testing.T) {
	var cold, warm []loadTiming
	var bytes []float64
	for i := 0; i < coldLoads; i++ {
		s := probed(t)
		cold = append(cold, interactive(t, s))
		var n float64
		fmt.Sscan(s.Eval(coldBytesJS), &n)
		bytes = append(bytes, n)
	}
	recordLoads(t, "load_cold", cold)
	record(t, "load_cold_bytes", bytes)

	s := probed(t)
	interactive(t, s)
	s.WaitServiceWorker()
	// One reload lets the worker take control of the page.
	interactive(t, s)
	for i := 0; i < warmLoads; i++ {
		warm = append(warm, interactive(t, s))
	}
	recordLoads(t, "load_warm", warm)
	s.NoConsoleErrors()
}

// recordLoads records the load times and, to show where they go, the
// in-page moments the wasm started compiling, was instantiated and had
// started the app.
func recordLoads(t *testing.T, name string, loads []loadTiming) {
	t.Helper()
	var total, compileStart, compileEnd, started []float64
	for _, lt := range loads {
		total = append(total, lt.Total)
		compileStart = append(compileStart, lt.CompileStart)
		compileEnd = append(compileEnd, lt.CompileEnd)
		started = append(started, lt.Started)
	}
	record(t, name+"_ms", total)
	record(t, name+"_compile_start_ms", compileStart)
	record(t, name+"_compile_end_ms", compileEnd)
	record(t, name+"_started_ms", started)
}

// typeKeyJS types one key (the letter i picks) at the end of input, as
// one input event, and resolves to the ms until the preview's text has
// changed and, with settle, until the frame that shows it and the tasks
// queued behind it (the draft's save) are done, as a person's next
// keystroke waits for.
const typeKeyJS = `async (input, preview, i, settle) => {
	const before = preview.textContent;
	const changed = new Promise((resolve, reject) => {
		const obs = new MutationObserver(() => {
			if (preview.textContent !== before) { obs.disconnect(); resolve(performance.now()); }
		});
		obs.observe(preview, {subtree: true, childList: true, characterData: true});
		setTimeout(() => { obs.disconnect(); reject(new Error("preview did not change")); }, 5000);
	});
	const t0 = performance.now();
	input.value += String.fromCharCode(97 + (i % 26));
	input.dispatchEvent(new Event("input", {bubbles: true}));
	const shown = (await changed) - t0;
	if (!settle) return [shown, 0];
	await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
	return [shown, performance.now() - t0];
}`

// typingJS types n characters into the last field labelled name, timing
// each as seen from inside the page (typeKeyJS). With settle, each
// keystroke also waits for its frame, and that time is recorded too;
// without, the keystrokes follow each other in one task.
const typingJS = `async (n, name, settle) => {
	const typeKey = ` + typeKeyJS + `;
	const label = [...document.querySelectorAll("label")].filter(l => l.textContent.trim() === name).pop();
	const input = label.control || document.getElementById(label.htmlFor);
	const preview = document.querySelector('[aria-label="TwiML preview"]');
	const times = [], settled = [];
	for (let i = 0; i < n; i++) {
		const [shown, frame] = await typeKey(input, preview, i, settle);
		times.push(shown);
		if (settle) settled.push(frame);
	}
	return JSON.stringify({times, settled});
}`

// typing runs typingJS and returns its times.
func typing(t *testing.T, s *browsertest.Session, n int, field string, settle bool) (times, settled []float64) {
	t.Helper()
	res, err := s.Page.Evaluate(&rod.EvalOptions{JS: typingJS, JSArgs: []any{n, field, settle}, AwaitPromise: true, ByValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ Times, Settled []float64 }
	if err := json.Unmarshal([]byte(res.Value.Str()), &out); err != nil {
		t.Fatal(err)
	}
	return out.Times, out.Settled
}

// TestTyping measures keystroke → preview latency with the large document
// (10 targets × 20 headers) loaded through a share link.
func TestTyping(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/" + largeDocFragment(t))
	s.WaitTextContains("TwiML preview", "X-Bench-19")
	times, _ := typing(t, s, keystrokes, "Header value", false)
	record(t, "typing_10x20_ms", times)
	record(t, "typing_10x20_cpu_ms", inputCPU(t, s, func() { typing(t, s, keystrokes, "Header value", false) }))
	s.NoConsoleErrors()
}

// bigValueKeystrokes is how many keys TestTypingAfterBigPaste types; each
// waits for its frame.
const bigValueKeystrokes = 40

// TestTypingAfterBigPaste measures issue 13's case: a 200,000-character
// value pasted into a header value of the example, then keys typed into
// User, each until the preview shows it and until the frame showing it
// (and the draft's save) is done.
func TestTypingAfterBigPaste(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.FillNth("Header value", 1, strings.Repeat("v", 200_000), true)
	s.WaitEval(`() => String(document.querySelector('[aria-label="SIP URI"]').textContent.includes("vvvv"))`, "true")
	typing(t, s, 3, "User", true)
	times, settled := typing(t, s, bigValueKeystrokes, "User", true)
	record(t, "typing_200kb_ms", times)
	record(t, "typing_200kb_frame_ms", settled)
	record(t, "typing_200kb_cpu_ms", inputCPU(t, s, func() { typing(t, s, bigValueKeystrokes, "User", true) }))
	s.NoConsoleErrors()
}

// inputCPU runs f under a DevTools trace and returns the page's thread
// time (CPU time, in ms) in each input event's handling: what a keystroke
// costs the page, without the time the machine's other work took the core
// away, which the wall-clock figures include.
func inputCPU(t *testing.T, s *browsertest.Session, f func()) []float64 {
	t.Helper()
	var cpu []float64
	done := make(chan struct{})
	wait := s.Page.EachEvent(func(e *proto.TracingDataCollected) {
		for _, ev := range e.Value {
			if ev["name"].Str() == "EventDispatch" && ev["args"].Get("data.type").Str() == "input" {
				cpu = append(cpu, ev["tdur"].Num()/1000)
			}
		}
	}, func(*proto.TracingTracingComplete) bool { close(done); return true })
	if err := (proto.TracingStart{Categories: "devtools.timeline", TransferMode: proto.TracingStartTransferModeReportEvents}).Call(s.Page); err != nil {
		t.Fatal(err)
	}
	f()
	if err := (proto.TracingEnd{}).Call(s.Page); err != nil {
		t.Fatal(err)
	}
	go wait()
	<-done
	if len(cpu) == 0 {
		t.Fatal("the trace holds no input event")
	}
	return cpu
}
