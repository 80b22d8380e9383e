//go:build !wasm

package e2e

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"sipcompose/browsertest"
	"sipcompose/sipcompose"
)

// manyTargetsTwiML is a <Dial> of n <Sip> targets, each with a header
// Twilio drops (so each has a warning of its own).
func manyTargetsTwiML(n int) string {
	var b strings.Builder
	b.WriteString("<Response><Dial>")
	for i := range n {
		fmt.Fprintf(&b, "<Sip>sip:user%d@pbx%d.example.com?customName=v</Sip>", i, i)
	}
	b.WriteString("</Dial></Response>")
	return b.String()
}

// copiedSips clicks Copy TwiML and counts the <Sip> on the clipboard.
func copiedSips(s *browsertest.Session) int {
	s.T.Helper()
	s.Click("Copy TwiML", 0)
	waitFeedback(s, "twiml", "Copied the ")
	return strings.Count(clipboard(s), "<Sip>")
}

func wantCount(t *testing.T, s *browsertest.Session, selector string, want int) {
	t.Helper()
	if got := s.Count(selector); got != want {
		t.Errorf("%d of %s, want %d", got, selector, want)
	}
}

// TestThousandTargetsStayUsable: an import of 1,000 targets keeps all of
// them but shows Twilio's 10, says how many more there are and why, and
// offers to remove them (with Undo); every list shown stays short, Copy
// takes the whole TwiML, and the page goes on following edits.
func TestThousandTargetsStayUsable(t *testing.T) {
	s := browsertest.New(t)
	grantClipboard(t, s)
	s.Open("/")
	pasteTwiML(s, manyTargetsTwiML(1000))
	waitFeedback(s, "paste", "Imported the TwiML into the form.")

	wantCount(t, s, "fieldset.target", sipcompose.MaxTargets)
	note := s.Eval(`() => document.getElementById("extra-targets-note").textContent`)
	if !strings.HasPrefix(note, "990 more targets are kept but not shown here: Twilio accepts at most 10 targets in one <Dial> (error 13250)") {
		t.Errorf("the notice reads %q", note)
	}
	if n := s.Count("#warnings li"); n == 0 || n > 100 {
		t.Errorf("the Warnings list shows %d entries", n)
	}
	if got := s.Eval(`() => document.querySelector("#warnings .more-note").textContent`); !strings.HasPrefix(got, "…and ") || !strings.Contains(got, " more warnings not shown here (the first 100 are).") {
		t.Errorf("under Warnings: %q", got)
	}
	showPanel(s, "Customer's side")
	wantCount(t, s, ".customer .invite", sipcompose.MaxTargets)
	if got := s.Eval(`() => document.querySelector(".customer > .more-note").textContent`); got != "…and 990 more INVITEs not shown here (the first 10 are)." {
		t.Errorf("under the INVITEs: %q", got)
	}
	if n := copiedSips(s); n != 1000 {
		t.Errorf("Copy TwiML copied %d <Sip>, want all 1000", n)
	}

	// Still responsive: an edit shows in the preview.
	s.Fill("User", "edited")
	s.WaitTextContains("TwiML preview", "sip:edited@pbx0.example.com")

	s.Click("Remove the 990 extra targets", 0)
	waitFeedback(s, "extra-targets", "Removed 990 targets: the first 10 are kept.")
	wantCount(t, s, "fieldset.target", sipcompose.MaxTargets)
	wantCount(t, s, "#extra-targets-note", 0)
	// Copy would replace the feedback and its Undo: the preview is whole.
	if n := strings.Count(s.TextContent("TwiML preview"), "<Sip>"); n != 10 {
		t.Errorf("after the removal the TwiML has %d <Sip>, want 10", n)
	}
	if got := s.Eval(`() => document.activeElement.id`); got != "extra-targets-feedback" {
		t.Errorf("after the removal focus is on %q, not on its feedback and Undo", got)
	}
	clickUndo(s, "extra-targets")
	waitFeedback(s, "extra-targets", "Undone")
	s.WaitEval(`() => String(!!document.getElementById("extra-targets-note"))`, "true")
	if n := copiedSips(s); n != 1000 {
		t.Errorf("after Undo Copy TwiML copied %d <Sip>, want 1000", n)
	}
	if !strings.Contains(clipboard(s), "sip:edited@pbx0.example.com") {
		t.Error("Undo lost the edit made before the removal")
	}

	s.Eval(`() => { document.querySelectorAll("details").forEach(d => d.open = true); return "" }`)
	if got := axeViolations(s, axeSource(t)); got != "[]" {
		t.Errorf("axe violations with the extra targets noticed: %s", got)
	}
	s.NoConsoleErrors()
}

// TestThousandTargetsByShareLink: a share link of 1,000 targets, the
// first with 1,000 header rows, opens with Twilio's 10 targets shown, and
// that target's header rows and its INVITE's header table cut short, each
// saying so.
func TestThousandTargetsByShareLink(t *testing.T) {
	var doc sipcompose.Document
	for i := range 1000 {
		doc.Targets = append(doc.Targets, sipcompose.Target{User: "user" + strconv.Itoa(i), Host: "pbx.example.com"})
	}
	for h := range 1000 {
		doc.Targets[0].Headers = append(doc.Targets[0].Headers, sipcompose.Header{Name: "X-Row-" + strconv.Itoa(h), Value: "v"})
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	s := browsertest.New(t)
	s.Open("/#doc=" + base64.RawURLEncoding.EncodeToString(data))
	waitFeedback(s, "notice", "Opened the shared document.")
	wantCount(t, s, "fieldset.target", sipcompose.MaxTargets)
	s.WaitEval(`() => document.getElementById("extra-targets-note").textContent.slice(0, 44)`, "990 more targets are kept but not shown here")
	showPanel(s, "Customer's side")
	if n := s.Count("#invite-0 ~ .table-wrap tr"); n > 101 {
		t.Errorf("target 1's header table shows %d rows", n)
	}
	if got := s.Eval(`() => document.querySelector(".invite .table-wrap + .more-note").textContent`); got != "…and 900 more header lines not shown here (the first 100 are)." {
		t.Errorf("under target 1's header table: %q", got)
	}
	wantCount(t, s, "fieldset.target:first-of-type .header-row", 100)
	if got := s.Eval(`() => document.querySelector("fieldset.target .headers .more-note").textContent`); got != "…and 900 more headers not shown here (the first 100 are)." {
		t.Errorf("under target 1's header rows: %q", got)
	}
	showCode(s)
	if n := len(s.TextContent("TwiML builder code")); n > 20_000 {
		t.Errorf("the Code panel shows %d characters", n)
	}
	s.Fill("User", "edited")
	s.WaitTextContains("TwiML preview", "sip:edited@pbx.example.com")
	s.NoConsoleErrors()
}
