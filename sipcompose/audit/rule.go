package audit

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"sipcompose/sipcompose/allowlist"
)

// span is an inclusive range of IPv4 addresses or of ports, as numbers, so
// one set of helpers answers "does this rule cover that block" for both.
type span struct{ lo, hi uint32 }

// spans is a set of ranges; nil means any value.
type spans []span

var allPorts = spans{{0, 65535}}

// covers reports whether s holds every value of want; nil (any) holds all.
func (s spans) covers(want spans) bool {
	if s == nil {
		return true
	}
	if want == nil {
		want = spans{{0, ^uint32(0)}}
	}
	for _, w := range want {
		lo := w.lo
		for {
			i := slices.IndexFunc(s, func(x span) bool { return x.lo <= lo && lo <= x.hi })
			if i < 0 {
				return false
			}
			if s[i].hi >= w.hi {
				break
			}
			lo = s[i].hi + 1
		}
	}
	return true
}

// size is how many values s holds; any value (nil) is all 2^32.
func (s spans) size() uint64 {
	if s == nil {
		return 1 << 32
	}
	var n uint64
	for _, x := range s {
		n += uint64(x.hi-x.lo) + 1
	}
	return n
}

// overlaps reports whether s and want share a value.
func (s spans) overlaps(want spans) bool {
	if s == nil || want == nil {
		return true
	}
	for _, x := range s {
		for _, w := range want {
			if x.lo <= w.hi && w.lo <= x.hi {
				return true
			}
		}
	}
	return false
}

