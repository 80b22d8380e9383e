package sipcompose

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/emiago/sipgo/sip"

	"sipcompose/sipcompose/customer"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/internal/param"
	"sipcompose/sipcompose/sipuri"
)

// twilioLines are the header lines every preview carries whatever the
// document: the typical ones of the captured INVITEs.
var twilioLines = map[string]bool{
	"record-route": true, "via": true, "from": true, "to": true, "call-id": true, "cseq": true,
	"max-forwards": true, "contact": true, "allow": true, "user-agent": true, "x-twilio-apiversion": true,
	"x-twilio-accountsid": true, "x-twilio-callsid": true, "content-type": true, "content-length": true,
}

// inviteCheck parses an INVITE preview with sipgo's SIP parser and checks
// it reads back the request URI of tg (user, host, port, transport, and
// none of edge, region, secure or ?headers) and exactly the custom
// headers want, with their values, in order.
func inviteCheck(t testing.TB, tg Target, inv Invite, want []Header) {
	t.Helper()
	if !strings.Contains(inv.Message, "\r\n") || strings.Contains(strings.ReplaceAll(inv.Message, "\r\n", ""), "\n") {
		t.Fatalf("%s: not CRLF line ends:\n%q", inv.Label, inv.Message)
	}
	// A TwiML Bin fills template tags before Twilio reads the TwiML: the
	// PBX sees the INVITE filled.
	tg, inv.Message = binFilledTarget(tg), binFilled(inv.Message)
	want = slices.Clone(want)
	for i := range want {
		want[i].Name, want[i].Value = binFilled(want[i].Name), binFilled(want[i].Value)
	}
	msg, err := sip.ParseMessage([]byte(inv.Message))
	if err != nil {
		t.Fatalf("%s: sipgo cannot parse the INVITE: %v\n%s", inv.Label, err, inv.Message)
	}
	req, ok := msg.(*sip.Request)
	if !ok || req.Method != sip.INVITE {
		t.Fatalf("%s: sipgo reads no INVITE request:\n%s", inv.Label, inv.Message)
	}
	u := req.Recipient
	if user, err := url.PathUnescape(u.User); err != nil || user != tg.User {
		t.Errorf("%s: request URI user %q (%v), want %q", inv.Label, user, err, tg.User)
	}
	if host, _ := url.PathUnescape(u.Host); strings.Trim(host, "[]") != strings.Trim(sipuri.CleanHost(tg.Host), "[]") {
		t.Errorf("%s: request URI host %q, want %q", inv.Label, host, sipuri.CleanHost(tg.Host))
	}
	if u.Port != tg.Port {
		t.Errorf("%s: request URI port %d, want %d", inv.Label, u.Port, tg.Port)
	}
	if v, _ := u.UriParams.Get("transport"); unescaped(v) != strings.ToLower(tg.Transport) {
		t.Errorf("%s: request URI transport %q, want %q", inv.Label, v, strings.ToLower(tg.Transport))
	}
	for _, p := range []string{"edge", "region", "secure"} {
		if _, ok := u.UriParams.Get(p); ok {
			t.Errorf("%s: request URI keeps %s, which Twilio consumes", inv.Label, p)
		}
	}
	if u.Headers.Length() != 0 {
		t.Errorf("%s: request URI keeps ?headers", inv.Label)
	}
	var got []Header
	for _, h := range req.Headers() {
		if !twilioLines[strings.ToLower(h.Name())] {
			got = append(got, Header{Name: h.Name(), Value: h.Value()})
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%s: sipgo reads custom headers %q, want %q\n%s", inv.Label, got, want, inv.Message)
	}
	for i := range want {
		if !strings.EqualFold(got[i].Name, want[i].Name) || got[i].Value != want[i].Value {
			t.Errorf("%s: header %d reads %s: %q, want %s: %q", inv.Label, i, got[i].Name, got[i].Value, want[i].Name, want[i].Value)
		}
	}
	if len(req.Body()) == 0 {
		t.Errorf("%s: no SDP body", inv.Label)
	}
}

// sentHeaders are the header lines a target's INVITE must carry, worked
// out from the Document alone: UUI, then the URI's headers, then the
// <Header> elements, each whose name Twilio accepts, values decoded.
func sentHeaders(tg Target) []Header {
	var out []Header
	for _, h := range append(wantHeaders(tg), param.NamedHeaders(tg.HeaderElements)...) {
		lower := strings.ToLower(h.Name)
		accepted := sipuri.ValidToken(h.Name) && !strings.HasPrefix(lower, "x-twilio") &&
			(strings.HasPrefix(lower, "x-") || lower == "user-to-user" || lower == "remote-party-id" ||
				lower == "p-preferred-identity" || lower == "p-called-party-id")
		if accepted {
			out = append(out, Header{Name: h.Name, Value: strings.Trim(h.Value, " \t")})
		}
	}
	return out
}

func TestInvitePreviews(t *testing.T) {
	docs := composetest.CustomerDocs()
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			r := Compose(doc)
			if len(r.Invites) != len(doc.Targets) {
				t.Fatalf("%d previews for %d targets", len(r.Invites), len(doc.Targets))
			}
			for i, inv := range r.Invites {
				inviteCheck(t, doc.Targets[i], inv, sentHeaders(doc.Targets[i]))
			}
		})
	}
}

