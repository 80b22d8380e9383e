package resolve_test

import (
	"fmt"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
)

func ExampleTarget() {
	r := resolve.Target(document.Target{User: "alice", Host: "pbx.example.com", Region: "ie1", Secure: true})
	fmt.Println(r.URI)
	fmt.Println(r.Edge.Name, r.EdgeFrom, r.Transport, r.Port)
	// Output:
	// sip:alice@pbx.example.com;secure=true;region=ie1
	// dublin region tls 5061
}

// A target whose headers break Twilio's limit in the documented form is
// written in the compact one, and its resolution says how long the
// documented form was.
func ExampleDocument() {
	ids := strings.Repeat("123e4567-e89b-12d3-a456-426614174000-", 26)
	doc := document.Document{Targets: []document.Target{{Host: "pbx.example.com", Headers: []document.Header{{Name: "X-Ids", Value: ids}}}}}
	r := resolve.Document(doc)[0]
	fmt.Println(r.DocumentedHeaders, len(r.URI))
	// Output: 1228 988
}

func ExampleRegion() {
	e, meant, from := resolve.Region("DE1")
	fmt.Printf("%q %s %s\n", e.Name, meant.Name, from)
	// Output: "" frankfurt unknown-region
}
