// Package evidencegen makes evidence for the tests of Diagnose's readers
// (sipcompose/evidence and sipcompose/diagnose): the recorded samples, and
// inputs made from them and from each log format's lines with random
// addresses, times and words, then changed a byte or a line at a time.
// The same seed always makes the same input, so that two revisions of a
// reader can be compared on exactly the same inputs.
package evidencegen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Sample is one recorded input: a file of the repository's testdata.
type Sample struct {
	Name string
	Data []byte
}

// sampleDirs hold the recorded inputs, from the repository's root: every
// format the evidence reader reads, and the real-traffic recordings.
var sampleDirs = []string{"sipcompose/evidence/testdata", "sipcompose/diagnose/testdata/live"}

// Samples reads every recorded input (not the goldens nor cases.json).
func Samples(t testing.TB) []Sample {
	t.Helper()
	root := repoRoot(t)
	var out []Sample
	for _, dir := range sampleDirs {
		files, err := filepath.Glob(filepath.Join(root, dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, ".golden") || filepath.Base(f) == "cases.json" {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, Sample{Name: filepath.Base(f), Data: data})
		}
	}
	if len(out) < 40 {
		t.Fatalf("found %d samples under %v", len(out), sampleDirs)
	}
	return out
}

// repoRoot is the directory with go.mod, above the test's own.
func repoRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = up
	}
}

// Input makes one input from the samples for a seed: a sample with some
// of its lines changed, removed or repeated; a text of generated lines,
// each format's announcing lines followed by a message from a sample, and
// codes, parameters and log lines between them; or a capture with a few
// bytes changed.
func Input(samples []Sample, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	s := samples[r.IntN(len(samples))]
	switch n := r.IntN(10); {
	case n < 4:
		return []byte(strings.Join(changeLines(r, lines(s.Data)), "\n"))
	case n < 9:
		return []byte(generatedText(r, samples))
	default:
		data := slices.Clone(s.Data)
		for range 1 + r.IntN(4) {
			if len(data) > 0 {
				data[r.IntN(len(data))] = byte(r.IntN(256))
			}
		}
		return data
	}
}

// Lines are every line of the samples and of inputs seeds 0 to n-1, each
// also changed once: what a recogniser of one line is tried on.
func Lines(samples []Sample, n int) []string {
	var out []string
	r := rand.New(rand.NewPCG(uint64(n), 0x11e5))
	add := func(data []byte) {
		for _, l := range lines(data) {
			out = append(out, l, ChangeLine(r, l))
		}
	}
	for _, s := range samples {
		add(s.Data)
	}
	for i := range n {
		add(Input(samples, uint64(i)))
	}
	return out
}

// lines splits data as the text readers do: at "\n", one "\r" dropped.
func lines(data []byte) []string {
	out := strings.Split(string(data), "\n")
	for i := range out {
		out[i] = strings.TrimSuffix(out[i], "\r")
	}
	return out
}

