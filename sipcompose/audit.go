package sipcompose

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"sipcompose/sipcompose/edge"
)

// AuditReport is what an audit of a customer's existing firewall rules
// found, against the allow-list a Document needs.
type AuditReport struct {
	// Format is the detected format of the paste (FormatIPTablesSave, …).
	Format string `json:"format"`
	// Verdicts has one entry per required rule, signaling then media.
	Verdicts []Verdict `json:"verdicts"`
	// Findings are the rest: lines not read, stale rules, rules that can
	// never match, policies that drop what is needed, parts not checked.
	Findings []AuditFinding `json:"findings"`
	Summary  string         `json:"summary"`
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
	Rule   Rule   `json:"rule"`
	Status string `json:"status"`
	// Reason says in words why, naming the rules and lines involved.
	Reason string `json:"reason"`
	// By are the pasted rules the verdict rests on: the accepting rule(s),
	// or the drop, reject or policy that stops the traffic.
	By []RuleRef `json:"by,omitempty"`
}

// RuleRef names a rule of the paste by its line.
type RuleRef struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}

// Kinds of AuditFinding.
const (
	FindingUnreadable = "unreadable" // a line the audit could not read
	FindingStale      = "stale"      // a rule for Twilio's obsolete media ranges
	FindingShadowed   = "shadowed"   // a rule an earlier drop or reject hides
	FindingDrops      = "drops"      // a policy or rule that drops required traffic
	FindingIgnored    = "ignored"    // part of the paste the audit does not check
)

// AuditFinding is one thing to know about the paste beyond the verdicts.
type AuditFinding struct {
	Kind    string `json:"kind"`
	Line    int    `json:"line,omitempty"`
	Text    string `json:"text,omitempty"`
	Message string `json:"message"`
}

// OK reports whether every required rule is covered.
func (r AuditReport) OK() bool {
	for _, v := range r.Verdicts {
		if v.Status != Covered {
			return false
		}
	}
	return len(r.Verdicts) > 0
}

