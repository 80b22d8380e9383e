//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"sipcompose/browsertest"
	"sipcompose/sipcompose"
	"sipcompose/sipcompose/audit"
	"sipcompose/sipcompose/probe"
)

// The page's parts of issue 23 (what customers paste, the audit's rules
// to add) and issue 26 (the probe's command), each tried in every look
// with real clicks, keys and pastes.

// TestProbeCommand: the SIP URI and curl tab shows the command that probes
// the current document's endpoint, beside the URI it probes, saying why
// it is a command (a browser cannot send SIP); Copy gives it byte for
// byte; it follows an edit; a blank form says what to fill in.
func TestProbeCommand(t *testing.T) {
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		s.GrantClipboard()
		s.Open("/")
		want := probe.Command(example, sipcompose.Compose(example))
		if want == "" {
			t.Fatal("probe.Command gives nothing for the example")
		}
		s.WaitEval(`() => document.querySelector("[role=tab][aria-selected=true]").textContent`, "SIP URI and curl")
		if got := s.TextContent("Probe command"); got != want {
			t.Errorf("the probe command reads\n%q\nwant\n%q", got, want)
		}
		if got := s.Eval(`() => document.getElementById("probe-hint").textContent`); !strings.Contains(got, "a browser cannot send SIP") || !strings.Contains(got, "not Twilio's") {
			t.Errorf("the probe's hint: %q", got)
		}
		// Right under the SIP URI it probes, before the curl command.
		if got := s.Eval(`() => { const at = (id) => document.getElementById(id).getBoundingClientRect().top; return String(at("sip-uri") < at("probe") && at("probe") < at("curl")) }`); got != "true" {
			t.Error("the probe command is not between the SIP URI and the curl command")
		}
		s.ClickText("Copy probe command")
		waitFeedback(s, "probe", "Copied the probe command.")
		if got := s.Clipboard(); got != want {
			t.Errorf("Copy probe command gave\n%q\nwant\n%q", got, want)
		}
		noAxe(t, s, "the probe command, copied")

		retype(s, "t0-host", "pbx.acme.example")
		edited := example
		edited.Targets = []sipcompose.Target{example.Targets[0]}
		edited.Targets[0].Host = "pbx.acme.example"
		s.WaitText("Probe command", func(string) bool {
			return s.TextContent("Probe command") == probe.Command(edited, sipcompose.Compose(edited))
		})

		s.ClickText("Blank form")
		s.WaitEval(`() => document.getElementById("probe-hint").textContent`, "Probe the endpoint: fill in Host, and the command to check it from your machine shows here.")
		if n := s.Count("#probe"); n != 0 {
			t.Error("a blank form shows a probe command")
		}
		noAxe(t, s, "no probe command on a blank form")
	})
}

// auditPaste is an iptables-save a customer might send: a DROP policy, SSH
// allowed, and Twilio's media range allowed for TCP, not UDP; no rule for
// the signaling.
const auditPaste = `*filter
:INPUT DROP [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -s 168.86.128.0/18 -p tcp -m tcp --sport 10000:60000 -j ACCEPT
COMMIT
`

// TestAuditRulesToAdd: a pasted iptables-save that misses the signaling
// and allows the media with the wrong protocol gets, in the Rules check,
// each row's verdict with the near match named (and the SSH rule, which
// shares nothing with either, not), the rules to add in iptables-save's
// own form with where they go, copyable byte for byte; the dump with them
// added, pasted back, is covered.
func TestAuditRulesToAdd(t *testing.T) {
	list := sipcompose.Compose(example).AllowList
	rep, err := audit.Check(list, auditPaste)
	if err != nil {
		t.Fatal(err)
	}
	var add []string
	for _, v := range rep.Verdicts {
		add = append(add, v.Add...)
	}
	if len(add) != 2 || audit.WhereToAdd(rep) == "" {
		t.Fatalf("the paste should need two rules, with where: %q, %q", add, audit.WhereToAdd(rep))
	}
	wantAdd := strings.Join(add, "\n") + "\n"
	// Loaded with iptables-restore, each -I comes first in INPUT: that is
	// the dump iptables-save gives then (the audit reads a dump's -A lines;
	// the real tools' test, sipcompose/audit's, loads the -I lines).
	fixed := strings.Replace(auditPaste, ":INPUT DROP [0:0]\n", ":INPUT DROP [0:0]\n"+strings.ReplaceAll(wantAdd, "-I INPUT", "-A INPUT"), 1)
	if after, err := audit.Check(list, fixed); err != nil || !after.OK() {
		t.Fatalf("the dump with the rules added: %v, %s", err, after.Summary)
	}

	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		s.GrantClipboard()
		s.Open("/")
		showPanel(s, "Rules check")
		s.ClickOn("#audit-rules")
		s.PasteText(auditPaste)
		s.ClickText("Check rules")
		got := s.WaitTextContains("Audit result", rep.Summary)
		for _, want := range []string{"missing", "partly", "line 5 accepts it with the wrong protocol: tcp, not udp", "Rules to add", "Add these lines " + audit.WhereToAdd(rep)} {
			if !strings.Contains(got, want) {
				t.Errorf("the audit result lacks %q:\n%s", want, got)
			}
		}
		if strings.Contains(got, "line 4") {
			t.Errorf("the audit cites the SSH rule:\n%s", got)
		}
		if got := s.TextContent("Rules to add"); got != wantAdd {
			t.Errorf("rules to add\n%q\nwant\n%q", got, wantAdd)
		}
		noAxe(t, s, "the rules check with rules to add")
		s.ClickText("Copy rules to add")
		waitFeedback(s, "audit-add", "Copied the rules to add.")
		if got := s.Clipboard(); got != wantAdd {
			t.Errorf("Copy rules to add gave\n%q\nwant\n%q", got, wantAdd)
		}

		// Loaded, the rows are covered and nothing is left to add.
		s.ClickOn("#audit-rules")
		s.Chord(ctrlA()...)
		s.PasteText(fixed)
		s.ClickText("Check rules")
		s.WaitTextContains("Audit result", "2 of 2 required rules covered")
		if n := s.Count("#audit-add"); n != 0 {
			t.Error("rules to add are shown for covered rows")
		}
	})
}

