package logline

import (
	"slices"
	"strconv"
	"strings"
)

// What a line mentions about a call besides a message: Twilio's codes, a
// SIP response, a callback parameter, a PBX's complaint.

// CodesInText finds the Twilio error and warning numbers a line says are
// one: "Error 32011", "error_code: 13224", "Warning - 32011",
// ".../docs/api/errors/32011", "ErrorCode=32011". A number is five digits
// that no letter or digit follows, after "/api/errors/" or after a word
// (in any case) that names a code, then "code", one of ":#=-" and a quote,
// each optional, with white space between.
func CodesInText(line string) []int {
	var out []int
	for i := 0; i < len(line); {
		n, rest, ok := codeAt(line, i)
		if !ok {
			i++
			continue
		}
		out = append(out, n)
		i = len(line) - len(rest)
	}
	return out
}

// codeWords are the words after which a number is a Twilio code.
var codeWords = []string{"error", "warning", "alert", "code", "errorcode", "error_code"}

// codeAt reads a code that the text at line[i:] starts: its number and
// the rest of the line after it.
func codeAt(line string, i int) (int, string, bool) {
	var rest string
	switch {
	case line[i] == '/':
		var ok bool
		if rest, ok = cutPrefixFold(line[i:], "/api/errors/"); !ok {
			return 0, "", false
		}
	case isLetter(line[i]) && (i == 0 || !isWord(line[i-1])):
		w := wordRun(line[i:])
		if !slices.ContainsFunc(codeWords, func(c string) bool { return strings.EqualFold(w, c) }) {
			return 0, "", false
		}
		rest = strings.TrimLeft(line[i+len(w):], spaces)
		if len(rest) >= 4 && strings.EqualFold(rest[:4], "code") {
			rest = rest[4:]
		}
		rest = strings.TrimLeft(rest, spaces)
		if rest != "" && strings.IndexByte(":#=-", rest[0]) >= 0 {
			rest = rest[1:]
		}
		rest = strings.TrimPrefix(strings.TrimLeft(rest, spaces), `"`)
	default:
		return 0, "", false
	}
	if len(rest) < 5 || len(digits(rest[:5])) != 5 || len(rest) > 5 && isWord(rest[5]) {
		return 0, "", false
	}
	n, _ := strconv.Atoi(rest[:5])
	return n, rest[5:], true
}

// CodeLine reads a line of nothing but codes: "32011", "32011, 13224",
// "32011 / 13224". Each is five digits; between two, white space with one
// comma, semicolon or slash in it, or at least one space.
func CodeLine(line string) ([]int, bool) {
	rest := trimSpaces(line)
	var out []int
	for {
		if len(rest) < 5 || len(digits(rest[:5])) != 5 {
			return nil, false
		}
		n, _ := strconv.Atoi(rest[:5])
		out = append(out, n)
		rest = rest[5:]
		if rest == "" {
			return out, true
		}
		next := strings.TrimLeft(rest, spaces+",;/")
		between := rest[:len(rest)-len(next)]
		marks := strings.Count(between, ",") + strings.Count(between, ";") + strings.Count(between, "/")
		if marks > 1 || marks == 0 && !strings.Contains(between, " ") {
			return nil, false
		}
		rest = next
	}
}

// StatusMention finds a SIP status line mentioned in a line ("the PBX sent
// SIP/2.0 404 Not Found back"): its code and what follows, to a line end.
func StatusMention(line string) (string, bool) {
	rest := line
	for {
		_, after, found := strings.Cut(rest, "SIP/2.0 ")
		if !found {
			return "", false
		}
		rest = after
		if len(rest) >= 3 && '1' <= rest[0] && rest[0] <= '6' && isDigit(rest[1]) && isDigit(rest[2]) {
			reason, _ := strings.CutPrefix(rest[3:], " ")
			if !strings.HasPrefix(rest[3:], " ") {
				reason = ""
			}
			if end := strings.IndexAny(reason, "\r\n"); end >= 0 {
				reason = reason[:end]
			}
			return strings.TrimSpace(rest[:3] + " " + reason), true
		}
	}
}