// not is what a negated match ("! -s", "!=") matches: every value of all
// that s does not hold.
func (s spans) not(all span) spans {
	sorted := append(spans{}, s...)
	for i := 1; i < len(sorted); i++ { // a few ranges: insertion sort
		for j := i; j > 0 && sorted[j].lo < sorted[j-1].lo; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	out := spans{}
	next := uint64(all.lo)
	for _, x := range sorted {
		if uint64(x.lo) > next {
			out = append(out, span{uint32(next), x.lo - 1})
		}
		next = max(next, uint64(x.hi)+1)
	}
	if next <= uint64(all.hi) {
		out = append(out, span{uint32(next), all.hi})
	}
	return out
}

var (
	anyAddress = span{0, ^uint32(0)}
	anyPort    = span{0, 65535}
)

// prefixSpan reads an IPv4 address or CIDR ("54.172.60.0/30"). ok6 says it
// was a valid IPv6 one, which an audit skips rather than calls unreadable.
func prefixSpan(s string) (sp span, ok6 bool, err error) {
	var p netip.Prefix
	if strings.Contains(s, "/") {
		p, err = netip.ParsePrefix(s)
	} else {
		var a netip.Addr
		a, err = netip.ParseAddr(s)
		if err == nil {
			p = netip.PrefixFrom(a, a.BitLen())
		}
	}
	if err != nil {
		return span{}, false, fmt.Errorf("%q is not an IP address or CIDR block", s)
	}
	if p.Addr().Is4In6() {
		p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
	}
	if !p.Addr().Is4() {
		return span{}, true, nil
	}
	p = p.Masked()
	a := p.Addr().As4()
	lo := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
	return span{lo, lo | (^uint32(0) >> p.Bits())}, false, nil
}

// portNames are the service names a firewall may print instead of numbers.
var portNames = map[string]uint32{"sip": 5060, "sip-tls": 5061, "sips": 5061}

// portSpan reads "5060", "10000-20000" or iptables' "10000:20000"; an
// empty bound is open, as iptables allows (":1024").
func portSpan(s string) (span, error) {
	lo, hi, isRange := strings.Cut(s, "-")
	if !isRange {
		lo, hi, isRange = strings.Cut(s, ":")
	}
	one := func(v, dflt string) (uint32, error) {
		if v == "" {
			v = dflt
		}
		if n, ok := portNames[v]; ok {
			return n, nil
		}
		n, err := strconv.ParseUint(v, 10, 16)
		return uint32(n), err
	}
	l, err := one(lo, "0")
	if err != nil {
		return span{}, fmt.Errorf("%q is not a port or port range", s)
	}
	if !isRange {
		return span{l, l}, nil
	}
	h, err := one(hi, "65535")
	if err != nil || h < l {
		return span{}, fmt.Errorf("%q is not a port or port range", s)
	}
	return span{l, h}, nil
}

// fwRule is one rule of a pasted rule set, reduced to what decides whether
// Twilio's packets match it.
type fwRule struct {
	line int
	text string
	src  spans
	// protos are "udp", "tcp" or another name; nil means any protocol.
	protos       []string
	dport, sport spans
	// listed ports belong to a plain list, whose port is the allow-list's
	// own: the destination for signaling, Twilio's range for media.
	listed spans
	action string // accept, drop, reject, return, jump, goto, or "" (goes on)
	target string // the chain of a jump or goto
	// never says why the rule cannot match a new packet from Twilio
	// (loopback only, established connections only).
	never string
	// assumed are conditions an audit cannot judge (an interface, a
	// destination, a rate limit): taken as matching, and said so.
	assumed []string
	ipv6    bool
}

func (r *fwRule) ref() RuleRef { return RuleRef{Line: r.line, Text: r.text} }

func (r *fwRule) terminalDrop() bool { return r.action == "drop" || r.action == "reject" }

// need is a required rule as the sets of packets it stands for.
type need struct {
	rule         allowlist.Rule
	src          spans
	proto        string
	dport, sport spans
}

func needFor(r allowlist.Rule) (need, error) {
	n := need{rule: r, proto: r.Protocol}
	sp, _, err := prefixSpan(r.CIDR)
	if err != nil {
		return n, err
	}
	n.src = spans{sp}
	for _, p := range []struct {
		s   string
		dst *spans
	}{{r.Ports, &n.dport}, {r.SourcePorts, &n.sport}} {
		if p.s == "" {
			continue
		}
		ps, err := portSpan(p.s)
		if err != nil {
			return n, err
		}
		*p.dst = spans{ps}
	}
	return n, nil
}

// relation is how a rule's matches compare with what a need requires.
type relation int

const (
	disjoint relation = iota // matches none of it
	partial                  // matches some of it
	full                     // matches all of it
)

// relate compares r with n, and for a rule that misses n only on protocol
// or port, says which (the "partly" reasons), when it is a near match:
// one about n's traffic at all (near).
func relate(r *fwRule, n need) (relation, string) {
	if r.never != "" || r.ipv6 || !r.src.overlaps(n.src) {
		return disjoint, ""
	}
	dport, sport := r.dport, r.sport
	if r.listed != nil {
		if n.dport != nil {
			dport = r.listed
		} else {
			sport = r.listed
		}
	}
	if r.protos != nil && !slices.Contains(r.protos, n.proto) {
		if !near(r, n, dport, sport) {
			return disjoint, ""
		}
		return disjoint, "wrong protocol: " + strings.Join(r.protos, ", ") + ", not " + n.proto
	}
	if !dport.overlaps(orAll(n.dport)) || !sport.overlaps(orAll(n.sport)) {
		if !near(r, n, dport, sport) {
			return disjoint, ""
		}
		return disjoint, "wrong port: " + portWords(dport, sport) + ", needs " + portWords(n.dport, n.sport)
	}
	if r.src.covers(n.src) && dport.covers(orAll(n.dport)) && sport.covers(orAll(n.sport)) {
		return full, ""
	}
	var why []string
	if !r.src.covers(n.src) {
		why = append(why, "covers only part of "+n.rule.CIDR)
	}
	if !dport.covers(orAll(n.dport)) {
		why = append(why, "only to port "+spanWords(dport)+", needs "+portsNeeded("to", n.dport))
	}
	if !sport.covers(orAll(n.sport)) {
		why = append(why, "only from port "+spanWords(sport)+", needs "+portsNeeded("from", n.sport))
	}
	return partial, strings.Join(why, "; ")
}

// near reports whether a rule that misses n on protocol or port is about
// n's traffic at all: it names some of n's addresses (a block of its own,
// a /8 at the widest, not any address nor all but a few), or some of n's
// ports on the side n names them (the destination for signaling, Twilio's
// source ports for media). An SSH rule, any source (or "! -s 10.0.0.0/8")
// to TCP port 22, shares neither with media from 168.86.128.0/18's UDP
// ports 10000-60000: it is no near match, and the media is missing, not
// partly accepted "with the wrong protocol".
func near(r *fwRule, n need, dport, sport spans) bool {
	switch {
	case r.src != nil && r.src.size() <= 1<<24 && r.src.overlaps(n.src):
		return true
	case n.dport != nil && dport != nil && dport.overlaps(n.dport):
		return true
	case n.sport != nil && sport != nil && sport.overlaps(n.sport):
		return true
	}
	return false
}

func orAll(s spans) spans {
	if s == nil {
		return allPorts
	}
	return s
}

// portWords says which ports a rule or need names, as a person reads them.
func portWords(dport, sport spans) string {
	var w []string
	if dport != nil {
		w = append(w, "to port "+spanWords(dport))
	}
	if sport != nil {
		w = append(w, "from port "+spanWords(sport))
	}
	if w == nil {
		return "any port"
	}
	return strings.Join(w, " ")
}

func portsNeeded(dir string, s spans) string {
	if s == nil {
		return "any port " + map[string]string{"to": "on your side", "from": "on Twilio's side"}[dir]
	}
	return dir + " port " + spanWords(s)
}

func spanWords(s spans) string {
	parts := make([]string, len(s))
	for i, x := range s {
		parts[i] = strconv.FormatUint(uint64(x.lo), 10)
		if x.hi != x.lo {
			parts[i] += "-" + strconv.FormatUint(uint64(x.hi), 10)
		}
	}
	return strings.Join(parts, ", ")
}

// contains reports whether every packet b matches is also matched by a,
// judged on the conditions an audit reads.
func (a *fwRule) contains(b *fwRule) bool {
	if a.never != "" || len(a.assumed) > 0 || a.listed != nil || b.listed != nil {
		return false
	}
	if a.protos != nil && (b.protos == nil || slices.ContainsFunc(b.protos, func(p string) bool { return !slices.Contains(a.protos, p) })) {
		return false
	}
	return a.src.covers(b.src) && a.dport.covers(orAll(b.dport)) && a.sport.covers(orAll(b.sport))
}
