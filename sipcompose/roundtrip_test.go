package sipcompose

import (
	"reflect"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
)

func TestRoundTrip(t *testing.T) {
	for i, d := range composetest.RoundTripDocs() {
		first := Compose(d)
		parsed, diags := Parse(first.TwiML)
		if document.HasErrors(diags) {
			t.Errorf("document %d: %+v", i, diags)
		}
		if again := Compose(parsed).TwiML; again != first.TwiML {
			t.Errorf("document %d: compose→parse→compose changed the TwiML:\n%s\nwant\n%s", i, again, first.TwiML)
		}
		want := d.Clone()
		want.REST = REST{}
		for j, tg := range want.Targets {
			want.Targets[j] = WithURI(tg, composetest.URIFields(tg))
		}
		if !reflect.DeepEqual(parsed, want) {
			t.Errorf("document %d:\ngot  %+v\nwant %+v", i, parsed, want)
		}
	}
}
