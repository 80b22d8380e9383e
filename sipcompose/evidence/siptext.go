package evidence

import (
	"strconv"
	"strings"

	"sipcompose/sipcompose/capture"
	"sipcompose/sipcompose/internal/logline"
)

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
	var pending *logline.Meta
	pendingLine, skipping := -1, false
	for i := 0; i < len(lines); i++ {
		if mt, ok := logline.Announce(lines[i]); ok {
			pending, pendingLine, skipping = &mt, i, mt.Skip
			if mt.Refused != "" {
				ev.Refused = append(ev.Refused, Refusal{Ref: Ref{Source: item.Source, Line: orig[i] + 1}, Time: mt.Time, Proto: "udp", From: mt.From, To: mt.Refused})
			}
			if mt.Format != "Kamailio" {
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
		if capture.LooksLikeSIP(strings.TrimLeft(lines[i], " \t")) {
			start, at = i, len(lines[i])-len(strings.TrimLeft(lines[i], " \t"))
		} else if pending != nil && pending.Search && i-pendingLine <= 6 {
			if k := sipStart(lines[i]); k >= 0 {
				start, at = i, k
			}
		} else if pending != nil && pending.Format == "Kamailio" && i == pendingLine {
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
		mt := logline.Meta{Format: "raw SIP"}
		if pending != nil && start-pendingLine <= 8 {
			mt = *pending
			use(pendingLine)
		}
		if mt.Time.IsZero() && pendingLine >= 0 && pending != nil && start-pendingLine <= 8 {
			mt.Time = logline.LogTime(lines[pendingLine])
		}
		m.Ref = Ref{Source: item.Source, Line: orig[start] + 1}
		m.Format, m.Time, m.Src, m.Dst, m.Transport = mt.Format, mt.Time, mt.Src, mt.Dst, mt.Transport
		if mt.Size > 0 {
			m.Size = mt.Size
		}
		if m.Transport == "" {
			m.Transport = viaTransport(m)
		}
		ev.Messages = append(ev.Messages, m)
		if counts[mt.Format] == 0 {
			order = append(order, mt.Format)
		}
		counts[mt.Format]++
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

// sipStart finds where a SIP start line begins inside line (tcpdump -A
// prints the IP and UDP headers as text before it), or -1.
func sipStart(line string) int {
	for i := 0; i < len(line); i++ {
		c := line[i]
		// The header's bytes may print as capitals just before it
		// ("KINVITE sip:"): only a method followed by a SIP URI counts.
		if c >= 'A' && c <= 'Z' && capture.LooksLikeSIP(line[i:]) {
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
		if _, ok := logline.Announce(l); ok {
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
		if strings.TrimSpace(l) == "" || endsMessage(l) || capture.LooksLikeSIP(l) {
			break
		}
		if _, ok := logline.Announce(l); ok {
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
