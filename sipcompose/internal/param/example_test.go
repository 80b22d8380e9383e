package param_test

import (
	"fmt"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/param"
)

// The attributes of a <Dial>, as the TwiML and the programs write them:
// in Twilio's order, unset ones left out.
func ExampleDial() {
	for _, v := range param.Dial(&document.Dial{CallerID: "+14155550100", Timeout: 20, AnswerOnBridge: true}) {
		fmt.Printf("%s=%q\n", v.Name, v.Text())
	}
	// Output:
	// timeout="20"
	// callerId="+14155550100"
	// answerOnBridge="true"
}
