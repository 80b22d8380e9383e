package document_test

import (
	"fmt"

	"sipcompose/sipcompose/document"
)

func ExampleDecode() {
	_, err := document.Decode([]byte("{\n  \"targets\": [{\"host\": \"pbx.example.com\", \"prot\": 5061}]\n}"))
	fmt.Println(err)
	_, err = document.Decode([]byte(`{"dial": {"timeout": "30"}}`))
	fmt.Println(err)
	// Output:
	// 2:43: unknown field "prot" (see docs/document-format.md)
	// 1:22: dial.timeout must be a whole number, not string
}

func ExampleWithoutSecrets() {
	doc := document.Document{Targets: []document.Target{{Host: "pbx.example.com", Username: "trunk", Password: "s3cret"}}}
	fmt.Print(string(document.Encode(document.WithoutSecrets(doc))))
	// Output:
	// {
	//   "dial": {},
	//   "targets": [
	//     {
	//       "host": "pbx.example.com",
	//       "username": "trunk"
	//     }
	//   ]
	// }
}
