package probe

import (
	"encoding/json"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"
)

// target reads uri for a test, with a username when creds.
func target(t *testing.T, uri string, creds bool) Target {
	t.Helper()
	tg, err := ParseTarget(uri, "URI 1")
	if err != nil {
		t.Fatal(err)
	}
	tg.Credentials = creds
	return tg
}

// verdict is a step as the tests compare it: its status, then each
// finding's status and code.
func verdict(s Step) string {
	parts := []string{string(s.Status) + ":"}
	for _, m := range s.Means {
		parts = append(parts, string(m.Status)+" "+m.Code)
	}
	return strings.Join(parts, " ")
}

func ips(ss ...string) []netip.Addr {
	out := make([]netip.Addr, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParseAddr(s)
	}
	return out
}

func TestJudgeDNS(t *testing.T) {
	srv := func(name, transport string, records ...SRVRecord) SRVAnswer {
		return SRVAnswer{Query: SRVQuery{name, transport}, Records: records}
	}
	for _, tc := range []struct {
		name, uri string
		dns       DNS
		want      string
		saw       string
	}{
		{"public", "sip:a@pbx.example.com", DNS{Addrs: ips("54.1.2.3")}, "pass: pass dns-public", "pbx.example.com → 54.1.2.3: public."},
		{"an address in the URI", "sip:a@54.1.2.3", DNS{}, "pass: pass dns-public", "The host is an address, nothing to look up: 54.1.2.3 is public."},
		{"a private address in the URI", "sip:a@192.168.1.10", DNS{}, "fail: fail dns-not-public", "192.168.1.10 is private (192.168.0.0/16, RFC 1918)."},
		{"one private among public", "sip:a@pbx.example.com", DNS{Addrs: ips("54.1.2.3", "10.0.0.5")}, "fail: fail dns-not-public", "pbx.example.com → 10.0.0.5: private (10.0.0.0/8, RFC 1918)."},
		{"CGNAT", "sip:a@pbx.example.com", DNS{Addrs: ips("100.64.3.4")}, "fail: fail dns-not-public", "cgnat (100.64.0.0/10, carrier-grade NAT, RFC 6598)"},
		{"IPv6 alone", "sip:a@pbx.example.com", DNS{Addrs: ips("2606:4700::1")}, "warn: warn dns-ipv6-only", "pbx.example.com → 2606:4700::1: public."},
		{"no such name", "sip:a@pbx.example.com", DNS{NotFound: true}, "fail: fail dns-not-found", "pbx.example.com has no A or AAAA record"},
		{"a timeout", "sip:a@pbx.example.com", DNS{Error: "no answer in time (i/o timeout)"}, "fail: fail dns-error", "Looking up pbx.example.com failed: no answer in time (i/o timeout)."},
		{"SRV to the same host and port", "sip:a@pbx.example.com;transport=tcp",
			DNS{Addrs: ips("54.1.2.3"), SRV: []SRVAnswer{srv("_sip._tcp.pbx.example.com", "tcp", SRVRecord{"pbx.example.com.", 5060, 10, 5})}},
			"pass: pass dns-public", "SRV _sip._tcp.pbx.example.com: priority 10 weight 5 → pbx.example.com:5060"},
		{"SRV elsewhere", "sip:a@example.com;transport=tcp",
			DNS{Addrs: ips("54.1.2.3"), SRV: []SRVAnswer{srv("_sip._tcp.example.com", "tcp", SRVRecord{"sip1.example.com.", 5080, 10, 5})}},
			"warn: pass dns-public warn dns-srv-elsewhere", "SRV _sip._tcp.example.com: priority 10 weight 5 → sip1.example.com:5080"},
		{"SRV only, no address", "sip:a@example.com;transport=tcp",
			DNS{NotFound: true, SRV: []SRVAnswer{srv("_sip._tcp.example.com", "tcp", SRVRecord{"sip1.example.com.", 5060, 10, 5})}},
			"fail: fail dns-not-found fail dns-srv-only", ""},
		{"SRV for TCP and TLS, none for UDP", "sip:a@example.com",
			DNS{Addrs: ips("54.1.2.3"), SRV: []SRVAnswer{srv("_sip._udp.example.com", "udp"), srv("_sip._tcp.example.com", "tcp", SRVRecord{"example.com.", 5060, 1, 1}), srv("_sips._tcp.example.com", "tls", SRVRecord{"example.com.", 5061, 1, 1})}},
			"warn: pass dns-public warn dns-srv-other-transport", "SRV _sip._udp.example.com: no records."},
		{"a failed SRV lookup", "sip:a@example.com;transport=udp",
			DNS{Addrs: ips("54.1.2.3"), SRV: []SRVAnswer{{Query: SRVQuery{"_sip._udp.example.com", "udp"}, Error: "server misbehaving"}}},
			"pass: pass dns-public", "SRV _sip._udp.example.com: the lookup failed: server misbehaving."},
	} {
		s := JudgeDNS(target(t, tc.uri, false), tc.dns)
		if got := verdict(s); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		if !slices.ContainsFunc(s.Saw, func(l string) bool { return strings.Contains(l, tc.saw) }) {
			t.Errorf("%s: saw %q, want a line with %q", tc.name, s.Saw, tc.saw)
		}
	}
	srvOther := JudgeDNS(target(t, "sip:a@example.com", false), DNS{Addrs: ips("54.1.2.3"), SRV: []SRVAnswer{srv("_sip._udp.example.com", "udp"), srv("_sip._tcp.example.com", "tcp", SRVRecord{"example.com.", 5060, 1, 1})}})
	if m := srvOther.Means[1].Message; !strings.Contains(m, "advertises SIP over TCP (SRV)") || !strings.Contains(m, "add ;transport=tcp") {
		t.Errorf("srv-other-transport says %q", m)
	}
	private := JudgeDNS(target(t, "sip:a@pbx.example.com", false), DNS{Addrs: ips("10.0.0.5")})
	if m := private.Means[0].Message; !strings.Contains(m, "(warning 13254): 10.0.0.5 is private.") {
		t.Errorf("dns-not-public says %q", m)
	}
}

