package audit

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// iptablesTables are the tables iptables-save can print; only filter's
// INPUT chain decides what reaches the host, the rest are named as not
// checked.
var iptablesTables = []string{"filter", "nat", "mangle", "raw", "security"}

// parseIPTablesSave reads iptables-save output: *table, :CHAIN POLICY
// [counters], -A CHAIN rule, COMMIT; and -I CHAIN [N] rule, as
// iptables-restore does.
func parseIPTablesSave(rs *ruleset, lines []string) {
	table, sawFilter := "", false
	for i, raw := range lines {
		n, l := i+1, strings.TrimSpace(raw)
		if strings.HasPrefix(l, "[") { // iptables-save -c puts counters first
			if _, rest, ok := strings.Cut(l, "] "); ok {
				l = strings.TrimSpace(rest)
			}
		}
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "*"):
			table = l[1:]
			switch {
			case table == "filter":
				sawFilter = true
			case slices.Contains(iptablesTables, table):
				rs.note(FindingIgnored, n, l, fmt.Sprintf("line %d: table %s not checked: only the filter table's INPUT chain decides what reaches you", n, table))
			default:
				rs.note(FindingIgnored, n, l, fmt.Sprintf("line %d: unknown table %q: its rules are not checked", n, table))
			}
		case l == "COMMIT":
			table = ""
		case table == "":
			rs.unreadable(n, l, "outside a table: iptables-save starts each table with a *filter line")
		case table != "filter":
		case strings.HasPrefix(l, ":"):
			f := strings.Fields(l[1:])
			if len(f) < 2 {
				rs.unreadable(n, l, "a chain line is :NAME POLICY [packets:bytes]")
				continue
			}
			c := rs.chain(table, f[0])
			switch f[1] {
			case "ACCEPT", "DROP":
				c.policy, c.policyRef = strings.ToLower(f[1]), RuleRef{Line: n, Text: l}
			case "-":
			default:
				rs.unreadable(n, l, fmt.Sprintf("unknown chain policy %q", f[1]))
			}
		case strings.HasPrefix(l, "-A ") || strings.HasPrefix(l, "-I "):
			// iptables-save writes only -A; iptables-restore also takes -I,
			// which is how the audit's own rules to add go into a dump.
			words, err := shellWords(l)
			if err == nil && len(words) < 2 {
				err = errors.New(words[0] + " needs a chain")
			}
			if err == nil {
				err = placeRule(rs, rs.chain(table, words[1]), words[0], words[2:], n, l)
			}
			if err != nil {
				rs.unreadable(n, l, err.Error())
			}
		default:
			rs.unreadable(n, l, "not an iptables-save line (*table, :chain, -A or -I rule, or COMMIT)")
		}
	}
	in := rs.chain("filter", "INPUT")
	if !sawFilter {
		in.policy = "accept"
		rs.note(FindingIgnored, 0, "", "no *filter table in the paste: without one, INPUT accepts everything")
	}
	rs.bases = []*chain{in}
}

// parseIPTablesCommands reads a script of iptables commands (as our own
// export writes): -A, -I, -P, -N and -F in the filter table.
func parseIPTablesCommands(rs *ruleset, lines []string) {
	for i, raw := range lines {
		n, l := i+1, strings.TrimSpace(raw)
		if l == "" || strings.HasPrefix(l, "#") || l == "set -e" || strings.HasPrefix(l, "#!") {
			continue
		}
		words, err := shellWords(l)
		if err != nil {
			rs.unreadable(n, l, err.Error())
			continue
		}
		if words[0] == "sudo" {
			words = words[1:]
		}
		if len(words) > 0 && strings.HasPrefix(words[0], "ip6tables") {
			rs.ipv6++
			rs.note(FindingIgnored, n, l, fmt.Sprintf("line %d skipped: an IPv6 rule (Twilio sends SIP and media over IPv4)", n))
			continue
		}
		if len(words) < 3 || !slices.Contains([]string{"iptables", "iptables-nft", "iptables-legacy", "/usr/sbin/iptables", "/sbin/iptables"}, words[0]) {
			rs.unreadable(n, l, "not an iptables command")
			continue
		}
		if err := iptablesCommand(rs, n, l, words[1:]); err != nil {
			rs.unreadable(n, l, err.Error())
		}
	}
	rs.bases = []*chain{rs.chain("filter", "INPUT")}
}

