package sipcompose

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// nftTable is the table a line of `nft list ruleset` is in; checked says
// whether its family carries IPv4 (ip, inet).
type nftTable struct {
	label   string // "inet filter"
	checked bool
	sets    map[string][]string // named sets' elements, for @name
}

// parseNFT reads `nft list ruleset` output (or an nft -f file in the same
// syntax): tables, chains with their hook and policy, sets and rules.
func parseNFT(rs *ruleset, lines []string) {
	var (
		tbl   *nftTable
		ch    *chain
		set   string // the named set being read
		stack []string
	)
	for i := 0; i < len(lines); i++ {
		n, l := i+1, strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		// A rule or a set's elements may be broken over lines inside braces.
		if open := strings.Count(l, "{") - strings.Count(l, "}"); open > 0 && !strings.HasSuffix(l, "{") {
			parts := []string{l}
			for ; open > 0 && i+1 < len(lines); open += strings.Count(lines[i], "{") - strings.Count(lines[i], "}") {
				i++
				parts = append(parts, strings.TrimSpace(lines[i]))
			}
			l = strings.Join(parts, " ")
		}
		top := ""
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		f := strings.Fields(l)
		switch {
		case l == "}":
			if len(stack) == 0 {
				rs.unreadable(n, l, "a closing brace without a table or chain")
				continue
			}
			switch top {
			case "table":
				tbl = nil
			case "chain":
				ch = nil
			case "set":
				set = ""
			}
			stack = stack[:len(stack)-1]
		case top == "" && f[0] == "table" && strings.HasSuffix(l, "{") && len(f) >= 3:
			family, name := "ip", f[1]
			if len(f) >= 4 {
				family, name = f[1], f[2]
			}
			tbl = &nftTable{label: family + " " + name, sets: map[string][]string{}}
			switch family {
			case "ip", "inet":
				tbl.checked = true
			case "ip6":
				rs.note(FindingIgnored, n, l, fmt.Sprintf("line %d: table %s skipped: IPv6 only (Twilio sends SIP and media over IPv4)", n, tbl.label))
			case "arp", "bridge", "netdev":
				rs.note(FindingIgnored, n, l, fmt.Sprintf("line %d: table %s not checked: the audit reads the ip and inet families' input hook", n, tbl.label))
			default:
				rs.note(FindingIgnored, n, l, fmt.Sprintf("line %d: unknown table family %q: its rules are not checked", n, family))
			}
			stack = append(stack, "table")
		case top == "" && (l == "flush ruleset" || strings.HasPrefix(l, "#!")):
		case top == "table" && f[0] == "chain" && len(f) == 3 && f[2] == "{":
			ch = rs.chain(tbl.label, f[1])
			stack = append(stack, "chain")
		case top == "table" && (f[0] == "set" || f[0] == "map") && len(f) == 3 && f[2] == "{":
			set = f[1]
			stack = append(stack, "set")
		case top == "table" && strings.HasSuffix(l, "{"):
			stack = append(stack, "other") // flowtables, counters, quotas: no verdicts
		case top == "other" && strings.HasSuffix(l, "{"):
			stack = append(stack, "other")
		case top == "other":
		case top == "set":
			if strings.HasPrefix(l, "elements") {
				_, elems, _ := strings.Cut(l, "=")
				_, vals, _, err := nftValues(nftTokens(elems), 0)
				if err != nil {
					rs.unreadable(n, l, err.Error())
					continue
				}
				tbl.sets[set] = vals
			}
		case top == "chain" && (f[0] == "type" || f[0] == "policy"):
			toks := nftTokens(l)
			if k := slices.Index(toks, "hook"); k >= 0 && k+1 < len(toks) && toks[k+1] == "input" && tbl.checked && f[1] == "filter" {
				if ch.policy == "" {
					ch.policy = "accept"
				}
				rs.bases = append(rs.bases, ch)
			}
			if k := slices.Index(toks, "policy"); k >= 0 && k+1 < len(toks) {
				switch p := toks[k+1]; p {
				case "accept", "drop":
					ch.policy, ch.policyRef = p, RuleRef{Line: n, Text: l}
				default:
					rs.unreadable(n, l, fmt.Sprintf("unknown chain policy %q", p))
				}
			}
		case top == "chain":
			r := &fwRule{line: n, text: l}
			if err := parseNFTRule(nftTokens(l), r, tbl.sets); err != nil {
				rs.unreadable(n, l, err.Error())
				continue
			}
			if tbl.checked {
				rs.add(ch, r)
			} else if strings.HasPrefix(tbl.label, "ip6 ") {
				rs.ipv6++
			}
		default:
			rs.unreadable(n, l, "not part of nft list ruleset's syntax (table, chain, set, rule)")
		}
	}
	if len(stack) > 0 {
		rs.unreadable(len(lines), "", "the paste ends inside a "+stack[len(stack)-1]+": a closing brace is missing")
	}
}

