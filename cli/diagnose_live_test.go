//go:build !wasm

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sipcompose/internal/siptest"
	"sipcompose/internal/testenv"
	"sipcompose/sipcompose/diagnose"
	"sipcompose/sipcompose/evidence"
)

// liveDir holds the recorded captures, their tcpdump -A text and the
// PBX's log, and cases.json: each case's document and what Diagnose must
// name from each. TestRecorded (sipcompose/diagnose) reads them without
// the tools; `SIPCOMPOSE_RECORD=1 go test ./cli -run TestDiagnoseRealTraffic`
// records them again (an environment variable, since the test runs again
// inside its namespace, where flags are not passed on).
var liveDir = filepath.Join("..", "sipcompose", "diagnose", "testdata", "live")

// liveCase is one entry of cases.json.
type liveCase struct {
	Name string `json:"name"`
	// Doc is the document Diagnose checks against; Sent, when set, the
	// one whose INVITE Twilio sent (a TwiML that is not the document's).
	Doc  json.RawMessage `json:"doc"`
	Sent json.RawMessage `json:"sent,omitempty"`
	// Pcap, Text and Log are the finding codes Diagnose must name from the
	// capture, from its tcpdump -A text and from the PBX's log; an empty
	// list means no fault at all.
	Pcap []string `json:"pcap"`
	Text []string `json:"text"`
	Log  []string `json:"log,omitempty"`
}

func liveCases(t *testing.T) []liveCase {
	data, err := os.ReadFile(filepath.Join(liveDir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []liveCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// pbxSetup is how each case's broken PBX is built: a sipgo UAS, or
// Kamailio with a route; the SIPp steps after the INVITE; the capture's
// filter.
type pbxSetup struct {
	pbx      behaviour
	silent   bool
	kamailio string // request_route body; listen is UDP on 5060 unless tcpOnly
	tcpOnly  bool
	// tcp: SIPp sends over TCP (the document says ;transport=tcp).
	tcp     bool
	uasPort int
	steps   string
	filter  string
}

var pbxSetups = map[string]pbxSetup{
	"challenge-407":      {kamailio: challenge + `sl_send_reply("200", "OK");`, steps: recv("407") + ackNon2xx},
	"forbidden-403":      {kamailio: `sl_send_reply("403", "Forbidden");`, steps: recv("403") + ackNon2xx},
	"edge-mismatch":      {kamailio: `sl_send_reply("403", "Forbidden");`, steps: recv("403") + ackNon2xx},
	"wrong-credentials":  {kamailio: challenge + `if (!pv_proxy_authenticate("$fd", "right-secret", "0")) { sl_send_reply("403", "Forbidden"); exit; }`, steps: `<recv response="407" auth="true"/>` + ackNon2xx + inviteWithCredentials + recv("403") + strings.Replace(ackNon2xx, "102 ACK", "103 ACK", 1)},
	"challenge-407-tcp":  {kamailio: challenge + `sl_send_reply("200", "OK");`, tcpOnly: true, tcp: true, steps: recv("407") + ackNon2xx},
	"tcp-only":           {kamailio: `sl_send_reply("500", "Server Error");`, tcpOnly: true, steps: noAnswer},
	"codec-488":          {pbx: respond(488, "Not Acceptable Here", nil, ""), steps: trying + recv("488") + ackNon2xx},
	"codec-g729":         {pbx: respond(200, "OK", map[string]string{"Contact": "<sip:pbx@" + livePBX + ":5060>"}, pbxSDP(livePBX, "18")), steps: answered},
	"private-sdp":        {pbx: respond(200, "OK", map[string]string{"Contact": "<sip:pbx@" + livePBX + ":5060>"}, pbxSDP("10.1.2.3", "0 101")), steps: answered},
	"private-contact":    {pbx: noACK, steps: trying + recv("200") + recv("200") + `<recv request="BYE"/>` + okToBYE},
	"silence":            {silent: true, steps: noAnswer},
	"ringing-no-answer":  {pbx: ringing, steps: trying + recv("180") + `<pause milliseconds="1500"/>` + cancel + recv("200") + recv("487") + ackNon2xx},
	"not-found-404":      {pbx: respond(404, "Not Found", nil, ""), steps: trying + recv("404") + ackNon2xx},
	"session-timer-422":  {pbx: respond(422, "Session Interval Too Small", map[string]string{"Min-SE": "1800"}, ""), steps: trying + recv("422") + ackNon2xx},
	"rejected-503":       {pbx: respond(503, "Service Unavailable", map[string]string{"Reason": `Q.850;cause=34;text="No circuit/channel available"`, "Warning": `399 pbx "trunk to carrier is full"`}, ""), steps: trying + recv("503") + ackNon2xx},
	"udp-too-large":      {pbx: talking(true), steps: answered},
	"one-way-audio":      {pbx: talking(false), steps: answered},
	"sbc-strips-headers": {kamailio: `remove_hf("X-Case"); $du = "sip:` + livePBX + `:5080"; forward(); exit;`, pbx: respond(486, "Busy Here", nil, ""), uasPort: 5080, steps: trying + recv("486") + ackNon2xx, filter: "udp port 5080"},
	"healthy":            {pbx: talking(true), steps: answered},
}

// TestDiagnoseRealTraffic plays Twilio's INVITE (compose -format invite)
// with SIPp to a broken PBX (a sipgo UAS or Kamailio), records the
// exchange with tcpdump, and checks `sipcompose diagnose` names the fault
// from the capture, from its tcpdump -A text and from Kamailio's log; and
// that sipgo reads every captured SIP message as Diagnose does. All of it
// inside a network namespace of the test's own.
func TestDiagnoseRealTraffic(t *testing.T) {
	if testing.Short() {
		t.Skip("real SIP traffic: not in -short")
	}
	if !testenv.Enter(t) {
		return
	}
	sipp := testenv.LookPath(t, "sipp", "apt-get install sip-tester")
	tcpdump := testenv.LookPath(t, "tcpdump", "apt-get install tcpdump")
	kamailio := testenv.LookPath(t, "kamailio", "apt-get install kamailio")
	// An MTU like a real path's (65536 on loopback), so a large INVITE
	// is fragmented over UDP and split into segments over TCP.
	// gso_max_size keeps the kernel from handing tcpdump one large
	// segment it splits only later.
	setup := [][]string{{"link", "set", "lo", "mtu", "1300"}, {"link", "set", "lo", "gso_max_size", "1300"}}
	for _, a := range []string{liveTwilio, livePBX, liveMedia} {
		setup = append(setup, []string{"addr", "add", a + "/32", "dev", "lo"})
	}
	for _, args := range setup {
		if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %s: %v %s", strings.Join(args, " "), err, out)
		}
	}
	for i, c := range liveCases(t) {
		setup, ok := pbxSetups[c.Name]
		if !ok {
			t.Fatalf("case %s: no PBX set up for it", c.Name)
		}
		// Both of tcpdump's link types on Linux: Ethernet on lo, Linux
		// cooked v2 on any.
		iface := []string{"lo", "any"}[i%2]
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			playCase(t, dir, c, setup, iface, sipp, tcpdump, kamailio)
			checkRecording(t, dir, c)
			if os.Getenv("SIPCOMPOSE_RECORD") != "" {
				for _, ext := range []string{".pcap", ".txt", ".kamailio.log"} {
					if data, err := os.ReadFile(filepath.Join(dir, "call"+ext)); err == nil {
						os.WriteFile(filepath.Join(liveDir, c.Name+ext), data, 0o644)
					}
				}
			}
		})
	}
}

