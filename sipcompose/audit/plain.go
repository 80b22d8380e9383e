package audit

import (
	"fmt"
	"strings"
)

// parsePlainList reads one allowed block a line: an address or CIDR (or a
// comma list of them), then optionally a protocol (udp, tcp, or any) and a
// port or range, "#" starting a comment. The port is the allow-list's own:
// the destination port for signaling, Twilio's source range for media.
// The list is what is allowed; anything not on it counts as not allowed.
func parsePlainList(rs *ruleset, lines []string) {
	c := rs.chain("", "list")
	c.policy = "drop"
	rs.bases = []*chain{c}
	for i, raw := range lines {
		n := i + 1
		l, _, _ := strings.Cut(raw, "#")
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		r := &fwRule{line: n, text: strings.TrimSpace(raw), action: "accept"}
		if err := parsePlainLine(strings.Fields(l), r); err != nil {
			rs.unreadable(n, r.text, err.Error())
			continue
		}
		rs.add(c, r)
	}
}

func parsePlainLine(f []string, r *fwRule) error {
	// Addresses first: "a,b", "a, b" and "a b" each list two blocks.
	n := 0
	for ; n < len(f); n++ {
		var got spans
		var err error
		for _, a := range strings.Split(strings.Trim(f[n], ","), ",") {
			sp, v6, aerr := prefixSpan(a)
			if aerr != nil {
				err = aerr
				break
			}
			r.ipv6 = r.ipv6 || v6
			got = append(got, sp)
		}
		if err != nil && n == 0 {
			return fmt.Errorf("%v; a line is an address or CIDR, then optionally a protocol and a port or range", err)
		}
		if err != nil {
			break
		}
		r.src = append(r.src, got...)
	}
	for _, w := range f[n:] {
		w = strings.ToLower(strings.Trim(w, ","))
		proto, port, hasPort := strings.Cut(w, "/") // "udp/5060"
		switch proto {
		case "udp", "tcp":
			r.protos = []string{proto}
		case "any", "all", "ip":
		case "both", "tcp+udp", "udp+tcp":
			r.protos = []string{"tcp", "udp"}
		default:
			port, hasPort = w, true
		}
		if !hasPort {
			continue
		}
		for _, p := range strings.Split(port, ",") {
			sp, err := portSpan(p)
			if err != nil {
				return fmt.Errorf("%q is neither a protocol (udp, tcp, any) nor a port or range", w)
			}
			r.listed = append(r.listed, sp)
		}
	}
	return nil
}