// nftTokens splits a line into words, braces, commas and semicolons, with
// a quoted string as one word.
func nftTokens(l string) []string {
	var toks []string
	for i := 0; i < len(l); {
		c := l[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case strings.IndexByte("{},;", c) >= 0:
			toks = append(toks, string(c))
			i++
		case c == '"':
			end := strings.IndexByte(l[i+1:], '"')
			if end < 0 {
				end = len(l) - i - 1
			}
			toks = append(toks, l[i:min(i+end+2, len(l))])
			i += end + 2
		default:
			j := i
			for j < len(l) && strings.IndexByte(" \t{},;\"", l[j]) < 0 {
				j++
			}
			toks = append(toks, l[i:j])
			i = j
		}
	}
	return toks
}

// nftValues reads one value, a comma list or a { set } at toks[i], with an
// optional != before it.
func nftValues(toks []string, i int) (neg bool, vals []string, next int, err error) {
	if i < len(toks) && (toks[i] == "!=" || toks[i] == "==") {
		neg = toks[i] == "!="
		i++
	}
	if i >= len(toks) {
		return false, nil, i, errors.New("a match is missing its value")
	}
	if toks[i] == "{" {
		for i++; i < len(toks) && toks[i] != "}"; i++ {
			if toks[i] != "," {
				vals = append(vals, toks[i])
			}
		}
		if i == len(toks) {
			return false, nil, i, errors.New("a { set } is not closed")
		}
		return neg, vals, i + 1, nil
	}
	vals = append(vals, toks[i])
	for i += 1; i+1 < len(toks) && toks[i] == ","; i += 2 {
		vals = append(vals, toks[i+1])
	}
	return neg, vals, i, nil
}

