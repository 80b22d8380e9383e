package audit_test

import (
	"fmt"

	"sipcompose/sipcompose/allowlist"
	"sipcompose/sipcompose/audit"
	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
)

func ExampleCheck() {
	doc := document.Document{Targets: []document.Target{{Host: "pbx.example.com", Edge: "dublin"}}}
	list := allowlist.For(doc, resolve.Document(doc))
	rep, err := audit.Check(list, "*filter\n:INPUT DROP [0:0]\n-A INPUT -s 54.171.127.192/30 -p udp --dport 5060 -j ACCEPT\nCOMMIT\n")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range rep.Verdicts {
		fmt.Println(v.Status, v.Rule.Describe())
	}
	fmt.Println(rep.Summary)
	// Output:
	// covered udp 54.171.127.192/30 to port 5060
	// missing udp 168.86.128.0/18 from port 10000-60000
	// 1 of 2 required rules covered, 1 missing
}
