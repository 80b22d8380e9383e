package probe

import (
	"testing"

	"sipcompose/sipcompose"
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
		if got := Command(sipcompose.Document{Targets: tc.targets}); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}