func TestInviteURIChildren(t *testing.T) {
	doc := Document{Targets: []Target{{
		URIs:           []SipURI{{URI: "sip:a@one.example.com;edge=tokyo?X-One=1"}, {URI: "sip:b@two.example.com:5070", Username: "u"}},
		HeaderElements: []Header{{Name: "X-Both", Value: "shared"}},
	}}}
	r := Compose(doc)
	if len(r.Invites) != 2 {
		t.Fatalf("%d previews, want one per <Uri>", len(r.Invites))
	}
	one := Target{User: "a", Host: "one.example.com", Headers: []Header{{Name: "X-One", Value: "1"}}, HeaderElements: doc.Targets[0].HeaderElements}
	two := Target{User: "b", Host: "two.example.com", Port: 5070, HeaderElements: doc.Targets[0].HeaderElements}
	inviteCheck(t, one, r.Invites[0], sentHeaders(one))
	inviteCheck(t, two, r.Invites[1], sentHeaders(two))
	if r.Invites[0].Edge != "tokyo" || r.Invites[1].Auth == "" || r.Invites[0].Auth != "" {
		t.Errorf("edge %q, auth %q / %q", r.Invites[0].Edge, r.Invites[0].Auth, r.Invites[1].Auth)
	}
}

func TestInviteUnsafeValue(t *testing.T) {
	tg := Target{User: "bob", Host: "example.com", Headers: []Header{{Name: "X-Ctl", Value: "a\r\nX-Evil: 1"}, {Name: "X-Bad", Value: "\xff"}}}
	inv := Compose(Document{Targets: []Target{tg}}).Invites[0]
	inviteCheck(t, tg, inv, []Header{{Name: "X-Ctl", Value: "a%0D%0AX-Evil: 1"}, {Name: "X-Bad", Value: "%FF"}})
	if !strings.Contains(inv.Headers[0].Note, "percent-encoded") {
		t.Errorf("no note on the encoded value: %q", inv.Headers[0].Note)
	}
}

func unescaped(s string) string {
	u, err := url.PathUnescape(s)
	if err != nil {
		return "undecodable " + s
	}
	return u
}

// customerCheck is inviteCheck for every preview of a fuzzed document
// that Twilio would send: a value with bytes no header line can carry is
// expected as the preview shows it, and it must hold none of them.
func customerCheck(t *testing.T, doc Document, r Result) {
	t.Helper()
	// One preview per target, and one per <Uri> child instead of the
	// target's own when it has nothing of a URI of its own.
	previews := 0
	for _, tg := range doc.Targets {
		if len(tg.URIs) == 0 || BuildURI(tg) != "sip:" {
			previews++
		}
		previews += len(tg.URIs)
	}
	if len(r.Invites) != previews {
		t.Fatalf("%d previews for %d targets, want %d", len(r.Invites), len(doc.Targets), previews)
	}
	for _, inv := range r.Invites {
		if inv.Message == "" {
			continue
		}
		tg := doc.Targets[inv.Target]
		if inv.URI > 0 {
			parsed, _ := ParseURI(tg.URIs[inv.URI-1].URI)
			tg = WithURI(tg, parsed)
		}
		want := sentHeaders(tg)
		var shown []customer.InviteHeader
		for _, h := range inv.Headers {
			if h.Sent {
				shown = append(shown, h)
			}
		}
		if len(shown) != len(want) {
			t.Fatalf("%s: preview sends %d headers, want %d", inv.Label, len(shown), len(want))
		}
		for j := range want {
			if !utf8.ValidString(want[j].Value) || strings.ContainsFunc(want[j].Value, unicode.IsControl) {
				if strings.ContainsFunc(shown[j].Value, unicode.IsControl) || !utf8.ValidString(shown[j].Value) {
					t.Fatalf("%s: header %s shows %q", inv.Label, shown[j].Name, shown[j].Value)
				}
				want[j].Value = shown[j].Value
			}
		}
		inviteCheck(t, tg, inv, want)
	}
	if r.Callbacks.Text() == "" || len(r.Callbacks.Targets) != len(doc.Targets) {
		t.Fatalf("callbacks: %d targets, text %q", len(r.Callbacks.Targets), r.Callbacks.Text())
	}
}
