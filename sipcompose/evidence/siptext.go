package evidence

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"sipcompose/sipcompose/capture"
)

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
	re     *regexp.Regexp
	read   func(m []string) meta
}

// The formats' lines before a message. Each is a real tool's output (see
// docs/diagnose.md for samples).
var announcers = []announcer{
	// Asterisk res_pjsip_logger: "<--- Received SIP request (912 bytes)
	// from UDP:54.172.60.0:5060 --->", "<--- Transmitting SIP response
	// (345 bytes) to UDP:...", after an optional "[date] VERBOSE[..]" prefix.
	{"pjsip logger", regexp.MustCompile(`<--- (Received|Transmitting) SIP (?:request|response) \((\d+) bytes\) (?:from|to) (\w+):(\S+) --->`), func(m []string) meta {
		mt := meta{transport: strings.ToLower(m[3])}
		mt.size, _ = strconv.Atoi(m[2])
		if m[1] == "Received" {
			mt.src = m[4]
		} else {
			mt.dst = m[4]
		}
		return mt
	}},
	// Asterisk chan_sip: "<--- SIP read from UDP:54.172.60.0:5060 --->",
	// "<--- Reliably Transmitting (no NAT) to 54.172.60.0:5060 --->".
	{"chan_sip", regexp.MustCompile(`<--- SIP read from (\w+):(\S+) --->`), func(m []string) meta {
		return meta{transport: strings.ToLower(m[1]), src: m[2]}
	}},
	{"chan_sip", regexp.MustCompile(`<--- (?:Reliably )?Transmitting \((?:no )?NAT\) to (\S+?):? --->`), func(m []string) meta {
		return meta{dst: m[1]}
	}},
	// FreeSWITCH sofia siptrace: "recv 912 bytes from udp/[54.172.60.0]:5060
	// at 12:00:00.123456:" then a line of dashes and the message.
	{"FreeSWITCH siptrace", regexp.MustCompile(`^(recv|send) (\d+) bytes (?:from|to) (\w+)/\[([^\]]+)\]:(\d+) at (\d\d:\d\d:\d\d(?:\.\d+)?):`), func(m []string) meta {
		mt := meta{transport: strings.ToLower(m[3]), time: clock(m[6])}
		mt.size, _ = strconv.Atoi(m[2])
		addr := joinHostPort(m[4], m[5])
		if m[1] == "recv" {
			mt.src = addr
		} else {
			mt.dst = addr
		}
		return mt
	}},
	// tcpdump -A: "12:00:00.123456 IP 54.172.60.0.5060 > 203.0.113.10.5060:
	// SIP: INVITE ..." (or "UDP, length 912", "Flags [P.], ..."), -tttt
	// with a date; then the packet printed as text.
	{"tcpdump -A", regexp.MustCompile(`^(?:(\d{4}-\d\d-\d\d) )?(\d\d:\d\d:\d\d\.\d+) (?:\S+ +(?:In|Out|M|B|P) +)?IP6? ` + tcpdumpHost + `\.(\d+) > ` + tcpdumpHost + `\.(\d+): (.*)$`), func(m []string) meta {
		mt := meta{time: clock(m[2]), src: joinHostPort(m[3], m[4]), dst: joinHostPort(m[5], m[6]), transport: "udp", search: true}
		if m[1] != "" {
			mt.time = dated(m[1] + " " + m[2])
		}
		if strings.HasPrefix(m[7], "Flags [") {
			mt.transport = "tcp"
		}
		return mt
	}},
	// tcpdump -A of a packet without ports: ICMP, such as "IP 203.0.113.10 >
	// 54.172.60.0: ICMP 203.0.113.10 udp port 5060 unreachable, length 556",
	// which quotes the datagram refused.
	{"tcpdump -A", regexp.MustCompile(`^(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\.\d+ (?:\S+ +(?:In|Out|M|B|P) +)?IP6? (\S+) > (\S+): (.*)$`), func(m []string) meta {
		mt := meta{skip: true}
		if u := icmpUnreachable.FindStringSubmatch(m[3]); u != nil {
			mt.refused, mt.from = joinHostPort(u[1], u[2]), m[2]
		}
		return mt
	}},
	// sngrep "Save as .txt": "2026/03/01 12:00:00.123456 54.172.60.0:5060 ->
	// 203.0.113.10:5060".
	{"sngrep", regexp.MustCompile(`^(\d{4})/(\d\d)/(\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?) (\S+) -> (\S+)$`), func(m []string) meta {
		return meta{time: dated(m[1] + "-" + m[2] + "-" + m[3] + " " + m[4]), src: m[5], dst: m[6]}
	}},
	// Kamailio, logging a message with xlog("... $si:$sp ...\n$mb"): the log
	// line's prefix, then the message's lines. The prefix is
	// " 0(1234) INFO: <script>: " on stderr, or syslog's
	// "Mar  1 12:00:00 host kamailio[1234]: INFO: <script>: ".
	{"Kamailio", regexp.MustCompile(`(?:^\s*\d+\(\d+\)|kamailio\[\d+\]:) (?:[A-Z]+: )?<script>: (.*)$`), func(m []string) meta {
		mt := meta{}
		if a := kamailioPeer.FindStringSubmatch(m[1]); a != nil {
			if a[1] == "from" {
				mt.src = a[2]
			} else {
				mt.dst = a[2]
			}
		}
		return mt
	}},
}

