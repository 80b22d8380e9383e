package evidence

import (
	"strconv"
	"strings"
	"time"
)

// The lines each log format writes before a SIP message, which say who
// sent it to whom, when, and over what (docs/diagnose.md has samples).

// meta is what a log's line before a message says about it.
type meta struct {
	format    string
	time      time.Time
	src, dst  string
	transport string
	size      int
	// search: the message starts somewhere in the lines after, after
	// bytes printed as text (tcpdump -A prints the IP header first).
	search bool
	// skip: the lines after print a packet that is no SIP message (an
	// ICMP error quoting one); refused is the port an ICMP error says
	// refused a datagram, from is who sent that datagram.
	skip          bool
	refused, from string
}

// announcer recognises a log format's line before a message.
type announcer struct {
	format string
	read   func(line string) (meta, bool)
}

// announcers are tried in this order; the first that reads a line names
// its format.
var announcers = []announcer{
	{"pjsip logger", pjsipLogger},
	{"chan_sip", chanSIPRead},
	{"chan_sip", chanSIPTransmit},
	{"FreeSWITCH siptrace", freeswitchTrace},
	{"tcpdump -A", tcpdumpPorts},
	{"tcpdump -A", tcpdumpNoPorts},
	{"sngrep", sngrepLine},
	{"Kamailio", kamailioMessage},
}

// announce reads a line that comes before a message in some log format.
func announce(line string) (meta, bool) {
	for _, a := range announcers {
		if mt, ok := a.read(line); ok {
			mt.format = a.format
			if mt.time.IsZero() {
				mt.time = logTime(line)
			}
			return mt, true
		}
	}
	return meta{}, false
}

// afterMarkers calls read on what follows each "<--- " in line, leftmost
// first, until it reads one: Asterisk's markers may follow a log prefix.
func afterMarkers(line string, read func(string) (meta, bool)) (meta, bool) {
	for {
		_, after, found := strings.Cut(line, "<--- ")
		if !found {
			return meta{}, false
		}
		if mt, ok := read(after); ok {
			return mt, true
		}
		line = after
	}
}

// pjsipLogger reads Asterisk res_pjsip_logger's "<--- Received SIP request
// (912 bytes) from UDP:54.172.60.0:5060 --->" and "<--- Transmitting SIP
// response (345 bytes) to UDP:... --->".
func pjsipLogger(line string) (meta, bool) {
	return afterMarkers(line, func(s string) (meta, bool) {
		sc := newScanner(s)
		dir := sc.oneOf("Received ", "Transmitting ")
		sc.oneOf("SIP request (", "SIP response (")
		size := sc.number(" bytes) ")
		sc.oneOf("from ", "to ")
		transport := sc.word(":")
		addr := sc.field(" --->")
		if !sc.ok {
			return meta{}, false
		}
		mt := meta{transport: strings.ToLower(transport)}
		mt.size, _ = strconv.Atoi(size)
		if dir == "Received " {
			mt.src = addr
		} else {
			mt.dst = addr
		}
		return mt, true
	})
}

// chanSIPRead reads Asterisk chan_sip's "<--- SIP read from
// UDP:54.172.60.0:5060 --->".
func chanSIPRead(line string) (meta, bool) {
	return afterMarkers(line, func(s string) (meta, bool) {
		sc := newScanner(s)
		sc.lit("SIP read from ")
		transport := sc.word(":")
		addr := sc.field(" --->")
		return meta{transport: strings.ToLower(transport), src: addr}, sc.ok
	})
}

// chanSIPTransmit reads chan_sip's "<--- Reliably Transmitting (no NAT) to
// 54.172.60.0:5060 --->" ("Reliably" and "no " optional); a colon after
// the address is not part of it.
func chanSIPTransmit(line string) (meta, bool) {
	return afterMarkers(line, func(s string) (meta, bool) {
		sc := newScanner(s)
		sc.maybe("Reliably ")
		sc.lit("Transmitting (")
		sc.maybe("no ")
		sc.lit("NAT) to ")
		addr := sc.field(" --->")
		if len(addr) > 1 {
			addr = strings.TrimSuffix(addr, ":")
		}
		return meta{dst: addr}, sc.ok
	})
}

// freeswitchTrace reads FreeSWITCH's sofia siptrace line, "recv 912 bytes
// from udp/[54.172.60.0]:5060 at 12:00:00.123456:", which a line of
// dashes and the message follow.
func freeswitchTrace(line string) (meta, bool) {
	sc := newScanner(line)
	dir := sc.oneOf("recv ", "send ")
	size := sc.number(" bytes ")
	sc.oneOf("from ", "to ")
	transport := sc.word("/")
	host := sc.bracketed()
	sc.lit(":")
	port := sc.number(" at ")
	at := sc.clock(false)
	sc.lit(":")
	if !sc.ok || host == "" {
		return meta{}, false
	}
	mt := meta{transport: strings.ToLower(transport), time: clock(at)}
	mt.size, _ = strconv.Atoi(size)
	if dir == "recv " {
		mt.src = joinHostPort(host, port)
	} else {
		mt.dst = joinHostPort(host, port)
	}
	return mt, true
}

