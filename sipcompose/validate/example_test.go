package validate_test

import (
	"fmt"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/validate"
)

func ExampleDocument() {
	doc := document.Document{Targets: []document.Target{{
		Host: "pbx.example.com", Edge: "Frankfurt", Headers: []document.Header{{Name: "Account", Value: "42"}},
	}}}
	for _, d := range validate.Document(doc, resolve.Document(doc)) {
		fmt.Println(d.Severity, d.Code, d.Field)
	}
	// Output:
	// error edge-unknown targets[0].edge
	// error header-name-not-allowed targets[0].headers[0].name
}