// changeLines changes, removes or repeats some lines, and swaps two.
func changeLines(r *rand.Rand, ls []string) []string {
	var out []string
	for _, l := range ls {
		switch r.IntN(12) {
		case 0:
			continue
		case 1:
			out = append(out, l, l)
		case 2, 3:
			out = append(out, ChangeLine(r, l))
		default:
			out = append(out, l)
		}
	}
	if len(out) > 2 && r.IntN(3) == 0 {
		i, j := r.IntN(len(out)), r.IntN(len(out))
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// tokens are what the readers look for, put into lines at random: each
// format's markers, separators, and a few characters that are easy to get
// wrong (the Kelvin sign and the long s fold to k and s; an ESC starts a
// colour).
var tokens = []string{
	"<--- ", " --->", " > ", " -> ", "<script>: ", "ICMP ", "ICMP6 ", " udp port ", " unreachable", ": ", "\t", " ", "  ",
	"SIP/2.0 ", "Error ", "error_code", "ErrorCode=", "/api/errors/", "/API/ERRORS/", "code", "\u017f", "\u212a", "\x1b[0m", "\x1b[1;31m",
	"[", "]", "(", ")", "IP6 ", "IP ", "Flags [P.], ", ", length ", "ip-proto-17", "kamailio[1]: ", "%2F", "%", "%zz",
	" In ", " Out ", "eth0 ", "lo ", ".", ":", "::", "=", "\"", ",", ";", "/", "-", "_", "0", "9", "12345", "\r", "\f", "\v",
	"NOTICE", "WARNING", "ERROR", "ERR", "CRIT", "<core>", "bytes ", "from ", "to ", "udp/[", "]:", " at ",
}

// ChangeLine changes a line once: a character or a token put in, a byte
// taken out or replaced by a character, a piece repeated, the end cut off, a letter's case
// flipped or a digit changed.
func ChangeLine(r *rand.Rand, l string) string {
	at := 0
	if len(l) > 0 {
		at = r.IntN(len(l) + 1)
	}
	switch r.IntN(8) {
	case 0, 1:
		return l[:at] + tokens[r.IntN(len(tokens))] + l[at:]
	case 2:
		return l[:at] + ascii(r) + l[at:]
	case 3:
		if at < len(l) {
			return l[:at] + l[at+1:]
		}
	case 4:
		if at < len(l) {
			return l[:at] + ascii(r) + l[at+1:]
		}
	case 5:
		if at < len(l) {
			end := min(len(l), at+1+r.IntN(8))
			return l[:end] + l[at:]
		}
	case 6:
		return l[:at]
	case 7:
		for i := at; i < len(l); i++ {
			switch c := l[i]; {
			case c >= '0' && c <= '9':
				return l[:i] + string(rune('0'+r.IntN(10))) + l[i+1:]
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				return l[:i] + string(c^0x20) + l[i+1:]
			}
		}
	}
	return l
}

// ascii is an ASCII character other than a line feed: a line never holds
// one, as the readers split text into lines first.
func ascii(r *rand.Rand) string {
	c := byte(r.IntN(127))
	if c >= '\n' {
		c++
	}
	return string(c)
}

// generatedText is a paste of pieces: each a line of some format,
// sometimes followed by a SIP message from a sample, sometimes changed.
func generatedText(r *rand.Rand, samples []Sample) string {
	var b strings.Builder
	for range 1 + r.IntN(12) {
		line := formatLine(r)
		if r.IntN(4) == 0 {
			line = ChangeLine(r, line)
		}
		b.WriteString(line)
		b.WriteString(lineEnd(r))
		if r.IntN(2) == 0 {
			b.WriteString(message(r, samples))
		}
	}
	return b.String()
}

func lineEnd(r *rand.Rand) string {
	if r.IntN(4) == 0 {
		return "\r\n"
	}
	return "\n"
}

// message is a SIP message from a sample: the lines from a start line to
// the next blank line, and the body after it sometimes.
func message(r *rand.Rand, samples []Sample) string {
	for range 20 {
		ls := lines(samples[r.IntN(len(samples))].Data)
		var starts []int
		for i, l := range ls {
			if strings.HasPrefix(l, "SIP/2.0 ") || strings.Contains(l, " sip:") && strings.HasSuffix(l, " SIP/2.0") {
				starts = append(starts, i)
			}
		}
		if len(starts) == 0 {
			continue
		}
		i := starts[r.IntN(len(starts))]
		end := i
		for end < len(ls) && strings.TrimSpace(ls[end]) != "" {
			end++
		}
		if r.IntN(2) == 0 {
			for end++; end < len(ls) && strings.TrimSpace(ls[end]) != ""; end++ {
			}
		}
		return strings.Join(ls[i:min(end, len(ls))], "\n") + "\n"
	}
	return ""
}

// formatLine is a line of one of the formats the readers know (or nearly),
// with random addresses, ports, times and words.
func formatLine(r *rand.Rand) string {
	pick := func(s ...string) string { return s[r.IntN(len(s))] }
	addr, port := address(r), strconv.Itoa(r.IntN(70000))
	hostPort := addr + ":" + port
	if strings.Contains(addr, ":") && r.IntN(2) == 0 {
		hostPort = "[" + addr + "]:" + port
	}
	code := strconv.Itoa(10000 + r.IntN(90000))
	switch r.IntN(16) {
	case 0:
		return fmt.Sprintf("%s<--- %s SIP %s (%d bytes) %s %s:%s --->", pick("", "["+date(r, "-")+" "+clock(r)+"] VERBOSE[2101] res_pjsip_logger.c: "),
			pick("Received", "Transmitting"), pick("request", "response"), r.IntN(5000), pick("from", "to"), pick("UDP", "TCP", "TLS", "x"), hostPort)
	case 1:
		return fmt.Sprintf("%s<--- SIP read from %s:%s --->", pick("", "[Mar  1 12:00:00] ", "[Dec 31 "+clock(r)+"] "), pick("UDP", "TCP"), hostPort)
	case 2:
		return fmt.Sprintf("<--- %sTransmitting (%sNAT) to %s%s --->", pick("", "Reliably "), pick("", "no "), hostPort, pick("", ":"))
	case 3:
		return fmt.Sprintf("%s %d bytes %s %s/[%s]:%s at %s:", pick("recv", "send"), r.IntN(5000), pick("from", "to"), pick("udp", "tcp"), addr, port, clock(r))
	case 4:
		return fmt.Sprintf("%s%s %sIP%s %s.%s > %s.%s: %s", pick("", date(r, "-")+" "), clock(r), pick("", "lo    In  ", "eth0 Out ", "any M "), pick("", "6"),
			addr, port, address(r), strconv.Itoa(r.IntN(70000)), pick("SIP: INVITE sip:x@y SIP/2.0", "UDP, length 912", "Flags [P.], seq 1:913, ack 1, win 512, length "+strconv.Itoa(r.IntN(2000)), "ip-proto-17", "Flags [S], length 0"))
	case 5:
		return fmt.Sprintf("%s %sIP %s > %s: %s", clock(r), pick("", "lo In "), addr, address(r), pick("ICMP "+address(r)+" udp port "+port+" unreachable, length 556", "ip-proto-17", "ICMP6 x udp port 1 unreachable"))
	case 6:
		return fmt.Sprintf("%s %s %s -> %s", date(r, "/"), clock(r), hostPort, address(r)+":"+port)
	case 7:
		return fmt.Sprintf("%s%s: %s<script>: %s %s %s", pick(" 0(1234)", "Mar  1 12:00:00 pbx kamailio[4321]", "12(34)"), "", pick("", "NOTICE: ", "INFO: "),
			pick("received INVITE", "sent reply", "x"), pick("from", "to"), hostPort)
	case 8:
		return fmt.Sprintf("[%s] %s[%d]%s %s: %s", date(r, "-")+" "+clock(r), pick("NOTICE", "WARNING", "ERROR", "VERBOSE"), r.IntN(9999), pick("", "[C-00000001]"), pick("res_pjsip/pjsip_distributor.c", "chan_sip.c:1234 handle_request"), pick("No matching endpoint found", "Failed to authenticate"))
	case 9:
		return fmt.Sprintf("%s %s %s[%s] sofia.c:1 %s", date(r, "-"), clock(r), pick("", "[abc] "), pick("NOTICE", "WARNING", "ERR", "ERROR", "CRIT", "DEBUG"), pick("Rejected by acl", "x"))
	case 10:
		return fmt.Sprintf("%s %s: %s", pick(" 0(99)", "Mar  1 12:00:00 h kamailio[7]:"), pick("WARNING", "ERROR", "CRITICAL", "ALERT", "BUG", "INFO"), pick("auth [api.c:1]: No credentials", "x"))
	case 11:
		return pick(code, code+", "+code, code+" / "+code, code+"\t"+code, "  "+code+" ", code+"1")
	case 12:
		return fmt.Sprintf("%s%s%s%s", pick("", "Twilio says ", "see "), pick("Error", "error", "Warning", "alert", "Code", "error_code", "ErrorCode", "https://www.twilio.com/docs/api/errors/", "x-error"),
			pick(" ", "", ": ", " code ", " - ", "=", " #", `: "`), code+pick("", ".", "x", " in the debugger"))
	case 13:
		return fmt.Sprintf("%s%s%s%s%s", pick("", "  ", "\""), pick("DialCallStatus", "DialSipResponseCode", "SipHeader_X-Why", "CallSid", "Unknown", "9bad"), pick("", "\""), pick(": ", "=", "\t", " :", " \t "), pick("failed", "487", `"busy",`, `"x" `, ""))
	case 14:
		return fmt.Sprintf("the PBX sent SIP/2.0 %d %s back", 100+r.IntN(600), pick("Not Found", "", "OK\r"))
	}
	return fmt.Sprintf("\x1b[%sm%s\x1b[0m", pick("", "1;31", "0"), pick("NOTICE", "INVITE sip:a@b SIP/2.0"))
}

// address is an IPv4 or IPv6 address, or something near one.
func address(r *rand.Rand) string {
	switch r.IntN(6) {
	case 0, 1, 2:
		return fmt.Sprintf("%d.%d.%d.%d", r.IntN(256), r.IntN(256), r.IntN(256), r.IntN(1200))
	case 3:
		return fmt.Sprintf("2001:db8::%x", r.IntN(0x10000))
	case 4:
		return fmt.Sprintf("fe80::%x:%x", r.IntN(0x10000), r.IntN(0x10000))
	}
	return [...]string{"::1", "::ffff:1.2.3.4", "pbx.example.com", "1.2.3", "a:b", ":"}[r.IntN(6)]
}

// date is a date with sep between its parts ("2026-03-01").
func date(r *rand.Rand, sep string) string {
	return fmt.Sprintf("%04d%s%02d%s%02d", 1990+r.IntN(60), sep, 1+r.IntN(12), sep, 1+r.IntN(28))
}

// clock is a time of day with a fraction of 0 to 9 digits.
func clock(r *rand.Rand) string {
	c := fmt.Sprintf("%02d:%02d:%02d", r.IntN(24), r.IntN(60), r.IntN(60))
	if n := r.IntN(10); n > 0 {
		c += "."
		for range n {
			c += strconv.Itoa(r.IntN(10))
		}
	}
	return c
}

// Corpus reads the inputs of a Go fuzz corpus directory (files written by
// go test -fuzz): each file's []byte and string values, not its numbers;
// none when dir does not exist.
func Corpus(t testing.TB, dir string) [][]byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	var out [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n")[1:] {
			_, lit, ok := strings.Cut(l, "(")
			if !strings.HasPrefix(l, "[]byte(") && !strings.HasPrefix(l, "string(") || !ok {
				continue
			}
			v, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			out = append(out, []byte(v))
		}
	}
	return out
}
