package edge

import "strings"

// Suggestion is an edge a value that names none probably means, and how
// the value was read as it.
type Suggestion struct {
	Edge Edge
	By   SuggestedBy
}

// SuggestedBy is how a value was read as an edge.
type SuggestedBy int

const (
	// ByName: the edge's name, once case, spaces, _ and . are set aside
	// ("Sao_Paulo", "sao paulo", "saopaulo").
	ByName SuggestedBy = iota
	// ByRegion: the edge's legacy region ("de1", "DE-1").
	ByRegion
	// ByPlace: where the edge is ("Oregon", "Germany"), the exchange of an
	// Interconnect edge ("london"), or san-jose, the Twilio docs typo for
	// umatilla.
	ByPlace
	// BySpelling: the edge's name, a letter or two off ("frankfort").
	BySpelling
)

// Suggest finds the edges value probably means, when it names none: the
// first of the readings above that finds any, in the order All lists
// edges (public edges first). None when nothing is close.
func Suggest(value string) []Suggestion {
	v := squash(value)
	if v == "" {
		return nil
	}
	for _, by := range []SuggestedBy{ByName, ByRegion, ByPlace} {
		var out []Suggestion
		for _, e := range edges {
			if reads(by, e, v) {
				out = append(out, Suggestion{e, by})
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	// A slip of a letter or two, one in a name of five letters or fewer:
	// "sydny", "frankfort", "tokio".
	limit := 2
	if len(v) <= 5 {
		limit = 1
	}
	best, out := limit+1, []Suggestion(nil)
	for _, e := range edges {
		d := distance(v, squash(e.Name))
		if d < best {
			best, out = d, nil
		}
		if d == best {
			out = append(out, Suggestion{e, BySpelling})
		}
	}
	return out
}

// reads reports whether v, squashed, is e by the reading by.
func reads(by SuggestedBy, e Edge, v string) bool {
	switch by {
	case ByName:
		return squash(e.Name) == v
	case ByRegion:
		return squash(e.Region) == v
	}
	for _, w := range places(e) {
		if w == v {
			return true
		}
	}
	return false
}

// places are the words a person may type for where e is: each word of its
// Location, the exchange an Interconnect edge is named for, and san-jose
// for umatilla.
func places(e Edge) []string {
	var out []string
	for _, w := range strings.FieldsFunc(e.Location, func(r rune) bool { return r == '(' || r == ')' }) {
		out = append(out, squash(w))
	}
	if e.Interconnect {
		out = append(out, squash(strings.TrimSuffix(e.Name, "-ix")))
	}
	if e.Name == "umatilla" {
		out = append(out, "sanjose")
	}
	return out
}

// squash is s as the readings compare it: lowercase ASCII letters and
// digits only, accents dropped ("São Paulo" → "saopaulo").
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if a, ok := unaccented[r]; ok {
			r = a
		}
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unaccented are the accented letters of the places edges are in.
var unaccented = map[rune]rune{'ã': 'a', 'á': 'a', 'â': 'a', 'à': 'a', 'é': 'e', 'ê': 'e', 'í': 'i', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ú': 'u', 'ü': 'u', 'ç': 'c'}

// distance is the optimal string alignment distance between a and b:
// letters inserted, deleted, changed or swapped with their neighbour.
func distance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// SuggestedNames lists the suggestions' edges as a person reads them:
// "frankfurt", "umatilla or san-jose-ix".
func SuggestedNames(s []Suggestion) string {
	names := make([]string, len(s))
	for i, x := range s {
		names[i] = x.Edge.Name
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
