package sipcompose

import (
	"fmt"
	"strings"
	"testing"
)

// Validate and the allow-list read one resolution: every target the
// allow-list names as a problem has an edge or region error, and the
// other way round.
func TestAllowListAgreesWithValidate(t *testing.T) {
	for i, doc := range identityDocs(2000) {
		r := Compose(doc)
		problems := map[string]bool{}
		for _, p := range r.AllowList.Problems {
			problems[p[:strings.Index(p, ":")]] = true
		}
		for j, tg := range doc.Targets {
			errs := false
			for _, d := range r.Diagnostics {
				// A region beside an edge is not what the call leaves from.
				edgeError := d.Code == "edge-unknown" || d.Code == "edge-roaming" || d.Code == "region-unknown" && tg.Edge == ""
				if edgeError && strings.HasPrefix(d.Field, fmt.Sprintf("targets[%d].", j)) {
					errs = true
				}
			}
			if got := problems[fmt.Sprintf("SIP target %d", j+1)]; got != errs {
				t.Fatalf("doc %d target %d: allow-list problem %v, edge/region error %v: %+v\n%q", i, j, got, errs, tg, r.AllowList.Problems)
			}
		}
	}
}
