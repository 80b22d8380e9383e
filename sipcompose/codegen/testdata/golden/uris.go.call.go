// Places the call through Twilio's REST API with twilio-go and prints its SID.
// Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SIP_PASSWORD from the environment.
// Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.
// The <Header> elements have no REST form: the REST API sends only the headers in the To URI.
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
	params.SetTo("sip:alice@pbx.example.com")
	params.SetFrom("+14155550100")
	params.SetUrl("https://example.com/twiml-to-run-when-answered")
	params.SetSipAuthUsername("alice")
	params.SetSipAuthPassword(mustGetenv("SIP_PASSWORD"))
	call, err := client.Api.CreateCall(params)
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