func iptablesCommand(rs *ruleset, n int, l string, w []string) error {
	table := "filter"
	for len(w) > 0 && (w[0] == "-t" || w[0] == "--table" || w[0] == "-w" || w[0] == "--wait") {
		if w[0] == "-w" || w[0] == "--wait" {
			w = w[1:]
			continue
		}
		if len(w) < 2 {
			return errors.New("-t needs a table")
		}
		table, w = w[1], w[2:]
	}
	if len(w) < 2 {
		return errors.New("a command needs a chain")
	}
	if table != "filter" {
		rs.note(FindingIgnored, n, l, fmt.Sprintf("line %d: table %s not checked: only the filter table's INPUT chain decides what reaches you", n, table))
		return nil
	}
	c := rs.chain(table, w[1])
	switch w[0] {
	case "-A", "--append", "-I", "--insert":
		return placeRule(rs, c, w[0], w[2:], n, l)
	case "-P", "--policy":
		if len(w) < 3 || (w[2] != "ACCEPT" && w[2] != "DROP") {
			return errors.New("-P needs ACCEPT or DROP")
		}
		c.policy, c.policyRef = strings.ToLower(w[2]), RuleRef{Line: n, Text: l}
	case "-F", "--flush":
		c.rules = nil
	case "-N", "--new-chain", "-X", "--delete-chain", "-Z", "--zero":
	default:
		return fmt.Errorf("command %s is not read by the audit (only -A, -I, -P, -N, -F)", w[0])
	}
	return nil
}

// placeRule reads the rule of "-A CHAIN rule" or "-I CHAIN [N] rule" (verb
// is -A, -I or their long forms) and puts it into c: last, or at N (first
// when N is not given).
func placeRule(rs *ruleset, c *chain, verb string, rule []string, n int, l string) error {
	pos := -1
	if verb == "-I" || verb == "--insert" {
		pos = 0
		if len(rule) > 0 {
			if k, err := strconv.Atoi(rule[0]); err == nil && k >= 1 {
				pos, rule = k-1, rule[1:]
			}
		}
	}
	r := &fwRule{line: n, text: l}
	if err := parseIPTablesRule(rule, r); err != nil {
		return err
	}
	if pos < 0 {
		rs.add(c, r)
	} else {
		rs.insert(c, r, pos)
	}
	return nil
}

// iptablesOptions are the options a rule's audit reads, each spelling
// mapped to one name; every one takes a value.
var iptablesOptions = map[string]string{
	"-m": "-m", "--match": "-m", "--comment": "--comment",
	"-s": "-s", "--source": "-s", "--src": "-s",
	"-d": "-d", "--destination": "-d", "--dst": "-d",
	"-p": "-p", "--protocol": "-p",
	"-i": "-i", "--in-interface": "-i", "-o": "-o", "--out-interface": "-o",
	"--dport": "--dport", "--destination-port": "--dport", "--dports": "--dport", "--destination-ports": "--dport",
	"--sport": "--sport", "--source-port": "--sport", "--sports": "--sport", "--source-ports": "--sport",
	"--ctstate": "--state", "--state": "--state",
	"--dst-type": "--type", "--pkt-type": "--type",
	"-j": "-j", "--jump": "-j", "-g": "-g", "--goto": "-g",
}

