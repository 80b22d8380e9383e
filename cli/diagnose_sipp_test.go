//go:build !wasm

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// SIPp's side of the real-traffic test: Twilio's INVITE as compose
// previews it, and the steps after it that each broken PBX needs.

var (
	// ackNon2xx acknowledges a final non-2xx response, on the INVITE's
	// branch; cancel cancels the INVITE, on its branch too.
	ackNon2xx = sippRequest("ACK @RURI@", "[last_Via:]", "[last_To:]", "102 ACK")
	cancel    = sippRequest("CANCEL @RURI@", "[last_Via:]", "To: <sip:+14158675309@pbx.example.com>", "102 CANCEL")
	// ack2xx and bye are requests of the dialog, each a transaction of
	// its own.
	newVia   = "Via: SIP/2.0/UDP " + liveTwilio + ":5060;branch=[branch]"
	ack2xx   = sippRequest("ACK sip:pbx@"+livePBX+":5060", newVia, "[last_To:]", "102 ACK")
	bye      = sippRequest("BYE sip:pbx@"+livePBX+":5060", newVia, "[last_To:]", "103 BYE")
	answered = trying + recv("200") + ack2xx + `<pause milliseconds="600"/>` + bye + recv("200")
)

// sippRequest is a SIPp send of a request without a body.
func sippRequest(start, via, to, cseq string) string {
	return "<send><![CDATA[\n" + start + " SIP/2.0\n" + via + "\n[last_From:]\n" + to + "\n[last_Call-ID:]\nCSeq: " + cseq + "\nMax-Forwards: 68\nContent-Length: 0\n\n]]></send>"
}

const challenge = `if (!is_present_hf("Proxy-Authorization")) { proxy_challenge("$fd", "0"); exit; } `

// SIPp steps after the INVITE, as Twilio's side of the call.
func recv(code string) string { return `<recv response="` + code + `"/>` }

const (
	trying   = `<recv response="100" optional="true"/>`
	noAnswer = `<recv response="100" timeout="3600" ontimeout="1"/><label id="1"/>`
	// okToBYE answers the PBX's BYE.
	okToBYE = `<send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>`
	inviteWithCredentials = `<send retrans="500"><![CDATA[
@INVITE@
]]></send>`
)

// scenario is SIPp's scenario: Twilio's INVITE as previewed, with SIPp's
// own Call-ID, branch and length, then the case's steps.
func scenario(invite, steps string) string {
	msg := strings.ReplaceAll(invite, "\r\n", "\n")
	msg = strings.Replace(msg, "Call-ID: placeholder@0.0.0.0", "Call-ID: [call_id]", 1)
	msg = strings.Replace(msg, "branch=z9hG4bKplaceholder", "branch=[branch]", 1)
	head, body, _ := strings.Cut(msg, "\n\n")
	lines := strings.Split(head, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Content-Length:") {
			lines[i] = "Content-Length: [len]"
		}
	}
	msg = strings.Join(lines, "\n") + "\n\n" + body
	withCreds := strings.Replace(strings.Replace(msg, "CSeq: 102 INVITE", "CSeq: 103 INVITE\n[authentication username=trunk password=wrong-secret]", 1), "branch=[branch]", "branch=[branch]2", 1)
	steps = strings.Replace(steps, "@INVITE@", withCreds, 1)
	requestLine, _, _ := strings.Cut(msg, "\n")
	steps = strings.ReplaceAll(steps, "@RURI@", strings.Fields(requestLine)[1])
	return `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="Twilio SIP-out">
<send retrans="500"><![CDATA[
` + msg + `]]></send>
` + steps + `
</scenario>
`
}

func runSIPp(t *testing.T, dir, sipp, scen string, tcp bool) {
	path := filepath.Join(dir, "twilio.xml")
	os.WriteFile(path, []byte(scen), 0o644)
	args := []string{livePBX + ":5060", "-sf", path, "-i", liveTwilio, "-p", "5060", "-m", "1", "-nostdin", "-timeout", "8s", "-timeout_error"}
	if tcp {
		args = append(args, "-t", "t1")
	}
	cmd := exec.Command(sipp, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Logf("sipp (its exit status is not the test's verdict): %v\n%s", err, tail(out, 1500))
	}
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}
