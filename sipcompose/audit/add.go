package audit

import (
	"slices"
	"strings"
)

// rulesToAdd is what makes n covered, in the format of the paste, each line
// ready to append to it: an accept of n's addresses, protocol and port at
// the top of each base chain in chains (those that do not accept all of
// n), so no drop, reject or policy of the paste comes before it.
//
//   - iptables-save: "-I INPUT -s … -j ACCEPT", for the *filter table,
//     before its COMMIT (iptables-restore takes -I there);
//   - iptables commands: "iptables -I INPUT -s … -j ACCEPT";
//   - nft: "insert rule inet filter input ip saddr … accept", one a base
//     chain that does not accept it (an accept in one nftables table does
//     not override a drop in another), or, where the paste has no input
//     chain, a table of its own;
//   - a plain list: the line "CIDR proto port".
//
// WhereToAdd says where the rules to add of a report go, in its paste's
// format, or "" when every row is covered.
func WhereToAdd(rep Report) string {
	if rep.OK() || !slices.ContainsFunc(rep.Verdicts, func(v Verdict) bool { return len(v.Add) > 0 }) {
		return ""
	}
	switch rep.Format {
	case FormatIPTablesSave:
		return "to the *filter table, before its COMMIT (each -I puts its rule first in INPUT), and load it with iptables-restore"
	case FormatIPTablesCmds:
		return "to the script, or run them (each -I puts its rule first in INPUT)"
	case FormatNFT:
		return "to the ruleset you load with nft -f (each insert puts its rule first in its chain), or run each as nft …"
	}
	return "to the list"
}

func (rs *ruleset) rulesToAdd(n need, chains []*chain) []string {
	r := n.rule
	dir, ports := "--dport", r.Ports
	if r.SourcePorts != "" {
		dir, ports = "--sport", r.SourcePorts
	}
	match := "-s " + r.CIDR + " -p " + r.Protocol
	if ports != "" {
		match += " -m " + r.Protocol + " " + dir + " " + strings.ReplaceAll(ports, "-", ":")
	}
	nft := "ip saddr " + r.CIDR + " " + r.Protocol + " " + strings.TrimPrefix(dir, "--") + " " + ports + " accept"
	if ports == "" {
		nft = "ip saddr " + r.CIDR + " meta l4proto " + r.Protocol + " accept"
	}
	var out []string
	switch rs.format {
	case FormatList:
		out = append(out, strings.TrimSpace(r.CIDR+" "+r.Protocol+" "+ports))
	case FormatIPTablesSave:
		out = append(out, "-I INPUT "+match+" -j ACCEPT")
	case FormatIPTablesCmds:
		out = append(out, "iptables -I INPUT "+match+" -j ACCEPT")
	case FormatNFT:
		for _, c := range chains {
			out = append(out, "insert rule "+c.table+" "+c.name+" "+nft)
		}
		if len(chains) == 0 {
			out = append(out, "table inet sipcompose { chain input { type filter hook input priority 0; policy accept; "+nft+"; }; }")
		}
	}
	return out
}
