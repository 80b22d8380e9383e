package sipcompose

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/twilio/twilio-go/twiml"

	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/resolve"
)

// benchDocs are issue 5's cases: one target, and 10 targets × 20 headers.
func benchDocs() []struct {
	name string
	doc  Document
} {
	large := Document{Dial: Dial{CallerID: "+14155550100", Timeout: 30}}
	for i := 0; i < MaxTargets; i++ {
		tg := Target{User: fmt.Sprintf("+1415555%04d", i), Host: fmt.Sprintf("pbx%d.example.com", i), Transport: "tls", Edge: "frankfurt"}
		for h := 0; h < 20; h++ {
			tg.Headers = append(tg.Headers, Header{Name: "X-Bench-" + strconv.Itoa(h), Value: "a,b;c=d"})
		}
		large.Targets = append(large.Targets, tg)
	}
	return []struct {
		name string
		doc  Document
	}{
		{"one-target", Document{Targets: []Target{composetest.TwilioForms[1].Target}}},
		{"10x20", large},
	}
}

// BenchmarkCompose is everything Compose does per keystroke: URIs, TwiML,
// curl, allow-list, every validation rule, and the customer's side (the
// INVITE previews and the callbacks).
func BenchmarkCompose(b *testing.B) {
	for _, bd := range benchDocs() {
		b.Run(bd.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Compose(bd.doc)
			}
		})
	}
}

// BenchmarkComposeCall is Compose without the customer's side: the part
// make bench guards against twilio-go's time, the scope it had when the
// guard was set (issue 11); the customer's side has no twilio-go peer.
func BenchmarkComposeCall(b *testing.B) {
	for _, bd := range benchDocs() {
		b.Run(bd.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				composeCall(bd.doc, resolve.Document(bd.doc))
			}
		})
	}
}

// BenchmarkTwiML is only the XML part of Compose, the like-for-like peer of
// BenchmarkTwilioGo.
func BenchmarkTwiML(b *testing.B) {
	for _, bd := range benchDocs() {
		b.Run(bd.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				renderTwiML(bd.doc, resolve.Document(bd.doc))
			}
		})
	}
}

// BenchmarkTwilioGo builds the same TwiML with twilio-go's twiml package.
// It does no percent-encoding of its own, so the URIs come from BuildURI
// here too.
func BenchmarkTwilioGo(b *testing.B) {
	for _, bd := range benchDocs() {
		b.Run(bd.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d := bd.doc.Dial
				dial := &twiml.VoiceDial{CallerId: d.CallerID, Timeout: strconv.Itoa(d.Timeout)}
				for _, t := range bd.doc.Targets {
					dial.InnerElements = append(dial.InnerElements, &twiml.VoiceSip{SipUrl: BuildURI(t)})
				}
				if _, err := twiml.Voice([]twiml.Element{dial}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
