package customer_test

import (
	"fmt"

	"sipcompose/sipcompose/customer"
	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/validate"
)

func ExamplePreview() {
	doc := document.Document{Targets: []document.Target{{
		User: "bob", Host: "pbx.example.com", Edge: "dublin",
		Headers: []document.Header{{Name: "X-Ticket", Value: "42"}, {Name: "Foo", Value: "dropped"}},
	}}}
	res := resolve.Document(doc)
	invites, callbacks := customer.Preview(doc, res, validate.Document(doc, res))
	inv := invites[0]
	fmt.Println(inv.RequestURI, inv.NotSentOn, inv.Edge, inv.Transport, inv.Port)
	for _, h := range inv.Headers {
		fmt.Printf("%s sent=%v screening=%q\n", h.Name, h.Sent, h.ComesBack.Screening)
	}
	fmt.Println(callbacks.Targets[0].Screening.Note)
	// Output:
	// sip:bob@pbx.example.com [edge=dublin] dublin udp 5060
	// X-Ticket sent=true screening="SipHeader_X-Ticket"
	// Foo sent=false screening=""
	// Not set: Twilio makes no request when the PBX answers.
}
