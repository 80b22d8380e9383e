package components

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Output boxes wrap a long line instead of scrolling sideways: the part of
// a <Sip> line that matters (the edge, the headers) was 900 px to the right
// of a 560 px box. Each line is a block of its own, so a wrapped line's
// continuation hangs past the line's own indent and never reads as a new
// element. A line breaks first where a SIP URI has its parts: after "?",
// before "&" and ";" (a <wbr>, which holds no text). The browser takes the
// last break that fits, so the breaks it would otherwise prefer inside a
// part are kept whole: after a hyphen ("X-" | "customName"), and after the
// line's indent (a line of nothing but indent). What is longer than the box
// breaks anywhere (CSS overflow-wrap). The box's text content, and what
// selecting and copying it gives, is the text byte for byte: every line
// keeps its "\n" and a <wbr> adds nothing.

// maxIndent caps the indent classes (.i0 to .i12, web/app.css): a line
// indented deeper hangs its continuation as .i12 does.
const maxIndent = 12

// tabWidth is how many columns a tab takes in an output box (CSS tab-size).
const tabWidth = 4

// atom is a stretch of a line with one highlight class; brk is a break
// opportunity before it, and atoms of one glue group (not 0) are kept on
// one screen line.
type atom struct {
	class, text string
	brk         bool
	glue        int
}

// outLine is one line of an output box: its atoms, the last ending in
// "\n" (but for the text's last line), and its indent class.
type outLine struct {
	class string
	atoms []atom
}

// layout cuts highlighted runs into lines of atoms.
func layout(toks []token) []outLine {
	lines := splitLines(toks)
	out := make([]outLine, len(lines))
	for i, runs := range lines {
		out[i] = lineOf(runs)
	}
	return out
}

// splitLines cuts highlighted runs into lines, each line's runs ending
// with its "\n" (but for the text's last line).
func splitLines(toks []token) [][]token {
	var lines [][]token
	var cur []token
	for _, t := range toks {
		for rest := t.text; rest != ""; {
			piece := rest
			if i := strings.IndexByte(rest, '\n'); i >= 0 {
				piece, rest = rest[:i+1], rest[i+1:]
			} else {
				rest = ""
			}
			cur = append(cur, token{t.class, piece})
			if strings.HasSuffix(piece, "\n") {
				lines, cur = append(lines, cur), nil
			}
		}
	}
	if cur != nil {
		lines = append(lines, cur)
	}
	return lines
}

// lineOf lays out one line's runs: its indent class and its atoms.
func lineOf(runs []token) outLine {
	l := outLine{class: "i" + strconv.Itoa(min(indentOf(runs)/2, maxIndent))}
	glue := 0
	for _, t := range runs {
		l.atoms = append(l.atoms, atomsOf(t, &glue)...)
	}
	l.atoms = glueTags(l.atoms, &glue)
	l.atoms = merged(glueIndent(l.atoms, glue+1))
	return l
}

// indentOf is the columns of white space a line's runs start with.
func indentOf(runs []token) int {
	col := 0
	for _, r := range runs {
		lead := strings.TrimLeft(r.text, " \t")
		ws := r.text[:len(r.text)-len(lead)]
		col += len(ws) + strings.Count(ws, "\t")*(tabWidth-1)
		if strings.TrimSpace(lead) != "" {
			break
		}
	}
	return col
}

// atomsOf cuts one run: text and attribute values at their break points
// and around hyphens (hyphens and the character after them are glued, a
// new group each, counted by *glue); markup whole.
func atomsOf(t token, glue *int) []atom {
	if t.class != "tx" && t.class != "av" {
		return []atom{{class: t.class, text: t.text}}
	}
	var out []atom
	for k, part := range breakPoints(t.text) {
		brk := k > 0
		for part != "" {
			h := strings.IndexByte(part, '-')
			if h < 0 || h+1 >= len(part) {
				out = append(out, atom{class: t.class, text: part, brk: brk})
				break
			}
			if h > 0 {
				out = append(out, atom{class: t.class, text: part[:h], brk: brk})
				brk = false
			}
			e := h + 1
			for e < len(part) && part[e] == '-' {
				e++
			}
			if e < len(part) {
				_, size := utf8.DecodeRuneInString(part[e:])
				e += size
			}
			*glue++
			out = append(out, atom{class: t.class, text: part[h:e], brk: brk, glue: *glue})
			brk = false
			part = part[e:]
		}
	}
	return out
}

