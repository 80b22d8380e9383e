package codegen_test

import (
	"fmt"

	"sipcompose/sipcompose/codegen"
	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
)

func ExampleCurl() {
	doc := document.Document{
		Dial:    document.Dial{CallerID: "+14155550100"},
		Targets: []document.Target{{User: "alice", Host: "pbx.example.com", Headers: []document.Header{{Name: "X-A", Value: "1"}}}},
		REST:    document.REST{URL: "https://example.com/answered"},
	}
	fmt.Print(codegen.Curl(doc, resolve.Document(doc)))
	// Output:
	// curl -X POST "https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Calls.json" \
	//   -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" \
	//   --data-urlencode 'To=sip:alice@pbx.example.com?X-A=1' \
	//   --data-urlencode 'From=+14155550100' \
	//   --data-urlencode 'Url=https://example.com/answered'
}

func ExampleFor() {
	doc := document.Document{Targets: []document.Target{{User: "alice", Host: "pbx.example.com"}}}
	p, _ := codegen.For(doc, resolve.RESTURIs(resolve.Document(doc)), codegen.LangPython)
	fmt.Println(p.Library)
	fmt.Print(p.TwiML)
	// Output:
	// twilio (PyPI; Debian python3-twilio)
	// # Builds the TwiML with twilio-python's VoiceResponse and prints it.
	// from twilio.twiml.voice_response import VoiceResponse
	//
	// response = VoiceResponse()
	// dial = response.dial()
	// # The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
	// dial.sip("sip:alice@pbx.example.com")
	// print(response)
}
