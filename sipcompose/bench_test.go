package sipcompose

import (
	"strconv"
	"testing"

	"github.com/twilio/twilio-go/twiml"

	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/resolve"
)

// BenchmarkCompose is everything Compose does per keystroke: URIs, TwiML,
// curl, allow-list, every validation rule, and the customer's side (the
// INVITE previews and the callbacks).
func BenchmarkCompose(b *testing.B) {
	for _, bd := range composetest.BenchDocs() {
		b.Run(bd.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Compose(bd.Doc)
			}
		})
	}
}

// BenchmarkComposeCall is Compose without the customer's side: the part
// make bench guards against twilio-go's time, the scope it had when the
// guard was set (issue 11); the customer's side has no twilio-go peer.
func BenchmarkComposeCall(b *testing.B) {
	for _, bd := range composetest.BenchDocs() {
		b.Run(bd.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				composeCall(bd.Doc, resolve.Document(bd.Doc))
			}
		})
	}
}

// BenchmarkTwilioGo builds the same TwiML with twilio-go's twiml package.
// It does no percent-encoding of its own, so the URIs come from BuildURI
// here too.
func BenchmarkTwilioGo(b *testing.B) {
	for _, bd := range composetest.BenchDocs() {
		b.Run(bd.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d := bd.Doc.Dial
				dial := &twiml.VoiceDial{CallerId: d.CallerID, Timeout: strconv.Itoa(d.Timeout)}
				for _, t := range bd.Doc.Targets {
					dial.InnerElements = append(dial.InnerElements, &twiml.VoiceSip{SipUrl: BuildURI(t)})
				}
				if _, err := twiml.Voice([]twiml.Element{dial}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