// TestPastedTwiMLDiagnosedBesideFields: TwiML a customer sent with a raw &
// between URI headers is imported (as the &amp; it meant), and the error
// that Twilio rejects it as sent shows beside the headers, as well as in
// Warnings, from the import; a TwiML Bin's {{To}} and {{From}} are kept
// as typed, each field saying what the Bin fills in.
func TestPastedTwiMLDiagnosedBesideFields(t *testing.T) {
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		s.Open("/")
		pasteTwiML(s, `<Response><Dial><Sip>sip:alice@pbx.acme.example?X-Case=42&X-Name=Anna</Sip></Dial></Response>`)
		waitFeedback(s, "paste", "Imported the TwiML into the form.")
		s.WaitTextContains("TwiML preview", "sip:alice@pbx.acme.example?X-Case=42&amp;X-Name=Anna")
		beside := waitTextOf(s, "t0-headers-diags", "a raw & in the text of <Sip>")
		if !strings.Contains(beside, "error 12100") || !strings.Contains(beside, "Error:") {
			t.Errorf("beside the headers: %q", beside)
		}
		if got := importList(s); !strings.Contains(got, "parse-raw-ampersand|") {
			t.Errorf("the import's findings in Warnings:\n%s", got)
		}
		noAxe(t, s, "a raw & beside the headers")
		// Fixing the headers (an edit of a header value) ends it there too.
		retype(s, "t0-h1-value", "Anna B")
		s.WaitEval(`() => String(!!document.getElementById("t0-headers-diags") && document.getElementById("t0-headers-diags").textContent.includes("raw &"))`, "false")

		pasteTwiML(s, `<Response><Dial><Sip>sip:{{To}}@pbx.acme.example?X-From={{From}}</Sip></Dial></Response>`)
		waitFeedback(s, "paste", "Imported the TwiML into the form.")
		s.WaitTextContains("TwiML preview", "<Sip>sip:{{To}}@pbx.acme.example?X-From={{From}}</Sip>")
		if got := s.Value("User", 0); got != "{{To}}" {
			t.Errorf("User holds %q", got)
		}
		user := waitTextOf(s, "t0-user-diags", "A TwiML Bin template")
		if !strings.Contains(user, "{{To}}") || !strings.Contains(user, "{{#e164}}{{To}}{{/e164}}") {
			t.Errorf("beside User: %q", user)
		}
		value := waitTextOf(s, "t0-h0-value-diags", "{{From}}")
		if !strings.Contains(value, "A TwiML Bin template") || !strings.Contains(value, "not percent-encoded") {
			t.Errorf("beside the header value: %q", value)
		}
		noAxe(t, s, "a TwiML Bin template beside its fields")
	})
}

// waitTextOf waits until the element id's text content holds sub, and
// returns that text.
func waitTextOf(s *browsertest.Session, id, sub string) string {
	s.T.Helper()
	s.WaitEval(`(id, sub) => { const el = document.getElementById(id); return el && el.textContent.includes(sub) ? "yes" : (el ? el.textContent : "<no #" + id + ">"); }`, "yes", id, sub)
	return s.Eval(`(id) => document.getElementById(id).textContent`, id)
}
