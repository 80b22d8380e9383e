// Package diagnosis is what Diagnose says about a failing call: the
// report's types (package diagnose fills them), their JSON, and the report
// as text. It holds no reader and no check, so that the page shows a
// report its Diagnose worker made (docs/diagnose.md, "The Diagnose
// worker") without linking Diagnose's readers and checks.
package diagnosis

import (
	"fmt"
	"slices"
	"strings"

	"sipcompose/sipcompose/document"
)

// Report is what diagnose.Check found.
type Report struct {
	// Read is what was read from each input.
	Read []Item `json:"read"`
	// Against says what the evidence was checked against.
	Against  string    `json:"against"`
	Findings []Finding `json:"findings"`
	// Codes explain each Twilio code pasted, with its causes ranked by
	// the rest of the evidence.
	Codes []CodeReport `json:"codes"`
	// Timelines are the SIP dialogs, one line a message.
	Timelines []Timeline `json:"timelines"`
}

// Finding is one fault (or a fact worth knowing) and the change to make.
type Finding struct {
	// Code is stable: docs/diagnose.md lists them all.
	Code     string            `json:"code"`
	Severity document.Severity `json:"severity"`
	Message  string            `json:"message"`
	Fix      string            `json:"fix"`
	// Field is the document field to change, as Diagnostics name them
	// ("targets[0].username"); empty when the change is on the PBX.
	Field string `json:"field,omitempty"`
	// Evidence are the lines the finding rests on.
	Evidence []Line `json:"evidence"`
	// TwilioErrors are the Twilio error numbers this fault raises.
	TwilioErrors []int `json:"twilioErrors,omitempty"`
	// Uncertain says what Twilio's sources leave open about it.
	Uncertain string `json:"uncertain,omitempty"`
}

// Line is one line of evidence and where it is.
type Line struct {
	At   string `json:"at"`
	Text string `json:"text"`
}

// CodeReport explains one Twilio error or warning number.
type CodeReport struct {
	Number int    `json:"number"`
	At     string `json:"at"`
	Known  bool   `json:"known"`
	Level  string `json:"level,omitempty"`
	Title  string `json:"title,omitempty"`
	// Meaning is Twilio's explanation; Leg says when the code is about
	// another leg of the call than Twilio's INVITE to the PBX.
	Meaning string  `json:"meaning"`
	Leg     string  `json:"leg,omitempty"`
	Fix     string  `json:"fix,omitempty"`
	Source  string  `json:"source"`
	Causes  []Cause `json:"causes,omitempty"`
}

// Cause is one of Twilio's stated causes of a code, ranked.
type Cause struct {
	Text string `json:"text"`
	// Check is the finding code that would confirm it; Status is
	// "confirmed" (that finding is in the report), "ruled out" (the
	// evidence contradicts it) or "possible"; Why says which.
	Check  string `json:"check,omitempty"`
	Status string `json:"status"`
	Why    string `json:"why"`
}

// Timeline is one SIP dialog.
type Timeline struct {
	CallID string   `json:"callId"`
	Lines  []string `json:"lines"`
}

// Faults counts the findings that are errors or warnings, and the Twilio
// codes that are (what `sipcompose diagnose` exits 1 for).
func (r Report) Faults() int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity != document.SeverityInfo {
			n++
		}
	}
	for _, c := range r.Codes {
		if c.Level == "ERROR" || c.Level == "WARNING" {
			n++
		}
	}
	return n
}

// Has reports whether the report has a finding of code.
func (r Report) Has(code string) bool {
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Code == code })
}

// Item is what was read from one input.
type Item struct {
	Source string `json:"source"`
	// Kinds names each kind of evidence found, with counts:
	// "SIP messages: 4 from pjsip logger", "capture: pcapng, 1,234
	// packets, 3 SIP dialogs, 2 RTP flows".
	Kinds []string `json:"kinds"`
	// Problems say what could not be read, and why.
	Problems []string `json:"problems,omitempty"`
}

