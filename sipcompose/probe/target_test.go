package probe

import (
	"reflect"
	"strings"
	"testing"

	"sipcompose/sipcompose"
)

func TestTargets(t *testing.T) {
	doc := sipcompose.Document{Targets: []sipcompose.Target{
		{User: "+14155550100", Host: "pbx.example.com", Username: "twilio", Password: "secret",
			Headers: []sipcompose.Header{{Name: "X-Case", Value: "a,b 42"}, {Name: "Account", Value: "dropped"}},
			UUI:     sipcompose.UUI{Data: "0A1B"}},
		{Host: "pbx.example.com", Transport: "TCP", Port: 5070, Edge: "dublin"},
		{Host: "[2001:db8::1]", Secure: true},
		{Host: "sbc.example.com", Transport: "tls", Port: 5060, Edge: "nowhere"},
		{URIs: []sipcompose.SipURI{
			{URI: "sip:bob:pw@b1.example.com;transport=tls?X-Leg=1", Username: "u"},
			{URI: "  sip:carol@10.0.0.5:5090  "},
		}},
	}}
	got, err := Targets(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := []Target{
		{Label: "Target 1", URI: "sip:+14155550100@pbx.example.com?User-to-User=0A1B%3Bencoding%3Dhex&X-Case=a%2Cb%2042&Account=dropped",
			RequestURI: "sip:+14155550100@pbx.example.com", Host: "pbx.example.com", Port: 5060, Transport: "udp",
			Headers: []Header{{"User-to-User", "0A1B;encoding=hex"}, {"X-Case", "a,b 42"}}, Dropped: []string{"Account"}, Credentials: true},
		{Label: "Target 2", URI: "sip:pbx.example.com:5070;transport=tcp;edge=dublin", RequestURI: "sip:pbx.example.com:5070;transport=tcp",
			Host: "pbx.example.com", Port: 5070, PortGiven: true, Transport: "tcp", TransportGiven: true},
		{Label: "Target 3", URI: "sip:[2001:db8::1];secure=true", RequestURI: "sip:[2001:db8::1]",
			Host: "2001:db8::1", Port: 5061, Transport: "tls", TransportGiven: true, Secure: true},
		{Label: "Target 4", URI: "sip:sbc.example.com:5060;transport=tls;edge=nowhere", RequestURI: "sip:sbc.example.com:5060;transport=tls",
			Host: "sbc.example.com", Port: 5060, PortGiven: true, Transport: "tls", TransportGiven: true,
			Notes: []string{"Twilio places no call to this target as the document stands: it names no edge Twilio has (see `sipcompose compose`'s diagnostics). The probe checks the endpoint all the same."}},
		{Label: "Target 5, <Uri> 1", URI: "sip:bob@b1.example.com;transport=tls?X-Leg=1", RequestURI: "sip:bob@b1.example.com;transport=tls",
			Host: "b1.example.com", Port: 5061, Transport: "tls", TransportGiven: true, Headers: []Header{{"X-Leg", "1"}}, Credentials: true},
		{Label: "Target 5, <Uri> 2", URI: "sip:carol@10.0.0.5:5090", RequestURI: "sip:carol@10.0.0.5:5090",
			Host: "10.0.0.5", Port: 5090, PortGiven: true, Transport: "udp"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d targets, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("target %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestTargetErrors(t *testing.T) {
	for _, tc := range []struct {
		targets []sipcompose.Target
		err     string
	}{
		{nil, "the document has no targets to probe"},
		{[]sipcompose.Target{{Host: "a.example.com"}, {Host: ""}}, "Target 2: Enter the host to ring"},
		{[]sipcompose.Target{{Host: "a.example.com", Transport: "sctp"}}, `Target 1: Transport "sctp": use udp, tcp or tls`},
		{[]sipcompose.Target{{Host: "a.example.com", Port: 70000}}, "Target 1: Port 70000"},
		{[]sipcompose.Target{{URIs: []sipcompose.SipURI{{URI: "sip:a@b.example.com"}, {URI: "sip:a@"}}}}, "Target 1, <Uri> 2: The URI has no host"},
		{[]sipcompose.Target{{URIs: []sipcompose.SipURI{{URI: "sip:a@b.example.com;transport=ws"}}}}, `Target 1, <Uri> 1: Transport "ws"`},
	} {
		_, err := Targets(sipcompose.Document{Targets: tc.targets})
		if err == nil || !strings.HasPrefix(err.Error(), tc.err) {
			t.Errorf("%+v: error %v, want %q…", tc.targets, err, tc.err)
		}
	}
}

func TestParseTarget(t *testing.T) {
	got, err := ParseTarget("<sips:alice@pbx.example.com?X-Case=a%2Cb>", "URI 1")
	want := Target{Label: "URI 1", URI: "sip:alice@pbx.example.com;transport=tls?X-Case=a%2Cb", RequestURI: "sip:alice@pbx.example.com;transport=tls",
		Host: "pbx.example.com", Port: 5061, Transport: "tls", TransportGiven: true, Headers: []Header{{"X-Case", "a,b"}}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v %v\nwant %+v", got, err, want)
	}
	for uri, msg := range map[string]string{
		"":                       "The SIP URI is empty",
		"tel:+14155550100":       `"tel:" is not a SIP URI`,
		"sip:a@b;transport=sctp": `Transport "sctp"`,
		"sip:a@b:0x50":           `Port "0x50"`,
		"sip:a@[::1":             "Host",
	} {
		if _, err := ParseTarget(uri, "URI 1"); err == nil || !strings.HasPrefix(err.Error(), msg) {
			t.Errorf("%q: error %v, want %q…", uri, err, msg)
		}
	}
}

func TestSRVQueries(t *testing.T) {
	all := []SRVQuery{{"_sip._udp.pbx.example.com", "udp"}, {"_sip._tcp.pbx.example.com", "tcp"}, {"_sips._tcp.pbx.example.com", "tls"}}
	for uri, want := range map[string][]SRVQuery{
		"sip:a@pbx.example.com":                    all,
		"sip:a@pbx.example.com;transport=udp":      all[:1],
		"sip:a@pbx.example.com;transport=tcp":      all[1:2],
		"sip:a@pbx.example.com;transport=tls":      all[2:],
		"sip:a@pbx.example.com;secure=true":        all[2:],
		"sip:a@pbx.example.com:5060":               nil,
		"sip:a@192.0.2.1":                          nil,
		"sip:a@[2001:db8::1];transport=tls":        nil,
		"sip:a@pbx.example.com:5061;transport=tls": nil,
	} {
		tg, err := ParseTarget(uri, "URI 1")
		if err != nil {
			t.Fatal(err)
		}
		if got := tg.SRVQueries(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", uri, got, want)
		}
	}
}

func TestDescribe(t *testing.T) {
	for uri, want := range map[string]string{
		"sip:a@pbx.example.com":                    "UDP to port 5060: Twilio's defaults (the URI names no transport or port)",
		"sip:a@pbx.example.com:5070":               "UDP (Twilio's default: the URI names no transport) to port 5070",
		"sip:a@pbx.example.com;transport=tls":      "TLS to port 5061 (Twilio's default port for TLS)",
		"sip:a@pbx.example.com;secure=true":        "TLS to port 5061 (Twilio's default port for TLS)",
		"sip:a@pbx.example.com:5080;transport=tcp": "TCP to port 5080, as the URI says",
	} {
		tg, _ := ParseTarget(uri, "URI 1")
		if got := tg.Describe(); got != want {
			t.Errorf("%s: %q, want %q", uri, got, want)
		}
	}
}
