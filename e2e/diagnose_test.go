//go:build !wasm

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-rod/rod/lib/input"

	"sipcompose/browsertest"
	"sipcompose/internal/evidencegen"
)

// live is the real-traffic recordings Diagnose's own tests read.
var live = filepath.Join("..", "sipcompose", "diagnose", "testdata", "live")

// pasteEvidence clears the Diagnose panel's evidence box and pastes text
// into it with Ctrl+V.
func pasteEvidence(s *browsertest.Session, text string) {
	s.T.Helper()
	s.ClickOn("#diagnose-text")
	s.Chord(ctrlA()...)
	s.PasteText(text)
}

// reportHas fails the test for each of wants the report (got) lacks.
func reportHas(t *testing.T, state, got string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("%s: the report lacks %q:\n%s", state, want, got)
		}
	}
}

// TestDiagnosePanel is Diagnose on the page as a support engineer uses it:
// a pasted Twilio code is explained; a pasted 407 exchange against the
// example (no credentials on its <Sip>) is auth-challenge-no-credentials,
// whose link focuses Username; a recorded capture picked from disk is
// read and named; junk picked is said to be junk; and the report follows
// the document. axe finds nothing in any of these states.
func TestDiagnosePanel(t *testing.T) {
	exchange, err := os.ReadFile(filepath.Join(live, "challenge-407.txt"))
	if err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(t.TempDir(), "junk.bin")
	if err := os.WriteFile(junk, []byte("\x00\x01\x02garbage\xff\xfe"+strings.Repeat("\x00\x07", 500)), 0o644); err != nil {
		t.Fatal(err)
	}
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		s.Open("/")
		s.GrantClipboard()
		showPanel(s, "Diagnose")
		s.WaitTextContains("Diagnose report", "Nothing to diagnose yet")
		noAxe(t, s, "empty")

		pasteEvidence(s, "Error 32011")
		got := s.WaitTextContains("Diagnose report", "Error communicating with your SIP communications infrastructure")
		reportHas(t, "32011", got, "pasted text: Twilio codes: 32011", "32011 (WARNING)", "possible: a firewall drops SIP", "Faults found: 1 Twilio code.")
		noAxe(t, s, "32011 explained")
		s.ClickText("Copy report")
		if got := s.Clipboard(); !strings.HasPrefix(got, "Checked against the document") || !strings.Contains(got, "Twilio 32011 (WARNING)") || !strings.HasSuffix(got, "Faults found: 1 Twilio code.\n") {
			t.Errorf("Copy report copied:\n%s", got)
		}

		pasteEvidence(s, string(exchange))
		finding := `#diagnose-report [data-code="auth-challenge-no-credentials"]`
		s.WaitEval(`(sel) => String(!!document.querySelector(sel))`, "true", finding)
		if got := s.Eval(`(sel) => document.querySelector(sel + " .field-link").textContent`, finding); got != "SIP target 1 › Username" {
			t.Errorf("auth-challenge-no-credentials links to %q", got)
		}
		if got := s.Eval(`() => document.querySelector("#diagnose-report .finding").dataset.code`); got != "auth-challenge-no-credentials" {
			t.Errorf("the first finding is %s, not the error", got)
		}
		noAxe(t, s, "a 407 exchange")
		s.ClickOn(finding + " .field-link")
		s.WaitEval(`() => document.activeElement.id`, "t0-username")
		if !s.InView("#t0-username") {
			t.Error("Username is focused but out of view")
		}

		// The report follows the document: with a username on the
		// target, the challenge says the TwiML Twilio ran was not this.
		s.Keys("trunk")
		s.WaitEval(`(sel) => String(document.querySelector(sel).classList.contains("warning"))`, "true", finding)
		s.WaitTextContains("Diagnose report", "The document's target has a username")

		// A capture picked from disk, read beside the paste.
		s.PickFiles("#diagnose-files", filepath.Join(live, "forbidden-403.pcap"))
		got = s.WaitTextContains("Diagnose report", "forbidden-403.pcap: capture: pcap")
		reportHas(t, "forbidden-403.pcap", got, "auth-rejected")
		noAxe(t, s, "a capture picked")

		// Junk alone: nothing read, and said why.
		s.ClickText("Clear")
		s.WaitTextContains("Diagnose report", "Nothing to diagnose yet")
		s.PickFiles("#diagnose-files", junk)
		got = s.WaitTextContains("Diagnose report", "junk.bin: nothing read")
		reportHas(t, "junk", got, "Nothing could be read from this evidence", "binary data that is no pcap or pcapng capture")
		noAxe(t, s, "junk picked")
	})
}