// Readable reports whether anything at all was read from the input.
func (it Item) Readable() bool { return len(it.Kinds) > 0 }

// Readable reports whether anything at all was read from any input:
// without, "no fault found" says nothing.
func (r Report) Readable() bool { return slices.ContainsFunc(r.Read, Item.Readable) }

// Text is the report for a support engineer on a call: each fault first,
// then its fix, then the evidence; then what Twilio's codes mean; the
// timelines; and a summary line last, where a terminal shows it.
func (r Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Checked against %s.\nRead:\n", r.Against)
	for _, it := range r.Read {
		what := strings.Join(it.Kinds, "; ")
		if what == "" {
			what = "nothing read"
		}
		fmt.Fprintf(&b, "  %s: %s\n", it.Source, what)
		for _, p := range it.Problems {
			fmt.Fprintf(&b, "    (%s)\n", p)
		}
	}
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "\n%s %s", strings.ToUpper(string(f.Severity)), f.Code)
		if f.Field != "" {
			fmt.Fprintf(&b, " (field %s)", f.Field)
		}
		fmt.Fprintf(&b, "\n  %s\n  Fix: %s\n", f.Message, f.Fix)
		if f.Uncertain != "" {
			fmt.Fprintf(&b, "  Uncertain: %s\n", f.Uncertain)
		}
		if len(f.Evidence) > 0 {
			b.WriteString("  Evidence:\n")
			for _, l := range f.Evidence {
				fmt.Fprintf(&b, "    %s: %s\n", l.At, l.Text)
			}
		}
	}
	for _, c := range r.Codes {
		fmt.Fprintf(&b, "\nTwilio %d", c.Number)
		if c.Level != "" {
			fmt.Fprintf(&b, " (%s)", c.Level)
		}
		if c.Title != "" {
			fmt.Fprintf(&b, " %s", c.Title)
		}
		fmt.Fprintf(&b, "  [%s]\n  %s\n", c.At, c.Meaning)
		if c.Leg != "" {
			fmt.Fprintf(&b, "  About %s.\n", c.Leg)
		}
		if c.Fix != "" {
			fmt.Fprintf(&b, "  Fix: %s\n", c.Fix)
		}
		if len(c.Causes) > 0 {
			b.WriteString("  Causes, by what was pasted:\n")
			for _, k := range c.Causes {
				check := ""
				if k.Check != "" {
					check = " [check " + k.Check + "]"
				}
				fmt.Fprintf(&b, "    %-9s %s%s: %s\n", k.Status, k.Text, check, k.Why)
			}
		}
		fmt.Fprintf(&b, "  %s\n", c.Source)
	}
	for i, t := range r.Timelines {
		if i == maxTimelines {
			fmt.Fprintf(&b, "\n%d more SIP dialogs (-format json lists them all).\n", len(r.Timelines)-i)
			break
		}
		fmt.Fprintf(&b, "\nTimeline, Call-ID %s:\n", callID(t.CallID))
		for _, l := range t.Lines {
			fmt.Fprintf(&b, "  %s\n", l)
		}
	}
	b.WriteString("\n" + r.Summary() + "\n")
	return b.String()
}

// maxTimelines is how many dialogs Text shows: a person reads a few.
const maxTimelines = 20

// Summary is the report in one line: how many faults, or none.
func (r Report) Summary() string {
	errs, warns := 0, 0
	for _, f := range r.Findings {
		switch f.Severity {
		case document.SeverityError:
			errs++
		case document.SeverityWarning:
			warns++
		}
	}
	codes := r.Faults() - errs - warns
	if errs+warns+codes == 0 {
		return "No fault found."
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning"))
	}
	if codes > 0 {
		parts = append(parts, plural(codes, "Twilio code"))
	}
	return "Faults found: " + strings.Join(parts, ", ") + "."
}

func plural(n int, noun string) string {
	if n != 1 {
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// callID is a dialog's Call-ID as Text shows it.
func callID(id string) string {
	if id == "" {
		return "(none)"
	}
	return id
}
