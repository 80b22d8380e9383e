package sipcompose

// AllowList is what a customer's firewall must allow for the edges a
// Document uses. AsOf and Source date and cite the data so a person can
// judge whether it is still current.
type AllowList struct {
	// Edges are the edges the targets use, "ashburn" when none is set.
	Edges     []string `json:"edges"`
	Signaling []Rule   `json:"signaling"`
	Media     []Rule   `json:"media"`
	AsOf      string   `json:"asOf"`
	Source    string   `json:"source"`
}

// Rule is one block of addresses with the protocol and ports to allow.
type Rule struct {
	Edge     string `json:"edge,omitempty"`
	CIDR     string `json:"cidr"`
	Protocol string `json:"protocol"` // "udp" or "tcp"
	Ports    string `json:"ports"`    // "5060" or "10000-60000"
	Purpose  string `json:"purpose"`  // e.g. "SIP signaling (TLS)"
}
