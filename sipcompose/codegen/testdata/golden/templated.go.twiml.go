// Builds the TwiML with twilio-go's twiml package and prints it.
package main

import (
	"fmt"
	"log"

	"github.com/twilio/twilio-go/twiml"
)

func main() {
	dial := &twiml.VoiceDial{
		Action:   "/dial-done?case={{Case}}",
		CallerId: "{{#e164}}{{From}}{{/e164}}",
		InnerElements: []twiml.Element{
			// The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
			&twiml.VoiceSip{
				SipUrl: "sip:{{#e164}}{{To}}{{/e164}}@pbx.example.com;transport=tls;edge=dublin?User-to-User={{UUI}}%3Bencoding%3Dhex&X-Case={{Case}}&X-From={{From}}&X-Note=case%20{{ Case }}%2C%20from%20{{From}}",
				InnerElements: []twiml.Element{
					&twiml.VoiceHeaders{
						InnerElements: []twiml.Element{
							&twiml.VoiceHeader{
								Name:  "X-Element",
								Value: "{{Case}}",
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
