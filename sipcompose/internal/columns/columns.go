// Package columns lays text out in aligned columns, byte for byte as
// text/tabwriter does with the settings the allow-list's Table used
// (minwidth 0, padding spaces, no flags), for rows that all have the same
// number of cells. text/tabwriter would otherwise compile into the page's
// app.wasm (about 7.5 KB brotli) for that one table; the tests hold the two
// to the same bytes.
package columns

import (
	"strings"
	"unicode/utf8"
)

// Align writes each row on a line of its own, every cell but the last
// padded with spaces to its column's width: the widest cell in that column,
// in runes, plus padding. Every row must have as many cells as the first,
// and no cell may hold a tab, newline, vertical tab, form feed or the byte
// 0xff, which tabwriter reads as cell ends, line ends and escapes.
func Align(rows [][]string, padding int) string {
	if len(rows) == 0 {
		return ""
	}
	widths := make([]int, len(rows[0])-1)
	for _, row := range rows {
		for j := range widths {
			widths[j] = max(widths[j], utf8.RuneCountInString(row[j])+padding)
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for j, cell := range row {
			b.WriteString(cell)
			if j < len(widths) {
				b.WriteString(strings.Repeat(" ", widths[j]-utf8.RuneCountInString(cell)))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}
