package components

import (
	"strings"
	"testing"

	"sipcompose/sipcompose"
)

func TestHighlightKeepsTheTextExactly(t *testing.T) {
	inputs := []string{
		sipcompose.Compose(sipcompose.Document{Dial: sipcompose.Dial{CallerID: "+1", Sequential: true},
			Targets: []sipcompose.Target{{User: "a", Host: "b.example.com", Headers: []sipcompose.Header{{Name: "X-A", Value: "1&2"}}}}}).TwiML,
		"<a b='c' d=\"e\"/>text<?pi x?>",
		"unterminated <tag attr=\"x",
		"<a b=c>",
		"",
	}
	for _, in := range inputs {
		var b strings.Builder
		for _, tok := range highlightXML(in) {
			b.WriteString(tok.text)
		}
		if b.String() != in {
			t.Errorf("highlight changed %q into %q", in, b.String())
		}
	}
}

func TestHighlightClasses(t *testing.T) {
	got := highlightXML(`<Sip url="/x">sip:a@b</Sip>`)
	want := []token{{"pu", "<"}, {"tn", "Sip"}, {"an", " url"}, {"pu", "="}, {"av", `"/x"`}, {"pu", ">"}, {"tx", "sip:a@b"}, {"pu", "</"}, {"tn", "Sip"}, {"pu", ">"}}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestToggleKeepsCanonicalOrder(t *testing.T) {
	all := []string{"initiated", "ringing", "answered", "completed"}
	got := toggle([]string{"completed", "bogus"}, "ringing", true, all)
	if strings.Join(got, " ") != "ringing completed bogus" {
		t.Errorf("got %q", got)
	}
	if got := toggle(got, "completed", false, all); strings.Join(got, " ") != "ringing bogus" {
		t.Errorf("got %q", got)
	}
}

func TestEdgePickerListsEveryEdge(t *testing.T) {
	opts := edgeOptions()
	if len(opts) != 17 || opts[0].label != "Default (Virginia)" || opts[1].value != "ashburn" || opts[16].value != "sao-paulo-ix" {
		t.Errorf("edge options: %+v", opts)
	}
}