// Param reads a parameter written one a line: "Name: value",
// "Name=value" or "Name<TAB>value", as a callback's parameters are pasted
// from a log or a table. The name is letters, digits, _ and -, starting
// with a letter; name and value may be quoted and the value may end with a
// comma, as in JSON.
func Param(line string) (name, value string, ok bool) {
	rest := strings.TrimPrefix(strings.TrimLeft(line, spaces), `"`)
	if rest == "" || !isLetter(rest[0]) {
		return "", "", false
	}
	n := 1
	for n < len(rest) && (isWord(rest[n]) || rest[n] == '-') {
		n++
	}
	name, rest = rest[:n], strings.TrimPrefix(rest[n:], `"`)
	// White space, then ":" or "="; else the last tab in the white space.
	blank := len(rest) - len(strings.TrimLeft(rest, spaces))
	if blank < len(rest) && (rest[blank] == ':' || rest[blank] == '=') {
		rest = rest[blank+1:]
	} else if tab := strings.LastIndexByte(rest[:blank], '\t'); tab >= 0 {
		rest = rest[tab+1:]
	} else {
		return "", "", false
	}
	value = strings.TrimPrefix(strings.TrimLeft(rest, spaces), `"`)
	value = strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(value, spaces), ","), `"`)
	return name, value, true
}

// PBXLog names the PBX whose log format line is in, or "".
func PBXLog(line string) string {
	switch {
	case asteriskLog(line):
		return "Asterisk"
	case freeswitchLog(line):
		return "FreeSWITCH"
	case kamailioLog(line):
		return "Kamailio"
	}
	return ""
}

// asteriskLog: a NOTICE, WARNING or ERROR line of Asterisk's log,
// "[2026-03-01 12:00:00] NOTICE[2101][C-00000001] res_pjsip.c: ...",
// the call's id in brackets being optional.
func asteriskLog(line string) bool {
	sc := newScanner(line)
	date := sc.bracketed()
	sc.oneOf(" NOTICE[", " WARNING[", " ERROR[")
	sc.number("]")
	if strings.HasPrefix(sc.rest, "[") {
		sc.bracketed()
	}
	sc.lit(" ")
	sc.field(": ")
	return sc.ok && date != ""
}

// freeswitchLog: a NOTICE, WARNING, ERR, ERROR or CRIT line of
// FreeSWITCH's log, "2026-03-01 12:00:00.123456 [NOTICE] ...", with a
// word in brackets before the level or not.
func freeswitchLog(line string) bool {
	levels := []string{"[NOTICE] ", "[WARNING] ", "[ERR] ", "[ERROR] ", "[CRIT] "}
	sc := newScanner(line)
	sc.date("-")
	sc.lit(" ")
	sc.clock(true)
	sc.lit(" ")
	withWord := sc
	if w := withWord.bracketed(); w != "" && wordRun(w) == w {
		withWord.lit(" ")
		withWord.oneOf(levels...)
		if withWord.ok {
			return true
		}
	}
	sc.oneOf(levels...)
	return sc.ok
}

// kamailioLog: Kamailio's warnings and errors, and its script's own lines
// (xlog), not the INFO it logs at start-up.
func kamailioLog(line string) bool {
	for _, tail := range kamailioTails(line) {
		level := newScanner(tail)
		if level.oneOf("WARNING: ", "ERROR: ", "CRITICAL: ", "ALERT: ", "BUG: "); level.ok {
			return true
		}
		if _, ok := scriptLine(tail); ok {
			return true
		}
	}
	return false
}

// WithoutColours removes the terminal colour escapes Asterisk's console
// writes: ESC, "[", digits and semicolons, "m".
func WithoutColours(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			break
		}
		codes := strings.TrimLeft(s[i+2:], "0123456789;")
		if rest, ok := strings.CutPrefix(codes, "m"); ok {
			b.WriteString(s[:i])
			s = rest
		} else {
			b.WriteString(s[:i+1])
			s = s[i+1:]
		}
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s)
	return b.String()
}