// kamailioPeer is the address an xlog line names: "received INVITE from
// $si:$sp", "sent reply to $sndto(ip):$sndto(port)".
var kamailioPeer = regexp.MustCompile(`\b(from|to) ((?:\d{1,3}\.){3}\d{1,3}:\d+)`)

// asteriskTime reads the "[2026-03-01 12:00:00.123]" or "[Mar  1
// 12:00:00]" prefix of an Asterisk log line.
var asteriskTime = regexp.MustCompile(`^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?)\]|^\[[A-Z][a-z]{2} +\d+ (\d\d:\d\d:\d\d)\]`)

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

// A message ends at one of these lines (or at a blank line once it has
// its body): chan_sip's closing marker, FreeSWITCH's dashes.
func endsMessage(line string) bool {
	t := strings.TrimSpace(line)
	return t == "<------------->" || strings.HasPrefix(t, "-----------") || strings.HasPrefix(t, "<------")
}

// readSIPText reads every SIP message in text, and returns the text with
// the lines it used blanked, for the codes reader.
func (ev *Evidence) readSIPText(item *Item, text string) string {
	raw := strings.Split(text, "\n")
	for i := range raw {
		raw[i] = strings.TrimSuffix(raw[i], "\r")
	}
	// lines are raw with tcpdump's IP fragments joined to the packet they
	// continue; orig maps each back to its line in raw.
	lines, orig := joinFragments(raw)
	used := make([]bool, len(raw))
	use := func(i int) {
		used[orig[i]] = true
		if i+1 < len(orig) && orig[i+1] > orig[i]+1 {
			for k := orig[i] + 1; k < orig[i+1]; k++ {
				used[k] = true // the fragment's own lines, joined
			}
		}
	}
	counts := map[string]int{}
	var order []string
	var pending *meta
	pendingLine, skipping := -1, false
	for i := 0; i < len(lines); i++ {
		if mt, ok := announce(lines[i]); ok {
			pending, pendingLine, skipping = &mt, i, mt.skip
			if mt.refused != "" {
				ev.Refused = append(ev.Refused, Refusal{Ref: Ref{Source: item.Source, Line: orig[i] + 1}, Time: mt.time, Proto: "udp", From: mt.from, To: mt.refused})
			}
			if mt.format != "Kamailio" {
				// Kamailio's line may be a log line the codes reader
				// wants, unless a message follows it.
				use(i)
				continue
			}
		}
		if skipping {
			use(i)
			continue
		}
		start, at := -1, 0
		if capture.LooksLikeSIP([]byte(strings.TrimLeft(lines[i], " \t"))) {
			start, at = i, len(lines[i])-len(strings.TrimLeft(lines[i], " \t"))
		} else if pending != nil && pending.search && i-pendingLine <= 6 {
			if k := sipStart(lines[i]); k >= 0 {
				start, at = i, k
			}
		} else if pending != nil && pending.format == "Kamailio" && i == pendingLine {
			// xlog("...: $mb") puts the start line on the log line itself.
			if k := sipStart(lines[i]); k >= 0 {
				start, at = i, k
			}
		}
		if start < 0 {
			continue
		}
		end := messageEnd(lines, start+1)
		msgLines := append([]string{lines[start][at:]}, lines[start+1:end]...)
		m, err := Parse(strings.Join(msgLines, "\r\n") + "\r\n")
		if err != nil {
			if err == errNotMessage {
				continue // a mention of a response: the codes reader reads it
			}
			item.Problems = append(item.Problems, "line "+strconv.Itoa(orig[start]+1)+": "+err.Error())
			for k := start; k < end; k++ {
				use(k)
			}
			i = end - 1
			continue
		}
		mt := meta{format: "raw SIP"}
		if pending != nil && start-pendingLine <= 8 {
			mt = *pending
			use(pendingLine)
		}
		if mt.time.IsZero() && pendingLine >= 0 && pending != nil && start-pendingLine <= 8 {
			mt.time = logTime(lines[pendingLine])
		}
		m.Ref = Ref{Source: item.Source, Line: orig[start] + 1}
		m.Format, m.Time, m.Src, m.Dst, m.Transport = mt.format, mt.time, mt.src, mt.dst, mt.transport
		if mt.size > 0 {
			m.Size = mt.size
		}
		if m.Transport == "" {
			m.Transport = viaTransport(m)
		}
		ev.Messages = append(ev.Messages, m)
		if counts[mt.format] == 0 {
			order = append(order, mt.format)
		}
		counts[mt.format]++
		for k := start; k < end; k++ {
			use(k)
		}
		pending = nil
		i = end - 1
	}
	if len(order) > 0 {
		var parts []string
		for _, f := range order {
			parts = append(parts, strconv.Itoa(counts[f])+" from "+f)
		}
		item.Kinds = append(item.Kinds, "SIP messages: "+strings.Join(parts, ", "))
	}
	for i, u := range used {
		if u {
			raw[i] = ""
		}
	}
	return strings.Join(raw, "\n")
}

