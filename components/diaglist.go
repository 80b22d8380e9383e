package components

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// DiagStore holds the current diagnostics by field for the lists shown
// under the controls. Some messages change on every keystroke (a URI's
// length, say); the store re-renders only the lists whose diagnostics
// changed, so the form itself re-renders only when its Shape does.
type DiagStore struct {
	byField map[string][]sipcompose.Diagnostic
	mounted map[*DiagList]struct{}
	names   fieldNames
}

// Set makes byField current and re-renders the lists it changes.
func (s *DiagStore) Set(byField map[string][]sipcompose.Diagnostic) {
	old := s.byField
	s.byField = byField
	for l := range s.mounted {
		if !slices.Equal(old[l.Field], byField[l.Field]) {
			l.Update()
		}
	}
}

// Shape is what the form's markup depends on: which fields have which
// diagnostics (for aria-invalid and aria-describedby), not their wording.
func Shape(diags []sipcompose.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Field)
		b.WriteByte(' ')
		b.WriteString(d.Code)
		b.WriteByte(' ')
		b.WriteString(string(d.Severity))
		b.WriteByte('\n')
	}
	return b.String()
}

// DiagList is the diagnostics of one field, shown under its control; ID is
// what the control's aria-describedby points at.
type DiagList struct {
	app.Compo
	ID, Field string
	Store     *DiagStore
}

func (l *DiagList) OnMount(app.Context) {
	if l.Store.mounted == nil {
		l.Store.mounted = make(map[*DiagList]struct{})
	}
	l.Store.mounted[l] = struct{}{}
}

func (l *DiagList) OnDismount() { delete(l.Store.mounted, l) }

func (l *DiagList) Render() app.UI {
	diags := l.Store.byField[l.Field]
	return app.Ul().ID(l.ID).Class("field-diags").Body(
		app.Range(diags).Slice(func(i int) app.UI {
			d := diags[i]
			return app.Li().Class("diag", string(d.Severity)).Body(
				app.Span().Class("sev").Text(severityLabel(d.Severity)),
				app.Text(" "+shortText(d.Message)),
			)
		}),
	)
}
