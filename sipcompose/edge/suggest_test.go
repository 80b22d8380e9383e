package edge

import (
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	tests := []struct {
		in   string
		want string // edge:by, space-separated
	}{
		{"frankfort", "frankfurt:spelling"},
		{"Frankfurt", "frankfurt:name"},
		{"FRANKFURT ", "frankfurt:name"},
		{"sanjose", "umatilla:place san-jose-ix:place"},
		{"San Jose", "umatilla:place san-jose-ix:place"},
		{"sao_paulo", "sao-paulo:name"},
		{"São Paulo", "sao-paulo:name"},
		{"saopaulo-ix", "sao-paulo-ix:name"},
		{"sydny", "sydney:spelling"},
		{"tokio", "tokyo:spelling"},
		{"fraknfurt", "frankfurt:spelling"},
		{"de1", "frankfurt:region"},
		{"DE-1", "frankfurt:region"},
		{"us2_ix", "san-jose-ix:region"},
		{"oregon", "umatilla:place san-jose-ix:place"},
		{"Germany", "frankfurt:place"},
		{"london", "london-ix:place"},
		{"mars", ""},
		{"", ""},
		{"eu1", ""},
		{strings.Repeat("frankfurt", 1000), ""},
	}
	for _, tc := range tests {
		var got []string
		for _, s := range Suggest(tc.in) {
			got = append(got, s.Edge.Name+":"+[]string{"name", "region", "place", "spelling"}[s.By])
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.in, strings.Join(got, " "), tc.want)
		}
	}
}