// playCase runs the PBX, tcpdump and SIPp for one case, and leaves
// call.pcap, call.txt (tcpdump -A) and call.kamailio.log in dir.
func playCase(t *testing.T, dir string, c liveCase, setup pbxSetup, iface, sipp, tcpdump, kamailio string) {
	sent := c.Sent
	if sent == nil {
		sent = c.Doc
	}
	os.WriteFile(filepath.Join(dir, "sent.json"), sent, 0o644)
	code, inviteText, errOut := runInput("", "compose", "-format", "invite", filepath.Join(dir, "sent.json"))
	if code != 0 || inviteText == "" {
		t.Fatalf("compose -format invite: exit %d %s", code, errOut)
	}
	port := 5060
	if setup.uasPort != 0 {
		port = setup.uasPort
	}
	media := sink(t, liveMedia, 10000)
	if setup.pbx != nil || setup.silent {
		startPBX(t, port, setup.pbx, media)
	}
	if setup.kamailio != "" {
		startKamailio(t, dir, kamailio, setup)
	}
	filter := setup.filter
	if filter == "" {
		filter = "udp or tcp or icmp"
	}
	stop := startTcpdump(t, tcpdump, iface, filepath.Join(dir, "call.pcap"), filter)
	runSIPp(t, dir, sipp, scenario(inviteText, setup.steps), setup.tcp)
	time.Sleep(300 * time.Millisecond)
	stop()
	text, err := exec.Command(tcpdump, "-A", "-n", "-r", filepath.Join(dir, "call.pcap")).Output()
	if err != nil {
		t.Fatalf("tcpdump -A: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "call.txt"), text, 0o644)
}

// startTcpdump records on iface into path, and returns a func that stops
// it once every packet is written.
func startTcpdump(t *testing.T, tcpdump, iface, path, filter string) func() {
	cmd := exec.Command(tcpdump, "-i", iface, "-n", "-U", "--immediate-mode", "-Z", "root", "-s", "0", "-w", path, filter)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(stderr.String(), "listening on"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("tcpdump did not start: %s", stderr.String())
		}
	}
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-waited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			t.Errorf("tcpdump did not stop: %s", stderr.String())
		}
	}
	t.Cleanup(stop)
	return stop
}