// parseIPTablesRule reads a rule's matches and target, the words after
// "-A CHAIN".
func parseIPTablesRule(words []string, r *fwRule) error {
	neg, inTarget := false, false
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == "!" {
			neg = true
			continue
		}
		opt, takesValue := iptablesOptions[w]
		var v string
		if takesValue {
			if i+1 >= len(words) {
				return fmt.Errorf("%s needs a value", w)
			}
			i++
			v = words[i]
		}
		switch opt {
		case "-m", "--comment":
		case "-s":
			for _, a := range strings.Split(v, ",") {
				sp, v6, err := prefixSpan(a)
				if err != nil {
					return err
				}
				if v6 {
					r.ipv6 = true
				}
				r.src = append(r.src, sp)
			}
			if neg {
				r.src = r.src.not(anyAddress)
			}
		case "-d":
			if !neg && strings.HasPrefix(v, "127.") {
				r.never = "it matches only loopback addresses"
			} else {
				r.assumed = append(r.assumed, negWord(neg)+"-d "+v)
			}
		case "-p":
			p := strings.ToLower(v)
			switch {
			case neg:
				r.assumed = append(r.assumed, "! -p "+v)
			case p == "all" || p == "0":
			default:
				r.protos = []string{protoName(p)}
			}
		case "-i":
			if !neg && v == "lo" {
				r.never = "it matches only the loopback interface"
			} else {
				r.assumed = append(r.assumed, negWord(neg)+"-i "+v)
			}
		case "-o":
			r.assumed = append(r.assumed, negWord(neg)+"-o "+v)
		case "--dport", "--sport":
			dst := &r.dport
			if opt == "--sport" {
				dst = &r.sport
			}
			var ports spans
			for _, p := range strings.Split(v, ",") {
				sp, err := portSpan(p)
				if err != nil {
					return err
				}
				ports = append(ports, sp)
			}
			if neg {
				ports = ports.not(anyPort)
			}
			*dst = ports
		case "--type":
			// Twilio's packets are unicast to one of the host's own
			// addresses: a broadcast or multicast rule never sees them.
			if never, ok := addressType(v); ok && never != neg {
				r.never = "it matches only " + strings.ToLower(negWord(neg)+v) + " packets, not Twilio's unicast"
			} else if !ok {
				r.assumed = append(r.assumed, negWord(neg)+w+" "+v)
			}
		case "--state":
			states := strings.Split(strings.ToUpper(v), ",")
			if neg == slices.Contains(states, "NEW") {
				r.never = "it matches only " + strings.ToLower(negWord(neg)+v) + " connections, not a new one from Twilio"
			}
		case "-j", "-g":
			inTarget = true
			switch v {
			case "ACCEPT", "DROP", "REJECT", "RETURN":
				r.action = strings.ToLower(v)
			case "LOG", "NFLOG", "ULOG", "MARK", "CONNMARK", "CT", "NOTRACK", "TRACE", "AUDIT":
			default:
				r.action, r.target = "jump", v
				if opt == "-g" {
					r.action = "goto"
				}
			}
		case "":
			switch {
			case w == "-c" || w == "--set-counters":
				i += 2
			case w == "--syn" && !neg:
				// TCP's first packet, as Twilio's first packet is.
			case inTarget:
				// The target's own options and their values
				// (--reject-with, --log-prefix).
			case !strings.HasPrefix(w, "-"):
				return fmt.Errorf("unexpected word %q", w)
			default:
				cond := negWord(neg) + w
				for i+1 < len(words) && !strings.HasPrefix(words[i+1], "-") && words[i+1] != "!" {
					i++
					cond += " " + words[i]
				}
				r.assumed = append(r.assumed, cond)
			}
		}
		neg = false
	}
	return nil
}

func negWord(neg bool) string {
	if neg {
		return "! "
	}
	return ""
}

// protoName names a protocol given by number as iptables and nft print it.
func protoName(p string) string {
	switch p {
	case "6":
		return "tcp"
	case "17":
		return "udp"
	case "1":
		return "icmp"
	}
	return p
}

// addressType says whether a packet or address type ("LOCAL",
// "broadcast") excludes Twilio's unicast packets to the host; ok is false
// for a type the audit cannot judge.
func addressType(v string) (never, ok bool) {
	switch strings.ToLower(v) {
	case "local", "unicast", "host":
		return false, true
	case "broadcast", "multicast", "anycast":
		return true, true
	}
	return false, false
}
