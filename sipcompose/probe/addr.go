package probe

import "net/netip"

// AddrClass is what an address is to the internet Twilio sends from.
type AddrClass struct {
	// Kind is "public", or why the address is not: "private",
	// "loopback", "link-local", "cgnat", "unspecified", "documentation",
	// "benchmarking", "multicast", "reserved".
	Kind string `json:"kind"`
	// Why names the range and its RFC, for a person ("10.0.0.0/8, RFC
	// 1918"); empty for a public address.
	Why string `json:"why,omitempty"`
}

// Public reports an address Twilio can reach across the internet.
func (c AddrClass) Public() bool { return c.Kind == "public" }

// String is the class for a person: "public", "private (10.0.0.0/8,
// RFC 1918)".
func (c AddrClass) String() string {
	if c.Why == "" {
		return c.Kind
	}
	return c.Kind + " (" + c.Why + ")"
}

// special are the ranges IANA's special-purpose registries mark as not
// globally reachable, by the name a support engineer knows them by.
// Twilio refuses a host that resolves to "a non-public IP" (warning
// 13254) without saying which ranges it means; these are the ones no
// packet from the internet reaches.
var special = []struct {
	prefix netip.Prefix
	class  AddrClass
}{
	{netip.MustParsePrefix("0.0.0.0/32"), AddrClass{"unspecified", "0.0.0.0, \"any address\""}},
	{netip.MustParsePrefix("0.0.0.0/8"), AddrClass{"reserved", "0.0.0.0/8, \"this network\", RFC 791"}},
	{netip.MustParsePrefix("10.0.0.0/8"), AddrClass{"private", "10.0.0.0/8, RFC 1918"}},
	{netip.MustParsePrefix("100.64.0.0/10"), AddrClass{"cgnat", "100.64.0.0/10, carrier-grade NAT, RFC 6598"}},
	{netip.MustParsePrefix("127.0.0.0/8"), AddrClass{"loopback", "127.0.0.0/8, this machine itself"}},
	{netip.MustParsePrefix("169.254.0.0/16"), AddrClass{"link-local", "169.254.0.0/16, RFC 3927"}},
	{netip.MustParsePrefix("172.16.0.0/12"), AddrClass{"private", "172.16.0.0/12, RFC 1918"}},
	{netip.MustParsePrefix("192.0.0.0/24"), AddrClass{"reserved", "192.0.0.0/24, IETF protocol assignments, RFC 6890"}},
	{netip.MustParsePrefix("192.0.2.0/24"), AddrClass{"documentation", "192.0.2.0/24, RFC 5737"}},
	{netip.MustParsePrefix("192.168.0.0/16"), AddrClass{"private", "192.168.0.0/16, RFC 1918"}},
	{netip.MustParsePrefix("198.18.0.0/15"), AddrClass{"benchmarking", "198.18.0.0/15, RFC 2544"}},
	{netip.MustParsePrefix("198.51.100.0/24"), AddrClass{"documentation", "198.51.100.0/24, RFC 5737"}},
	{netip.MustParsePrefix("203.0.113.0/24"), AddrClass{"documentation", "203.0.113.0/24, RFC 5737"}},
	{netip.MustParsePrefix("224.0.0.0/4"), AddrClass{"multicast", "224.0.0.0/4"}},
	{netip.MustParsePrefix("240.0.0.0/4"), AddrClass{"reserved", "240.0.0.0/4 and the broadcast address, RFC 1112"}},
	{netip.MustParsePrefix("::/128"), AddrClass{"unspecified", "::, \"any address\""}},
	{netip.MustParsePrefix("::1/128"), AddrClass{"loopback", "::1, this machine itself"}},
	{netip.MustParsePrefix("64:ff9b:1::/48"), AddrClass{"private", "64:ff9b:1::/48, local-use NAT64, RFC 8215"}},
	{netip.MustParsePrefix("100::/64"), AddrClass{"reserved", "100::/64, discard-only, RFC 6666"}},
	{netip.MustParsePrefix("2001:db8::/32"), AddrClass{"documentation", "2001:db8::/32, RFC 3849"}},
	{netip.MustParsePrefix("3fff::/20"), AddrClass{"documentation", "3fff::/20, RFC 9637"}},
	{netip.MustParsePrefix("fc00::/7"), AddrClass{"private", "fc00::/7, unique local, RFC 4193"}},
	{netip.MustParsePrefix("fe80::/10"), AddrClass{"link-local", "fe80::/10, RFC 4291"}},
	{netip.MustParsePrefix("ff00::/8"), AddrClass{"multicast", "ff00::/8"}},
}

// globalUnicast is IPv6's global unicast space; the rest is reserved.
var globalUnicast = netip.MustParsePrefix("2000::/3")

// Classify says what a is. An IPv4 address written as IPv6
// (::ffff:10.0.0.5) is judged as the IPv4 address it carries.
func Classify(a netip.Addr) AddrClass {
	a = a.Unmap().WithZone("")
	for _, s := range special {
		if s.prefix.Contains(a) {
			return s.class
		}
	}
	if a.Is6() && !globalUnicast.Contains(a) {
		return AddrClass{"reserved", "outside 2000::/3, IPv6's global unicast space"}
	}
	return AddrClass{Kind: "public"}
}
