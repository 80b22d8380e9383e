package ipaddr

import (
	"fmt"
	"net"
	"testing"
)

// netVersion is Version's answer as net.ParseIP gives it.
func netVersion(s string) int {
	ip := net.ParseIP(s)
	switch {
	case ip == nil:
		return 0
	case ip.To4() != nil:
		return 4
	default:
		return 6
	}
}

// hosts are what the domain asks about: a SIP target's host as typed or
// pasted (bracketed IPv6 has its brackets off by then), a URI's host:port
// and a scheme-less "host:port" that could be a scheme.
var hosts = []string{
	"", "pbx.example.com", "203.0.113.10", "2001:db8::1", "::1", "::", "1.2.3.4.5", "999.0.0.1",
	"01.2.3.4", "1.2.3", "0.0.0.0", "255.255.255.255", "256.1.1.1", "::ffff:192.0.2.1", "::ffff:c000:201",
	"::192.0.2.1", "64:ff9b::192.0.2.1", "fe80::1%eth0", "fe80::1%", "2001:DB8::1", "2001:db8:0:0:0:0:0:1",
	"2001:db8::1::2", "2001:db8:::1", ":::", "1::2::3", "[2001:db8::1]", "2001:db8::1]", "[::1", "::zz",
	"pbx.example.com:5060", "203.0.113.10:5060", "localhost", "tel:+14155550100", "mailto:a", " 1.2.3.4",
	"1.2.3.4 ", "1.2.3.4\n", "::1\x00", "１.２.３.４", "1.2.3.-4", "0x7f.0.0.1", "127.1", "1:2:3:4:5:6:7:8",
	"1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4",
	"0000:0000:0000:0000:0000:0000:0000:0001", "00000::1", "12345::1", "a:b:c:d:e:f:a:b", "g::1",
}

func TestVersionAsNetParseIP(t *testing.T) {
	for _, s := range hosts {
		if got, want := Version(s), netVersion(s); got != want {
			t.Errorf("Version(%q) = %d, net.ParseIP says %d", s, got, want)
		}
	}
	for s, want := range map[string]int{"203.0.113.10": 4, "::ffff:192.0.2.1": 4, "2001:db8::1": 6, "fe80::1%eth0": 0, "pbx.example.com": 0} {
		if got := Version(s); got != want {
			t.Errorf("Version(%q) = %d, want %d", s, got, want)
		}
	}
}

// FuzzVersion holds Version to net.ParseIP's verdict on any input:
// go test -fuzz FuzzVersion ./sipcompose/internal/ipaddr/
func FuzzVersion(f *testing.F) {
	for _, s := range hosts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Version(s), netVersion(s); got != want {
			t.Errorf("Version(%q) = %d, net.ParseIP says %d", s, got, want)
		}
	})
}

func ExampleVersion() {
	fmt.Println(Version("203.0.113.10"), Version("[2001:db8::1]"), Version("2001:db8::1"), Version("pbx.example.com"))
	// Output: 4 0 6 0
}
