package logline

import "strings"

// The lines tcpdump prints before each packet.

// tcpdumpStart reads the start of the line tcpdump prints before a packet,
// "12:00:00.123456 IP 54.172.60.0.5060 > ...", with -tttt's date before
// the time and -i any's interface and direction after it ("lo In "), and
// returns scanners at what follows "IP " or "IP6 ": for a line that reads
// both ways, the one with the interface first.
func tcpdumpStart(line string) (date, at string, bodies []scanner) {
	sc := newScanner(line)
	withDate := sc
	d := withDate.date("-")
	withDate.lit(" ")
	if withDate.ok {
		date, sc = d, withDate
	}
	at = sc.clock(true)
	sc.lit(" ")
	iface := sc
	iface.field(" ")
	iface.skip(" ")
	iface.oneOf("In ", "Out ", "M ", "B ", "P ")
	iface.skip(" ")
	for _, body := range []scanner{iface, sc} {
		body.oneOf("IP ", "IP6 ")
		if body.ok {
			bodies = append(bodies, body)
		}
	}
	return date, at, bodies
}

// address reads an address as tcpdump -n prints it, ".port" after it,
// then sep: all of an IPv4 address (its last number is not the port), or
// an IPv6 one (hexadecimal digits, colons and dots, the first that is not
// a digit a colon), as long as it can be with what follows. The port may
// be left out unless portRequired.
func (sc *scanner) address(sep string, portRequired bool) (host, port string) {
	// at reads the port and sep after the address sc.rest[:n].
	at := func(n int) bool {
		try := newScanner(sc.rest[n:])
		try.lit(".")
		port = try.number(sep)
		if !try.ok && !portRequired {
			try, port = newScanner(sc.rest[n:]), ""
			try.lit(sep)
		}
		if try.ok {
			host, sc.rest = sc.rest[:n], try.rest
		}
		return try.ok
	}
	if !sc.ok {
		return "", ""
	}
	ipv4 := *sc
	if ip := ipv4.ipv4(); ipv4.ok && at(len(ip)) {
		return host, port
	}
	run := len(sc.rest) - len(strings.TrimLeft(sc.rest, "0123456789abcdefABCDEF:."))
	colon := 0
	for colon < run && isHex(sc.rest[colon]) {
		colon++
	}
	for n := run; colon < run && sc.rest[colon] == ':' && n > colon; n-- {
		if at(n) {
			return host, port
		}
	}
	sc.fail()
	return "", ""
}

// tcpdumpAddresses reads tcpdump's line before a packet up to its two
// addresses, and returns what follows them: "SIP: INVITE ...", "UDP,
// length 912", a TCP segment's "Flags [P.], ...".
func tcpdumpAddresses(line string, portRequired bool) (date, at, src, srcPort, dst, dstPort, rest string, ok bool) {
	date, at, bodies := tcpdumpStart(line)
	for _, sc := range bodies {
		src, srcPort = sc.address(" > ", portRequired)
		dst, dstPort = sc.address(": ", portRequired)
		if sc.ok {
			return date, at, src, srcPort, dst, dstPort, sc.rest, true
		}
	}
	return "", "", "", "", "", "", "", false
}

// tcpdumpPorts reads tcpdump's line before a UDP or TCP packet,
// "12:00:00.123456 IP 54.172.60.0.5060 > 203.0.113.10.5060: SIP: INVITE
// ..."; the packet is printed as text after it.
func tcpdumpPorts(line string) (Meta, bool) {
	date, at, src, srcPort, dst, dstPort, rest, ok := tcpdumpAddresses(line, true)
	if !ok {
		return Meta{}, false
	}
	mt := Meta{Time: clock(at), Src: joinHostPort(src, srcPort), Dst: joinHostPort(dst, dstPort), Transport: "udp", Search: true}
	if date != "" {
		mt.Time = dated(date + " " + at)
	}
	if strings.HasPrefix(rest, "Flags [") {
		mt.Transport = "tcp"
	}
	return mt, true
}

// tcpdumpNoPorts reads tcpdump's line before a packet without ports, such
// as an ICMP error: "IP 203.0.113.10 > 54.172.60.0: ICMP 203.0.113.10 udp
// port 5060 unreachable, length 556", which quotes the datagram refused.
func tcpdumpNoPorts(line string) (Meta, bool) {
	_, _, bodies := tcpdumpStart(line)
	for _, sc := range bodies {
		sc.field(" > ")
		to := sc.field(": ")
		if !sc.ok {
			continue
		}
		mt := Meta{Skip: true}
		if host, port, ok := icmpUnreachable(sc.rest); ok {
			mt.Refused, mt.From = joinHostPort(host, port), to
		}
		return mt, true
	}
	return Meta{}, false
}

// icmpUnreachable reads tcpdump's text of an ICMP port unreachable, "ICMP
// 203.0.113.10 udp port 5060 unreachable": the address and port that
// refused the datagram.
func icmpUnreachable(s string) (host, port string, ok bool) {
	for {
		_, after, found := strings.Cut(s, "ICMP")
		if !found {
			return "", "", false
		}
		s = after
		sc := newScanner(after)
		sc.oneOf(" ", "6 ")
		host := sc.field(" udp port ")
		port := sc.number(" unreachable")
		if sc.ok {
			return host, port, true
		}
	}
}

// PacketLine is what tcpdump's line before a packet says that joining a
// message's packets needs.
type PacketLine struct {
	// Src and Dst are the addresses, without the ports of IPv4 (an IPv6
	// address's port stays on it, which keeps a flow apart all the same).
	Src, Dst string
	// Fragment: an IPv4 fragment after the first ("ip-proto-17").
	Fragment bool
	// Length is a TCP segment's payload length ("Flags [P.], ...,
	// length 913"), as printed; "" when the line gives none.
	Length string
}

// Packet reads tcpdump's line before a packet.
func Packet(line string) (PacketLine, bool) {
	_, _, src, _, dst, _, rest, ok := tcpdumpAddresses(line, false)
	if !ok {
		return PacketLine{}, false
	}
	p := PacketLine{Src: src, Dst: dst, Fragment: strings.HasPrefix(rest, "ip-proto-17")}
	if flags, ok := strings.CutPrefix(rest, "Flags ["); ok {
		if _, after, ok := strings.Cut(flags, "]"); ok {
			if i := strings.LastIndex(after, ", length "); i >= 0 {
				if n := after[i+len(", length "):]; n != "" && digits(n) == n {
					p.Length = n
				}
			}
		}
	}
	return p, true
}

// StartsLine reports whether a packet's text starts a line rather than
// carrying on the last one: it is empty, or starts a header line ("Via: ")
// or an SDP line ("c=").
func StartsLine(s string) bool {
	switch {
	case s == "":
		return true
	case len(s) >= 2 && isLower(s[0]) && s[1] == '=':
		return true
	case !isLetter(s[0]):
		return false
	}
	n := 1
	for n < len(s) && (isLetter(s[n]) || isDigit(s[n]) || s[n] == '-') {
		n++
	}
	return strings.HasPrefix(s[n:], ": ")
}
