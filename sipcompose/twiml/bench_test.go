package twiml

import (
	"testing"

	"sipcompose/sipcompose/internal/composetest"
	"sipcompose/sipcompose/resolve"
)

// BenchmarkTwiML is only the XML part of Compose, the like-for-like peer of
// sipcompose's BenchmarkTwilioGo.
func BenchmarkTwiML(b *testing.B) {
	for _, bd := range composetest.BenchDocs() {
		b.Run(bd.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Render(bd.Doc, resolve.Document(bd.Doc))
			}
		})
	}
}