// announce reads a line that comes before a message in some log format.
func announce(line string) (meta, bool) {
	// Every format's line has one of these; most lines have none, and the
	// regular expressions are not run on them.
	if !strings.Contains(line, "<---") && !strings.Contains(line, " bytes ") && !strings.Contains(line, " > ") &&
		!strings.Contains(line, " -> ") && !strings.Contains(line, "<script>") {
		return meta{}, false
	}
	for _, a := range announcers {
		if m := a.re.FindStringSubmatch(line); m != nil {
			mt := a.read(m)
			mt.format = a.format
			if mt.time.IsZero() {
				mt.time = logTime(line)
			}
			return mt, true
		}
	}
	return meta{}, false
}

// logTime reads an Asterisk log line's time prefix.
func logTime(line string) time.Time {
	m := asteriskTime.FindStringSubmatch(line)
	switch {
	case m == nil:
		return time.Time{}
	case m[1] != "":
		return dated(m[1])
	}
	return clock(m[2])
}

// sipStart finds where a SIP start line begins inside line (tcpdump -A
// prints the IP and UDP headers as text before it), or -1.
func sipStart(line string) int {
	for i := 0; i < len(line); i++ {
		c := line[i]
		// The header's bytes may print as capitals just before it
		// ("KINVITE sip:"): only a method followed by a SIP URI counts.
		if c >= 'A' && c <= 'Z' && capture.LooksLikeSIP([]byte(line[i:])) {
			return i
		}
	}
	return -1
}

// messageEnd is the index after the last line of the message whose start
// line came just before from: its headers, a blank line, then the body up
// to a blank line, the next message or log line, or Content-Length.
func messageEnd(lines []string, from int) int {
	i := from
	length := -1
	for ; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) == "" || endsMessage(l) {
			break
		}
		if _, ok := announce(l); ok {
			return i
		}
		if name, v, ok := strings.Cut(l, ":"); ok && (strings.EqualFold(strings.TrimSpace(name), "Content-Length") || strings.TrimSpace(name) == "l") {
			length, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	if i >= len(lines) || endsMessage(lines[i]) || length == 0 {
		return i
	}
	// The blank line, then the body.
	i++
	read := 0
	for ; i < len(lines) && (length < 0 || read < length); i++ {
		l := lines[i]
		if strings.TrimSpace(l) == "" || endsMessage(l) || capture.LooksLikeSIP([]byte(l)) {
			break
		}
		if _, ok := announce(l); ok {
			break
		}
		read += len(l) + 2
	}
	return i
}

// viaTransport is the transport the top Via names.
func viaTransport(m Message) string {
	via := m.Values("Via")
	if len(via) == 0 {
		return ""
	}
	proto, _, _ := strings.Cut(via[0], " ")
	if _, t, ok := strings.Cut(proto, "/2.0/"); ok {
		return strings.ToLower(t)
	}
	return ""
}