// startKamailio runs Kamailio in the foreground with the case's route,
// logging each message it receives and each reply it sends (xlog of $mb
// and $snd(buf)) to call.kamailio.log, as a PBX's log shows them.
func startKamailio(t *testing.T, dir, kamailio string, setup pbxSetup) {
	listen := "udp:" + livePBX + ":5060"
	if setup.tcpOnly {
		listen = "tcp:" + livePBX + ":5060"
	}
	cfg := `#!KAMAILIO
debug=2
log_stderror=yes
children=1
tcp_children=1
auto_aliases=no
listen=` + listen + `
mpath="` + kamailioModules(t) + `"
loadmodule "sl.so"
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "auth.so"
loadmodule "textops.so"
request_route {
	xlog("L_NOTICE", "received $rm from $si:$sp\n$mb\n");
	if (is_method("ACK") && $du == "") exit;
	` + setup.kamailio + `
}
event_route[sl:local-response] {
	xlog("L_NOTICE", "sent reply to $sndto(ip):$sndto(port)\n$snd(buf)\n");
}
`
	path := filepath.Join(dir, "kamailio.cfg")
	os.WriteFile(path, []byte(cfg), 0o644)
	log, err := os.Create(filepath.Join(dir, "call.kamailio.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(kamailio, "-f", path, "-DD", "-E", "-n", "1", "-Y", dir, "-P", filepath.Join(dir, "kamailio.pid"))
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-waited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
		}
		log.Close()
	})
	proto := "udp"
	if setup.tcpOnly {
		proto = "tcp"
	}
	ss := testenv.LookPath(t, "ss", "apt-get install iproute2")
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		out, _ := exec.Command(ss, "-ln", "--"+proto).Output()
		if strings.Contains(string(out), livePBX+":5060") {
			return
		}
		if time.Now().After(deadline) {
			data, _ := os.ReadFile(filepath.Join(dir, "call.kamailio.log"))
			t.Fatalf("kamailio did not start:\n%s", tail(data, 3000))
		}
	}
}

// kamailioModules is where Debian's kamailio keeps its modules (the
// directory names the architecture).
func kamailioModules(t *testing.T) string {
	dirs, _ := filepath.Glob("/usr/lib/*/kamailio/modules")
	if len(dirs) == 0 {
		testenv.Unavailable(t, "no /usr/lib/*/kamailio/modules: apt-get install kamailio")
	}
	return dirs[0] + "/"
}

// checkRecording runs `sipcompose diagnose` on the capture, its text and
// the PBX's log, and checks sipgo agrees with every message read.
func checkRecording(t *testing.T, dir string, c liveCase) {
	doc := filepath.Join(dir, "doc.json")
	os.WriteFile(doc, c.Doc, 0o644)
	inputs := map[string][]string{"call.pcap": c.Pcap, "call.txt": c.Text}
	if _, err := os.Stat(filepath.Join(dir, "call.kamailio.log")); err == nil && c.Log != nil {
		inputs["call.kamailio.log"] = c.Log
	}
	for name, want := range inputs {
		path := filepath.Join(dir, name)
		r := diagnoseJSON(t, doc, path)
		if !findingsAre(r, want) {
			data, _ := os.ReadFile(path)
			_, text, _ := runInput("", "diagnose", "-doc", doc, path)
			t.Errorf("%s: want %v, got:\n%s\n--- %s:\n%s", name, want, text, name, tail(data, 4000))
		}
		data, _ := os.ReadFile(path)
		ev := evidence.Read(evidence.Input{Name: name, Data: data})
		if len(ev.Messages) == 0 {
			t.Errorf("%s: no SIP message read", name)
		}
		for _, m := range ev.Messages {
			siptest.SipgoAgrees(t, m)
		}
	}
}

func diagnoseJSON(t *testing.T, doc, path string) diagnose.Report {
	t.Helper()
	code, out, errOut := runInput("", "diagnose", "-doc", doc, "-format", "json", path)
	var r diagnose.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil || code == 2 {
		t.Fatalf("diagnose %s: exit %d, %v %s", path, code, err, errOut)
	}
	if (code == 1) != (r.Faults() > 0) {
		t.Errorf("diagnose %s: exit %d with %d faults", path, code, r.Faults())
	}
	return r
}

// findingsAre reports whether r names every code in want, and, for an
// empty want, no fault at all.
func findingsAre(r diagnose.Report, want []string) bool {
	if len(want) == 0 {
		return r.Faults() == 0
	}
	return !slices.ContainsFunc(want, func(code string) bool { return !r.Has(code) })
}
