package audit

import (
	"fmt"
	"slices"
	"strings"
)

// nft -f takes more than `nft list ruleset` prints: commands at the top
// level and whole blocks on one line. The audit's own rules to add are
// both ("insert rule inet filter input …", and "table inet sipcompose {
// chain input { …; }; }" where the paste has no input chain), so it reads
// them back as nft would.

// nftFamilies are the table families nft knows; a command without one
// means ip.
var nftFamilies = []string{"ip", "ip6", "inet", "arp", "bridge", "netdev"}

// ruleCommand reads "add rule [FAMILY] TABLE CHAIN rule" (put last) or
// "insert rule [FAMILY] TABLE CHAIN rule" (put first), line n, into a
// chain the paste declared before it.
func (p *nftParser) ruleCommand(n int, l string) error {
	rs, toks := p.rs, nftTokens(l)
	args := toks[2:]
	family := "ip"
	if len(args) > 0 && slices.Contains(nftFamilies, args[0]) {
		family, args = args[0], args[1:]
	}
	if len(args) < 3 {
		return fmt.Errorf("%s rule needs a table, a chain and a rule", toks[0])
	}
	label := family + " " + args[0]
	tbl, c := p.tables[label], rs.chains[label+"/"+args[1]]
	if tbl == nil || c == nil {
		return fmt.Errorf("chain %s %s is not in the paste before this line", label, args[1])
	}
	if slices.Contains([]string{"position", "index", "handle"}, args[2]) {
		return fmt.Errorf("%s rule … %s is not read by the audit: only first (insert) or last (add)", toks[0], args[2])
	}
	r := &fwRule{line: n, text: l}
	if err := parseNFTRule(args[2:], r, tbl.sets); err != nil {
		return err
	}
	switch {
	case !tbl.checked && strings.HasPrefix(label, "ip6 "):
		rs.ipv6++
	case !tbl.checked:
	case toks[0] == "insert":
		rs.insert(c, r, 0)
	default:
		rs.add(c, r)
	}
	return nil
}

// nftHeaders are the first words of a line that opens a block.
var nftHeaders = []string{"table", "chain", "set", "map", "flowtable", "counter", "quota", "limit", "synproxy", "secmark", "ct"}

// nftStatements splits a line that holds a block and more after its
// opening brace into the lines `nft list ruleset` would print: one for
// the block's header, one per statement ("; " ends one), one per closing
// brace. Any other line (a rule, even with a { set } in it) comes back
// whole.
func nftStatements(l string) []string {
	var out []string
	start, values, quoted, inner := 0, 0, false, false
	emit := func(end int) {
		if s := strings.TrimSpace(l[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '{' && values == 0 && nftHeader(l[start:i]):
			emit(i + 1)
			inner = inner || strings.TrimSpace(l[i+1:]) != ""
		case c == '{':
			values++
		case c == '}' && values > 0:
			values--
		case c == '}':
			emit(i)
			emit(i + 1)
		case c == ';' && values == 0:
			emit(i)
			start = i + 1
		}
	}
	emit(len(l))
	if !inner {
		return []string{l}
	}
	return out
}

// nftHeader says whether a statement opens a block: "table inet t",
// "chain input", "set allowed", "ct helper sip"; not a rule such as
// "ct state { established } accept".
func nftHeader(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || !slices.Contains(nftHeaders, f[0]) {
		return false
	}
	if f[0] == "ct" {
		return len(f) == 3 && slices.Contains([]string{"helper", "timeout", "expectation"}, f[1])
	}
	return len(f) <= 3
}
