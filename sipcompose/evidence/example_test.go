package evidence_test

import (
	"fmt"

	"sipcompose/sipcompose/evidence"
)

// Each input is recognised by itself and named as read.
func ExampleRead() {
	ev := evidence.Read(
		evidence.Input{Name: "callback", Data: []byte("DialCallStatus=failed&DialSipResponseCode=488")},
		evidence.Input{Name: "notes", Data: []byte("Twilio shows Error 32011\n")},
		evidence.Input{Name: "empty.txt"},
	)
	for _, it := range ev.Read {
		fmt.Println(it.Source, it.Kinds, it.Problems)
	}
	// Output:
	// callback [callback parameters: DialCallStatus, DialSipResponseCode] []
	// notes [Twilio codes: 32011] []
	// empty.txt [] [empty: nothing to read]
}
