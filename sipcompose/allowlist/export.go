package allowlist

import (
	"fmt"
	"strings"

	"sipcompose/sipcompose/internal/columns"
	"sipcompose/sipcompose/internal/shell"
)

// rules lists signaling then media, the order every export uses.
func (a List) rules() []Rule {
	return append(append([]Rule{}, a.Signaling...), a.Media...)
}

// provenance is the line every export starts with, so a pasted rule set
// carries the date and source of its data.
func (a List) provenance() string {
	return fmt.Sprintf("Twilio SIP allow-list for edges %s; IP data as of %s from %s",
		strings.Join(a.Edges, ", "), a.AsOf, a.Source)
}

// problems is what every export says instead of rules when the list has
// Problems, each line starting with prefix: a comment in the scripts, so
// running one changes nothing.
func (a List) problems(prefix string) string {
	var b strings.Builder
	b.WriteString(prefix + "No Twilio SIP allow-list yet: a SIP target names an edge or region Twilio does not know, so where its calls come from is unknown.\n")
	for _, p := range a.Problems {
		b.WriteString(prefix + oneLine(p) + "\n")
	}
	return b.String()
}

// Table is a readable aligned table for a person or a ticket.
func (a List) Table() string {
	if len(a.Problems) > 0 {
		return a.problems("")
	}
	var b strings.Builder
	b.WriteString(a.provenance() + "\n\n")
	rows := [][]string{{"SOURCE CIDR", "PROTOCOL", "SOURCE PORTS", "TO YOUR PORTS", "EDGE", "PURPOSE"}}
	for _, r := range a.rules() {
		rows = append(rows, []string{r.CIDR, r.Protocol, orAny(r.SourcePorts), orAny(r.Ports), orAny(r.Edge), r.Purpose})
	}
	b.WriteString(columns.Align(rows, 2))
	return b.String()
}

// CIDRs is the plain list of source blocks, once each, for tools that take
// only addresses.
func (a List) CIDRs() string {
	if len(a.Problems) > 0 {
		return a.problems("# ")
	}
	var b strings.Builder
	seen := map[string]bool{}
	for _, r := range a.rules() {
		if !seen[r.CIDR] {
			seen[r.CIDR] = true
			b.WriteString(r.CIDR + "\n")
		}
	}
	return b.String()
}

// IPTables is a shell script of iptables rules accepting each block.
func (a List) IPTables() string {
	if len(a.Problems) > 0 {
		return a.problems("# ")
	}
	var b strings.Builder
	b.WriteString("# " + a.provenance() + "\n")
	b.WriteString("# -A appends: if your INPUT chain ends in DROP or REJECT, use -I INPUT instead.\n")
	for _, r := range a.rules() {
		fmt.Fprintf(&b, "iptables -A INPUT -s %s -p %s%s -m comment --comment %s -j ACCEPT\n",
			r.CIDR, r.Protocol, portMatch(r, " --sport ", " --dport ", ":"), shell.Quote("sipcompose: "+oneLine(ruleComment(r))))
	}
	return b.String()
}

// NFTables is a complete file for `nft -f`: its own inet table, so loading
// it touches no existing rule set.
func (a List) NFTables() string {
	if len(a.Problems) > 0 {
		return a.problems("# ")
	}
	var b strings.Builder
	b.WriteString("# " + a.provenance() + "\n")
	// An accept ends only its own base chain; nftables still runs every
	// other chain on the input hook, and any drop there is final.
	b.WriteString("# Load with: nft -f FILE; remove with: nft delete table inet sipcompose\n")
	b.WriteString("# An accept here does not override a drop in another table:\n")
	b.WriteString("# if your own input chain drops by default, add these rules to that chain instead.\n")
	b.WriteString("table inet sipcompose {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n")
	for _, r := range a.rules() {
		fmt.Fprintf(&b, "\t\tip saddr %s%s accept comment \"%s\"\n",
			r.CIDR, portMatch(r, " "+r.Protocol+" sport ", " "+r.Protocol+" dport ", "-"), nftString(ruleComment(r)))
	}
	b.WriteString("\t}\n}\n")
	return b.String()
}

// ruleComment labels a firewall rule with its purpose and edge, so a rule
// found in a running firewall explains itself.
func ruleComment(r Rule) string {
	if r.Edge == "" {
		return r.Purpose
	}
	return r.Purpose + ", edge " + r.Edge
}

// nftString makes s safe between double quotes in an nft file: nft's
// strings have no escapes, so a quote would end the rule.
func nftString(s string) string {
	return strings.ReplaceAll(oneLine(s), `"`, "'")
}

// oneLine turns control characters into spaces: a line break inside a
// firewall comment would break the rule line, or iptables-save's output.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

func orAny(s string) string {
	if s == "" {
		return "any"
	}
	return s
}

// portMatch writes the port conditions of r in a firewall's syntax: the
// prefixes for source and destination ports and its range separator.
func portMatch(r Rule, sport, dport, sep string) string {
	var b strings.Builder
	if r.SourcePorts != "" {
		b.WriteString(sport + strings.ReplaceAll(r.SourcePorts, "-", sep))
	}
	if r.Ports != "" {
		b.WriteString(dport + strings.ReplaceAll(r.Ports, "-", sep))
	}
	return b.String()
}
