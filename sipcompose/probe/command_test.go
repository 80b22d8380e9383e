package probe

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/internal/shell"
)

func TestCommand(t *testing.T) {
	for _, tc := range []struct {
		name    string
		targets []sipcompose.Target
		want    string
	}{
		{"none", nil, ""},
		{"no host", []sipcompose.Target{{Host: ""}}, ""},
		{"one", []sipcompose.Target{{User: "alice", Host: "pbx.example.com", Transport: "tls"}},
			"sipcompose probe 'sip:alice@pbx.example.com;transport=tls'"},
		{"headers, edge, children; a password never shows", []sipcompose.Target{
			{User: "alice", Host: "pbx.example.com", Edge: "dublin", Username: "u", Password: "hunter2",
				Headers: []sipcompose.Header{{Name: "X-Note", Value: "it's a test & more"}}},
			{URIs: []sipcompose.SipURI{{URI: "sip:bob:hunter2@b.example.com"}, {URI: "sip:carol@c.example.com", Password: "hunter2"}}},
		}, "sipcompose probe 'sip:alice@pbx.example.com;edge=dublin?X-Note=it%27s%20a%20test%20%26%20more' 'sip:bob@b.example.com' 'sip:carol@c.example.com'"},
		{"a target it cannot probe is left out; a URI twice is probed once", []sipcompose.Target{
			{Host: "pbx.example.com", Transport: "sctp"}, {Host: "pbx.example.com"}, {Host: "pbx.example.com"},
		}, "sipcompose probe 'sip:pbx.example.com'"},
	} {
		if got := Command(sipcompose.Document{Targets: tc.targets}, sipcompose.Compose(sipcompose.Document{Targets: tc.targets})); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

// TestCommandWholeDocumentAsTargetByTarget holds Command's one reading of
// the whole document to what reading its targets one by one gives, on
// every document the composer's tests use and on more targets than Twilio
// rings.
func TestCommandWholeDocumentAsTargetByTarget(t *testing.T) {
	docs := composetest.Documents()
	many := sipcompose.Document{}
	for i := range sipcompose.MaxTargets + 2 {
		many.Targets = append(many.Targets, sipcompose.Target{User: fmt.Sprint("u", i), Host: "pbx.example.com"})
	}
	docs = append(docs, many)
	for i, doc := range docs {
		var uris []string
		for _, tg := range doc.Targets {
			ts, err := Targets(sipcompose.Document{Targets: []sipcompose.Target{tg}})
			if err != nil {
				continue
			}
			for _, pt := range ts {
				if !slices.Contains(uris, shell.Quote(pt.URI)) {
					uris = append(uris, shell.Quote(pt.URI))
				}
			}
		}
		want := ""
		if len(uris) > 0 {
			want = "sipcompose probe " + strings.Join(uris, " ")
		}
		if got := Command(doc, sipcompose.Compose(doc)); got != want {
			t.Errorf("document %d: Command gives\n%s\ntarget by target:\n%s", i, got, want)
		}
	}
}
