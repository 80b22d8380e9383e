// Places the call through Twilio's REST API with twilio-go and prints its SID.
// Reads TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from the environment.
// 2 targets: each call is placed on its own; <Dial> rings them in turn and bridges the first to answer.
// Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/twilio/twilio-go"
	api "github.com/twilio/twilio-go/rest/api/v2010"
)

func main() {
	client := twilio.NewRestClientWithParams(twilio.ClientParams{
		Username: mustGetenv("TWILIO_ACCOUNT_SID"),
		Password: mustGetenv("TWILIO_AUTH_TOKEN"),
	})

	// The SIP URI is already percent-encoded: pass it as is; the library form-encodes it (& is sent as %26).
	params := &api.CreateCallParams{}
	params.SetTo("sip:a@one.example.com")
	params.SetFrom("support")
	params.SetUrl("https://example.com/twiml-to-run-when-answered")
	call, err := client.Api.CreateCall(params)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(*call.Sid)

	params = &api.CreateCallParams{}
	params.SetTo("sip:b@two.example.com;edge=sydney-ix")
	params.SetFrom("support")
	params.SetUrl("https://example.com/twiml-to-run-when-answered")
	call, err = client.Api.CreateCall(params)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(*call.Sid)
}

// mustGetenv returns the variable's value, or stops if it is not set.
func mustGetenv(name string) string {
	value, ok := os.LookupEnv(name)
	if !ok {
		log.Fatalf("%s is not set", name)
	}
	return value
}
