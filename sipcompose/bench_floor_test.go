package sipcompose

import (
	"strings"
	"testing"

	"github.com/beevik/etree"

	"sipcompose/sipcompose/internal/composetest"
)

// BenchmarkEtreeEscapeFloor is the least Compose can cost as long as etree
// writes the XML (a project decision): the targets' URIs, then etree
// escaping them as <Sip> text, nothing else. Compare it with
// BenchmarkTwilioGo, which also builds the URIs: whatever Compose adds
// (elements, attributes, validation, curl, allow-list) comes on top.
func BenchmarkEtreeEscapeFloor(b *testing.B) {
	for _, bd := range composetest.BenchDocs() {
		b.Run(bd.Name, func(b *testing.B) {
			b.ReportAllocs()
			settings := etree.WriteSettings{CanonicalText: true}
			for b.Loop() {
				uris := make([]string, len(bd.Doc.Targets))
				size := 0
				for i, t := range bd.Doc.Targets {
					uris[i] = BuildURI(t)
					size += len(uris[i]) + 4*strings.Count(uris[i], "&")
				}
				var out strings.Builder
				out.Grow(size)
				text := etree.NewText("")
				for _, uri := range uris {
					text.Data = uri
					text.WriteTo(&out, &settings)
				}
			}
		})
	}
}
