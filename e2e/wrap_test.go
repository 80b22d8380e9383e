//go:build !wasm

package e2e

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/go-rod/rod/lib/input"

	"sipcompose/browsertest"
	"sipcompose/sipcompose"
)

// example is the document a first visit shows.
var example = sipcompose.Document{
	Dial: sipcompose.Dial{CallerID: "+14155550100", AnswerOnBridge: true},
	Targets: []sipcompose.Target{{
		User: "+14158675309", Host: "pbx.example.com", Transport: "tls", Edge: "ashburn",
		Headers: []sipcompose.Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}, {Name: "X-otherHeader", Value: "true"}},
		UUI:     sipcompose.UUI{Data: "0A1B2C3D"},
	}},
}

// sidewaysJS lists the output boxes on screen that would need sideways
// scrolling.
const sidewaysJS = `() => [...document.querySelectorAll("pre.code")]
	.filter(p => p.getClientRects().length > 0 && p.scrollWidth > p.clientWidth + 1)
	.map(p => p.id + ": " + p.scrollWidth + " px in " + p.clientWidth).join("\n")`

// sipLineJS is the text of the TwiML's first <Sip> line and where each of
// its screen lines after the first starts (character offsets), from the
// characters' boxes.
const sipLineJS = `() => {
	const ln = [...document.querySelectorAll("#twiml .ln")].find(l => l.textContent.includes("<Sip>"));
	const walk = document.createTreeWalker(ln, NodeFilter.SHOW_TEXT);
	let text = "", top = null;
	const starts = [];
	for (let n = walk.nextNode(); n; n = walk.nextNode()) {
		for (let i = 0; i < n.length; i++) {
			if (n.data[i] === "\n") continue;
			const r = document.createRange();
			r.setStart(n, i);
			r.setEnd(n, i + 1);
			const box = r.getClientRects()[0];
			if (box && top !== null && box.top > top + 2) starts.push(text.length);
			if (box) top = box.top;
			text += n.data[i];
		}
	}
	return JSON.stringify({text, starts});
}`

// TestOutputsWrap: at 375 and 1280 px no output box scrolls sideways; the
// long <Sip> line wraps where its URI has its parts (after "?", before
// "&" or ";") wherever the part fits; and Copy TwiML, like selecting the
// box and pressing Ctrl+C, still gives the TwiML byte for byte.
func TestOutputsWrap(t *testing.T) {
	want := sipcompose.Compose(example).TwiML
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		s.GrantClipboard()
		s.Open("/")
		s.WaitTextContains("TwiML preview", "X-otherHeader")
		if got := s.Eval(sidewaysJS); got != "" {
			t.Errorf("boxes scroll sideways:\n%s", got)
		}
		var sip struct {
			Text   string
			Starts []int
		}
		if err := json.Unmarshal([]byte(s.Eval(sipLineJS)), &sip); err != nil {
			t.Fatal(err)
		}
		if len(sip.Starts) == 0 {
			t.Errorf("the <Sip> line does not wrap: %q", sip.Text)
		}
		atParts := 0
		for _, k := range sip.Starts {
			if strings.ContainsRune("&;", rune(sip.Text[k])) || sip.Text[k-1] == '?' {
				atParts++
				continue
			}
			// Where a part is longer than the box, CSS breaks it anywhere;
			// every part of the example fits a line at 1280 px.
			if !l.phone() {
				t.Errorf("the <Sip> line breaks inside a part: %q | %q", sip.Text[:k], sip.Text[k:])
			}
		}
		if atParts == 0 {
			t.Errorf("the <Sip> line breaks nowhere between its parts: %q at %v", sip.Text, sip.Starts)
		}
		if !l.phone() && !slices.Contains(sip.Starts, strings.Index(sip.Text, "&amp;X-otherHeader")) {
			t.Errorf("the last header does not start a screen line: %q at %v", sip.Text, sip.Starts)
		}

		s.ClickOn("#preview .copy-wrap button")
		waitFeedback(s, "twiml", "Copied the TwiML.")
		if got := s.Clipboard(); got != want {
			t.Errorf("Copy TwiML gave\n%q\nwant\n%q", got, want)
		}
		// Selected by hand and copied with the keyboard.
		s.Eval(`() => { getSelection().selectAllChildren(document.getElementById("twiml")); return "" }`)
		s.Chord(input.ControlLeft, input.KeyC)
		s.WaitEval(`(want) => navigator.clipboard.readText().then(t => t === want ? "same" : JSON.stringify(t))`, "same", strings.TrimSuffix(want, "\n"))
		noAxe(t, s, "the example, wrapped")
	})
}
