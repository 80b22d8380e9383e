// Package logline recognises single lines of what PBXs and capture tools
// log about a call: the line each format writes before a SIP message
// (Announce), tcpdump's line before a packet (Packet), a PBX's complaint
// (PBXLog), and what a line mentions: Twilio codes, a SIP response, a
// callback parameter. Package evidence puts the lines together into
// messages; this one reads a line at a time, with plain scanners (package
// regexp stays out of the page's app.wasm).
package logline

import (
	"strconv"
	"strings"
	"time"
)

// The lines each log format writes before a SIP message, which say who
// sent it to whom, when, and over what (docs/diagnose.md has samples).

// Meta is what a log's line before a message says about it.
type Meta struct {
	// Format names the log format: "pjsip logger", "chan_sip",
	// "FreeSWITCH siptrace", "tcpdump -A", "sngrep", "Kamailio".
	Format string
	// Time is when the message was sent or logged; zero when the line
	// does not say. A clock without a date is read on 0000-01-01.
	Time time.Time
	// Src and Dst are "address:port" where the line says; empty for the
	// logging host itself.
	Src, Dst  string
	Transport string // "udp", "tcp", "tls" where the line says
	Size      int    // the message's bytes, where the line says
	// Search: the message starts somewhere in the lines after, after
	// bytes printed as text (tcpdump -A prints the IP header first).
	Search bool
	// Skip: the lines after print a packet that is no SIP message (an
	// ICMP error quoting one); Refused is the address an ICMP error says
	// refused a datagram, From who sent that datagram.
	Skip          bool
	Refused, From string
}

// announcer recognises a log format's line before a message.
type announcer struct {
	format string
	read   func(line string) (Meta, bool)
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

// Announce reads a line that comes before a SIP message in some log
// format.
func Announce(line string) (Meta, bool) {
	// Every format's line has one of these; most lines (a message's own)
	// have none, and are read no further.
	if !strings.Contains(line, "<---") && !strings.Contains(line, " bytes ") && !strings.Contains(line, " > ") &&
		!strings.Contains(line, " -> ") && !strings.Contains(line, "<script>") {
		return Meta{}, false
	}
	for _, a := range announcers {
		if mt, ok := a.read(line); ok {
			mt.Format = a.format
			if mt.Time.IsZero() {
				mt.Time = LogTime(line)
			}
			return mt, true
		}
	}
	return Meta{}, false
}

// afterMarkers calls read on what follows each "<--- " in line, leftmost
// first, until it reads one: Asterisk's markers may follow a log prefix.
func afterMarkers(line string, read func(string) (Meta, bool)) (Meta, bool) {
	for {
		_, after, found := strings.Cut(line, "<--- ")
		if !found {
			return Meta{}, false
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
func pjsipLogger(line string) (Meta, bool) {
	return afterMarkers(line, func(s string) (Meta, bool) {
		sc := newScanner(s)
		dir := sc.oneOf("Received ", "Transmitting ")
		sc.oneOf("SIP request (", "SIP response (")
		size := sc.number(" bytes) ")
		sc.oneOf("from ", "to ")
		transport := sc.word(":")
		addr := sc.field(" --->")
		if !sc.ok {
			return Meta{}, false
		}
		mt := Meta{Transport: strings.ToLower(transport)}
		mt.Size, _ = strconv.Atoi(size)
		if dir == "Received " {
			mt.Src = addr
		} else {
			mt.Dst = addr
		}
		return mt, true
	})
}

// chanSIPRead reads Asterisk chan_sip's "<--- SIP read from
// UDP:54.172.60.0:5060 --->".
func chanSIPRead(line string) (Meta, bool) {
	return afterMarkers(line, func(s string) (Meta, bool) {
		sc := newScanner(s)
		sc.lit("SIP read from ")
		transport := sc.word(":")
		addr := sc.field(" --->")
		return Meta{Transport: strings.ToLower(transport), Src: addr}, sc.ok
	})
}

// chanSIPTransmit reads chan_sip's "<--- Reliably Transmitting (no NAT) to
// 54.172.60.0:5060 --->" ("Reliably" and "no " optional); a colon after
// the address is not part of it.
func chanSIPTransmit(line string) (Meta, bool) {
	return afterMarkers(line, func(s string) (Meta, bool) {
		sc := newScanner(s)
		sc.maybe("Reliably ")
		sc.lit("Transmitting (")
		sc.maybe("no ")
		sc.lit("NAT) to ")
		addr := sc.field(" --->")
		if len(addr) > 1 {
			addr = strings.TrimSuffix(addr, ":")
		}
		return Meta{Dst: addr}, sc.ok
	})
}

// freeswitchTrace reads FreeSWITCH's sofia siptrace line, "recv 912 bytes
// from udp/[54.172.60.0]:5060 at 12:00:00.123456:", which a line of
// dashes and the message follow.
func freeswitchTrace(line string) (Meta, bool) {
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
		return Meta{}, false
	}
	mt := Meta{Transport: strings.ToLower(transport), Time: clock(at)}
	mt.Size, _ = strconv.Atoi(size)
	if dir == "recv " {
		mt.Src = joinHostPort(host, port)
	} else {
		mt.Dst = joinHostPort(host, port)
	}
	return mt, true
}

// sngrepLine reads sngrep's "Save as .txt" line before a message,
// "2026/03/01 12:00:00.123456 54.172.60.0:5060 -> 203.0.113.10:5060".
func sngrepLine(line string) (Meta, bool) {
	sc := newScanner(line)
	date := sc.date("/")
	sc.lit(" ")
	at := sc.clock(false)
	sc.lit(" ")
	src := sc.field(" -> ")
	dst := sc.field("")
	sc.end()
	if !sc.ok {
		return Meta{}, false
	}
	return Meta{Time: dated(date + " " + at), Src: src, Dst: dst}, true
}

// kamailioMessage reads Kamailio logging a message with xlog("... $si:$sp
// ...\n$mb"): the log line's prefix, " 0(1234) INFO: <script>: " on
// stderr or syslog's "Mar  1 12:00:00 host kamailio[1234]: INFO: <script>:
// ", then the message's lines. The address is the one the line names
// after "from" (the sender) or "to" (the receiver).
func kamailioMessage(line string) (Meta, bool) {
	for _, tail := range kamailioTails(line) {
		if text, ok := scriptLine(tail); ok {
			word, addr := kamailioPeer(text)
			switch word {
			case "from":
				return Meta{Src: addr}, true
			case "to":
				return Meta{Dst: addr}, true
			}
			return Meta{}, true
		}
	}
	return Meta{}, false
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

// LogTime reads an Asterisk log line's time: "[2026-03-01 12:00:00.123]"
// or "[Mar  1 12:00:00]" (a clock without a date, read on 0000-01-01).
func LogTime(line string) time.Time {
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
