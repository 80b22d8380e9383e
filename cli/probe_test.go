//go:build !wasm

package cli

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"net"
	"net/netip"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"sipcompose/internal/testenv"
	"sipcompose/sipcompose/probe"
)

// The addresses the probe's tests give their namespace's loopback: a
// public one, standing for a PBX on the internet, and a private one.
// Nothing sent to them leaves the namespace, which has no other link.
const (
	publicAddr  = "1.2.3.4"
	privateAddr = "10.0.0.5"
	// unroutedAddr is public, but the namespace has no route to it, so
	// a connection fails at once without a packet being sent.
	unroutedAddr = "1.2.3.99"
	probeTimeout = time.Second
)

// TestProbeInNamespace runs `sipcompose probe` against real servers in a
// network namespace of its own: a DNS server the test controls, SIP
// servers from sipgo over UDP, TCP and TLS answering 200, 403, 407 or
// nothing, TLS with certificates from a CA made here (valid, expired,
// wrong name, TLS 1.1 only), and ports that refuse, stay silent, drop
// packets (iptables in the namespace), or have no route. Each case checks the verdict of every step, the exit status,
// and that no step outlasts its timeout.
func TestProbeInNamespace(t *testing.T) {
	if !testenv.Enter(t) {
		return
	}
	quietSipgo() // as cmdProbe does, before any sipgo server starts
	ip := testenv.LookPath(t, "ip", "apt-get install iproute2")
	for _, a := range []string{publicAddr, privateAddr} {
		if out, err := exec.Command(ip, "addr", "add", a+"/32", "dev", "lo").CombinedOutput(); err != nil {
			t.Fatalf("ip addr add %s: %v\n%s", a, err, out)
		}
	}
	zone := map[string]dnsEntry{"sip2.probe.test": {addrs: addrs(publicAddr)}}
	for _, name := range []string{"pbx", "expired", "wrongname", "old", "new", "silent", "srv", "tcponly"} {
		zone[name+".probe.test"] = dnsEntry{addrs: addrs(publicAddr)}
	}
	zone["private.probe.test"] = dnsEntry{addrs: addrs(privateAddr)}
	zone["_sip._udp.srv.probe.test"] = dnsEntry{srv: []net.SRV{{Target: "sip2.probe.test.", Port: 5080, Priority: 10, Weight: 5}}}
	zone["_sip._tcp.tcponly.probe.test"] = dnsEntry{srv: []net.SRV{{Target: "tcponly.probe.test.", Port: 5060, Priority: 10, Weight: 5}}}

	ca := newTestCA(t)
	now := time.Now()
	tlsConf := func(name string, notBefore, notAfter time.Time, version uint16) *tls.Config {
		c := &tls.Config{Certificates: []tls.Certificate{ca.leaf(t, name, notBefore, notAfter)}}
		if version != 0 {
			// Go serves TLS 1.1 when told to in so many words (its
			// default minimum for servers is 1.2 since Go 1.22); no
			// GODEBUG is needed for an explicit MinVersion.
			c.MinVersion, c.MaxVersion = version, version
		}
		return c
	}
	at := func(port string) string { return net.JoinHostPort(publicAddr, port) }
	udp200 := startUAS(t, "udp", at("5060"), 200, nil)
	startUAS(t, "tcp", at("5060"), 403, nil)
	startUAS(t, "tls", at("5061"), 200, tlsConf("pbx.probe.test", now.Add(-time.Hour), now.Add(90*24*time.Hour), 0))
	startUAS(t, "tls", at("5062"), 200, tlsConf("expired.probe.test", now.Add(-60*24*time.Hour), now.Add(-24*time.Hour), 0))
	startUAS(t, "tls", at("5063"), 200, tlsConf("other.probe.test", now.Add(-time.Hour), now.Add(90*24*time.Hour), 0))
	startUAS(t, "tls", at("5064"), 200, tlsConf("old.probe.test", now.Add(-time.Hour), now.Add(90*24*time.Hour), tls.VersionTLS11))
	silentTCP(t, at("5065"))
	startUAS(t, "tls", at("5069"), 200, tlsConf("new.probe.test", now.Add(-time.Hour), now.Add(90*24*time.Hour), tls.VersionTLS13))
	startUAS(t, "tcp", at("5066"), 407, nil)
	silentPackets := silentUDP(t, at("5067"))
	private200 := startUAS(t, "udp", net.JoinHostPort(privateAddr, "5060"), 200, nil)

	env := probeEnv{resolver: serveDNS(t, zone), roots: ca.pool, rootsName: "the test's CA", now: time.Now}
	machineRoots := env
	machineRoots.roots, machineRoots.rootsName = nil, machineEnv.rootsName

	dir := t.TempDir()
	doc := func(name, json string) string { return writeDoc(t, dir, name, json) }
	headersDoc := doc("headers.json", `{"targets": [
		{"user": "alice", "host": "pbx.probe.test",
		 "headers": [{"name": "X-Case", "value": "a,b&c 42"}, {"name": "Foo", "value": "dropped"}]},
		{"host": "", "uris": [{"uri": "sip:bob@pbx.probe.test;transport=tcp"}]}
	]}`)
	credentialsDoc := doc("credentials.json", `{"targets": [
		{"user": "alice", "host": "pbx.probe.test", "port": 5066, "transport": "tcp", "username": "twilio", "password": "secret"}]}`)

	for _, tc := range []struct {
		name  string
		env   probeEnv
		args  []string
		exit  int
		steps []string // per target: "dns reach tls sip" statuses
		codes []string // finding codes the report must hold
	}{
		{"UDP answers 200 with the document's headers; a <Uri> gets 403 over TCP", env, []string{"-doc", headersDoc}, 0,
			[]string{"pass skip skip pass", "pass pass skip warn"}, []string{"dns-public", "reach-udp", "tls-not-used", "sip-ok", "reach-ok", "sip-forbidden"}},
		{"TCP answers 403", env, []string{"sip:alice@pbx.probe.test;transport=tcp"}, 0,
			[]string{"pass pass skip warn"}, []string{"reach-ok", "sip-forbidden"}},
		{"TLS with a valid certificate answers 200", env, []string{"sip:alice@pbx.probe.test;transport=tls"}, 0,
			[]string{"pass pass pass pass"}, []string{"tls-version", "tls-chain", "tls-name", "tls-dates", "tls-usage", "sip-ok"}},
		{"the test CA is no public root", machineRoots, []string{"sip:alice@pbx.probe.test;secure=true"}, 1,
			[]string{"pass pass fail pass"}, []string{"tls-chain-untrusted", "tls-name", "sip-ok"}},
		{"an expired certificate", env, []string{"sip:alice@expired.probe.test:5062;transport=tls"}, 1,
			[]string{"pass pass fail pass"}, []string{"tls-chain", "tls-expired"}},
		{"a certificate for another name", env, []string{"sip:alice@wrongname.probe.test:5063;transport=tls"}, 1,
			[]string{"pass pass fail pass"}, []string{"tls-chain", "tls-name-mismatch"}},
		{"a server of TLS 1.1 alone", env, []string{"sip:alice@old.probe.test:5064;transport=tls"}, 1,
			[]string{"pass pass fail skip"}, []string{"tls-version-old", "tls-chain", "sip-no-tls"}},
		{"a server of TLS 1.3 alone", env, []string{"sip:alice@new.probe.test:5069;transport=tls"}, 0,
			[]string{"pass pass warn pass"}, []string{"tls-13-only", "tls-chain", "tls-name", "sip-ok"}},
		{"a port that accepts TCP and never speaks TLS", env, []string{"sip:alice@silent.probe.test:5065;transport=tls"}, 1,
			[]string{"pass pass fail skip"}, []string{"tls-timeout", "sip-no-tls"}},
		{"407 and no credentials", env, []string{"sip:alice@pbx.probe.test:5066;transport=tcp"}, 0,
			[]string{"pass pass skip warn"}, []string{"sip-challenge-no-credentials"}},
		{"407 and the document's credentials", env, []string{"-doc", credentialsDoc}, 0,
			[]string{"pass pass skip warn"}, []string{"sip-challenge"}},
		{"UDP answers nothing", env, []string{"sip:alice@pbx.probe.test:5067"}, 1,
			[]string{"pass skip skip fail"}, []string{"sip-no-answer"}},
		{"a name that resolves to a private address", env, []string{"sip:alice@private.probe.test"}, 1,
			[]string{"fail skip skip pass"}, []string{"dns-not-public", "sip-ok"}},
		{"a name that does not resolve", env, []string{"sip:alice@missing.probe.test;transport=tls"}, 1,
			[]string{"fail skip skip skip"}, []string{"dns-not-found", "reach-no-address", "tls-no-connection", "sip-no-address"}},
		{"a port nothing listens on", env, []string{"sip:alice@pbx.probe.test:5068;transport=tcp"}, 1,
			[]string{"pass fail skip skip"}, []string{"reach-refused", "sip-no-connection"}},
		{"a UDP port nothing listens on: ICMP port unreachable", env, []string{"sip:alice@pbx.probe.test:5068"}, 1,
			[]string{"pass fail skip skip"}, []string{"reach-refused", "sip-no-connection"}},
		{"an address with no route", env, []string{"sip:alice@" + unroutedAddr + ";transport=tcp"}, 1,
			[]string{"pass fail skip skip"}, []string{"reach-unreachable"}},
		{"SRV records that point elsewhere", env, []string{"sip:alice@srv.probe.test"}, 0,
			[]string{"warn skip skip pass"}, []string{"dns-srv-elsewhere", "sip-ok"}},
		{"SRV records for TCP alone", env, []string{"sip:alice@tcponly.probe.test"}, 0,
			[]string{"warn skip skip pass"}, []string{"dns-srv-other-transport", "sip-ok"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			exit, rep, errOut := probeJSONRun(t, tc.env, tc.args...)
			took := time.Since(start)
			if exit != tc.exit || errOut != "" {
				t.Errorf("exit %d (want %d), stderr %q", exit, tc.exit, errOut)
			}
			var steps, codes []string
			for _, r := range rep.Targets {
				var st []string
				for _, s := range r.Steps {
					st = append(st, string(s.Status))
					for _, m := range s.Means {
						codes = append(codes, m.Code)
					}
				}
				steps = append(steps, strings.Join(st, " "))
			}
			if !slices.Equal(steps, tc.steps) {
				t.Errorf("steps %q, want %q", steps, tc.steps)
			}
			for _, c := range tc.codes {
				if !slices.Contains(codes, c) {
					t.Errorf("no finding %s in %q", c, codes)
				}
			}
			if rep.OK != (tc.exit == 0) || !strings.HasSuffix(rep.Summary, "Exit status "+string(rune('0'+tc.exit))+".") {
				t.Errorf("ok %v, summary %q", rep.OK, rep.Summary)
			}
			// One target's worst case is a timeout in a single step.
			if limit := time.Duration(len(rep.Targets)) * 3 * probeTimeout; took > limit {
				t.Errorf("took %s, more than %s", took, limit)
			}
			if t.Failed() {
				out, _ := json.MarshalIndent(rep, "", "  ")
				t.Logf("report:\n%s", out)
			}
		})
	}

	t.Run("a firewall that drops this machine's packets", func(t *testing.T) {
		// The real-world silence: SYNs dropped, so connect waits for the
		// timeout rather than failing at once.
		iptables := testenv.LookPath(t, "iptables", "apt-get install iptables")
		if out, err := exec.Command(iptables, "-A", "INPUT", "-p", "tcp", "--dport", "5070", "-j", "DROP").CombinedOutput(); err != nil {
			t.Fatalf("iptables: %v\n%s", err, out)
		}
		start := time.Now()
		exit, rep, _ := probeJSONRun(t, env, "sip:alice@pbx.probe.test:5070;transport=tcp")
		took := time.Since(start)
		if exit != 1 || len(rep.Targets) != 1 || rep.Targets[0].Steps[1].Means[0].Code != "reach-timeout" || rep.Targets[0].Steps[3].Status != probe.Skip {
			t.Errorf("exit %d: %+v", exit, rep.Targets)
		}
		if took < probeTimeout || took > 3*probeTimeout {
			t.Errorf("took %s, want about %s", took, probeTimeout)
		}
	})

	// What the PBX received is the OPTIONS Twilio's INVITE mirrors: the
	// request URI, and the custom headers decoded, less those Twilio drops.
	var options []string
	for _, req := range udp200.requests() {
		line := req.Recipient.String()
		for _, name := range []string{"X-Case", "Foo", "User-Agent"} {
			if h := req.GetHeader(name); h != nil {
				line += " | " + name + ": " + h.Value()
			}
		}
		options = append(options, line)
	}
	wantFirst := "sip:alice@pbx.probe.test | X-Case: a,b&c 42 | User-Agent: sipcompose-probe"
	if len(options) == 0 || options[0] != wantFirst {
		t.Errorf("the UAS got %q, want first %q", options, wantFirst)
	}
	if len(private200.requests()) != 1 {
		t.Errorf("the private address's UAS got %d OPTIONS, want 1", len(private200.requests()))
	}
	// The reach step's one keep-alive, then SIP's retransmissions over UDP
	// in a 1 s timeout: at 0 and 0.5 s.
	if pings, n := silentPackets(); pings != 1 || n < 1 || n > 3 {
		t.Errorf("the silent UDP port got %d keep-alives and %d other packets in %s, want 1 and 1 to 3", pings, n, probeTimeout)
	}

	t.Run("text report", func(t *testing.T) {
		text := probeTextRun(t, env, 0, "-doc", headersDoc)
		t.Logf("sipcompose probe -doc headers.json:\n%s", text)
		mustContain(t, text,
			"This probe comes from this machine, not from Twilio's addresses.",
			"\nTarget 1: sip:alice@pbx.probe.test?X-Case=a%2Cb%26c%2042&Foo=dropped\n  UDP to port 5060: Twilio's defaults (the URI names no transport or port)\n",
			"\n  PASS  DNS\n        saw: pbx.probe.test → 1.2.3.4: public.\n",
			"\nTarget 2, <Uri> 1: sip:bob@pbx.probe.test;transport=tcp\n",
			"Server: test-pbx/1.0",
			"\n2 targets probed: 1 passed, 1 with warnings, 0 failed. Exit status 0.\n")

		uris := []string{"sip:alice@expired.probe.test:5062;transport=tls", "sip:alice@old.probe.test:5064;transport=tls", "sip:alice@private.probe.test"}
		text = probeTextRun(t, env, 1, uris...)
		t.Logf("sipcompose probe %s:\n%s", strings.Join(uris, " "), text)
		mustContain(t, text,
			"\nURI 1: sip:alice@expired.probe.test:5062;transport=tls\n  TLS to port 5062, as the URI says\n",
			"\n  FAIL  TLS\n",
			"fail: The certificate expired on ",
			"\nURI 2: sip:alice@old.probe.test:5064;transport=tls\n",
			"\n  SKIP  SIP OPTIONS\n        skip: No TLS 1.2 or later session to send OPTIONS over",
			"\n  FAIL  DNS\n        saw: private.probe.test → 10.0.0.5: private (10.0.0.0/8, RFC 1918).\n",
			"\n3 targets probed: 0 passed, 0 with warnings, 3 failed. Exit status 1.\n")
		// Phrases a line may break.
		mustContain(t, strings.Join(strings.Fields(text), " "), "one offering TLS 1.0 and 1.1 agreed TLS 1.1.", "(error 32222, TLS version not allowed)")
	})
}

