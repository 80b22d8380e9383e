package sipcompose

import (
	"net/url"
	"strconv"
	"testing"

	"github.com/emiago/sipgo/sip"
)

// oracleCheck parses uri with sipgo — another SIP stack — and checks it
// finds the target's host, port and parameters, and every header with its
// original decoded value.
func oracleCheck(t testing.TB, tg Target, uri string) {
	t.Helper()
	var u sip.Uri
	if err := sip.ParseUri(uri, &u); err != nil {
		t.Fatalf("sipgo cannot parse %s: %v", uri, err)
	}
	if tg.Port != 0 && u.Port != tg.Port {
		t.Errorf("sipgo port %d, want %d in %s", u.Port, tg.Port, uri)
	}
	if tg.Edge != "" {
		if v, _ := u.UriParams.Get("edge"); v != tg.Edge {
			t.Errorf("sipgo edge %q, want %q in %s", v, tg.Edge, uri)
		}
	}
	want := uriHeaders(tg)
	if len(u.Headers) != len(want) {
		t.Fatalf("sipgo found %d headers, want %d in %s", len(u.Headers), len(want), uri)
	}
	for i, h := range want {
		got, err := url.PathUnescape(u.Headers[i].V)
		if err != nil || got != h.Value {
			t.Errorf("header %d: sipgo decodes %q (%v), want %q in %s", i, got, err, h.Value, uri)
		}
	}
}

func TestURIsParseWithSipgo(t *testing.T) {
	targets := []Target{fullDocument().Targets[0], fullDocument().Targets[1]}
	for _, f := range twilioForms {
		targets = append(targets, f.t)
	}
	targets = append(targets,
		Target{User: "+1", Host: "h.example.com", Headers: []Header{{"X-Nasty", "a&b=c?d;e%f g\r\nX-Injected: 1"}, {"X-Empty", ""}}},
		Target{Host: "203.0.113.9", Port: 5099, Edge: "tokyo-ix", UUI: UUI{Data: TextToHex("héllo")}},
	)
	for i, tg := range targets {
		t.Run(strconv.Itoa(i), func(t *testing.T) { oracleCheck(t, tg, BuildURI(tg)) })
	}
}
