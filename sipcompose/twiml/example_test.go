package twiml_test

import (
	"fmt"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/twiml"
)

func ExampleRender() {
	doc := document.Document{
		Dial:    document.Dial{AnswerOnBridge: true},
		Targets: []document.Target{{User: "alice", Host: "pbx.example.com", Headers: []document.Header{{Name: "X-A", Value: "1"}, {Name: "X-B", Value: "2"}}}},
	}
	fmt.Print(twiml.Render(doc, resolve.Document(doc)))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Dial answerOnBridge="true">
	//     <Sip>sip:alice@pbx.example.com?X-A=1&amp;X-B=2</Sip>
	//   </Dial>
	// </Response>
}

func ExampleParse() {
	doc, diags := twiml.Parse(`<Response><Say>Hi</Say><Dial timeout="5"><Sip>sip:alice@example.com;edge=dublin</Sip></Dial></Response>`)
	fmt.Println(doc.Dial.Timeout, doc.Targets[0].Host, doc.Targets[0].Edge)
	for _, d := range diags {
		fmt.Println(d.Severity, d.Code, d.Message)
	}
	// Output:
	// 5 example.com dublin
	// warning parse-not-kept <Say> is not part of a SIP dial and was not kept.
}

func ExampleUnreadable() {
	_, diags := twiml.Parse("sip:alice@example.com")
	for _, d := range twiml.Unreadable(diags) {
		fmt.Println(d.Code)
	}
	// Output: parse-no-response
}
