package sipcompose

import "testing"

func TestErrorSummary(t *testing.T) {
	ok := Target{User: "alice", Host: "pbx.example.com"}
	bad := Target{User: "gina", Host: "pbx example.com"}
	for _, tc := range []struct {
		doc  Document
		want string
	}{
		{Document{Targets: []Target{ok}}, ""},
		{Document{Targets: []Target{bad}}, "1 error: Twilio would reject this"},
		{Document{Targets: []Target{bad, bad}}, "2 errors: Twilio would reject this"},
	} {
		if got := Compose(tc.doc).ErrorSummary(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.doc.Targets, got, tc.want)
		}
	}
}
