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
	out := make([]string, 0, len(lines))
	orig := make([]int, 0, len(lines))
	// last is, per direction, the index in out of the last line of the
	// last packet that had SIP in it.
	last := map[string]int{}
	for i := 0; i < len(lines); i++ {
		p, ok := logline.Packet(lines[i])
		if !ok {
			out, orig = append(out, lines[i]), append(orig, i)
			continue
		}
		next := i + 1
		for next < len(lines) && !isPacket(lines[next]) {
			next++
		}
		flow := p.Src + ">" + p.Dst
		at, seen := last[flow]
		text := strings.Join(lines[i+1:next], "\n")
		var payload string
		switch {
		case !seen || slices.ContainsFunc(lines[i+1:next], func(l string) bool { return sipStart(l) >= 0 }):
			payload = "\x00" // not a continuation
		case p.Fragment:
			payload = text[min(20, len(text)):]
		case p.Length != "" && p.Length != "0":
			n, _ := strconv.Atoi(p.Length)
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
		if out[at] != "" && !logline.StartsLine(cont[0]) {
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

func isPacket(line string) bool {
	_, ok := logline.Packet(line)
	return ok
}
