package sipuri_test

import (
	"fmt"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/sipuri"
)

func ExampleBuild() {
	fmt.Println(sipuri.Build(document.Target{
		User: "jack", Host: "example.com", Transport: "tls", Edge: "frankfurt",
		UUI: document.UUI{Data: "123456789"},
	}))
	// Output: sip:jack@example.com;transport=tls;edge=frankfurt?User-to-User=123456789%3Bencoding%3Dhex
}

func ExampleParse() {
	t, diags := sipuri.Parse("sips:bob@pbx.example.com?X-Ticket=A%26B")
	fmt.Println(t.Host, t.Transport, t.Headers[0].Value)
	fmt.Println(diags[0].Code)
	// Output:
	// pbx.example.com tls A&B
	// uri-sips
}

func ExamplePercentEncode() {
	fmt.Println(sipuri.PercentEncode("Bob,Shield+Title-Manager"))
	// Output: Bob%2CShield%2BTitle%2DManager
}

func ExampleTextToHex() {
	fmt.Println(sipuri.TextToHex("case 42"))
	// Output: 63617365203432
}

func ExampleDroppedHeader() {
	for _, name := range []string{"X-Account", "X-Twilio-Call", "Account", "User-to-User"} {
		fmt.Printf("%s: %q\n", name, sipuri.DroppedHeader(name))
	}
	// Output:
	// X-Account: ""
	// X-Twilio-Call: "header-name-reserved"
	// Account: "header-name-not-allowed"
	// User-to-User: ""
}