// probeTextRun runs the probe with its text report and checks its exit
// status.
func probeTextRun(t *testing.T, env probeEnv, exit int, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if got := runProbe(context.Background(), append([]string{"-timeout", probeTimeout.String()}, args...), &out, &errOut, env); got != exit || errOut.Len() > 0 {
		t.Errorf("exit %d (want %d), stderr %q", got, exit, errOut.String())
	}
	return out.String()
}

func mustContain(t *testing.T, text string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the report", want)
		}
	}
}

// probeJSONRun runs the probe with -format json and reads its report.
func probeJSONRun(t *testing.T, env probeEnv, args ...string) (int, probeJSON, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	args = append([]string{"-format", "json", "-timeout", probeTimeout.String()}, args...)
	exit := runProbe(context.Background(), args, &out, &errOut, env)
	if strings.Contains(out.String()+errOut.String(), "secret") {
		t.Errorf("a password is in the report:\n%s%s", out.String(), errOut.String())
	}
	var rep probeJSON
	if exit != 2 {
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatalf("the JSON report does not read: %v\n%s", err, out.String())
		}
		if rep.From != probe.FromThisMachine {
			t.Errorf("the report's from is %q", rep.From)
		}
	}
	return exit, rep, errOut.String()
}

func addrs(ss ...string) []netip.Addr {
	out := make([]netip.Addr, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParseAddr(s)
	}
	return out
}
