//go:build bench && !wasm

package bench

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"testing"

	"sipcompose/sipcompose"
)

// largeDoc is the worst realistic case: 10 targets × 20 headers.
func largeDoc() sipcompose.Document {
	var doc sipcompose.Document
	doc.Dial.CallerID = "+14155550100"
	for i := 0; i < sipcompose.MaxTargets; i++ {
		tg := sipcompose.Target{User: fmt.Sprintf("+1415555%04d", i), Host: fmt.Sprintf("pbx%d.example.com", i), Transport: "tls", Edge: "frankfurt"}
		for h := 0; h < 20; h++ {
			tg.Headers = append(tg.Headers, sipcompose.Header{Name: fmt.Sprintf("X-Bench-%d", h), Value: "a,b;c=d"})
		}
		doc.Targets = append(doc.Targets, tg)
	}
	return doc
}

// largeDocFragment is the share-link fragment that opens largeDoc.
func largeDocFragment(t *testing.T) string {
	data, err := json.Marshal(largeDoc())
	if err != nil {
		t.Fatal(err)
	}
	return "#doc=" + base64.RawURLEncoding.EncodeToString(data)
}
