package diagnose

import (
	"fmt"
	"strings"

	"sipcompose/sipcompose"
)

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
		fmt.Fprintf(&b, "\nTimeline, Call-ID %s:\n", or(t.CallID, "(none)"))
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
		case sipcompose.SeverityError:
			errs++
		case sipcompose.SeverityWarning:
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
