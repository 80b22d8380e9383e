package evidence

import (
	"slices"
	"strconv"
	"strings"
)

// What tcpdump -A prints: the line before each packet, the ICMP refusals,
// and packets that carry on a message begun in an earlier one.

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
func tcpdumpPorts(line string) (meta, bool) {
	date, at, src, srcPort, dst, dstPort, rest, ok := tcpdumpAddresses(line, true)
	if !ok {
		return meta{}, false
	}
	mt := meta{time: clock(at), src: joinHostPort(src, srcPort), dst: joinHostPort(dst, dstPort), transport: "udp", search: true}
	if date != "" {
		mt.time = dated(date + " " + at)
	}
	if strings.HasPrefix(rest, "Flags [") {
		mt.transport = "tcp"
	}
	return mt, true
}

// tcpdumpNoPorts reads tcpdump's line before a packet without ports, such
// as an ICMP error: "IP 203.0.113.10 > 54.172.60.0: ICMP 203.0.113.10 udp
// port 5060 unreachable, length 556", which quotes the datagram refused.
func tcpdumpNoPorts(line string) (meta, bool) {
	_, _, bodies := tcpdumpStart(line)
	for _, sc := range bodies {
		sc.field(" > ")
		to := sc.field(": ")
		if !sc.ok {
			continue
		}
		mt := meta{skip: true}
		if host, port, ok := icmpUnreachable(sc.rest); ok {
			mt.refused, mt.from = joinHostPort(host, port), to
		}
		return mt, true
	}
	return meta{}, false
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

// packetLine is what tcpdump's line before a packet says that joining a
// message's packets needs: the addresses (without the ports of IPv4;
// an IPv6 address's port stays on it, which keeps it apart all the same),
// whether it is an IPv4 fragment after the first ("ip-proto-17"), and a
// TCP segment's payload length ("Flags [P.], ..., length 913").
type packetLine struct {
	src, dst string
	fragment bool
	length   string
}

func readPacketLine(line string) (packetLine, bool) {
	_, _, src, _, dst, _, rest, ok := tcpdumpAddresses(line, false)
	if !ok {
		return packetLine{}, false
	}
	p := packetLine{src: src, dst: dst, fragment: strings.HasPrefix(rest, "ip-proto-17")}
	if flags, ok := strings.CutPrefix(rest, "Flags ["); ok {
		if _, after, ok := strings.Cut(flags, "]"); ok {
			if i := strings.LastIndex(after, ", length "); i >= 0 {
				if n := after[i+len(", length "):]; n != "" && digits(n) == n {
					p.length = n
				}
			}
		}
	}
	return p, true
}

// joinFragments joins the text tcpdump -A prints for a packet that
// carries on a SIP message (a later IP fragment of a UDP datagram, or a
// later TCP segment) to the packet the message started in, so it reads
// whole. Each packet's text starts with its headers, one character a
// byte: a fragment's 20-byte IP header; for a segment, what is left
// once its payload (length bytes, a printed line end being CRLF) is
// taken from the end. The payload carries on in mid-line unless it starts
// a header or SDP line. orig maps each line returned to its line in lines.
func joinFragments(lines []string) ([]string, []int) {
	out := make([]string, 0, len(lines))
	orig := make([]int, 0, len(lines))
	// last is, per direction, the index in out of the last line of the
	// last packet that had SIP in it.
	last := map[string]int{}
	for i := 0; i < len(lines); i++ {
		p, ok := readPacketLine(lines[i])
		if !ok {
			out, orig = append(out, lines[i]), append(orig, i)
			continue
		}
		next := i + 1
		for next < len(lines) && !isPacketLine(lines[next]) {
			next++
		}
		flow := p.src + ">" + p.dst
		at, seen := last[flow]
		text := strings.Join(lines[i+1:next], "\n")
		var payload string
		switch {
		case !seen || slices.ContainsFunc(lines[i+1:next], func(l string) bool { return sipStart(l) >= 0 }):
			payload = "\x00" // not a continuation
		case p.fragment:
			payload = text[min(20, len(text)):]
		case p.length != "" && p.length != "0":
			n, _ := strconv.Atoi(p.length)
			payload = tailBytes(text, n)
		default:
			payload = "\x00"
		}
		if payload == "\x00" {
			for k := i; k < next; k++ {
				out, orig = append(out, lines[k]), append(orig, k)
			}
			if slices.ContainsFunc(lines[i+1:next], func(l string) bool { return sipStart(l) >= 0 }) {
				last[flow] = len(out) - 1
			}
			i = next - 1
			continue
		}
		cont := strings.Split(payload, "\n")
		if out[at] != "" && !startsLine(cont[0]) {
			out[at] += cont[0]
			cont = cont[1:]
		}
		ins := make([]int, len(cont))
		for k := range cont {
			ins[k] = min(i+1+k, next-1)
		}
		out = slices.Insert(out, at+1, cont...)
		orig = slices.Insert(orig, at+1, ins...)
		for f, l := range last {
			if l > at {
				last[f] = l + len(cont)
			}
		}
		last[flow] = at + len(cont)
		i = next - 1
	}
	return out, orig
}

// tailBytes is the end of text that printed the last n bytes of a packet,
// a line end standing for CRLF.
func tailBytes(text string, n int) string {
	k := len(text)
	for n > 0 && k > 0 {
		k--
		if text[k] == '\n' {
			n -= 2
		} else {
			n--
		}
	}
	return text[k:]
}

// startsLine reports whether a packet's text starts a line rather than
// carrying on the last one: it is empty, or starts a header line ("Via: ")
// or an SDP line ("c=").
func startsLine(s string) bool {
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

func isPacketLine(line string) bool {
	_, ok := readPacketLine(line)
	return ok
}
