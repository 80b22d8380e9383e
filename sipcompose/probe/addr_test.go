package probe

import (
	"net/netip"
	"testing"
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct{ addr, kind string }{
		{"8.8.8.8", "public"},
		{"54.172.60.1", "public"},
		{"10.0.0.5", "private"},
		{"172.16.0.1", "private"},
		{"172.31.255.255", "private"},
		{"172.32.0.1", "public"},
		{"192.168.1.10", "private"},
		{"100.64.0.1", "cgnat"},
		{"100.127.255.254", "cgnat"},
		{"100.128.0.1", "public"},
		{"127.0.0.1", "loopback"},
		{"127.8.8.8", "loopback"},
		{"169.254.10.1", "link-local"},
		{"0.0.0.0", "unspecified"},
		{"0.1.2.3", "reserved"},
		{"192.0.0.8", "reserved"},
		{"192.0.2.10", "documentation"},
		{"198.51.100.7", "documentation"},
		{"203.0.113.9", "documentation"},
		{"198.18.0.1", "benchmarking"},
		{"224.0.0.1", "multicast"},
		{"255.255.255.255", "reserved"},
		{"240.0.0.1", "reserved"},
		{"::", "unspecified"},
		{"::1", "loopback"},
		{"::ffff:10.0.0.5", "private"},
		{"::ffff:8.8.8.8", "public"},
		{"fe80::1%eth0", "link-local"},
		{"fd00::1", "private"},
		{"fc00::1", "private"},
		{"2001:db8::1", "documentation"},
		{"3fff::1", "documentation"},
		{"ff02::1", "multicast"},
		{"64:ff9b:1::1", "private"},
		{"100::1", "reserved"},
		{"4000::1", "reserved"},
		{"2606:4700::1111", "public"},
	} {
		c := Classify(netip.MustParseAddr(tc.addr))
		if c.Kind != tc.kind || c.Public() != (tc.kind == "public") || (c.Why == "") != (tc.kind == "public") {
			t.Errorf("%s: %+v, want %s", tc.addr, c, tc.kind)
		}
	}
}
