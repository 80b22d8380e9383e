package sipcompose

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/emiago/sipgo/sip"

	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/sipuri"
)

// oracleCheck parses uri with sipgo — another SIP stack — and checks it
// finds the target's user, host, port and parameters, and every header
// with its name and original decoded value. TwiML Bin template tags are
// filled first in both, as a Bin fills them (binFilled).
func oracleCheck(t testing.TB, tg Target, uri string) {
	t.Helper()
	tg, uri = binFilledTarget(tg), binFilled(uri)
	var u sip.Uri
	if err := sip.ParseUri(uri, &u); err != nil {
		t.Fatalf("sipgo cannot parse %s: %v", uri, err)
	}
	if user, err := url.PathUnescape(u.User); err != nil || user != tg.User {
		t.Errorf("sipgo user %q (%v), want %q in %s", user, err, tg.User, uri)
	}
	if want := strings.Trim(sipuri.CleanHost(tg.Host), "[]"); sipuri.BracketedIPv6(sipuri.CleanHost(tg.Host)) && strings.Trim(u.Host, "[]") != want {
		t.Errorf("sipgo IPv6 host %q, want %q in %s", u.Host, want, uri)
	} else if host, err := url.PathUnescape(u.Host); !sipuri.BracketedIPv6(sipuri.CleanHost(tg.Host)) && (err != nil || host != sipuri.CleanHost(tg.Host)) {
		t.Errorf("sipgo host %q (%v), want %q in %s", host, err, sipuri.CleanHost(tg.Host), uri)
	}
	if u.Port != tg.Port {
		t.Errorf("sipgo port %d, want %d in %s", u.Port, tg.Port, uri)
	}
	params := map[string]string{"transport": strings.ToLower(tg.Transport), "edge": tg.Edge, "region": tg.Region}
	if tg.Secure {
		params["secure"] = "true"
	}
	for name, want := range params {
		v, ok := u.UriParams.Get(name)
		if v, _ = url.PathUnescape(v); ok != (want != "") || v != want {
			t.Errorf("sipgo %s=%q (present %v), want %q in %s", name, v, ok, want, uri)
		}
	}
	want := wantHeaders(tg)
	if len(u.Headers) != len(want) {
		t.Fatalf("sipgo found %d headers, want %d in %s", len(u.Headers), len(want), uri)
	}
	for i, h := range want {
		name, _ := url.PathUnescape(u.Headers[i].K)
		got, err := url.PathUnescape(u.Headers[i].V)
		if name != h.Name || err != nil || got != h.Value {
			t.Errorf("header %d: sipgo decodes %s=%q (%v), want %s=%q in %s", i, name, got, err, h.Name, h.Value, uri)
		}
	}
}

// wantHeaders are the headers a target's URI must carry, in order: UUI
// first, then every named row as listed.
func wantHeaders(t Target) []Header {
	var out []Header
	if t.UUI.Data != "" {
		out = append(out, Header{Name: sipuri.UUIHeaderName(t.UUI), Value: sipuri.UUIValue(t.UUI)})
	}
	for _, h := range t.Headers {
		if h.Name != "" {
			out = append(out, h)
		}
	}
	return out
}

func TestURIsParseWithSipgo(t *testing.T) {
	for i, doc := range composetest.Documents() {
		r := Compose(doc)
		for j, tg := range doc.Targets {
			t.Run(strconv.Itoa(i)+"/"+strconv.Itoa(j), func(t *testing.T) { oracleCheck(t, tg, r.URIs[j]) })
		}
	}
}
