package codegen

import (
	"testing"

	"sipcompose/sipcompose/internal/composetest"
)

// BenchmarkCode is the six programs the Code panel shows, on top of
// the URIs they take.
func BenchmarkCode(b *testing.B) {
	for _, bd := range composetest.BenchDocs() {
		b.Run(bd.Name, func(b *testing.B) {
			b.ReportAllocs()
			uris := compose(bd.Doc).URIs
			for b.Loop() {
				All(bd.Doc, uris)
			}
		})
	}
}