// Audit checks pasted firewall rules (iptables-save output, iptables
// commands, nft list ruleset output, or a plain list of blocks) against
// the allow-list. The error is a message for the person when the paste
// cannot be audited at all: empty, too large, binary, IPv6 only, or in no
// format the audit reads; or when the allow-list itself has Problems.
func Audit(a AllowList, rules string) (AuditReport, error) {
	if len(a.Problems) > 0 {
		return AuditReport{}, errors.New("the document's allow-list has no addresses to check against: " + strings.Join(a.Problems, "; "))
	}
	rs, err := parseRules(rules)
	if err != nil {
		return AuditReport{}, err
	}
	rep := AuditReport{Format: rs.format, Findings: rs.findings}
	drops := map[dropCause][]string{}
	var dropOrder []dropCause
	for _, req := range slices.Concat(a.Signaling, a.Media) {
		n, err := needFor(req)
		if err != nil {
			return AuditReport{}, fmt.Errorf("the allow-list's rule %s %s cannot be checked: %v", req.CIDR, req.Protocol, err)
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
		rep.Findings = append(rep.Findings, AuditFinding{Kind: FindingDrops, Line: d.ref.Line, Text: d.ref.Text,
			Message: fmt.Sprintf("%s drops what the allow-list needs: %s", d.who, strings.Join(drops[d], "; "))})
	}
	rep.Findings = append(rep.Findings, rs.staleFindings()...)
	rep.Findings = append(rep.Findings, rs.shadowFindings()...)
	slices.SortStableFunc(rep.Findings, func(x, y AuditFinding) int { return x.Line - y.Line })
	rep.Summary = rep.summary()
	return rep, nil
}

func (r AuditReport) summary() string {
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

// dropCause is a rule or policy that drops required traffic, and how a
// message names it.
type dropCause struct {
	ref RuleRef
	who string
}

// outcome is where a need's traffic ends up in one base chain.
type outcome struct {
	decision string  // "accept", "drop", or "" (no rule and no policy decides)
	by       *fwRule // the deciding rule; nil for a policy
	policy   *chain  // the chain whose policy decided
	// Rules that accept or drop only some of the traffic, said as reasons:
	// a partial drop matters even when a later rule accepts the rest, a
	// partial accept only when the rest is dropped.
	someAccepted, someDropped []string
	acceptRefs, dropRefs      []RuleRef
	assumed                   []string
	steps                     int
	tooDeep                   bool
}

const maxSteps = 100_000

// walk follows n's traffic through c from rule start, entering jumps;
// The kernel refuses chain loops, but a paste may hold one, or jumps that
// fan out: a jump to a chain already on the path is skipped, and a walk
// stops after maxSteps rules, said in the verdict.
func (rs *ruleset) walk(c *chain, n need, path []*chain, o *outcome) (returned bool) {
	if slices.Contains(path, c) {
		return true
	}
	path = append(path, c)
	for _, r := range c.rules {
		if o.steps++; o.steps > maxSteps {
			o.tooDeep = true
			return false
		}
		rel, why := relate(r, n)
		if rel == disjoint {
			if why != "" && r.action == "accept" {
				o.someAccepted = append(o.someAccepted, fmt.Sprintf("line %d accepts it with the %s", r.line, why))
				o.acceptRefs = append(o.acceptRefs, r.ref())
			}
			continue
		}
		if rel == partial {
			switch {
			case r.action == "accept":
				o.someAccepted = append(o.someAccepted, fmt.Sprintf("line %d accepts only some of it (%s)", r.line, why))
				o.acceptRefs = append(o.acceptRefs, r.ref())
			case r.terminalDrop():
				o.someDropped = append(o.someDropped, fmt.Sprintf("line %d %ss some of it (%s)", r.line, r.action, why))
				o.dropRefs = append(o.dropRefs, r.ref())
			}
			continue
		}
		switch r.action {
		case "accept", "drop", "reject":
			o.decision, o.by = r.action, r
			if r.action == "reject" {
				o.decision = "drop"
			}
			o.assumed = append(o.assumed, r.assumed...)
			return false
		case "return":
			return true
		case "jump", "goto":
			sub, ok := rs.chains[c.table+"/"+r.target]
			if !ok {
				continue // a target extension such as LOG, or a chain not in the paste
			}
			o.assumed = append(o.assumed, r.assumed...)
			if !rs.walk(sub, n, path, o) {
				return false
			}
			if r.action == "goto" {
				return true
			}
		}
	}
	return true
}

// verdict judges one need against every base chain: a packet gets in only
// if each one accepts it. dropper is the policy or rule that drops it.
func (rs *ruleset) verdict(n need) (Verdict, *dropCause) {
	v := Verdict{Rule: n.rule, Status: Covered}
	var reasons []string
	var dropper *dropCause
	for _, c := range rs.bases {
		var o outcome
		rs.walk(c, n, nil, &o)
		if o.tooDeep {
			v.Status = worse(v.Status, Missing)
			reasons = append(reasons, fmt.Sprintf("chain %s jumps through more than %d rules: the audit cannot follow it", c.label(), maxSteps))
			continue
		}
		if o.decision == "" {
			switch c.policy {
			case "accept", "drop":
				o.decision, o.policy = c.policy, c
			}
		}
		switch o.decision {
		case "accept":
			if o.by != nil {
				v.By = append(v.By, o.by.ref())
				reasons = append(reasons, fmt.Sprintf("line %d accepts it", o.by.line))
			} else {
				v.By = append(v.By, c.policyRef)
				reasons = append(reasons, fmt.Sprintf("chain %s accepts it by its policy", c.label()))
			}
			if len(o.assumed) > 0 {
				reasons = append(reasons, "assuming "+strings.Join(o.assumed, ", ")+" match Twilio's packets")
			}
			if len(o.someDropped) > 0 {
				v.Status = worse(v.Status, Partly)
				reasons = append(reasons, o.someDropped...)
				v.By = append(v.By, o.dropRefs...)
			}
			continue
		}
		// Dropped, or no rule accepts it and the paste has no policy.
		var stop dropCause
		switch {
		case o.by != nil:
			stop = dropCause{o.by.ref(), fmt.Sprintf("line %d", o.by.line)}
			reasons = append(reasons, fmt.Sprintf("line %d %ss it", o.by.line, o.by.action))
			if len(o.assumed) > 0 {
				reasons = append(reasons, "assuming "+strings.Join(o.assumed, ", ")+" match Twilio's packets")
			}
		case o.policy != nil:
			stop = dropCause{c.policyRef, fmt.Sprintf("chain %s's policy (line %d)", c.label(), c.policyRef.Line)}
			if rs.format == FormatList {
				stop = dropCause{}
				reasons = append(reasons, "not in the list")
			} else {
				reasons = append(reasons, fmt.Sprintf("no rule accepts it and chain %s drops it by its policy", c.label()))
			}
		default:
			reasons = append(reasons, fmt.Sprintf("no rule in chain %s accepts it (the paste does not show the chain's policy)", c.label()))
		}
		if later := rs.acceptAfter(c, o.by, n); later != nil {
			v.Status = worse(v.Status, Shadowed)
			reasons = append(reasons, fmt.Sprintf("line %d would accept it but comes after", later.line))
			v.By = append(v.By, later.ref())
		} else if len(o.someAccepted) > 0 {
			v.Status = worse(v.Status, Partly)
			reasons = append(reasons, o.someAccepted...)
			v.By = append(v.By, o.acceptRefs...)
		} else {
			v.Status = worse(v.Status, Missing)
		}
		if stop.who != "" {
			v.By = append(v.By, stop.ref)
			if dropper == nil {
				dropper = &stop
			}
		}
	}
	if len(rs.bases) == 0 {
		v.Status = Missing
		reasons = append(reasons, "the paste has no input chain (an nftables base chain with hook input)")
	}
	v.Reason = strings.Join(reasons, "; ")
	return v, dropper
}

// acceptAfter is a rule after drop in c that would accept some of n: the
// accept the drop hides.
func (rs *ruleset) acceptAfter(c *chain, drop *fwRule, n need) *fwRule {
	if drop == nil {
		return nil
	}
	i := slices.Index(c.rules, drop)
	if i < 0 {
		return nil
	}
	for _, r := range c.rules[i+1:] {
		if rel, _ := relate(r, n); rel != disjoint && r.action == "accept" {
			return r
		}
	}
	return nil
}

var statusOrder = []string{Covered, Partly, Shadowed, Missing}

func worse(a, b string) string {
	if slices.Index(statusOrder, b) > slices.Index(statusOrder, a) {
		return b
	}
	return a
}

// staleFindings names accepting rules for Twilio's obsolete per-region
// media blocks: UDP (or any protocol) on ports that reach into
// 10000-20000, from a block inside or around one of them, unless the rule
// is only for today's signaling blocks, which sit inside those ranges.
func (rs *ruleset) staleFindings() []AuditFinding {
	var current spans
	for _, e := range edge.All() {
		for _, c := range e.Signaling {
			sp, _, _ := prefixSpan(c)
			current = append(current, sp)
		}
	}
	legacyPorts, _ := portSpan(legacyMediaPorts)
	var out []AuditFinding
	for _, c := range rs.order {
		for _, r := range c.rules {
			if r.action != "accept" || r.src == nil {
				continue
			}
			if r.protos != nil && !slices.Contains(r.protos, "udp") {
				continue
			}
			ports := slices.Concat(r.dport, r.sport, r.listed)
			if ports != nil && !ports.overlaps(spans{legacyPorts}) {
				continue
			}
			var hits []string
			for _, l := range legacyMedia {
				sp, _, _ := prefixSpan(l.CIDR)
				for _, s := range r.src {
					// Today's signaling blocks sit inside the old media
					// ranges; a block a /16 or wider is not about Twilio.
					if !current.covers(spans{s}) && s.lo <= sp.hi && sp.lo <= s.hi && s.hi-s.lo <= 0xffff {
						hits = append(hits, l.CIDR+" ("+l.Region+")")
						break
					}
				}
			}
			if hits == nil {
				continue
			}
			out = append(out, AuditFinding{Kind: FindingStale, Line: r.line, Text: r.text, Message: fmt.Sprintf(
				"line %d allows Twilio's obsolete media range %s, UDP %s (from third-party lists; Twilio publishes no copy): media has come from %s, UDP %s, since 2023-2024; remove it, or narrow it to the signaling block it may also serve",
				r.line, strings.Join(hits, ", "), legacyMediaPorts, edge.MediaCIDR, edge.MediaPorts)})
		}
	}
	return out
}

// shadowFindings names accepting rules (and jumps) that can never match
// because an earlier drop or reject in the same chain matches all of
// their traffic. Each accept is compared with each earlier drop; a chain
// where that is more than maxShadowPairs comparisons is said to be
// unchecked rather than slowing the page down.
func (rs *ruleset) shadowFindings() []AuditFinding {
	var out []AuditFinding
	for _, c := range rs.order {
		var drops []*fwRule
		pairs := 0
		for _, r := range c.rules {
			if r.terminalDrop() {
				drops = append(drops, r)
			} else if r.action == "accept" || r.action == "jump" || r.action == "goto" {
				pairs += len(drops)
			}
		}
		if pairs > maxShadowPairs {
			out = append(out, AuditFinding{Kind: FindingIgnored, Message: fmt.Sprintf(
				"chain %s has too many rules (%d) to look for rules an earlier drop hides; the verdicts above still follow every rule", c.label(), len(c.rules))})
			continue
		}
		drops = drops[:0]
		for _, r := range c.rules {
			if r.terminalDrop() {
				drops = append(drops, r)
				continue
			}
			if r.action != "accept" && r.action != "jump" && r.action != "goto" || r.never != "" {
				continue
			}
			for _, d := range drops {
				if d.contains(r) {
					out = append(out, AuditFinding{Kind: FindingShadowed, Line: r.line, Text: r.text, Message: fmt.Sprintf(
						"line %d can never match: line %d %ss the same traffic before it in chain %s", r.line, d.line, d.action, c.label())})
					break
				}
			}
		}
	}
	return out
}

const maxShadowPairs = 4_000_000
