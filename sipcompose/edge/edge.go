// Package edge holds Twilio's edge locations that send SIP to a customer,
// with the addresses each sends signaling from and the one media range:
// the facts the allow-list, the validator and the INVITE previews share.
package edge

// Edge is one Twilio edge location that can send SIP toward a customer.
type Edge struct {
	// Name is the value of the URI's ";edge=" parameter.
	Name string `json:"name"`
	// Region is the legacy ";region=" value that means the same place.
	Region string `json:"region"`
	// Location is the place the edge serves, short enough for a picker on
	// a phone. An Interconnect edge is named for its exchange:
	// san-jose-ix reaches Oregon through San Jose, london-ix Ireland
	// through London (Twilio's edge-locations table).
	Location string `json:"location"`
	// Interconnect edges reach the customer over a private Interconnect.
	Interconnect bool `json:"interconnect"`
	// Signaling lists the CIDRs Twilio's SIP signaling comes from.
	Signaling []string `json:"signaling"`
}

// Default is where Twilio sends SIP from when a URI names no edge.
const Default = "ashburn"

// The IP data below is from Twilio's Elastic SIP Trunking IP page and the
// SIP-over-Interconnect page (copy dated 2026-06-22). Twilio's receiving-SIP
// page names Oregon "san-jose"; every other Twilio source says "umatilla"
// and keeps san-jose for the Interconnect edge, so umatilla is used here
// and "san-jose" is recognised only to be corrected.
const (
	DataAsOf   = "2026-06-22"
	DataSource = "https://www.twilio.com/docs/sip-trunking/ip-addresses ; https://www.twilio.com/docs/voice/api/sip-interconnect"

	// MediaCIDR is the single media range for every edge since Twilio's
	// 2023-2024 media IP migration; media ports are UDP 10000-60000.
	MediaCIDR  = "168.86.128.0/18"
	MediaPorts = "10000-60000"
)

var edges = []Edge{
	{Name: "ashburn", Region: "us1", Location: "US East (Virginia)", Signaling: []string{"54.172.60.0/30"}},
	{Name: "umatilla", Region: "us2", Location: "US West (Oregon)", Signaling: []string{"54.244.51.0/30"}},
	{Name: "dublin", Region: "ie1", Location: "Ireland (Dublin)", Signaling: []string{"54.171.127.192/30"}},
	{Name: "frankfurt", Region: "de1", Location: "Germany (Frankfurt)", Signaling: []string{"35.156.191.128/30"}},
	{Name: "singapore", Region: "sg1", Location: "Singapore", Signaling: []string{"54.169.127.128/30"}},
	{Name: "tokyo", Region: "jp1", Location: "Japan (Tokyo)", Signaling: []string{"54.65.63.192/30"}},
	{Name: "sao-paulo", Region: "br1", Location: "Brazil (São Paulo)", Signaling: []string{"177.71.206.192/30"}},
	{Name: "sydney", Region: "au1", Location: "Australia (Sydney)", Signaling: []string{"54.252.254.64/30"}},
	{Name: "ashburn-ix", Region: "us1-ix", Location: "Virginia", Interconnect: true,
		Signaling: []string{"208.78.112.64/32", "208.78.112.65/32", "208.78.112.66/32"}},
	{Name: "san-jose-ix", Region: "us2-ix", Location: "Oregon", Interconnect: true,
		Signaling: []string{"67.213.136.64/32", "67.213.136.65/32", "67.213.136.66/32"}},
	{Name: "london-ix", Region: "ie1-ix", Location: "Ireland", Interconnect: true,
		Signaling: []string{"185.187.132.68/32", "185.187.132.69/32", "185.187.132.70/32"}},
	{Name: "frankfurt-ix", Region: "de1-ix", Location: "Frankfurt", Interconnect: true,
		Signaling: []string{"185.194.136.64/32", "185.194.136.65/32", "185.194.136.66/32"}},
	{Name: "singapore-ix", Region: "sg1-ix", Location: "Singapore", Interconnect: true,
		Signaling: []string{"103.75.151.68/32", "103.75.151.69/32", "103.75.151.70/32"}},
	{Name: "tokyo-ix", Region: "jp1-ix", Location: "Tokyo", Interconnect: true,
		Signaling: []string{"103.144.142.68/32", "103.144.142.69/32", "103.144.142.70/32"}},
	{Name: "sydney-ix", Region: "au1-ix", Location: "Sydney", Interconnect: true,
		Signaling: []string{"103.146.214.68/32", "103.146.214.69/32", "103.146.214.70/32"}},
	{Name: "sao-paulo-ix", Region: "br1-ix", Location: "São Paulo", Interconnect: true,
		Signaling: []string{"159.183.255.68/32", "159.183.255.69/32", "159.183.255.70/32"}},
}

// All returns the 8 public edges, then the 8 Interconnect edges, in the
// order a picker shows them. The slice is a copy.
func All() []Edge {
	out := make([]Edge, len(edges))
	copy(out, edges)
	return out
}

// Lookup finds an edge by its ";edge=" name.
func Lookup(name string) (Edge, bool) {
	for _, e := range edges {
		if e.Name == name {
			return e, true
		}
	}
	return Edge{}, false
}

// ForRegion finds the edge a legacy ";region=" value stands for.
func ForRegion(region string) (Edge, bool) {
	for _, e := range edges {
		if e.Region == region {
			return e, true
		}
	}
	return Edge{}, false
}
