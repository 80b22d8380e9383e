package audit

import (
	"fmt"
	"slices"
	"strings"

	"sipcompose/sipcompose/edge"
)

// staleFindings names accepting rules for Twilio's obsolete per-region
// media blocks: UDP (or any protocol) on ports that reach into
// 10000-20000, from a block inside or around one of them, unless the rule
// is only for today's signaling blocks, which sit inside those ranges.
func (rs *ruleset) staleFindings() []Finding {
	var current spans
	for _, e := range edge.All() {
		for _, c := range e.Signaling {
			sp, _, _ := prefixSpan(c)
			current = append(current, sp)
		}
	}
	legacyPorts, _ := portSpan(legacyMediaPorts)
	var out []Finding
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
			out = append(out, Finding{Kind: FindingStale, Line: r.line, Text: r.text, Message: fmt.Sprintf(
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
func (rs *ruleset) shadowFindings() []Finding {
	var out []Finding
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
			out = append(out, Finding{Kind: FindingIgnored, Message: fmt.Sprintf(
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
					out = append(out, Finding{Kind: FindingShadowed, Line: r.line, Text: r.text, Message: fmt.Sprintf(
						"line %d can never match: line %d %ss the same traffic before it in chain %s", r.line, d.line, d.action, c.label())})
					break
				}
			}
		}
	}
	return out
}

const maxShadowPairs = 4_000_000
