package customer

import (
	"slices"
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/edge"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/validate"
)

// preview is the customer's side Compose shows for doc.
func preview(doc document.Document) ([]Invite, Callbacks) {
	res := resolve.Document(doc)
	return Preview(doc, res, validate.Document(doc, res))
}

func TestCustomerGolden(t *testing.T) {
	for name, doc := range composetest.CustomerDocs() {
		t.Run(name, func(t *testing.T) {
			invites, callbacks := preview(doc)
			composetest.Golden(t, name+".invite.sip", InviteText(invites))
			composetest.Golden(t, name+".callbacks.txt", callbacks.Text())
		})
	}
}

func TestInviteStandardHeaders(t *testing.T) {
	doc := document.Document{Targets: []document.Target{{
		User: "bob", Host: "pbx.example.com", Edge: "dublin", Region: "ie1", Secure: true, Username: "trunk", Password: "p",
		UUI:     document.UUI{Data: "123456789"},
		Headers: []document.Header{{Name: "X-A", Value: "1"}, {Name: "Foo", Value: "2"}, {Name: "X-Twilio-B", Value: "3"}},
	}}}
	invites, _ := preview(doc)
	inv := invites[0]
	if want := "INVITE sip:bob@pbx.example.com SIP/2.0\r\n"; !strings.HasPrefix(inv.Message, want) {
		t.Errorf("request line:\n%s\nwant %q", inv.Message, want)
	}
	if got, want := strings.Join(inv.NotSentOn, " "), "secure=true edge=dublin region=ie1"; got != want {
		t.Errorf("not sent on %q, want %q", got, want)
	}
	for _, line := range []string{"User-to-User: 123456789;encoding=hex\r\n", "X-A: 1\r\n", "Via: SIP/2.0/TLS 54.171.127.192:5061;", "RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 "} {
		if !strings.Contains(inv.Message, line) {
			t.Errorf("INVITE lacks %q:\n%s", line, inv.Message)
		}
	}
	for _, gone := range []string{"Foo:", "X-Twilio-B", "Authorization"} {
		if strings.Contains(inv.Message, gone) {
			t.Errorf("INVITE carries %q:\n%s", gone, inv.Message)
		}
	}
	if inv.Edge != "dublin" || inv.Transport != "tls" || inv.Port != "5061" || inv.Signaling[0] != "54.171.127.192/30" || !strings.HasPrefix(inv.Media, edge.MediaCIDR) {
		t.Errorf("where it comes from: edge %q transport %q port %q signaling %q media %q", inv.Edge, inv.Transport, inv.Port, inv.Signaling, inv.Media)
	}
	if !strings.Contains(inv.Auth, "401 or 407") {
		t.Errorf("auth note %q does not say Twilio answers a challenge", inv.Auth)
	}
	back := map[string]HeaderReturn{}
	for _, h := range inv.Headers {
		back[h.Name] = h.ComesBack
	}
	if b := back["X-A"]; b.Screening != "SipHeader_X-A" || b.Action != "DialSipHeader_X-A" {
		t.Errorf("X-A comes back as %+v", b)
	}
	for _, name := range []string{"User-to-User", "Foo", "X-Twilio-B"} {
		if b := back[name]; b.Screening != "" || b.Action != "" || !strings.HasPrefix(b.Note, "Never comes back") {
			t.Errorf("%s comes back as %+v", name, b)
		}
	}
}

func TestInviteNotSent(t *testing.T) {
	for name, tg := range map[string]document.Target{
		"no host":      {User: "bob"},
		"bad host":     {User: "bob", Host: "a b"},
		"unknown edge": {User: "bob", Host: "example.com", Edge: "mars"},
	} {
		invites, _ := preview(document.Document{Targets: []document.Target{tg}})
		inv := invites[0]
		if inv.Message != "" || len(inv.Notes) == 0 {
			t.Errorf("%s: message %q, notes %q: want no INVITE and a reason", name, inv.Message, inv.Notes)
		}
	}
}

func TestInviteRegisteredEndpoint(t *testing.T) {
	invites, _ := preview(document.Document{Targets: []document.Target{{User: "alice", Host: "acme.sip.twilio.com", Edge: "dublin"}}})
	inv := invites[0]
	if !slices.ContainsFunc(inv.Notes, func(n string) bool { return strings.Contains(n, "the edge the device registered on") }) {
		t.Errorf("no note that a registered endpoint's edge is its own: %q", inv.Notes)
	}
}