// parseNFTRule reads a rule's matches and verdict.
func parseNFTRule(toks []string, r *fwRule, sets map[string][]string) error {
	var unknown []string
	flush := func() {
		if len(unknown) > 0 {
			r.assumed = append(r.assumed, strings.Join(unknown, " "))
			unknown = nil
		}
	}
	values := func(i int) (bool, []string, int, error) {
		neg, vals, next, err := nftValues(toks, i)
		if err != nil {
			return false, nil, next, err
		}
		var out []string
		for _, v := range vals {
			if name, ok := strings.CutPrefix(v, "@"); ok {
				elems, ok := sets[name]
				if !ok {
					return false, nil, next, fmt.Errorf("set @%s is not defined in the paste", name)
				}
				out = append(out, elems...)
				continue
			}
			out = append(out, v)
		}
		return neg, out, next, nil
	}
	// match reads the values of the match whose words are toks[i:at] and
	// moves past them; neg says it was "!=". assumeNeg takes a negated
	// match the audit cannot turn around as assumed.
	i := 0
	var words string
	match := func(at int) ([]string, bool, error) {
		flush()
		neg, vals, next, err := values(at)
		if err != nil {
			return nil, false, err
		}
		words = strings.Join(toks[i:at], " ") + " "
		if neg {
			words += "!= "
		}
		words += strings.Join(vals, ", ")
		i = next
		return vals, neg, nil
	}
	assumeNeg := func(neg bool) bool {
		if neg {
			r.assumed = append(r.assumed, words)
		}
		return neg
	}
	for i < len(toks) {
		t := toks[i]
		key := ""
		if i+1 < len(toks) {
			key = toks[i+1]
		}
		switch {
		case t == "ip6" || (t == "meta" && key == "nfproto" && i+2 < len(toks) && toks[i+2] == "ipv6"):
			r.ipv6 = true
			return nil
		case t == "meta" && key == "nfproto":
			i += 3
		case t == "ip" && key == "saddr":
			vals, neg, err := match(i + 2)
			if err != nil {
				return err
			}
			for _, v := range vals {
				sp, v6, err := addrRange(v)
				if err != nil {
					return err
				}
				r.ipv6 = r.ipv6 || v6
				r.src = append(r.src, sp)
			}
			if neg {
				r.src = r.src.not(anyAddress)
			}
		case (t == "ip" && key == "protocol") || (t == "meta" && key == "l4proto"):
			vals, neg, err := match(i + 2)
			if err != nil {
				return err
			}
			if !assumeNeg(neg) {
				r.protos = nil
				for _, v := range vals {
					r.protos = append(r.protos, protoName(v))
				}
			}
		case t == "iif" || t == "iifname" || (t == "meta" && (key == "iif" || key == "iifname")):
			at := i + 1
			if t == "meta" {
				at++
			}
			vals, neg, err := match(at)
			if err != nil {
				return err
			}
			if !neg && len(vals) == 1 && strings.Trim(vals[0], `"`) == "lo" {
				r.never = "it matches only the loopback interface"
			} else {
				r.assumed = append(r.assumed, words)
			}
		case (t == "udp" || t == "tcp" || t == "th" || t == "sctp") && (key == "dport" || key == "sport"):
			if t != "th" {
				r.protos = []string{t}
			}
			vals, neg, err := match(i + 2)
			if err != nil {
				return err
			}
			var ports spans
			for _, v := range vals {
				sp, err := portSpan(v)
				if err != nil {
					return err
				}
				ports = append(ports, sp)
			}
			if neg {
				ports = ports.not(anyPort)
			}
			if key == "sport" {
				r.sport = ports
			} else {
				r.dport = ports
			}
		case t == "pkttype" || (t == "meta" && key == "pkttype") || (t == "fib" && key == "daddr" && i+2 < len(toks) && toks[i+2] == "type"):
			at := i + 1
			switch t {
			case "meta":
				at = i + 2
			case "fib":
				at = i + 3
			}
			vals, neg, err := match(at)
			if err != nil {
				return err
			}
			never, known := true, true
			for _, v := range vals {
				n, k := addressType(v)
				never, known = never && n, known && k
			}
			switch {
			case !known:
				r.assumed = append(r.assumed, words)
			case never != neg:
				r.never = "it matches only " + negWord(neg) + strings.Join(vals, ", ") + " packets, not Twilio's unicast"
			}
		case t == "ct" && key == "state":
			flush()
			neg, vals, next, err := values(i + 2)
			if err != nil {
				return err
			}
			i = next
			if neg == slices.Contains(vals, "new") {
				r.never = "it matches only " + negWord(neg) + strings.Join(vals, ",") + " connections, not a new one from Twilio"
			}
		case t == "counter":
			flush()
			i++
			for i+1 < len(toks) && (toks[i] == "packets" || toks[i] == "bytes") {
				i += 2
			}
		case t == "comment":
			i += 2
		case t == "log":
			flush()
			for i++; i+1 < len(toks) && slices.Contains([]string{"prefix", "level", "group", "flags", "snaplen", "queue-threshold"}, toks[i]); i += 2 {
			}
		case slices.Contains([]string{"accept", "drop", "reject", "return"}, t):
			flush()
			r.action = t
			return nil // what follows (reject's "with ...") is the verdict's own
		case t == "continue" || t == "queue":
			flush()
			return nil
		case (t == "jump" || t == "goto") && key != "":
			flush()
			r.action, r.target = t, key
			return nil
		case slices.Contains([]string{"icmp", "icmpv6", "igmp", "esp", "ah", "tcp", "udp", "sctp"}, t):
			r.protos = []string{t}
			unknown = append(unknown, t)
			i++
		default:
			unknown = append(unknown, t)
			i++
		}
	}
	flush()
	return nil
}

// addrRange reads an nft address value: an address, a CIDR, or a range
// "192.0.2.1-192.0.2.9".
func addrRange(v string) (span, bool, error) {
	lo, hi, isRange := strings.Cut(v, "-")
	if !isRange || strings.Contains(v, ":") {
		return prefixSpan(v)
	}
	a, v6, err := prefixSpan(lo)
	if err != nil || v6 {
		return a, v6, err
	}
	b, v6, err := prefixSpan(hi)
	if err != nil || v6 || b.hi < a.lo {
		return span{}, v6, fmt.Errorf("%q is not an address range", v)
	}
	return span{a.lo, b.hi}, false, nil
}
