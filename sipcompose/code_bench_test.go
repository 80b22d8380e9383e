package sipcompose

import "testing"

// BenchmarkCode is the six programs the Code panel shows, on top of
// Compose (which makes the URIs they take).
func BenchmarkCode(b *testing.B) {
	for _, bd := range benchDocs() {
		b.Run(bd.name, func(b *testing.B) {
			b.ReportAllocs()
			uris := Compose(bd.doc).URIs
			for b.Loop() {
				Code(bd.doc, uris)
			}
		})
	}
}