// TestDiagnoseLargeCapture picks a 10 MB capture: the panel shows its
// progress, Cancel stops it, the form takes typing while it reads (the
// preview shows each key before the last chunk is read), and read whole
// it is in the report. Diagnose's worker reads a 10 MB capture in about a
// second, so Cancel is clicked as soon as the bar shows, and the typing
// is done while three copies of it read.
func TestDiagnoseLargeCapture(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.pcap")
	evidencegen.BigCapture(t, big, 10<<20)
	copies := []string{big}
	for _, name := range []string{"big2.pcap", "big3.pcap"} {
		if err := os.Link(big, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		copies = append(copies, filepath.Join(dir, name))
	}
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		s.Open("/")
		showPanel(s, "Diagnose")
		s.PickFiles("#diagnose-files", big)
		s.WaitEval(`() => String(!!document.getElementById("diagnose-bar"))`, "true")
		if got := s.Text("Diagnose status"); !strings.Contains(got, "Reading big.pcap") {
			t.Errorf("while reading, the status says %q", got)
		}
		s.ClickText("Cancel")
		s.WaitTextContains("Diagnose status", "Stopped reading big.pcap: nothing from it is used.")
		s.WaitTextContains("Diagnose report", "Nothing to diagnose yet")

		// Typing while it reads: an observer in the page notes whether
		// the preview showed each key while the progress bar was there.
		s.PickFiles("#diagnose-files", copies...)
		s.WaitEval(`() => String(!!document.getElementById("diagnose-bar"))`, "true")
		s.Eval(`() => {
			window.typedWhileReading = 0;
			const preview = document.querySelector('[aria-label="TwiML preview"]');
			new MutationObserver(() => {
				const m = preview.textContent.match(/\+14158675309(z+)@/);
				if (m && document.getElementById("diagnose-bar")) window.typedWhileReading = m[1].length;
			}).observe(preview, {subtree: true, childList: true, characterData: true});
			return "";
		}`)
		s.ClickOn("#t0-user")
		s.Chord(input.End)
		s.Keys("zzz")
		noAxe(t, s, "reading")
		s.WaitTextContains("Diagnose report", "big3.pcap: capture: pcap")
		if got := s.Eval(`() => String(window.typedWhileReading)`); got != "3" {
			t.Errorf("keys the preview showed while the captures were read: %s of 3", got)
		}
		noAxe(t, s, "a 10 MB capture read")
	})
}

// TestDiagnoseReadsAgainAfterCancel: Cancel stops Diagnose's worker, so
// the fresh one reads the files already in the evidence again at the next
// check. The panel shows that reading's progress, and a file the browser
// can no longer read (deleted since it was picked) leaves the evidence,
// said where the eye is, instead of being missing from the report
// silently.
func TestDiagnoseReadsAgainAfterCancel(t *testing.T) {
	dir := t.TempDir()
	big, big2 := filepath.Join(dir, "big.pcap"), filepath.Join(dir, "big2.pcap")
	evidencegen.BigCapture(t, big, 10<<20)
	if err := os.Link(big, big2); err != nil {
		t.Fatal(err)
	}
	call, err := os.ReadFile(filepath.Join(live, "healthy.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		gone := filepath.Join(t.TempDir(), "gone.pcap")
		if err := os.WriteFile(gone, call, 0o644); err != nil {
			t.Fatal(err)
		}
		s.Open("/")
		showPanel(s, "Diagnose")
		s.PickFiles("#diagnose-files", big, gone)
		s.WaitTextContains("Diagnose report", "gone.pcap: capture: pcap")
		if err := os.Remove(gone); err != nil {
			t.Fatal(err)
		}
		s.PickFiles("#diagnose-files", big2)
		s.WaitEval(`() => String(!!document.getElementById("diagnose-bar"))`, "true")
		s.ClickText("Cancel")
		s.WaitTextContains("Diagnose status", "Stopped reading big2.pcap: nothing from it is used.")

		// An edit to the document is the next check.
		s.ClickOn("#t0-user")
		s.Chord(input.End)
		s.Keys("z")
		got := s.WaitTextContains("Diagnose status", "Reading big.pcap again (Diagnose's worker restarted): ")
		if !strings.Contains(got, ", then 1 more file") || strings.Contains(got, "Cancel") {
			t.Errorf("while reading again, the status says %q", got)
		}
		s.WaitTextContains("Diagnose status", "Could not read gone.pcap again: the browser says ")
		if got := s.Text("Diagnose status"); !strings.HasSuffix(got, ". It is no longer in the evidence; pick it again to use it.") || strings.Contains(got, "..") {
			t.Errorf("the status says %q", got)
		}
		got = s.WaitText("Diagnose report", func(got string) bool { return !strings.Contains(got, "gone.pcap") })
		reportHas(t, "read again", got, "big.pcap: capture: pcap")
		noAxe(t, s, "read again")
	})
}

// TestDiagnoseBadFiles picks what is no evidence: an empty file, a
// capture cut short, text past what is read. Each is said in the report,
// and the page goes on.
func TestDiagnoseBadFiles(t *testing.T) {
	dir := t.TempDir()
	call, err := os.ReadFile(filepath.Join(live, "healthy.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"empty.txt":  nil,
		"cut.pcap":   call[:len(call)/2],
		"huge.log":   []byte(strings.Repeat("Error 32011 and nothing else of use\n", (16<<20)/36+1)),
		"notsip.txt": []byte("SIP/2.0 is what this text talks about\nINVITE sip:a@b SIP/2.0\nthis is not a header\n"),
	}
	var paths []string
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	s := browsertest.New(t)
	s.SetViewport(375, 900)
	s.Open("/")
	showPanel(s, "Diagnose")
	s.PickFiles("#diagnose-files", paths...)
	// The report follows each file as it is read: wait for the one on all
	// four, in whatever order the chooser gives them.
	got := s.WaitText("Diagnose report", func(got string) bool {
		for name := range files {
			if !strings.Contains(got, name+":") {
				return false
			}
		}
		return true
	})
	reportHas(t, "bad files", got,
		"empty.txt: nothing read empty: nothing to read",
		"cut.pcap: capture: pcap",
		"the file ends inside a packet record (truncated at byte",
		"text larger than the 16 MB read from a paste or log",
		"notsip.txt: nothing read line 2: a header line without a name and colon")
	noAxe(t, s, "bad files")
	s.NoConsoleErrors()
}
