package sipcompose_test

import (
	"fmt"

	"sipcompose/sipcompose"
)

func ExampleDecodeDocument() {
	_, err := sipcompose.DecodeDocument([]byte("{\n  \"targets\": [{\"host\": \"pbx.example.com\", \"prot\": 5061}]\n}"))
	fmt.Println(err)
	_, err = sipcompose.DecodeDocument([]byte(`{"dial": {"timeout": "30"}}`))
	fmt.Println(err)
	// Output:
	// 2:43: unknown field "prot" (see README: Document format)
	// 1:22: dial.timeout must be a whole number, not string
}

func ExampleWithoutSecrets() {
	doc := sipcompose.Document{Targets: []sipcompose.Target{{Host: "pbx.example.com", Username: "trunk", Password: "s3cret"}}}
	fmt.Print(string(sipcompose.EncodeDocument(sipcompose.WithoutSecrets(doc))))
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
