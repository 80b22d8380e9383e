// Places the call through Twilio's REST API with twilio-go and prints its SID.
// Reads TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from the environment.
// Not as is: To, From hold TwiML Bin template tags ({{…}}), which the REST API does not fill in; it would send them as written. Put the values in first.
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
	params.SetTo("sip:{{#e164}}{{To}}{{/e164}}@pbx.example.com;transport=tls;edge=dublin?User-to-User={{UUI}}%3Bencoding%3Dhex&X-Case={{Case}}&X-From={{From}}&X-Note=case%20{{ Case }}%2C%20from%20{{From}}")
	params.SetFrom("{{#e164}}{{From}}{{/e164}}")
	params.SetUrl("https://example.com/twiml-to-run-when-answered")
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
