// Builds the TwiML with twilio-go's twiml package and prints it.
package main

import (
	"fmt"
	"log"

	"github.com/twilio/twilio-go/twiml"
)

func main() {
	dial := &twiml.VoiceDial{}
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
