// Package ipaddr reads IP address literals as net.ParseIP does, through
// net/netip. Package net's resolver, dialer and their tables would otherwise
// compile into the page's app.wasm (about 19 KB brotli) for the one function
// the domain used; the fuzz test holds the verdicts equal to net.ParseIP's.
package ipaddr

import "net/netip"

// Version is 4 for what net.ParseIP reads as an IPv4 address (its To4 is
// not nil, so "::ffff:192.0.2.1" too), 6 for any other address it reads,
// and 0 for what it rejects. A zone ("fe80::1%eth0") is rejected, as
// net.ParseIP rejects it, though netip.ParseAddr reads one.
func Version(s string) int {
	a, err := netip.ParseAddr(s)
	switch {
	case err != nil || a.Zone() != "":
		return 0
	case a.Unmap().Is4():
		return 4
	default:
		return 6
	}
}
