package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// A document can hold far more than a person reads: an import of a
// thousand <Sip> targets, a target with a thousand header rows, and a
// diagnostic or an INVITE for each. Rendering every one took seconds and
// then froze the page, so lists are capped as SHOWN, never as kept: each
// shows its first entries and says how many more there are, and Copy
// still takes the whole output. shownTargets is Twilio's own limit, so a
// document Twilio accepts is always shown whole; shownRows caps every
// other list (diagnostics, INVITEs' header tables, header rows).
const (
	shownTargets = sipcompose.MaxTargets
	shownRows    = 100
)

// firstOf is s, or its first n entries, and how many were left out.
func firstOf[T any](s []T, n int) ([]T, int) {
	if len(s) <= n {
		return s, 0
	}
	return s[:n], len(s) - n
}

// moreNote says that a list shows only its first entries: "…and 990 more
// warnings, not shown here (the first 100 are)." what is plural.
func moreNote(more, shown int, what string) app.UI {
	return app.If(more > 0, app.P().Class("hint", "more-note").Text(fmt.Sprintf(
		"…and %d more %s not shown here (the first %d are).", more, what, shown)))
}

// nOf is "1 target" or "990 targets".
func nOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
