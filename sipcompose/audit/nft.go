package audit

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
// syntax): tables, chains with their hook and policy, sets and rules; and,
// as nft -f does, add and insert rule commands and blocks on one line.
func parseNFT(rs *ruleset, lines []string) {
	p := &nftParser{rs: rs, tables: map[string]*nftTable{}}
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
		for _, s := range nftStatements(l) {
			p.statement(n, s)
		}
	}
	if len(p.stack) > 0 {
		rs.unreadable(len(lines), "", "the paste ends inside a "+p.stack[len(p.stack)-1]+": a closing brace is missing")
	}
}

// nftParser is where parseNFT is in the paste.
type nftParser struct {
	rs     *ruleset
	tables map[string]*nftTable // by label: nft -f may declare a table again
	tbl    *nftTable
	ch     *chain
	set    string // the named set being read
	stack  []string
}

// statement reads one line as `nft list ruleset` prints it, on line n.
func (p *nftParser) statement(n int, l string) {
	rs := p.rs
	top := ""
	if len(p.stack) > 0 {
		top = p.stack[len(p.stack)-1]
	}
	f := strings.Fields(l)
	switch {
	case l == "}":
		if len(p.stack) == 0 {
			rs.unreadable(n, l, "a closing brace without a table or chain")
			return
		}
		switch top {
		case "table":
			p.tbl = nil
		case "chain":
			p.ch = nil
		case "set":
			p.set = ""
		}
		p.stack = p.stack[:len(p.stack)-1]
	case top == "" && f[0] == "table" && strings.HasSuffix(l, "{") && len(f) >= 3:
		family, name := "ip", f[1]
		if len(f) >= 4 {
			family, name = f[1], f[2]
		}
		p.stack = append(p.stack, "table")
		label := family + " " + name
		if p.tbl = p.tables[label]; p.tbl != nil {
			return
		}
		p.tbl = &nftTable{label: label, sets: map[string][]string{}}
		p.tables[label] = p.tbl
		switch family {
		case "ip", "inet":
			p.tbl.checked = true
		case "ip6":
			rs.note(FindingIgnored, n, l, fmt.Sprintf("line %d: table %s skipped: IPv6 only (Twilio sends SIP and media over IPv4)", n, label))
		case "arp", "bridge", "netdev":
			rs.note(FindingIgnored, n, l, fmt.Sprintf("line %d: table %s not checked: the audit reads the ip and inet families' input hook", n, label))
		default:
			rs.note(FindingIgnored, n, l, fmt.Sprintf("line %d: unknown table family %q: its rules are not checked", n, family))
		}
	case top == "" && (l == "flush ruleset" || strings.HasPrefix(l, "#!")):
	case top == "" && (f[0] == "add" || f[0] == "insert") && len(f) > 1 && f[1] == "rule":
		if err := p.ruleCommand(n, l); err != nil {
			rs.unreadable(n, l, err.Error())
		}
	case top == "table" && f[0] == "chain" && len(f) == 3 && f[2] == "{":
		p.ch = rs.chain(p.tbl.label, f[1])
		p.stack = append(p.stack, "chain")
	case top == "table" && (f[0] == "set" || f[0] == "map") && len(f) == 3 && f[2] == "{":
		p.set = f[1]
		p.stack = append(p.stack, "set")
	case top == "table" && strings.HasSuffix(l, "{"):
		p.stack = append(p.stack, "other") // flowtables, counters, quotas: no verdicts
	case top == "other" && strings.HasSuffix(l, "{"):
		p.stack = append(p.stack, "other")
	case top == "other":
	case top == "set":
		if strings.HasPrefix(l, "elements") {
			_, elems, _ := strings.Cut(l, "=")
			_, vals, _, err := nftValues(nftTokens(elems), 0)
			if err != nil {
				rs.unreadable(n, l, err.Error())
				return
			}
			p.tbl.sets[p.set] = vals
		}
	case top == "chain" && (f[0] == "type" || f[0] == "policy"):
		toks := nftTokens(l)
		if k := slices.Index(toks, "hook"); k >= 0 && k+1 < len(toks) && toks[k+1] == "input" && p.tbl.checked && f[1] == "filter" {
			if p.ch.policy == "" {
				p.ch.policy = "accept"
			}
			if !slices.Contains(rs.bases, p.ch) {
				rs.bases = append(rs.bases, p.ch)
			}
		}
		if k := slices.Index(toks, "policy"); k >= 0 && k+1 < len(toks) {
			switch pol := toks[k+1]; pol {
			case "accept", "drop":
				p.ch.policy, p.ch.policyRef = pol, RuleRef{Line: n, Text: l}
			default:
				rs.unreadable(n, l, fmt.Sprintf("unknown chain policy %q", pol))
			}
		}
	case top == "chain":
		r := &fwRule{line: n, text: l}
		if err := parseNFTRule(nftTokens(l), r, p.tbl.sets); err != nil {
			rs.unreadable(n, l, err.Error())
			return
		}
		if p.tbl.checked {
			rs.add(p.ch, r)
		} else if strings.HasPrefix(p.tbl.label, "ip6 ") {
			rs.ipv6++
		}
	default:
		rs.unreadable(n, l, "not part of nft list ruleset's syntax (table, chain, set, rule) or an add or insert rule command")
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
