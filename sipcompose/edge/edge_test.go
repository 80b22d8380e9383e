package edge

import "testing"

func TestEveryEdgeHasData(t *testing.T) {
	if n := len(All()); n != 16 {
		t.Fatalf("%d edges, want 8 public and 8 Interconnect", n)
	}
	for _, e := range All() {
		if len(e.Signaling) == 0 || e.Region == "" || e.Location == "" {
			t.Errorf("edge %s lacks data: %+v", e.Name, e)
		}
		if got, ok := ForRegion(e.Region); !ok || got.Name != e.Name {
			t.Errorf("region %s does not map back to %s", e.Region, e.Name)
		}
	}
}