func TestJudgeReach(t *testing.T) {
	a := netip.MustParseAddrPort("54.1.2.3:5061")
	b := netip.MustParseAddrPort("54.1.2.4:5061")
	dial := func(addr netip.AddrPort, result string) Dial {
		d := Dial{Addr: addr, Result: result, Took: Millis(1500 * time.Microsecond)}
		if result != Connected {
			d.Error = "connection refused"
		}
		return d
	}
	for _, tc := range []struct {
		name, uri string
		reach     *Reach
		want      string
	}{
		{"no address", "sip:a@pbx.example.com;transport=tls", nil, "skip: skip reach-no-address"},
		{"UDP", "sip:a@pbx.example.com", &Reach{}, "skip: skip reach-udp"},
		{"UDP to 5061", "sip:a@pbx.example.com:5061", &Reach{}, "warn: warn port-plain-on-5061 skip reach-udp"},
		{"UDP, quiet", "sip:a@pbx.example.com", &Reach{Dials: []Dial{dial(a, Quiet), dial(b, Answered)}}, "skip: skip reach-udp"},
		{"UDP, one of two refused", "sip:a@pbx.example.com", &Reach{Dials: []Dial{dial(a, Quiet), dial(b, Refused)}}, "warn: warn reach-partial"},
		{"UDP, refused", "sip:a@pbx.example.com", &Reach{Dials: []Dial{dial(a, Refused)}}, "fail: fail reach-refused"},
		{"UDP, no route", "sip:a@pbx.example.com", &Reach{Dials: []Dial{dial(a, Unreachable)}}, "fail: fail reach-unreachable"},
		{"connected", "sip:a@pbx.example.com;transport=tls", &Reach{Dials: []Dial{dial(a, Connected)}}, "pass: pass reach-ok"},
		{"TLS to 5060", "sip:a@pbx.example.com:5060;transport=tls", &Reach{Dials: []Dial{dial(a, Connected)}}, "warn: warn port-tls-on-5060 pass reach-ok"},
		{"one of two", "sip:a@pbx.example.com;transport=tls", &Reach{Dials: []Dial{dial(a, Connected), dial(b, TimedOut)}}, "warn: warn reach-partial"},
		{"refused", "sip:a@pbx.example.com;transport=tls", &Reach{Dials: []Dial{dial(a, Refused)}}, "fail: fail reach-refused"},
		{"timeout", "sip:a@pbx.example.com;transport=tcp", &Reach{Dials: []Dial{dial(a, TimedOut)}, Timeout: Millis(5 * time.Second)}, "fail: fail reach-timeout"},
		{"no route", "sip:a@pbx.example.com;transport=tcp", &Reach{Dials: []Dial{dial(a, Unreachable)}}, "fail: fail reach-unreachable"},
		{"other", "sip:a@pbx.example.com;transport=tcp", &Reach{Dials: []Dial{dial(a, DialError)}}, "fail: fail reach-error"},
	} {
		if got := verdict(JudgeReach(target(t, tc.uri, false), tc.reach)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	udp := JudgeReach(target(t, "sip:a@pbx.example.com", false), &Reach{Dials: []Dial{dial(a, Quiet), {Addr: b, Result: Refused, Error: "connection refused"}}, Timeout: Millis(time.Second)})
	if want := []string{"UDP to 54.1.2.3:5061: no ICMP port unreachable within 1s.", "UDP to 54.1.2.4:5061: ICMP port unreachable (connection refused)."}; !slices.Equal(udp.Saw, want) {
		t.Errorf("saw %q, want %q", udp.Saw, want)
	}
	refused := JudgeReach(target(t, "sip:a@pbx.example.com:5070", false), &Reach{Dials: []Dial{dial(a, Refused)}})
	if m := refused.Means[0].Message; !strings.HasPrefix(m, "Nothing takes UDP on port 5070 from this machine: the host answered ICMP port unreachable") {
		t.Errorf("UDP refused: %s", m)
	}
	s := JudgeReach(target(t, "sip:a@pbx.example.com;transport=tcp", false), &Reach{Dials: []Dial{dial(a, Connected), dial(b, TimedOut)}, Timeout: Millis(2 * time.Second)})
	if want := []string{"TCP to 54.1.2.3:5061: connected in 1.5 ms.", "TCP to 54.1.2.4:5061: no answer within 2s."}; !slices.Equal(s.Saw, want) {
		t.Errorf("saw %q, want %q", s.Saw, want)
	}
}

func TestJudgeTLS(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	cert := func(edit func(*Cert)) *Cert {
		c := &Cert{Subject: "CN=pbx.example.com", Issuer: "CN=R11,O=Let's Encrypt,C=US", DNSNames: []string{"pbx.example.com"},
			NotBefore: now.AddDate(0, -1, 0), NotAfter: now.AddDate(0, 2, 0), Key: "ECDSA P-256",
			KeyUsage: []string{"digitalSignature"}, ExtKeyUsage: []string{"serverAuth"}}
		if edit != nil {
			edit(c)
		}
		return c
	}
	addr := netip.MustParseAddrPort("54.1.2.3:5061")
	good := func(edit func(*TLS)) *TLS {
		tl := &TLS{Addr: addr, Version: "TLS 1.3", TLS12: true, Cert: cert(nil), Roots: "the roots", Now: now}
		if edit != nil {
			edit(tl)
		}
		return tl
	}
	const certOK = " pass tls-chain pass tls-name pass tls-dates pass tls-usage"
	for _, tc := range []struct {
		name, uri string
		tls       *TLS
		want      string
	}{
		{"not TLS", "sip:a@pbx.example.com;transport=tcp", nil, "skip: skip tls-not-used"},
		{"no connection", "sip:a@pbx.example.com;transport=tls", nil, "skip: skip tls-no-connection"},
		{"all good", "sip:a@pbx.example.com;transport=tls", good(nil), "pass: pass tls-version" + certOK},
		{"1.3 alone", "sip:a@pbx.example.com;transport=tls", good(func(tl *TLS) { tl.TLS12 = false }), "warn: warn tls-13-only" + certOK},
		{"1.1 alone", "sip:a@pbx.example.com;transport=tls", good(func(tl *TLS) {
			tl.Version, tl.TLS12, tl.Legacy, tl.Error = "", false, "TLS 1.1", "protocol version not supported"
		}),
			"fail: fail tls-version-old" + certOK},
		{"no handshake", "sip:a@pbx.example.com;transport=tls", &TLS{Addr: addr, Error: "first record does not look like a TLS handshake", Now: now}, "fail: fail tls-handshake"},
		{"silence", "sip:a@pbx.example.com;transport=tls", &TLS{Addr: addr, Error: "i/o timeout", TimedOut: true, Now: now}, "fail: fail tls-timeout"},
		{"untrusted", "sip:a@pbx.example.com;transport=tls", good(func(tl *TLS) { tl.Chain, tl.UnknownAuthority = "x509: certificate signed by unknown authority", true }),
			"fail: pass tls-version fail tls-chain-untrusted pass tls-name pass tls-dates pass tls-usage"},
		{"bad chain", "sip:a@pbx.example.com;transport=tls", good(func(tl *TLS) { tl.Chain = "x509: certificate has expired or is not yet valid" }),
			"fail: pass tls-version fail tls-chain-invalid pass tls-name pass tls-dates pass tls-usage"},
		{"wrong name", "sip:a@sbc.example.com;transport=tls", good(func(tl *TLS) {
			tl.Cert.NameError = "x509: certificate is valid for pbx.example.com, not sbc.example.com"
		}),
			"fail: pass tls-version pass tls-chain fail tls-name-mismatch pass tls-dates pass tls-usage"},
		{"expired", "sip:a@pbx.example.com;transport=tls", good(func(tl *TLS) { tl.Cert.NotAfter = now.Add(-time.Hour) }),
			"fail: pass tls-version pass tls-chain pass tls-name fail tls-expired pass tls-usage"},
		{"not yet valid", "sip:a@pbx.example.com;transport=tls", good(func(tl *TLS) { tl.Cert.NotBefore = now.Add(time.Hour) }),
			"fail: pass tls-version pass tls-chain pass tls-name fail tls-not-yet-valid pass tls-usage"},
		{"expires soon", "sip:a@pbx.example.com;transport=tls", good(func(tl *TLS) { tl.Cert.NotAfter = now.AddDate(0, 0, 10) }),
			"warn: pass tls-version pass tls-chain pass tls-name warn tls-expires-soon pass tls-usage"},
		{"a client certificate", "sip:a@pbx.example.com;transport=tls", good(func(tl *TLS) { tl.Cert.ExtKeyUsage = []string{"clientAuth"} }),
			"fail: pass tls-version pass tls-chain pass tls-name pass tls-dates fail tls-eku-no-server"},
		{"no digitalSignature", "sip:a@pbx.example.com;transport=tls", good(func(tl *TLS) { tl.Cert.KeyUsage = []string{"keyEncipherment"} }),
			"warn: pass tls-version pass tls-chain pass tls-name pass tls-dates warn tls-key-usage"},
		{"no usages at all", "sip:a@pbx.example.com;transport=tls", good(func(tl *TLS) { tl.Cert.KeyUsage, tl.Cert.ExtKeyUsage = nil, nil }),
			"pass: pass tls-version" + certOK},
	} {
		if got := verdict(JudgeTLS(target(t, tc.uri, false), tc.tls)); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	old := JudgeTLS(target(t, "sip:a@pbx.example.com;transport=tls", false), good(func(tl *TLS) { tl.Version, tl.TLS12, tl.Legacy = "", false, "TLS 1.0" }))
	if m := old.Means[0].Message; !strings.Contains(m, "speaks only TLS 1.0") || !strings.Contains(m, "error 32222") || !strings.Contains(m, "Allow Deprecated SIP/TLS versions") {
		t.Errorf("tls-version-old says %q", m)
	}
	if want := "Certificate CN=pbx.example.com, issued by CN=R11,O=Let's Encrypt,C=US, for pbx.example.com; valid 2026-05-01 to 2026-08-01; key ECDSA P-256."; old.Saw[1] != want {
		t.Errorf("saw %q, want %q", old.Saw[1], want)
	}
}

func TestJudgeSIP(t *testing.T) {
	addr := netip.MustParseAddrPort("54.1.2.3:5060")
	answer := func(code int, reason string) *SIP {
		return &SIP{Addr: addr, Transport: "udp", Status: code, Reason: reason, Server: "Asterisk PBX 20.5", RTT: Millis(42 * time.Millisecond), Timeout: Millis(5 * time.Second)}
	}
	reach := &Reach{}
	for _, tc := range []struct {
		name  string
		uri   string
		creds bool
		obs   Observations
		want  string
	}{
		{"200", "sip:a@pbx.example.com", false, Observations{Reach: reach, SIP: answer(200, "OK")}, "pass: pass sip-ok"},
		{"403", "sip:a@pbx.example.com", false, Observations{Reach: reach, SIP: answer(403, "Forbidden")}, "warn: warn sip-forbidden"},
		{"407 without credentials", "sip:a@pbx.example.com", false, Observations{Reach: reach, SIP: answer(407, "Proxy Authentication Required")}, "warn: warn sip-challenge-no-credentials"},
		{"401 with credentials", "sip:a@pbx.example.com", true, Observations{Reach: reach, SIP: answer(401, "Unauthorized")}, "warn: warn sip-challenge"},
		{"404", "sip:a@pbx.example.com", false, Observations{Reach: reach, SIP: answer(404, "Not Found")}, "warn: warn sip-unknown-user"},
		{"405", "sip:a@pbx.example.com", false, Observations{Reach: reach, SIP: answer(405, "Method Not Allowed")}, "pass: pass sip-no-options"},
		{"488", "sip:a@pbx.example.com", false, Observations{Reach: reach, SIP: answer(488, "Not Acceptable Here")}, "warn: warn sip-rejected"},
		{"503", "sip:a@pbx.example.com", false, Observations{Reach: reach, SIP: answer(503, "Service Unavailable")}, "fail: fail sip-server-error"},
		{"silence", "sip:a@pbx.example.com", false, Observations{Reach: reach, SIP: &SIP{Addr: addr, Transport: "udp", TimedOut: true, Timeout: Millis(5 * time.Second)}}, "fail: fail sip-no-answer"},
		{"an error", "sip:a@pbx.example.com", false, Observations{Reach: reach, SIP: &SIP{Addr: addr, Transport: "udp", Error: "write: message too long"}}, "fail: fail sip-error"},
		{"no address", "sip:a@pbx.example.com", false, Observations{}, "skip: skip sip-no-address"},
		{"no TLS 1.2", "sip:a@pbx.example.com;transport=tls", false, Observations{Reach: &Reach{Dials: []Dial{{Addr: addr, Result: Connected}}}, TLS: &TLS{Legacy: "TLS 1.1"}}, "skip: skip sip-no-tls"},
		{"no connection", "sip:a@pbx.example.com;transport=tcp", false, Observations{Reach: &Reach{Dials: []Dial{{Addr: addr, Result: Refused}}}}, "skip: skip sip-no-connection"},
		{"UDP refused", "sip:a@pbx.example.com", false, Observations{Reach: &Reach{Dials: []Dial{{Addr: addr, Result: Refused}}}}, "skip: skip sip-no-connection"},
	} {
		if got := verdict(JudgeSIP(target(t, tc.uri, tc.creds), tc.obs)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	tg := target(t, "sip:alice@pbx.example.com?X-Case=42&Account=7", false)
	s := JudgeSIP(tg, Observations{Reach: reach, SIP: answer(200, "OK")})
	want := []string{
		"OPTIONS sip:alice@pbx.example.com over UDP to 54.1.2.3:5060, with Twilio's custom header X-Case: 42.",
		"Left out, as Twilio drops them: Account.",
		"Answer: 200 OK in 42.0 ms; Server: Asterisk PBX 20.5.",
	}
	if !slices.Equal(s.Saw, want) {
		t.Errorf("saw %q\nwant %q", s.Saw, want)
	}
}

func TestSIPAddr(t *testing.T) {
	a := netip.MustParseAddrPort("54.1.2.3:5061")
	b := netip.MustParseAddrPort("54.1.2.4:5061")
	dials := &Reach{Dials: []Dial{{Addr: a, Result: Refused}, {Addr: b, Result: Connected}}}
	for _, tc := range []struct {
		uri  string
		obs  Observations
		want string
	}{
		{"sip:a@pbx.example.com", Observations{DNS: DNS{Addrs: ips("54.1.2.3", "54.1.2.4")}, Reach: &Reach{Dials: []Dial{
			{Addr: netip.MustParseAddrPort("54.1.2.3:5060"), Result: Refused}, {Addr: netip.MustParseAddrPort("54.1.2.4:5060"), Result: Quiet}}}}, "54.1.2.4:5060"},
		{"sip:a@54.9.9.9:5070", Observations{Reach: &Reach{Dials: []Dial{{Addr: netip.MustParseAddrPort("54.9.9.9:5070"), Result: Answered}}}}, "54.9.9.9:5070"},
		{"sip:a@54.9.9.9:5070", Observations{Reach: &Reach{Dials: []Dial{{Addr: netip.MustParseAddrPort("54.9.9.9:5070"), Result: Refused}}}}, "none"},
		{"sip:a@pbx.example.com;transport=tcp", Observations{Reach: dials}, "54.1.2.4:5061"},
		{"sip:a@pbx.example.com;transport=tls", Observations{Reach: dials, TLS: &TLS{Addr: b, Version: "TLS 1.2"}}, "54.1.2.4:5061"},
		{"sip:a@pbx.example.com;transport=tls", Observations{Reach: dials, TLS: &TLS{Addr: b, Legacy: "TLS 1.0"}}, "none"},
		{"sip:a@pbx.example.com;transport=tcp", Observations{Reach: &Reach{Dials: []Dial{{Addr: a, Result: TimedOut}}}}, "none"},
		{"sip:a@pbx.example.com", Observations{}, "none"},
	} {
		got := "none"
		if addr, ok := SIPAddr(target(t, tc.uri, false), tc.obs); ok {
			got = addr.String()
		}
		if got != tc.want {
			t.Errorf("%s: %s, want %s", tc.uri, got, tc.want)
		}
	}
	many := DNS{Addrs: ips("54.0.0.1", "54.0.0.2", "54.0.0.3", "54.0.0.4", "54.0.0.5")}
	if d := Dialable(target(t, "sip:a@pbx.example.com", false), many); len(d) != maxAddrs {
		t.Errorf("dialable: %v, want the first %d", d, maxAddrs)
	}
}

func TestSummary(t *testing.T) {
	step := func(s Status) Step { return Step{Status: s} }
	pass := Report{Steps: []Step{step(Pass), step(Skip)}}
	warn := Report{Steps: []Step{step(Pass), step(Warn)}}
	fail := Report{Steps: []Step{step(Warn), step(Fail), step(Skip)}}
	for _, tc := range []struct {
		reports []Report
		want    string
		ok      bool
	}{
		{[]Report{pass}, "1 target probed: 1 passed, 0 with warnings, 0 failed. Exit status 0.", true},
		{[]Report{pass, warn}, "2 targets probed: 1 passed, 1 with warnings, 0 failed. Exit status 0.", true},
		{[]Report{pass, warn, fail}, "3 targets probed: 1 passed, 1 with warnings, 1 failed. Exit status 1.", false},
	} {
		if got := Summary(tc.reports); got != tc.want || OK(tc.reports) != tc.ok {
			t.Errorf("%q %v, want %q %v", got, OK(tc.reports), tc.want, tc.ok)
		}
	}
	if fail.Status() != Fail || warn.Status() != Warn || (Report{Steps: []Step{step(Skip)}}).Status() != Skip {
		t.Error("a report's status is not its worst step's")
	}
}

func TestMillisJSON(t *testing.T) {
	d := Dial{Addr: netip.MustParseAddrPort("54.1.2.3:5060"), Result: Connected, Took: Millis(1500 * time.Microsecond)}
	b, err := json.Marshal(d)
	if want := `{"addr":"54.1.2.3:5060","result":"connected","tookMs":1.5}`; err != nil || string(b) != want {
		t.Fatalf("%s %v, want %s", b, err, want)
	}
	var back Dial
	if err := json.Unmarshal(b, &back); err != nil || back != d {
		t.Errorf("read back %+v %v, want %+v", back, err, d)
	}
	if err := json.Unmarshal([]byte(`{"tookMs":"soon"}`), &back); err == nil {
		t.Error("a string read as milliseconds")
	}
}
