package components

import (
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

func TestShapeIgnoresWording(t *testing.T) {
	d := sipcompose.Diagnostic{Code: "uri-long-with-headers", Severity: sipcompose.SeverityInfo, Field: "targets[0].headers", Message: "552 characters"}
	longer := d
	longer.Message = "553 characters"
	if Shape([]sipcompose.Diagnostic{d}) != Shape([]sipcompose.Diagnostic{longer}) {
		t.Error("a new wording changed the shape: the whole form would re-render")
	}
	worse := d
	worse.Severity = sipcompose.SeverityError
	if Shape([]sipcompose.Diagnostic{d}) == Shape([]sipcompose.Diagnostic{worse}) {
		t.Error("a new severity kept the shape: aria-invalid would go stale")
	}
	if Shape(nil) == Shape([]sipcompose.Diagnostic{d}) {
		t.Error("a new diagnostic kept the shape")
	}
}

// TestDiagListFollowsTheStore: a message that changes re-renders its list
// without the form being rendered again.
func TestDiagListFollowsTheStore(t *testing.T) {
	field := "targets[0].headers"
	diag := func(msg string) map[string][]sipcompose.Diagnostic {
		return map[string][]sipcompose.Diagnostic{field: {{Code: "c", Severity: sipcompose.SeverityWarning, Field: field, Message: msg}}}
	}
	store := &DiagStore{}
	store.Set(diag("552 characters"))
	l := &DiagList{ID: "t0-headers-diags", Field: field, Store: store}
	d := app.NewClientTester(l)
	defer d.Close()
	d.Consume()
	want := func(msg string) {
		t.Helper()
		if err := app.TestMatch(l, app.TestUIDescriptor{Path: app.TestPath(0, 0, 1), Expected: app.Text(" " + msg)}); err != nil {
			t.Error(err)
		}
	}
	want("552 characters")
	d.Dispatch(app.Dispatch{Mode: app.Next, Source: l, Function: func(app.Context) { store.Set(diag("553 characters")) }})
	d.Consume()
	want("553 characters")
	if len(store.mounted) != 1 {
		t.Errorf("%d lists registered, want 1", len(store.mounted))
	}
}
