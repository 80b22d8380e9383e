// Package audit checks a customer's existing firewall rules against the
// allow-list a Document needs: it reads iptables-save output, iptables
// commands, nft list ruleset output or a plain list of blocks, follows
// every chain a packet from Twilio would take, and says for each required
// rule whether it is covered, partly, shadowed or missing, naming the
// lines involved, with the stale and never-matching rules besides.
package audit

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"sipcompose/sipcompose/allowlist"
)

// Report is what an audit of a customer's existing firewall rules
// found, against the allow-list a Document needs.
type Report struct {
	// Format is the detected format of the paste (FormatIPTablesSave, …).
	Format string `json:"format"`
	// Verdicts has one entry per required rule, signaling then media.
	Verdicts []Verdict `json:"verdicts"`
	// Findings are the rest: lines not read, stale rules, rules that can
	// never match, policies that drop what is needed, parts not checked.
	Findings []Finding `json:"findings"`
	Summary  string    `json:"summary"`
}

// Statuses of a Verdict.
const (
	Covered  = "covered"
	Partly   = "partly"
	Missing  = "missing"
	Shadowed = "shadowed" // accepted by a rule that an earlier drop hides
)

// Verdict is how the pasted rules treat one required rule.
type Verdict struct {
	Rule   allowlist.Rule `json:"rule"`
	Status string         `json:"status"`
	// Reason says in words why, naming the rules and lines involved.
	Reason string `json:"reason"`
	// By are the pasted rules the verdict rests on: the accepting rule(s),
	// or the drop, reject or policy that stops the traffic.
	By []RuleRef `json:"by,omitempty"`
	// Add is, for a rule not covered, what to add to the paste so it is:
	// lines in the paste's format, to append (see rulesToAdd).
	Add []string `json:"add,omitempty"`
}

// RuleRef names a rule of the paste by its line.
type RuleRef struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}

// Kinds of Finding.
const (
	FindingUnreadable = "unreadable" // a line the audit could not read
	FindingStale      = "stale"      // a rule for Twilio's obsolete media ranges
	FindingShadowed   = "shadowed"   // a rule an earlier drop or reject hides
	FindingDrops      = "drops"      // a policy or rule that drops required traffic
	FindingIgnored    = "ignored"    // part of the paste the audit does not check
)

// Finding is one thing to know about the paste beyond the verdicts.
type Finding struct {
	Kind    string `json:"kind"`
	Line    int    `json:"line,omitempty"`
	Text    string `json:"text,omitempty"`
	Message string `json:"message"`
}

// OK reports whether every required rule is covered.
func (r Report) OK() bool {
	for _, v := range r.Verdicts {
		if v.Status != Covered {
			return false
		}
	}
	return len(r.Verdicts) > 0
}

// Check checks pasted firewall rules (iptables-save output, iptables
// commands, nft list ruleset output, or a plain list of blocks) against
// the allow-list. The error is a message for the person when the paste
// cannot be audited at all: empty, too large, binary, IPv6 only, or in no
// format the audit reads; or when the allow-list itself has Problems.
func Check(a allowlist.List, rules string) (Report, error) {
	if len(a.Problems) > 0 {
		return Report{}, errors.New("the document's allow-list has no addresses to check against: " + strings.Join(a.Problems, "; "))
	}
	rs, err := parseRules(rules)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Format: rs.format, Findings: rs.findings}
	drops := map[dropCause][]string{}
	var dropOrder []dropCause
	for _, req := range slices.Concat(a.Signaling, a.Media) {
		n, err := needFor(req)
		if err != nil {
			return Report{}, fmt.Errorf("the allow-list's rule %s %s cannot be checked: %v", req.CIDR, req.Protocol, err)
		}
		v, dropper := rs.verdict(n)
		rep.Verdicts = append(rep.Verdicts, v)
		if dropper != nil {
			if _, seen := drops[*dropper]; !seen {
				dropOrder = append(dropOrder, *dropper)
			}
			drops[*dropper] = append(drops[*dropper], req.Describe())
		}
	}
	for _, d := range dropOrder {
		rep.Findings = append(rep.Findings, Finding{Kind: FindingDrops, Line: d.ref.Line, Text: d.ref.Text,
			Message: fmt.Sprintf("%s drops what the allow-list needs: %s", d.who, strings.Join(drops[d], "; "))})
	}
	rep.Findings = append(rep.Findings, rs.staleFindings()...)
	rep.Findings = append(rep.Findings, rs.shadowFindings()...)
	slices.SortStableFunc(rep.Findings, func(x, y Finding) int { return x.Line - y.Line })
	rep.Summary = rep.summary()
	return rep, nil
}

func (r Report) summary() string {
	count := map[string]int{}
	for _, v := range r.Verdicts {
		count[v.Status]++
	}
	parts := []string{fmt.Sprintf("%d of %d required rules covered", count[Covered], len(r.Verdicts))}
	for _, s := range []string{Partly, Missing, Shadowed} {
		if count[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[s], s))
		}
	}
	for _, k := range []struct{ kind, one, many string }{
		{FindingStale, "stale rule", "stale rules"}, {FindingShadowed, "rule that never matches", "rules that never match"},
		{FindingUnreadable, "line not read", "lines not read"},
	} {
		c := 0
		for _, f := range r.Findings {
			if f.Kind == k.kind {
				c++
			}
		}
		switch {
		case c == 1:
			parts = append(parts, "1 "+k.one)
		case c > 1:
			parts = append(parts, fmt.Sprintf("%d %s", c, k.many))
		}
	}
	return strings.Join(parts, ", ")
}
