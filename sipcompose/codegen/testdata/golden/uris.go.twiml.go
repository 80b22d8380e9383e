// Builds the TwiML with twilio-go's twiml package and prints it.
// Reads SIP_PASSWORD and SIP_PASSWORD_2 from the environment.
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/twilio/twilio-go/twiml"
)

func main() {
	dial := &twiml.VoiceDial{
		CallerId:                 "+14155550100",
		RecordingConfigurationId: "JY0123",
		Events:                   "call-progress-events",
		Passports:                "c2hha2Vu",
		InnerElements: []twiml.Element{
			// The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
			&twiml.VoiceSip{
				SipUrl:   "sip:alice@pbx.example.com",
				Username: "alice",
				Password: mustGetenv("SIP_PASSWORD"),
				InnerElements: []twiml.Element{
					&twiml.VoiceUri{
						SipUrl:   "sip:alice@a.example.com;transport=tls",
						Priority: "1",
						Weight:   "10",
						Username: "ua",
						Password: mustGetenv("SIP_PASSWORD_2"),
					},
					&twiml.VoiceUri{
						SipUrl:   "sip:alice@b.example.com?X-A=1&X-B=2",
						Priority: "1",
						Weight:   "5",
					},
					&twiml.VoiceUri{
						SipUrl:   "sip:alice@c.example.com",
						Priority: "2",
						Username: "uc",
						Password: mustGetenv("SIP_PASSWORD"),
					},
					&twiml.VoiceHeaders{
						InnerElements: []twiml.Element{
							&twiml.VoiceHeader{
								Name:  "X-Ticket",
								Value: "42",
							},
							&twiml.VoiceHeader{
								Name: "X-Empty",
							},
						},
					},
				},
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
