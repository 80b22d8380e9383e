package codegen

import (
	"os/exec"
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/resolve"
)

func TestCurlNeverPrintsThePassword(t *testing.T) {
	r := compose(composetest.Full())
	if strings.Contains(r.Curl, "s3cret") {
		t.Fatalf("password in curl:\n%s", r.Curl)
	}
	if !strings.Contains(r.Curl, `"SipAuthPassword=$SIP_PASSWORD"`) {
		t.Errorf("curl does not read $SIP_PASSWORD:\n%s", r.Curl)
	}
}

func TestCurlPlaceholders(t *testing.T) {
	r := compose(document.Document{Targets: []document.Target{{Host: "h.example.com"}}})
	for _, want := range []string{"# From: set Caller ID", "# Url: a placeholder", "'Url=" + PlaceholderRESTURL + "'"} {
		if !strings.Contains(r.Curl, want) {
			t.Errorf("curl lacks %q:\n%s", want, r.Curl)
		}
	}
}

// TestCurlArgvThroughShell runs the generated commands in sh with a stub
// curl that prints its arguments, proving the quoting delivers each value
// intact, however hostile.
func TestCurlArgvThroughShell(t *testing.T) {
	nasty := "it's \"$HOME\" `id` $(id) \\ ; & |\nnext line"
	doc := document.Document{
		Dial:    document.Dial{CallerID: "+14155550100"},
		Targets: []document.Target{{User: "bob", Host: "pbx.example.com", Username: "o'neil", StatusCallback: "https://example.com/s?a=1&b='2'"}},
		REST:    document.REST{TwiML: "<Response><Say>" + nasty + "</Say></Response>"},
	}
	r := compose(doc)
	out := composetest.RunWithStub(t, "curl", "for a in \"$@\"; do printf '%s\\n--\\n' \"$a\"; done", r.Curl,
		"TWILIO_ACCOUNT_SID=AC123", "TWILIO_AUTH_TOKEN=tok", "SIP_PASSWORD=pw'x")
	got := strings.Split(strings.TrimSuffix(out, "\n--\n"), "\n--\n")
	want := []string{
		"-X", "POST", "https://api.twilio.com/2010-04-01/Accounts/AC123/Calls.json",
		"-u", "AC123:tok",
		"--data-urlencode", "To=" + r.URIs[0],
		"--data-urlencode", "From=+14155550100",
		"--data-urlencode", "Twiml=<Response><Say>" + nasty + "</Say></Response>",
		"--data-urlencode", "SipAuthUsername=o'neil",
		"--data-urlencode", "SipAuthPassword=pw'x",
		"--data-urlencode", "StatusCallback=https://example.com/s?a=1&b='2'",
	}
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("argv:\n%q\nwant\n%q", got, want)
	}
}

func TestCurlOneCommandPerTarget(t *testing.T) {
	r := compose(composetest.Full())
	if n := strings.Count(r.Curl, "curl -X POST"); n != 2 {
		t.Errorf("%d commands, want 2", n)
	}
	sh := composetest.Shell(t)
	if out, err := exec.Command(sh, "-n", "-c", r.Curl).CombinedOutput(); err != nil {
		t.Errorf("sh -n: %v %s", err, out)
	}
}

func TestCurlCommands(t *testing.T) {
	const head = "curl -X POST \"https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Calls.json\" \\\n" +
		"  -u \"$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN\" \\\n"
	tests := []struct {
		name string
		doc  document.Document
		want string
	}{
		{"twiml with a quote and a newline",
			document.Document{Dial: document.Dial{CallerID: "support"}, Targets: []document.Target{{Host: "pbx.example.com"}}, REST: document.REST{TwiML: "<Response><Say>it's\nme</Say></Response>"}},
			head + "  --data-urlencode 'To=sip:pbx.example.com' \\\n" +
				"  --data-urlencode 'From=support' \\\n" +
				"  --data-urlencode 'Twiml=<Response><Say>it'\\''s\nme</Say></Response>'\n"},
		{"record from ringing has no REST form",
			document.Document{Dial: document.Dial{CallerID: "+1", Record: "record-from-ringing", Trim: "do-not-trim"}, Targets: []document.Target{{Host: "h"}}, REST: document.REST{URL: "https://example.com/a"}},
			"# Record: the REST API records from answer; recording from ringing has no REST form.\n" +
				head + "  --data-urlencode 'To=sip:h' \\\n" +
				"  --data-urlencode 'From=+1' \\\n" +
				"  --data-urlencode 'Url=https://example.com/a' \\\n" +
				"  --data-urlencode 'Record=true' \\\n" +
				"  --data-urlencode 'Trim=do-not-trim'\n"},
		{"not recording leaves recording options out",
			document.Document{Dial: document.Dial{CallerID: "+1", Record: "do-not-record", Trim: "trim-silence", RecordingTrack: "both"}, Targets: []document.Target{{Host: "h"}}, REST: document.REST{URL: "https://example.com/a"}},
			head + "  --data-urlencode 'To=sip:h' \\\n" +
				"  --data-urlencode 'From=+1' \\\n" +
				"  --data-urlencode 'Url=https://example.com/a'\n"},
		{"two targets, a blank line between",
			document.Document{Dial: document.Dial{CallerID: "+1"}, Targets: []document.Target{{Host: "a"}, {Host: "b", Username: "u", Password: "p"}}, REST: document.REST{URL: "https://example.com/a"}},
			"# 2 targets: each command places its own call; <Dial> rings them together and bridges the first to answer.\n" +
				head + "  --data-urlencode 'To=sip:a' \\\n" +
				"  --data-urlencode 'From=+1' \\\n" +
				"  --data-urlencode 'Url=https://example.com/a'\n" +
				"\n" +
				head + "  --data-urlencode 'To=sip:b' \\\n" +
				"  --data-urlencode 'From=+1' \\\n" +
				"  --data-urlencode 'Url=https://example.com/a' \\\n" +
				"  --data-urlencode 'SipAuthUsername=u' \\\n" +
				"  --data-urlencode \"SipAuthPassword=$SIP_PASSWORD\"\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := compose(tc.doc).Curl; got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// No value reaches a comment of the curl form: a record value with a line
// break once ended the "# Record:" comment and ran its next line.
func TestCurlCommentsCarryNoValue(t *testing.T) {
	doc := document.Document{Dial: document.Dial{Record: "record-from-ringing\necho INJECTED"}, Targets: []document.Target{{Host: "h.example.com"}}}
	out := composetest.RunWithStub(t, "curl", ":", compose(doc).Curl)
	if strings.Contains(out, "INJECTED") {
		t.Errorf("a line of the record value ran: %q", out)
	}
	for _, line := range strings.Split(compose(doc).Curl, "\n") {
		if strings.HasPrefix(line, "echo") {
			t.Errorf("the record value starts a line: %q", line)
		}
	}
}

// composed is the part of Compose's Result these tests read.
type composed struct {
	Curl string
	URIs []string
}

// compose is what Compose gives doc as the curl form and the URIs the
// programs take.
func compose(doc document.Document) composed {
	res := resolve.Document(doc)
	return composed{Curl: Curl(doc, res), URIs: resolve.RESTURIs(res)}
}

func TestCurlGolden(t *testing.T) {
	for name, doc := range map[string]document.Document{"full": composetest.Full(), "sequential": composetest.Sequential(), "templated": composetest.Templated(), "empty": {}} {
		composetest.Golden(t, name+".curl.sh", compose(doc).Curl)
	}
}
