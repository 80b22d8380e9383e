package diagnose_test

import (
	"fmt"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/diagnose"
	"sipcompose/sipcompose/evidence"
)

// A Dial action callback pasted alone, checked against the document the
// call was composed from: the PBX challenged, and the <Sip> has no
// credentials to answer with.
func ExampleCheck() {
	doc := sipcompose.Document{Targets: []sipcompose.Target{{User: "+14158675309", Host: "pbx.example.com"}}}
	ev := evidence.Read(evidence.Input{Name: "callback", Data: []byte("DialCallStatus=failed&DialSipResponseCode=407")})
	r := diagnose.Check(ev, &doc)
	for _, f := range r.Findings {
		fmt.Println(f.Severity, f.Code, f.Evidence[0].Text)
	}
	fmt.Println(r.Summary())
	// Output:
	// error auth-challenge-no-credentials DialSipResponseCode=407
	// Faults found: 1 error.
}

// A Twilio error code alone: its meaning, and Twilio's causes, each with
// the check that would confirm it.
func ExampleReport_Codes() {
	r := diagnose.Check(evidence.Read(evidence.Input{Name: "pasted text", Data: []byte("Error 32022")}), nil)
	c := r.Codes[0]
	fmt.Println(c.Number, c.Level, c.Title)
	for _, k := range c.Causes {
		fmt.Println(k.Status, k.Check)
	}
	// Output:
	// 32022 ERROR ACK not received from your SIP endpoint
	// possible contact-private
	// possible source-not-allowed
}
