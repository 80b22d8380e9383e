//go:build bench && !wasm

package bench

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod"

	"sipcompose/browsertest"
)

// importJS imports twiml with the paste area's Import button and times,
// from inside the page, the click until the TwiML preview has changed and
// the frame that shows it is painted; then one keystroke in the first User
// field until the preview shows it.
const importJS = `async (twiml) => {
	document.getElementById("paste").value = twiml;
	const until = (ok) => new Promise((resolve, reject) => {
		const t0 = performance.now();
		const poll = () => ok() ? setTimeout(resolve, 0) : performance.now() - t0 > 120000 ? reject(new Error("timed out")) : requestAnimationFrame(poll);
		requestAnimationFrame(poll);
	});
	const t0 = performance.now();
	document.getElementById("paste-import").click();
	await until(() => document.getElementById("paste-feedback").textContent.includes("Imported"));
	const imported = performance.now() - t0;
	const user = document.getElementById("t0-user");
	const t1 = performance.now();
	user.value += "x";
	user.dispatchEvent(new Event("input", {bubbles: true}));
	await until(() => document.getElementById("sip-uri").textContent.includes("sip:user0x@"));
	return JSON.stringify([imported, performance.now() - t1, document.querySelectorAll("fieldset.target").length]);
}`

// TestManyTargets times the import of a document with $MANY_TARGETS
// (comma-separated counts, default 30,100,1000) <Sip> targets, each on a
// fresh page: the render after import, then one keystroke.
func TestManyTargets(t *testing.T) {
	counts := os.Getenv("MANY_TARGETS")
	if counts == "" {
		counts = "30,100,1000"
	}
	for _, c := range strings.Split(counts, ",") {
		n, err := strconv.Atoi(c)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		b.WriteString("<Response><Dial>")
		for i := range n {
			fmt.Fprintf(&b, "<Sip>sip:user%d@pbx%d.example.com</Sip>", i, i)
		}
		b.WriteString("</Dial></Response>")
		s := browsertest.New(t)
		s.Open("/")
		s.WaitTextContains("TwiML preview", "<Sip>")
		res, err := s.Page.Timeout(5 * time.Minute).Evaluate(&rod.EvalOptions{JS: importJS, JSArgs: []any{b.String()}, AwaitPromise: true, ByValue: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d targets: [import to painted ms, keystroke to painted ms, target blocks shown] = %s", n, res.Value.Str())
	}
}
