package audit

import (
	"fmt"
	"slices"
	"strings"
)

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
			case r.action == "jump" || r.action == "goto":
				if !rs.partialJump(c, r, n, why, path, o) {
					return false
				}
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

// partialJump follows a jump (or goto) that takes only some of n's
// traffic, so what the chain it enters does with it is said: the part it
// accepts or drops, with the rules involved. It reports false when the
// walk must stop (too many rules).
func (rs *ruleset) partialJump(c *chain, r *fwRule, n need, why string, path []*chain, o *outcome) bool {
	sub, ok := rs.chains[c.table+"/"+r.target]
	if !ok {
		return true
	}
	in := outcome{steps: o.steps}
	rs.walk(sub, n, path, &in)
	o.steps = in.steps
	if in.tooDeep {
		o.tooDeep = true
		return false
	}
	if in.by == nil {
		return true // the part returns, and goes on here
	}
	switch in.decision {
	case "accept":
		o.someAccepted = append(o.someAccepted, fmt.Sprintf("line %d sends some of it (%s) to chain %s, where line %d accepts it", r.line, why, r.target, in.by.line))
		o.acceptRefs = append(o.acceptRefs, r.ref(), in.by.ref())
	case "drop":
		o.someDropped = append(o.someDropped, fmt.Sprintf("line %d sends some of it (%s) to chain %s, where line %d %ss it", r.line, why, r.target, in.by.line, in.by.action))
		o.dropRefs = append(o.dropRefs, r.ref(), in.by.ref())
	}
	return true
}

// verdict judges one need against every base chain: a packet gets in only
// if each one accepts it. dropper is the policy or rule that drops it.
// Each chain that does not accept all of it gets the rule to add
// (Verdict.Add).
func (rs *ruleset) verdict(n need) (Verdict, *dropCause) {
	v := Verdict{Rule: n.rule, Status: Covered}
	var reasons []string
	var dropper *dropCause
	var fixIn []*chain
	for _, c := range rs.bases {
		var o outcome
		rs.walk(c, n, nil, &o)
		if o.tooDeep {
			v.Status = worse(v.Status, Missing)
			reasons = append(reasons, fmt.Sprintf("chain %s jumps through more than %d rules: the audit cannot follow it", c.label(), maxSteps))
			fixIn = append(fixIn, c)
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
				fixIn = append(fixIn, c)
			}
			continue
		}
		fixIn = append(fixIn, c)
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
		if later, all := rs.acceptAfter(c, o.by, n); later != nil {
			v.Status = worse(v.Status, Shadowed)
			if all {
				reasons = append(reasons, fmt.Sprintf("line %d would accept it but comes after", later.line))
			} else {
				reasons = append(reasons, fmt.Sprintf("line %d would accept some of it but comes after", later.line))
			}
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
	if v.Status != Covered {
		v.Add = rs.rulesToAdd(n, fixIn)
	}
	return v, dropper
}

// acceptAfter is a rule after drop in c that would accept some of n (all
// of it, says all): the accept the drop hides.
func (rs *ruleset) acceptAfter(c *chain, drop *fwRule, n need) (r *fwRule, all bool) {
	if drop == nil {
		return nil, false
	}
	i := slices.Index(c.rules, drop)
	if i < 0 {
		return nil, false
	}
	for _, r := range c.rules[i+1:] {
		if rel, _ := relate(r, n); rel != disjoint && r.action == "accept" {
			return r, rel == full
		}
	}
	return nil, false
}

var statusOrder = []string{Covered, Partly, Shadowed, Missing}

func worse(a, b string) string {
	if slices.Index(statusOrder, b) > slices.Index(statusOrder, a) {
		return b
	}
	return a
}
