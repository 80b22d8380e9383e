package sipuri

import (
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
)

func TestBuildURI(t *testing.T) {
	tests := []struct {
		name string
		t    document.Target
		want string
	}{
		{"host only", document.Target{Host: "pbx.example.com"}, "sip:pbx.example.com"},
		{"user", document.Target{User: "+14158675309", Host: "your.domain"}, "sip:+14158675309@your.domain"},
		{"host trimmed", document.Target{User: "a", Host: "  pbx.example.com\t"}, "sip:a@pbx.example.com"},
		{"port", document.Target{User: "a", Host: "203.0.113.10", Port: 5080}, "sip:a@203.0.113.10:5080"},
		{"bare IPv6 gets brackets", document.Target{Host: "2001:db8::1", Port: 5061}, "sip:[2001:db8::1]:5061"},
		{"bracketed IPv6", document.Target{Host: "[2001:db8::1]"}, "sip:[2001:db8::1]"},
		{"not IPv6: colons encoded", document.Target{Host: "[a:b]"}, "sip:%5Ba%3Ab%5D"},
		{"colon in host cannot read as port", document.Target{Host: "pbx.example.com:5060"}, "sip:pbx.example.com%3A5060"},
		{"user keeps unreserved", document.Target{User: "a-b_c.d!e~f*g'h(i)j+k$l,m=n/o", Host: "h"}, "sip:a-b_c.d!e~f*g'h(i)j+k$l,m=n/o@h"},
		{"user structure encoded", document.Target{User: "a@b:c;d?e&f=g/h i%", Host: "h"}, "sip:a%40b%3Ac%3Bd%3Fe%26f=g/h%20i%25@h"},
		{"user non-ASCII", document.Target{User: "josé", Host: "h"}, "sip:jos%C3%A9@h"},
		{"user never starts the URI with sip://", document.Target{User: "//a", Host: "h"}, "sip:%2F/a@h"},
		{"user with one leading slash", document.Target{User: "/a/b", Host: "h"}, "sip:%2Fa/b@h"},
		{"transport lowercased", document.Target{Host: "h", Transport: "TLS"}, "sip:h;transport=tls"},
		{"param order", document.Target{Host: "h", Region: "ie1", Edge: "dublin", Secure: true, Transport: "tls"}, "sip:h;transport=tls;secure=true;edge=dublin;region=ie1"},
		{"param value cannot add a param", document.Target{Host: "h", Edge: "x;transport=udp"}, "sip:h;edge=x%3Btransport%3Dudp"},
		{"header order kept", document.Target{Host: "h", Headers: []document.Header{{Name: "X-B", Value: "2"}, {Name: "X-A", Value: "1"}}}, "sip:h?X-B=2&X-A=1"},
		{"unnamed rows skipped", document.Target{Host: "h", Headers: []document.Header{{Name: "", Value: ""}, {Name: "X-A", Value: ""}, {Name: "", Value: "v"}}}, "sip:h?X-A="},
		{"header name encoded", document.Target{Host: "h", Headers: []document.Header{{Name: "X-A=b&c", Value: "v"}}}, "sip:h?X-A%3Db%26c=v"},
		{"value cannot add a header", document.Target{Host: "h", Headers: []document.Header{{Name: "X-A", Value: "1&X-B=2"}}}, "sip:h?X-A=1%26X%2DB%3D2"},
		{"UUI first", document.Target{Host: "h", Headers: []document.Header{{Name: "X-A", Value: "1"}}, UUI: document.UUI{Data: "AB"}}, "sip:h?User-to-User=AB%3Bencoding%3Dhex&X-A=1"},
		{"UUI prefixed, other encoding", document.Target{Host: "h", UUI: document.UUI{Data: "hi", Encoding: "ascii", XPrefix: true}}, "sip:h?X-User-to-User=hi%3Bencoding%3Dascii"},
		{"UUI encoding without data", document.Target{Host: "h", UUI: document.UUI{Encoding: "hex", XPrefix: true}}, "sip:h"},
		{"everything", document.Target{User: "bob", Host: "pbx.example.com", Port: 5061, Transport: "tls", Secure: true, Edge: "frankfurt", Headers: []document.Header{{Name: "X-Case", Value: "42"}}},
			"sip:bob@pbx.example.com:5061;transport=tls;secure=true;edge=frankfurt?X-Case=42"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Build(tc.t); got != tc.want {
				t.Errorf("Build = %s\nwant       %s", got, tc.want)
			}
		})
	}
}

func TestHeadersPart(t *testing.T) {
	for uri, want := range map[string]string{
		"sip:h":            "",
		"sip:h?":           "",
		"sip:h;edge=x?A=1": "A=1",
		"sip:h?A=1&B=2":    "A=1&B=2",
	} {
		if got := HeadersPart(uri); got != want {
			t.Errorf("HeadersPart(%q) = %q, want %q", uri, got, want)
		}
	}
}

// TestBuildURIPrintableASCII: twiml.Render puts URIs in XML without
// param.XMLSafe, so no input may leave a byte outside printable ASCII in one.
func TestBuildURIPrintableASCII(t *testing.T) {
	hostile := "a\x00b\x7f\xff\xfe\ufffe\U0001F4DE \t\r\n<&>\"'"
	targets := []document.Target{
		{User: hostile, Host: hostile, Transport: hostile, Edge: hostile, Region: hostile,
			UUI: document.UUI{Data: hostile, Encoding: hostile}, Headers: []document.Header{{Name: hostile, Value: hostile}}},
		{Host: "2001:db8::" + hostile, Port: -1},
		{Host: "[" + hostile + "]", Port: 65536, Secure: true},
	}
	for _, tg := range targets {
		uri := Build(tg)
		for i := 0; i < len(uri); i++ {
			if c := uri[i]; c <= ' ' || c >= 0x7f {
				t.Errorf("Build has byte %#x at %d: %q", c, i, uri)
			}
		}
	}
}

func TestHostValid(t *testing.T) {
	for h, want := range map[string]bool{
		"pbx.example.com": true, "203.0.113.10": true, "[2001:db8::1]": true, "2001:db8::1": true,
		"localhost": true, "example.com.": true, "a-b.c1": true, strings.Repeat("a", 63) + ".com": true,
		"-a.com": false, "a-.com": false, "a..b": false, "a_b.com": false, "[203.0.113.10]": false, "1.2.3.4.5": false,
		"999.0.0.1": false, "a b": false, strings.Repeat("a", 64) + ".com": false, "[::1": false, "::zz": false,
	} {
		if got := ValidHost(h); got != want {
			t.Errorf("ValidHost(%q) = %v, want %v", h, got, want)
		}
	}
}
