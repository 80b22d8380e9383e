package columns

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"text/tabwriter"
)

// tabwriterTable is how the allow-list's Table wrote its rows: the cells
// of each row joined by tabs, through tabwriter.NewWriter(w, 0, 0, padding,
// ' ', 0).
func tabwriterTable(rows [][]string, padding int) string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, padding, ' ', 0)
	for _, row := range rows {
		fmt.Fprintln(w, strings.Join(row, "\t"))
	}
	w.Flush()
	return b.String()
}

// cellRunes are what the random tables' cells are made of: ASCII, the
// characters an allow-list holds, multi-byte runes, invalid UTF-8 (which
// both count a byte at a time) and a space.
var cellRunes = []string{"a", "Z", "0", "9", ".", "/", "-", " ", "_", "é", "€", "—", "›", "𝄞", "\x80", "\xc3", "漢"}

func randomTable(r *rand.Rand) [][]string {
	rows := make([][]string, 1+r.IntN(12))
	cols := 1 + r.IntN(7)
	for i := range rows {
		rows[i] = make([]string, cols)
		for j := range rows[i] {
			var c strings.Builder
			for range r.IntN(3) * r.IntN(9) { // a third of the cells empty
				c.WriteString(cellRunes[r.IntN(len(cellRunes))])
			}
			rows[i][j] = c.String()
		}
	}
	return rows
}

func TestAlignAsTabwriter(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 1))
	for n := range 20000 {
		rows, padding := randomTable(r), r.IntN(4)
		if got, want := Align(rows, padding), tabwriterTable(rows, padding); got != want {
			t.Fatalf("table %d, padding %d, %q:\nAlign:\n%s\ntabwriter:\n%s", n, padding, rows, got, want)
		}
	}
}

func TestAlign(t *testing.T) {
	for _, c := range []struct {
		rows [][]string
		want string
	}{
		{nil, ""},
		{[][]string{{"only"}}, "only\n"},
		{[][]string{{"CIDR", "EDGE", "PURPOSE"}, {"54.172.60.0/30", "", "SIP signaling"}},
			"CIDR            EDGE  PURPOSE\n54.172.60.0/30        SIP signaling\n"},
		{[][]string{{"€", "b"}, {"", ""}}, "€  b\n   \n"},
	} {
		if got := Align(c.rows, 2); got != c.want {
			t.Errorf("Align(%q) =\n%q, want\n%q", c.rows, got, c.want)
		}
		if got := tabwriterTable(c.rows, 2); got != c.want {
			t.Errorf("tabwriter gives %q for %q, not the expected %q", got, c.rows, c.want)
		}
	}
}

func ExampleAlign() {
	fmt.Print(Align([][]string{
		{"SOURCE CIDR", "PROTOCOL", "PURPOSE"},
		{"54.172.60.0/30", "udp", "SIP signaling from Twilio"},
	}, 2))
	// Output:
	// SOURCE CIDR     PROTOCOL  PURPOSE
	// 54.172.60.0/30  udp       SIP signaling from Twilio
}
