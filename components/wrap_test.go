package components

import (
	"strings"
	"testing"

	"sipcompose/sipcompose"
)

// shown writes a laid-out text back, "|" for a break opportunity and
// [ ] around what is glued, to compare with what a test expects.
func shown(lines []outLine, marks bool) string {
	var b strings.Builder
	for _, l := range lines {
		for k, a := range l.atoms {
			if marks && a.brk {
				b.WriteString("|")
			}
			if marks && a.glue != 0 && (k == 0 || l.atoms[k-1].glue != a.glue) {
				b.WriteString("[")
			}
			b.WriteString(a.text)
			if marks && a.glue != 0 && (k+1 == len(l.atoms) || l.atoms[k+1].glue != a.glue) {
				b.WriteString("]")
			}
		}
	}
	return b.String()
}

// TestLinesKeepTheText: the lines and their atoms, joined, are the text
// byte for byte (the page's Copy tests check the boxes in Chromium).
func TestLinesKeepTheText(t *testing.T) {
	twiml := sipcompose.Compose(sipcompose.Document{Targets: []sipcompose.Target{{User: "a", Host: "b.example.com", Transport: "tls",
		Headers: []sipcompose.Header{{Name: "X-A", Value: "1&2;3?"}, {Name: "X-B", Value: "v"}}}}}).TwiML
	for _, in := range []string{twiml, "curl -X POST \\\n  --data 'To=sip:a@b?X=1&Y=2'\n\nnext\n", "\tfunc() {\n\t\treturn\n\t}", "?&;", "no newline", "a-é-", "  \n", ""} {
		if got := shown(layout(highlightXML(in)), false); got != in {
			t.Errorf("%q laid out as %q", in, got)
		}
	}
}

// TestBreaks: a line breaks first after "?", before "&" and ";", never
// inside "&amp;", after a hyphen or after its indent alone; a tag (xml:
// the input is highlighted as XML) stays whole, "<?xml" and "?>" too.
func TestBreaks(t *testing.T) {
	cases := []struct {
		in, want string
		xml      bool
	}{
		{in: "sip:a@b;transport=tls?X-A=1&X-B=2", want: "sip:a@b|;transport=tls?|X[-A]=1|&X[-B]=2"},
		{in: "    <Sip>sip:a@b;edge=dublin?X-A=1&amp;X-B=2</Sip>", want: "[    <]Sip>sip:a@b|;edge=dublin?|X[-A]=1|&amp;X[-B]=2</Sip>"},
		{in: "&x?", want: "&x?"},
		{in: "a&;b", want: "a|&|;b"},
		{in: "?a?b&&c", want: "?|a?|b|&|&c"},
		{in: "  --data", want: "[  --d]ata"},
		{in: "x-é", want: "x[-é]"},
		{in: `<?xml version="1.0"?>`, want: `[<?xml] version="1.0"?>`, xml: true},
		{in: "    <Sip>sip:a?b</Sip>\n", want: "[    <Sip>]sip:a?|b[</Sip>]\n", xml: true},
	}
	for _, c := range cases {
		runs := []token{{"tx", c.in}}
		if c.xml {
			runs = highlightXML(c.in)
		}
		if got := shown(layout(runs), true); got != c.want {
			t.Errorf("%q laid out as %q, want %q", c.in, got, c.want)
		}
	}
}

// TestLinesHangPastTheirIndent: each line's class is its indent in pairs
// of columns (a tab is four), capped at maxIndent.
func TestLinesHangPastTheirIndent(t *testing.T) {
	var classes []string
	for _, l := range layout([]token{{"tx", "a\n  b\n\t\tc\n\n   d\n" + strings.Repeat(" ", 40) + "x"}}) {
		classes = append(classes, l.class)
	}
	if want := "i0 i1 i4 i0 i1 i12"; strings.Join(classes, " ") != want {
		t.Errorf("indent classes %v, want %s", classes, want)
	}
}
