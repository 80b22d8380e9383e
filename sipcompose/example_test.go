package sipcompose_test

import (
	"fmt"

	"sipcompose/sipcompose"
)

func ExampleCompose() {
	doc := sipcompose.Document{
		Dial: sipcompose.Dial{CallerID: "+14155550100"},
		Targets: []sipcompose.Target{{
			User: "+14158675309", Host: "your.domain",
			Headers: []sipcompose.Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}, {Name: "X-otherHeader", Value: "true"}},
		}},
	}
	r := sipcompose.Compose(doc)
	fmt.Print(r.TwiML)
	fmt.Println(r.URIs[0])
	for _, d := range r.Diagnostics {
		fmt.Println(d.Severity, d.Code, d.Field)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Dial callerId="+14155550100">
	//     <Sip>sip:+14158675309@your.domain?X-customName=Bob%2CShield%2BTitle%2DManager&amp;X-otherHeader=true</Sip>
	//   </Dial>
	// </Response>
	// sip:+14158675309@your.domain?X-customName=Bob%2CShield%2BTitle%2DManager&X-otherHeader=true
	// warning placeholder targets[0].host
}

func ExampleValidate() {
	doc := sipcompose.Document{Targets: []sipcompose.Target{{
		Host: "pbx.example.com", Headers: []sipcompose.Header{{Name: "Account", Value: "42"}},
	}}}
	for _, d := range sipcompose.Validate(doc) {
		fmt.Println(d.Severity, d.Code, d.Field)
	}
	// Output: error header-name-not-allowed targets[0].headers[0].name
}

func ExampleParse() {
	doc, diags := sipcompose.Parse(`<Response><Dial><Sip>sip:alice@example.com;edge=dublin?X-Case=1%2C2</Sip></Dial></Response>`)
	t := doc.Targets[0]
	fmt.Println(t.User, t.Host, t.Edge, t.Headers[0].Name, t.Headers[0].Value, len(diags))
	// Output: alice example.com dublin X-Case 1,2 0
}

func ExampleParseURI() {
	t, diags := sipcompose.ParseURI("sips:bob@pbx.example.com?X-Ticket=A%26B")
	fmt.Println(t.Host, t.Transport, t.Headers[0].Value)
	fmt.Println(diags[0].Code)
	// Output:
	// pbx.example.com tls A&B
	// uri-sips
}
