package edge_test

import (
	"fmt"

	"sipcompose/sipcompose/edge"
)

func ExampleLookup() {
	e, ok := edge.Lookup("frankfurt")
	fmt.Println(ok, e.Region, e.Location, e.Signaling)
	// Output: true de1 Germany (Frankfurt) [35.156.191.128/30]
}

func ExampleForRegion() {
	e, _ := edge.ForRegion("ie1")
	fmt.Println(e.Name)
	// Output: dublin
}
