// Builds the TwiML with twilio-go's twiml package and prints it.
// Reads SIP_PASSWORD from the environment.
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/twilio/twilio-go/twiml"
)

func main() {
	dial := &twiml.VoiceDial{
		Action:                        "/dial-done",
		Method:                        "POST",
		Timeout:                       "20",
		HangupOnStar:                  "true",
		TimeLimit:                     "3600",
		CallerId:                      "+14155550100",
		Record:                        "record-from-answer-dual",
		Trim:                          "trim-silence",
		RecordingStatusCallback:       "https://example.com/rec",
		RecordingStatusCallbackMethod: "GET",
		RecordingStatusCallbackEvent:  "in-progress completed",
		RecordingTrack:                "both",
		AnswerOnBridge:                "true",
		RingTone:                      "uk",
		ReferUrl:                      "https://example.com/refer?a=1&b=2",
		ReferMethod:                   "POST",
		Sequential:                    "true",
		InnerElements: []twiml.Element{
			// The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
			&twiml.VoiceSip{
				SipUrl:                             "sip:+14158675309@pbx.example.com:5061;transport=tls;secure=true;edge=dublin?User-to-User=0A1B2C3D%3Bencoding%3Dhex&X-Account=ACME%20%26%20Sons%20%3Cgold%3E&P-Preferred-Identity=%3Csip%3A%2B14155550100%40example%2Ecom%3E",
				Username:                           "trunk",
				Password:                           mustGetenv("SIP_PASSWORD"),
				Url:                                "https://example.com/screen",
				Method:                             "GET",
				StatusCallbackEvent:                "initiated ringing answered completed",
				StatusCallback:                     "https://example.com/status",
				StatusCallbackMethod:               "POST",
				MachineDetection:                   "DetectMessageEnd",
				MachineDetectionTimeout:            "45",
				MachineDetectionSpeechThreshold:    "2400",
				MachineDetectionSpeechEndThreshold: "1200",
				MachineDetectionSilenceTimeout:     "5000",
				AmdStatusCallback:                  "https://example.com/amd",
				AmdStatusCallbackMethod:            "POST",
			},
			&twiml.VoiceSip{
				SipUrl: "sip:alice@203.0.113.10;transport=tcp;region=ie1",
			},
		},
	}
	doc, response := twiml.CreateDocument()
	twiml.AddAllVerbs(response, []twiml.Element{dial})
	// Escapes tab, CR and LF in attributes, which would otherwise be read as spaces.
	doc.WriteSettings.CanonicalAttrVal = true
	xml, err := twiml.ToXML(doc)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(xml)
}

// mustGetenv returns the variable's value, or stops if it is not set.
func mustGetenv(name string) string {
	value, ok := os.LookupEnv(name)
	if !ok {
		log.Fatalf("%s is not set", name)
	}
	return value
}
