package evidence

import (
	"slices"
	"strconv"
	"strings"

	"sipcompose/sipcompose/internal/logline"
)

// Packets that tcpdump -A prints in pieces: a message carried on in a
// later IP fragment or TCP segment (logline reads the line before each
// packet).

// joinFragments joins the text tcpdump -A prints for a packet that
// carries on a SIP message (a later IP fragment of a UDP datagram, or a
// later TCP segment) to the packet the message started in, so it reads
// whole. Each packet's text starts with its headers, one character a
// byte: a fragment's 20-byte IP header; for a segment, what is left
// once its payload (length bytes, a printed line end being CRLF) is
// taken from the end. The payload carries on in mid-line unless it starts
// a header or SDP line. orig maps each line returned to its line in lines.
func joinFragments(lines []string) ([]string, []int) {
	// The lines are kept as a list, so that a packet's text goes in after
	// the message it carries on without moving every line after that.
	type line struct {
		text string
		orig int
		next *line
	}
	first := &line{} // before the first line
	end := first
	add := func(after *line, text string, orig int) *line {
		l := &line{text: text, orig: orig, next: after.next}
		after.next = l
		if after == end {
			end = l
		}
		return l
	}
	// last is, per direction, the last line of the last packet that had
	// SIP in it.
	last := map[string]*line{}
	for i := 0; i < len(lines); i++ {
		p, ok := logline.Packet(lines[i])
		if !ok {
			add(end, lines[i], i)
			continue
		}
		next := i + 1
		for next < len(lines) && !isPacket(lines[next]) {
			next++
		}
		flow := p.Src + ">" + p.Dst
		at, seen := last[flow]
		hasSIP := slices.ContainsFunc(lines[i+1:next], func(l string) bool { return sipStart(l) >= 0 })
		var payload string
		continues := seen && !hasSIP
		switch {
		case !continues:
		case p.Fragment:
			text := strings.Join(lines[i+1:next], "\n")
			payload = text[min(20, len(text)):]
		case p.Length != "" && p.Length != "0":
			n, _ := strconv.Atoi(p.Length)
			payload = tailBytes(strings.Join(lines[i+1:next], "\n"), n)
		default:
			continues = false
		}
		if !continues {
			// Not a continuation: the packet's lines as they are.
			for k := i; k < next; k++ {
				add(end, lines[k], k)
			}
			if hasSIP {
				last[flow] = end
			}
			i = next - 1
			continue
		}
		cont := strings.Split(payload, "\n")
		if at.text != "" && !logline.StartsLine(cont[0]) {
			at.text += cont[0]
			cont = cont[1:]
		}
		for k, text := range cont {
			at = add(at, text, min(i+1+k, next-1))
		}
		last[flow] = at
		i = next - 1
	}
	out := make([]string, 0, len(lines))
	orig := make([]int, 0, len(lines))
	for l := first.next; l != nil; l = l.next {
		out, orig = append(out, l.text), append(orig, l.orig)
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

func isPacket(line string) bool {
	_, ok := logline.Packet(line)
	return ok
}
