package logline

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sipcompose/internal/evidencegen"
)

// The text readers once read each format with a regular expression. The
// page's app.wasm cannot carry package regexp (issue 22), so they read
// with plain scanners now; these are the expressions they replaced, kept
// as the oracle the scanners must agree with, line for line, on every
// recorded sample, on generated and changed lines (TestRecognisersAsRegexps)
// and under FuzzRecognisers. A test file is never in the page.
var (
	wasCodeInText   = regexp.MustCompile(`(?i)(?:\b(?:error|warning|alert|code|errorcode|error_code)\b\s*(?:code)?\s*[:#=\-]?\s*"?|/api/errors/)(\d{5})\b`)
	wasCodeLine     = regexp.MustCompile(`^\s*\d{5}(?:\s*[,;/ ]\s*\d{5})*\s*$`)
	wasFiveDigits   = regexp.MustCompile(`\d{5}`)
	wasStatusInText = regexp.MustCompile(`SIP/2\.0 ([1-6]\d\d)(?: ([^\r\n]*))?`)
	wasParamLine    = regexp.MustCompile(`^\s*"?([A-Za-z][A-Za-z0-9_-]*)"?\s*(?::|=|\t)\s*"?(.*?)"?,?\s*$`)
	wasPBXLogs      = []struct {
		format string
		re     *regexp.Regexp
	}{
		{"Asterisk", regexp.MustCompile(`^\[[^\]]+\] (?:NOTICE|WARNING|ERROR)\[\d+\](?:\[[^\]]*\])? \S+: `)},
		{"FreeSWITCH", regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ (?:\[\w+\] )?\[(?:NOTICE|WARNING|ERR|ERROR|CRIT)\] `)},
		{"Kamailio", regexp.MustCompile(`(?:^\s*\d+\(\d+\)|kamailio\[\d+\]:) (?:(?:WARNING|ERROR|CRITICAL|ALERT|BUG): |(?:[A-Z]+: )?<script>: )`)},
	}
	wasANSIColour      = regexp.MustCompile(`\x1b\[[0-9;]*m`)
	wasKamailioPeer    = regexp.MustCompile(`\b(from|to) ((?:\d{1,3}\.){3}\d{1,3}:\d+)`)
	wasAsteriskTime    = regexp.MustCompile(`^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?)\]|^\[[A-Z][a-z]{2} +\d+ (\d\d:\d\d:\d\d)\]`)
	wasICMPUnreachable = regexp.MustCompile(`ICMP6? (\S+) udp port (\d+) unreachable`)
	wasStartsLine      = regexp.MustCompile(`^(?:[A-Za-z][A-Za-z0-9-]*: |[a-z]=|$)`)
)

const wasTcpdumpHost = `((?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*)`

var wasTcpdumpPacket = regexp.MustCompile(`^(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\.\d+ (?:\S+ +(?:In|Out|M|B|P) +)?IP6? ` + wasTcpdumpHost + `(?:\.\d+)? > ` + wasTcpdumpHost + `(?:\.\d+)?: (?:(ip-proto-17)|Flags \[[^\]]*\].*, length (\d+)$)?`)

var wasAnnouncers = []struct {
	format string
	re     *regexp.Regexp
	read   func(m []string) Meta
}{
	{"pjsip logger", regexp.MustCompile(`<--- (Received|Transmitting) SIP (?:request|response) \((\d+) bytes\) (?:from|to) (\w+):(\S+) --->`), func(m []string) Meta {
		mt := Meta{Transport: strings.ToLower(m[3])}
		mt.Size, _ = strconv.Atoi(m[2])
		if m[1] == "Received" {
			mt.Src = m[4]
		} else {
			mt.Dst = m[4]
		}
		return mt
	}},
	{"chan_sip", regexp.MustCompile(`<--- SIP read from (\w+):(\S+) --->`), func(m []string) Meta {
		return Meta{Transport: strings.ToLower(m[1]), Src: m[2]}
	}},
	{"chan_sip", regexp.MustCompile(`<--- (?:Reliably )?Transmitting \((?:no )?NAT\) to (\S+?):? --->`), func(m []string) Meta {
		return Meta{Dst: m[1]}
	}},
	{"FreeSWITCH siptrace", regexp.MustCompile(`^(recv|send) (\d+) bytes (?:from|to) (\w+)/\[([^\]]+)\]:(\d+) at (\d\d:\d\d:\d\d(?:\.\d+)?):`), func(m []string) Meta {
		mt := Meta{Transport: strings.ToLower(m[3]), Time: clock(m[6])}
		mt.Size, _ = strconv.Atoi(m[2])
		addr := joinHostPort(m[4], m[5])
		if m[1] == "recv" {
			mt.Src = addr
		} else {
			mt.Dst = addr
		}
		return mt
	}},
	{"tcpdump -A", regexp.MustCompile(`^(?:(\d{4}-\d\d-\d\d) )?(\d\d:\d\d:\d\d\.\d+) (?:\S+ +(?:In|Out|M|B|P) +)?IP6? ` + wasTcpdumpHost + `\.(\d+) > ` + wasTcpdumpHost + `\.(\d+): (.*)$`), func(m []string) Meta {
		mt := Meta{Time: clock(m[2]), Src: joinHostPort(m[3], m[4]), Dst: joinHostPort(m[5], m[6]), Transport: "udp", Search: true}
		if m[1] != "" {
			mt.Time = dated(m[1] + " " + m[2])
		}
		if strings.HasPrefix(m[7], "Flags [") {
			mt.Transport = "tcp"
		}
		return mt
	}},
	{"tcpdump -A", regexp.MustCompile(`^(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\.\d+ (?:\S+ +(?:In|Out|M|B|P) +)?IP6? (\S+) > (\S+): (.*)$`), func(m []string) Meta {
		mt := Meta{Skip: true}
		if u := wasICMPUnreachable.FindStringSubmatch(m[3]); u != nil {
			mt.Refused, mt.From = joinHostPort(u[1], u[2]), m[2]
		}
		return mt
	}},
	{"sngrep", regexp.MustCompile(`^(\d{4})/(\d\d)/(\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?) (\S+) -> (\S+)$`), func(m []string) Meta {
		return Meta{Time: dated(m[1] + "-" + m[2] + "-" + m[3] + " " + m[4]), Src: m[5], Dst: m[6]}
	}},
	{"Kamailio", regexp.MustCompile(`(?:^\s*\d+\(\d+\)|kamailio\[\d+\]:) (?:[A-Z]+: )?<script>: (.*)$`), func(m []string) Meta {
		mt := Meta{}
		if a := wasKamailioPeer.FindStringSubmatch(m[1]); a != nil {
			if a[1] == "from" {
				mt.Src = a[2]
			} else {
				mt.Dst = a[2]
			}
		}
		return mt
	}},
}

// wasAnnounce is Announce as it was.
func wasAnnounce(line string) (Meta, bool) {
	for _, a := range wasAnnouncers {
		if m := a.re.FindStringSubmatch(line); m != nil {
			mt := a.read(m)
			mt.Format = a.format
			if mt.Time.IsZero() {
				m := wasAsteriskTime.FindStringSubmatch(line)
				switch {
				case m == nil:
				case m[1] != "":
					mt.Time = dated(m[1])
				default:
					mt.Time = clock(m[2])
				}
			}
			return mt, true
		}
	}
	return Meta{}, false
}

func wasPBXLog(line string) string {
	for _, l := range wasPBXLogs {
		if l.re.MatchString(line) {
			return l.format
		}
	}
	return ""
}

// disagreement says how the scanners read line otherwise than the
// regular expressions did, or "".
func disagreement(line string) string {
	var was, is []string
	note := func(what string, old, new any) {
		if !reflect.DeepEqual(old, new) {
			was, is = append(was, fmt.Sprintf("%s %#v", what, old)), append(is, fmt.Sprintf("%s %#v", what, new))
		}
	}
	var codes []int
	for _, m := range wasCodeInText.FindAllStringSubmatch(line, -1) {
		n, _ := strconv.Atoi(m[1])
		codes = append(codes, n)
	}
	note("codes in text", codes, CodesInText(line))

	var lineCodes []int
	if wasCodeLine.MatchString(line) {
		lineCodes = []int{}
		for _, f := range wasFiveDigits.FindAllString(line, -1) {
			n, _ := strconv.Atoi(f)
			lineCodes = append(lineCodes, n)
		}
	}
	nums, ok := CodeLine(line)
	if ok && nums == nil {
		nums = []int{}
	}
	note("code line", lineCodes, nums)

	status := ""
	if m := wasStatusInText.FindStringSubmatch(line); m != nil {
		status = "ok " + strings.TrimSpace(m[1]+" "+m[2])
	}
	if s, ok := StatusMention(line); ok {
		note("status mention", status, "ok "+s)
	} else {
		note("status mention", status, "")
	}

	param := []string{}
	if m := wasParamLine.FindStringSubmatch(line); m != nil {
		param = m[1:]
	}
	if name, value, ok := Param(line); ok {
		note("parameter", param, []string{name, value})
	} else {
		note("parameter", param, []string{})
	}

	note("PBX log", wasPBXLog(line), PBXLog(line))
	note("without colours", wasANSIColour.ReplaceAllString(line, ""), WithoutColours(line))

	oldMeta, oldOK := wasAnnounce(line)
	newMeta, newOK := Announce(line)
	note("announced", oldOK, newOK)
	note("Meta", fmt.Sprintf("%+v", oldMeta), fmt.Sprintf("%+v", newMeta))

	oldPacket := []string{}
	if m := wasTcpdumpPacket.FindStringSubmatch(line); m != nil {
		oldPacket = m[1:]
	}
	newPacket := []string{}
	if p, ok := Packet(line); ok {
		fragment := ""
		if p.Fragment {
			fragment = "ip-proto-17"
		}
		newPacket = []string{p.Src, p.Dst, fragment, p.Length}
	}
	note("packet line", oldPacket, newPacket)
	note("starts a line", wasStartsLine.MatchString(line), StartsLine(line))
	if len(was) == 0 {
		return ""
	}
	return fmt.Sprintf("%q\nregexp:   %s\nscanners: %s", line, strings.Join(was, "; "), strings.Join(is, "; "))
}

// TestRecognisersAsRegexps compares the scanners with the expressions on
// every line of the recorded samples and of 300 generated inputs (20,000
// with SIPCOMPOSE_IDENTITY=full, a minute or two), each line also changed
// at random, and counts how often each expression matched, so that the
// lines cannot pass by matching none.
func TestRecognisersAsRegexps(t *testing.T) {
	n := 300
	if os.Getenv("SIPCOMPOSE_IDENTITY") == "full" {
		n = 20_000
	}
	lines := evidencegen.Lines(evidencegen.Samples(t), n)
	matched := map[string]int{}
	count := func(name string, ok bool) {
		if ok {
			matched[name]++
		}
	}
	failures := 0
	for _, l := range lines {
		if d := disagreement(l); d != "" {
			t.Error(d)
			if failures++; failures > 20 {
				t.Fatal("too many")
			}
		}
		count("code in text", wasCodeInText.MatchString(l))
		count("code line", wasCodeLine.MatchString(l))
		count("status", wasStatusInText.MatchString(l))
		count("parameter", wasParamLine.MatchString(l))
		count("PBX log", wasPBXLog(l) != "")
		count("colour", wasANSIColour.MatchString(l))
		count("packet line", wasTcpdumpPacket.MatchString(l))
		count("starts a line", wasStartsLine.MatchString(l))
		for i, a := range wasAnnouncers {
			count(fmt.Sprintf("%s announcer %d", a.format, i), a.re.MatchString(l))
		}
	}
	if len(matched) != 16 {
		t.Errorf("some expressions matched no line: %v", matched)
	}
	for name, k := range matched {
		if k < 20 {
			t.Errorf("%s matched %d lines of %d: the generated lines hardly try it", name, k, len(lines))
		}
	}
	t.Logf("%d lines; matches: %v", len(lines), matched)
}

// FuzzRecognisers: the scanners read any line as the expressions did.
func FuzzRecognisers(f *testing.F) {
	samples := evidencegen.Samples(f)
	r := rand.New(rand.NewPCG(1, 2))
	for _, l := range evidencegen.Lines(samples, 50) {
		if r.IntN(8) == 0 {
			f.Add(l)
		}
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.Contains(line, "\n") {
			return // the readers split text into lines first
		}
		if d := disagreement(line); d != "" {
			t.Fatal(d)
		}
	})
}
