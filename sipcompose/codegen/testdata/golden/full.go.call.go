// Places the call through Twilio's REST API with twilio-go and prints its SID.
// Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SIP_PASSWORD from the environment.
// 2 targets: each call is placed on its own; <Dial> rings them in turn and bridges the first to answer.
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
	params.SetTo("sip:+14158675309@pbx.example.com:5061;transport=tls;secure=true;edge=dublin?User-to-User=0A1B2C3D%3Bencoding%3Dhex&X-Account=ACME%20%26%20Sons%20%3Cgold%3E&P-Preferred-Identity=%3Csip%3A%2B14155550100%40example%2Ecom%3E")
	params.SetFrom("+14155550100")
	params.SetUrl("https://example.com/answered")
	params.SetSipAuthUsername("trunk")
	params.SetSipAuthPassword(mustGetenv("SIP_PASSWORD"))
	params.SetTimeout(20)
	params.SetRecord(true)
	params.SetRecordingChannels("dual")
	params.SetRecordingTrack("both")
	params.SetRecordingStatusCallback("https://example.com/rec")
	params.SetRecordingStatusCallbackMethod("GET")
	params.SetRecordingStatusCallbackEvent([]string{"in-progress", "completed"})
	params.SetTrim("trim-silence")
	params.SetTimeLimit(3600)
	params.SetStatusCallback("https://example.com/status")
	params.SetStatusCallbackMethod("POST")
	params.SetStatusCallbackEvent([]string{"initiated", "ringing", "answered", "completed"})
	params.SetMachineDetection("DetectMessageEnd")
	params.SetMachineDetectionTimeout(45)
	params.SetMachineDetectionSpeechThreshold(2400)
	params.SetMachineDetectionSpeechEndThreshold(1200)
	params.SetMachineDetectionSilenceTimeout(5000)
	params.SetAsyncAmd("true")
	params.SetAsyncAmdStatusCallback("https://example.com/amd")
	params.SetAsyncAmdStatusCallbackMethod("POST")
	call, err := client.Api.CreateCall(params)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(*call.Sid)

	params = &api.CreateCallParams{}
	params.SetTo("sip:alice@203.0.113.10;transport=tcp;region=ie1")
	params.SetFrom("+14155550100")
	params.SetUrl("https://example.com/answered")
	params.SetTimeout(20)
	params.SetRecord(true)
	params.SetRecordingChannels("dual")
	params.SetRecordingTrack("both")
	params.SetRecordingStatusCallback("https://example.com/rec")
	params.SetRecordingStatusCallbackMethod("GET")
	params.SetRecordingStatusCallbackEvent([]string{"in-progress", "completed"})
	params.SetTrim("trim-silence")
	params.SetTimeLimit(3600)
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
