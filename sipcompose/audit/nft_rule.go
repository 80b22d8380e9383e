package audit

import (
	"fmt"
	"slices"
	"strings"
)

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
