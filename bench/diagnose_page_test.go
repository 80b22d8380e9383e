//go:build bench && !wasm

package bench

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/go-rod/rod"

	"sipcompose/browsertest"
	"sipcompose/internal/evidencegen"
)

// pageCaptureRuns is how many times TestDiagnosePage reads the capture,
// each on a fresh page.
const pageCaptureRuns = 3

// readWhileTypingJS waits for the Diagnose panel to start reading the
// file just picked, then types into User, one key at a time, each until
// the preview shows it and until its frame is done (typeKeyJS), as long as
// the progress bar is there; then waits for the report to name the file.
// Times are ms; start is when the panel showed the progress bar, which the
// file input's change event put there.
const readWhileTypingJS = `async (file) => {
	const typeKey = ` + typeKeyJS + `;
	const bar = () => document.getElementById("diagnose-bar");
	while (!bar()) await new Promise(r => setTimeout(r, 1));
	const start = performance.now();
	const input = [...document.querySelectorAll("label")].find(l => l.textContent.trim() === "User").control;
	const preview = document.querySelector('[aria-label="TwiML preview"]');
	const report = document.getElementById("diagnose-report");
	const keys = [], frames = [];
	for (let i = 0; bar(); i++) {
		const [shown, frame] = await typeKey(input, preview, i, true);
		keys.push(shown);
		frames.push(frame);
	}
	while (!report.textContent.includes(file + ": capture")) await new Promise(r => setTimeout(r, 1));
	return JSON.stringify({total: performance.now() - start, keys, frames});
}`

// TestDiagnosePage picks a 10 MB capture in the Diagnose panel and
// measures, in the page, the time from the progress bar's first showing
// to the report that names the file, and the keys typed into the form
// meanwhile: each until the preview shows it, and until its frame.
func TestDiagnosePage(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.pcap")
	evidencegen.BigCapture(t, big, 10<<20)
	var total, keys, frames []float64
	for range pageCaptureRuns {
		s := browsertest.New(t)
		s.Open("/")
		s.ClickText("Diagnose")
		s.WaitTextContains("Diagnose report", "Nothing to diagnose yet")
		s.PickFiles("#diagnose-files", big)
		res, err := s.Page.Evaluate(&rod.EvalOptions{JS: readWhileTypingJS, JSArgs: []any{"big.pcap"}, AwaitPromise: true, ByValue: true})
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Total        float64
			Keys, Frames []float64
		}
		if err := json.Unmarshal([]byte(res.Value.Str()), &out); err != nil {
			t.Fatal(err)
		}
		if len(out.Keys) == 0 {
			t.Fatal("no key was typed while the capture was read")
		}
		total = append(total, out.Total)
		keys = append(keys, out.Keys...)
		frames = append(frames, out.Frames...)
		s.NoConsoleErrors()
	}
	record(t, "diagnose_page_10mb_ms", total)
	record(t, "diagnose_page_typing_ms", keys)
	record(t, "diagnose_page_typing_frame_ms", frames)
}
