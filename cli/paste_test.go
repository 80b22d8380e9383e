//go:build !wasm

package cli

import (
	"strings"
	"testing"
)

// What customers paste (issue 23) through the commands: each case a
// command, its input, the exit status, and lines the output (stdout, then
// stderr) must hold and must not.
func TestWhatCustomersPaste(t *testing.T) {
	templated := `{"dial": {"callerId": "{{#e164}}{{From}}{{/e164}}"}, "targets": [{"user": "{{To}}", "host": "pbx.example.com",
		"headers": [{"name": "X-Case", "value": "{{Case}}"}]}]}`
	tests := []struct {
		name  string
		args  []string
		in    string
		code  int
		want  []string
		never []string
	}{
		{"compose keeps a template as typed", []string{"compose"}, templated, 0,
			[]string{"<Sip>sip:{{To}}@pbx.example.com?X-Case={{Case}}</Sip>", `callerId="{{#e164}}{{From}}{{/e164}}"`,
				"info template targets[0].user: A TwiML Bin template, which the Bin fills in before Twilio reads the TwiML, so every output here keeps it as typed. It fills {{To}} with the request's To",
				"warning template-encoding targets[0].user:", "warning template-rest targets[0]:"},
			[]string{"%7B"}},
		{"the curl form says it sends the tags as written", []string{"compose", "-format", "curl"}, templated, 0,
			[]string{"# Not as is: To, From hold TwiML Bin template tags ({{…}}), which the REST API does not fill in", "'To=sip:{{To}}@pbx.example.com?X-Case={{Case}}'"}, nil},
		{"the INVITE preview shows the tags", []string{"compose", "-format", "invite"}, templated, 0,
			[]string{"INVITE sip:{{To}}@pbx.example.com SIP/2.0\r\n", "X-Case: {{Case}}\r\n"}, nil},
		{"lint of a TwiML Bin", []string{"lint"}, `<Response><Dial callerId="{{#e164}}{{From}}{{/e164}}"><Sip>sip:{{#e164}}{{To}}{{/e164}}@pbx.example.com?X-Case={{Case}}</Sip></Dial></Response>`, 0,
			[]string{"info template targets[0].headers[0].value:", "info template targets[0].user:"}, []string{"\nerror "}},
		{"lint of an encoded template", []string{"lint"}, `<Response><Dial><Sip>sip:%7B%7BTo%7D%7D@pbx.example.com</Sip></Dial></Response>`, 0,
			[]string{`warning uri-template-encoded targets[0].user: "%7B%7BTo%7D%7D" holds a TwiML Bin template tag percent-encoded`}, nil},
		{"lint names a placeholder it gave no problems for before", []string{"lint"}, `<Response><Dial><Sip>sip:aurixa-…@sip.vapi.ai</Sip></Dial></Response>`, 0,
			[]string{`warning placeholder targets[0].user: User "aurixa-…" holds an ellipsis (…)`}, []string{"no problems found"}},
		{"compose names placeholders, notes a space, suggests an edge", []string{"compose", "-format", "uri"},
			`{"targets": [{"user": "${AGENT}", "host": "<your-host>"}, {"host": "pbx.example.com", "edge": "frankfort", "headers": [{"name": "X-Name", "value": "Bob Smith"}]}]}`, 1,
			[]string{"sip:$%7BAGENT%7D@%3Cyour-host%3E\n",
				`error host-invalid targets[0].host: Host "<your-host>" holds the placeholder <your-host>`,
				`warning placeholder targets[0].user: User "${AGENT}" holds the variable ${AGENT}`,
				`error edge-unknown targets[1].edge: Unknown edge "frankfort": did you mean frankfurt?`,
				`info header-value-encoded targets[1].headers[0].value: Header values are sent percent-encoded, as Twilio asks: a space as %20.`}, nil},
		{"audit: an SSH rule is no near match", []string{"audit"},
			"*filter\n:INPUT DROP [0:0]\n-A INPUT -i lo -j ACCEPT\n-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A INPUT -s 54.172.60.0/30 -p udp -m udp --dport 5060 -j ACCEPT\n-A INPUT -s 10.0.0.0/8 -j ACCEPT\n-A INPUT -p icmp -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n", 1,
			[]string{"MISSING   udp 168.86.128.0/18 from port 10000-60000 — RTP media from Twilio (every edge)\n          no rule accepts it and chain filter INPUT drops it by its policy\n          line 2: :INPUT DROP [0:0]\n          add: -I INPUT -s 168.86.128.0/18 -p udp -m udp --sport 10000:60000 -j ACCEPT\n",
				"To cover a row, add its add: lines to the *filter table, before its COMMIT"},
			[]string{"wrong protocol", "line 8"}},
		{"audit: nft rules to add, one a table that drops", []string{"audit", "-format", "json"},
			"table inet a {\n\tchain input {\n\t\ttype filter hook input priority 0; policy drop;\n\t\tip saddr 54.172.60.0/30 accept\n\t}\n}\ntable ip b {\n\tchain input {\n\t\ttype filter hook input priority 10; policy drop;\n\t}\n}\n", 1,
			[]string{`"add": [
        "insert rule ip b input ip saddr 54.172.60.0/30 udp dport 5060 accept"
      ]`, `"add": [
        "insert rule inet a input ip saddr 168.86.128.0/18 udp sport 10000-60000 accept",
        "insert rule ip b input ip saddr 168.86.128.0/18 udp sport 10000-60000 accept"
      ]`}, nil},
		{"audit: a list line to add", []string{"audit"}, "54.172.60.0/30 udp 5060\n", 1,
			[]string{"          add: 168.86.128.0/18 udp 10000-60000\n", "To cover a row, add its add: lines to the list."}, nil},
		{"the allow-list suggests the edge too", []string{"compose", "-format", "allowlist"}, `{"targets": [{"host": "pbx.example.com", "edge": "sao_paulo"}]}`, 1,
			[]string{`SIP target 1: unknown edge "sao_paulo" (did you mean sao-paulo?) — fix the edge to see its addresses.`}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runInput(tc.in, tc.args...)
			all := "\n" + out + errOut
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("no %q in\n%s", w, all)
				}
			}
			for _, n := range tc.never {
				if strings.Contains(all, n) {
					t.Errorf("%q in\n%s", n, all)
				}
			}
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s", code, tc.code, all)
			}
		})
	}
}
