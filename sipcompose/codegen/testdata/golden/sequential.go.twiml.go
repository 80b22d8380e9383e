// Builds the TwiML with twilio-go's twiml package and prints it.
package main

import (
	"fmt"
	"log"

	"github.com/twilio/twilio-go/twiml"
)

func main() {
	dial := &twiml.VoiceDial{
		CallerId:   "support",
		Sequential: "true",
		InnerElements: []twiml.Element{
			// The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
			&twiml.VoiceSip{
				SipUrl: "sip:a@one.example.com",
			},
			&twiml.VoiceSip{
				SipUrl: "sip:b@two.example.com;edge=sydney-ix",
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