// sngrepLine reads sngrep's "Save as .txt" line before a message,
// "2026/03/01 12:00:00.123456 54.172.60.0:5060 -> 203.0.113.10:5060".
func sngrepLine(line string) (meta, bool) {
	sc := newScanner(line)
	date := sc.date("/")
	sc.lit(" ")
	at := sc.clock(false)
	sc.lit(" ")
	src := sc.field(" -> ")
	dst := sc.field("")
	sc.end()
	if !sc.ok {
		return meta{}, false
	}
	return meta{time: dated(date + " " + at), src: src, dst: dst}, true
}

// kamailioMessage reads Kamailio logging a message with xlog("... $si:$sp
// ...\n$mb"): the log line's prefix, " 0(1234) INFO: <script>: " on
// stderr or syslog's "Mar  1 12:00:00 host kamailio[1234]: INFO: <script>:
// ", then the message's lines. The address is the one the line names
// after "from" (the sender) or "to" (the receiver).
func kamailioMessage(line string) (meta, bool) {
	for _, tail := range kamailioTails(line) {
		if text, ok := scriptLine(tail); ok {
			word, addr := kamailioPeer(text)
			switch word {
			case "from":
				return meta{src: addr}, true
			case "to":
				return meta{dst: addr}, true
			}
			return meta{}, true
		}
	}
	return meta{}, false
}

// kamailioTails are what follows each of Kamailio's log prefixes in line,
// leftmost first: " 0(1234) " at the start of a line on its stderr, and
// "kamailio[1234]: " in syslog.
func kamailioTails(line string) []string {
	var out []string
	sc := newScanner(line)
	sc.skip(spaces)
	sc.number("(")
	sc.number(") ")
	if sc.ok {
		out = append(out, sc.rest)
	}
	for rest := line; ; {
		_, after, found := strings.Cut(rest, "kamailio[")
		if !found {
			return out
		}
		sc := newScanner(after)
		sc.number("]: ")
		if sc.ok {
			out = append(out, sc.rest)
		}
		rest = after
	}
}

// scriptLine reads the rest of a Kamailio log line that its script wrote
// (xlog): "<script>: " after an optional level ("NOTICE: "), and returns
// what the script wrote.
func scriptLine(tail string) (string, bool) {
	n := 0
	for n < len(tail) && 'A' <= tail[n] && tail[n] <= 'Z' {
		n++
	}
	if n > 0 {
		if text, ok := strings.CutPrefix(tail[n:], ": <script>: "); ok {
			return text, true
		}
	}
	return strings.CutPrefix(tail, "<script>: ")
}

// kamailioPeer is the address an xlog line names, and the word before it:
// "received INVITE from $si:$sp", "sent reply to
// $sndto(ip):$sndto(port)"; "" when it names none.
func kamailioPeer(text string) (word, addr string) {
	for i := range len(text) {
		if i > 0 && isWord(text[i-1]) {
			continue
		}
		sc := newScanner(text[i:])
		word := sc.oneOf("from ", "to ")
		ip := sc.ipv4()
		sc.lit(":")
		port := sc.number("")
		if sc.ok {
			return strings.TrimSuffix(word, " "), ip + ":" + port
		}
	}
	return "", ""
}

// logTime reads an Asterisk log line's time: "[2026-03-01 12:00:00.123]"
// or "[Mar  1 12:00:00]" (a clock without a date, read on 0000-01-01).
func logTime(line string) time.Time {
	dateTime := newScanner(line)
	dateTime.lit("[")
	date := dateTime.date("-")
	dateTime.lit(" ")
	at := dateTime.clock(false)
	dateTime.lit("]")
	if dateTime.ok {
		return dated(date + " " + at)
	}
	// A month's short name, spaces, a day, then the clock.
	sc := newScanner(line)
	sc.lit("[")
	if len(sc.rest) < 3 || !('A' <= sc.rest[0] && sc.rest[0] <= 'Z') || !isLower(sc.rest[1]) || !isLower(sc.rest[2]) {
		return time.Time{}
	}
	sc.rest = sc.rest[3:]
	sc.lit(" ")
	sc.skip(" ")
	sc.number(" ")
	at = sc.clock(false)
	sc.lit("]")
	if !sc.ok || len(at) != len("12:00:00") {
		return time.Time{}
	}
	return clock(at)
}

func clock(s string) time.Time {
	t, _ := time.Parse("15:04:05.999999999", s)
	return t
}

func dated(s string) time.Time {
	t, _ := time.Parse("2006-01-02 15:04:05.999999999", s)
	return t
}

func joinHostPort(host, port string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:" + port
	}
	return host + ":" + port
}