// glueIndent glues a line's leading white space to the character after
// it (to its whole group, if it has one; else as group g), so the line
// never breaks after its indent alone.
func glueIndent(atoms []atom, g int) []atom {
	for i, a := range atoms {
		lead := strings.TrimLeft(a.text, " \t")
		if lead == "" {
			continue
		}
		if len(lead) == len(a.text) && i == 0 {
			return atoms // no indent
		}
		out := append([]atom{}, atoms[:i]...)
		ws := atom{class: a.class, text: a.text[:len(a.text)-len(lead)], brk: a.brk}
		rest := []atom{}
		if a.glue != 0 {
			g = a.glue
			rest = append(rest, atom{class: a.class, text: lead, glue: g})
		} else {
			_, size := utf8.DecodeRuneInString(lead)
			rest = append(rest, atom{class: a.class, text: lead[:size], glue: g})
			if lead[size:] != "" {
				rest = append(rest, atom{class: a.class, text: lead[size:]})
			}
		}
		if ws.text != "" {
			out = append(out, ws)
		}
		for k := range out {
			out[k].glue = g
		}
		out = append(out, rest...)
		return append(out, atoms[i+1:]...)
	}
	return atoms
}

// glueTags glues each run of tag punctuation and name ("</", "Sip", ">"),
// so a tag never breaks inside; attribute names and values break as text.
func glueTags(atoms []atom, glue *int) []atom {
	for k := 0; k < len(atoms); {
		e := k
		for e < len(atoms) && (atoms[e].class == "pu" || atoms[e].class == "tn") {
			e++
		}
		if e-k > 1 {
			*glue++
			for m := k; m < e; m++ {
				atoms[m].glue = *glue
			}
		}
		k = max(e, k+1)
	}
	return atoms
}

// merged joins neighbours that render as one text: the same class and
// group, no break between. Two text nodes in a row would also confuse the
// export, which takes go-app's indentation out of the prerendered page by
// the rule that no element has two text children in a row.
func merged(atoms []atom) []atom {
	out := atoms[:0:0]
	for _, a := range atoms {
		if n := len(out); n > 0 && !a.brk && out[n-1].class == a.class && out[n-1].glue == a.glue {
			out[n-1].text += a.text
			continue
		}
		out = append(out, a)
	}
	return out
}

// breakPoints cuts text where a line may break first: after "?", before
// "&" and ";", but not inside a character reference ("&amp;" is whole).
func breakPoints(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		at := -1
		switch s[i] {
		case '?':
			at = i + 1
		case ';':
			at = i
		case '&':
			at = i
			// Skip to the end of a reference such as &amp; or &#38;.
			j := i + 1
			for j < len(s) && (isAlnum(s[j]) || s[j] == '#') {
				j++
			}
			if j < len(s) && s[j] == ';' && j > i+1 {
				i = j
			}
		}
		if at > start && at < len(s) {
			out = append(out, s[start:at])
			start = at
		}
	}
	return append(out, s[start:])
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// outputLines renders highlighted text (highlightXML's runs) one block a
// line, each a lineView.
func outputLines(toks []token) []app.UI {
	lines := splitLines(toks)
	out := make([]app.UI, len(lines))
	for i, runs := range lines {
		out[i] = &lineView{Runs: runs}
	}
	return out
}

// plainLines is outputLines for text without highlighting.
func plainLines(s string) []app.UI { return outputLines([]token{{"tx", s}}) }

// lineView is one line of an output box. It is a component so that a
// keystroke re-renders only the lines it changed: go-app compares each
// line's runs and leaves an unchanged line alone, where rebuilding every
// line of every box (the Code panel's programs and ten INVITEs for 10
// targets) cost about 20 ms a key.
type lineView struct {
	app.Compo
	Runs []token
}

func (v *lineView) Render() app.UI {
	l := lineOf(v.Runs)
	var nodes []app.UI
	for k := 0; k < len(l.atoms); {
		a := l.atoms[k]
		if a.brk {
			nodes = append(nodes, app.Wbr())
		}
		if a.glue == 0 {
			nodes = append(nodes, atomNode(a))
			k++
			continue
		}
		var group []app.UI
		for ; k < len(l.atoms) && l.atoms[k].glue == a.glue; k++ {
			group = append(group, atomNode(l.atoms[k]))
		}
		nodes = append(nodes, app.Span().Class("nw").Body(group...))
	}
	return app.Span().Class("ln", l.class).Body(nodes...)
}

func atomNode(a atom) app.UI {
	if a.class == "tx" {
		return app.Text(a.text)
	}
	return app.Span().Class(a.class).Text(a.text)
}
