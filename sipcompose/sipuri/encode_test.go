package sipuri

import (
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
)

func TestPercentEncode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abcXYZ019", "abcXYZ019"},
		{"Bob,Shield+Title-Manager", "Bob%2CShield%2BTitle%2DManager"},
		{"123456789;encoding=hex", "123456789%3Bencoding%3Dhex"},
		{"a b", "a%20b"},
		{"100%", "100%25"},
		{"&amp;", "%26amp%3B"},
		{"é", "%C3%A9"},
		{"📞", "%F0%9F%93%9E"},
		{"\x00\r\n\x7f\xff", "%00%0D%0A%7F%FF"},
		{"-_.!~*'()", "%2D%5F%2E%21%7E%2A%27%28%29"},
	}
	for _, tc := range tests {
		if got := PercentEncode(tc.in); got != tc.want {
			t.Errorf("PercentEncode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Every byte value must come out as a letter, a digit or an uppercase %XX
// and decode back to itself.
func TestPercentEncodeEveryByte(t *testing.T) {
	var all strings.Builder
	for c := 0; c < 256; c++ {
		all.WriteByte(byte(c))
	}
	enc := PercentEncode(all.String())
	for i := 0; i < len(enc); i++ {
		c := enc[i]
		if !isAlnum(c) && c != '%' {
			t.Fatalf("PercentEncode left %q in %q", c, enc)
		}
		if c == '%' && (strings.ContainsAny(enc[i+1:i+3], "abcdef")) {
			t.Fatalf("lowercase hex at %d in %q", i, enc)
		}
	}
	dec, err := url.PathUnescape(enc)
	if err != nil || dec != all.String() {
		t.Fatalf("round trip failed: %v", err)
	}
}

func TestEncodeKeeps(t *testing.T) {
	tests := []struct {
		keep string
		in   string
		want string
	}{
		{userKeep, "+1-415_5.5!~*'()$,=/", "+1-415_5.5!~*'()$,=/"},
		{userKeep, "a@b:c;d?e&f=g/h i%é", "a%40b%3Ac%3Bd%3Fe%26f=g/h%20i%25%C3%A9"},
		{hostKeep, "pbx-1.example.com", "pbx-1.example.com"},
		{hostKeep, "h:5060 x_y", "h%3A5060%20x%5Fy"},
		{ipv6Keep, "[2001:db8::1]", "[2001:db8::1]"},
		{tokenKeep, "X-Foo_bar.1!~*'+", "X-Foo_bar.1!~*'+"},
		{tokenKeep, "a=b;c?d&e", "a%3Db%3Bc%3Fd%26e"},
	}
	for _, tc := range tests {
		if got := encode(tc.in, tc.keep); got != tc.want {
			t.Errorf("encode(%q, %q) = %q, want %q", tc.in, tc.keep, got, tc.want)
		}
	}
}

func TestTextToHex(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"case 42", "63617365203432"},
		{"é", "C3A9"},
		{"\x00\xff", "00FF"},
	}
	for _, tc := range tests {
		got := TextToHex(tc.in)
		if got != tc.want {
			t.Errorf("TextToHex(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if b, err := hex.DecodeString(got); err != nil || string(b) != tc.in {
			t.Errorf("TextToHex(%q) does not decode back: %q, %v", tc.in, b, err)
		}
		if tc.in != "" && !IsHex(got) {
			t.Errorf("TextToHex(%q) = %q is not hex digits", tc.in, got)
		}
	}
}

func TestUUI(t *testing.T) {
	if got := UUIHeaderName(document.UUI{}); got != "User-to-User" {
		t.Errorf("UUIHeaderName = %q", got)
	}
	if got := UUIHeaderName(document.UUI{XPrefix: true}); got != "X-User-to-User" {
		t.Errorf("UUIHeaderName(XPrefix) = %q", got)
	}
	if got := UUIValue(document.UUI{Data: "AB"}); got != "AB;encoding=hex" {
		t.Errorf("UUIValue default encoding = %q", got)
	}
	if got := UUIValue(document.UUI{Data: "AB", Encoding: "ascii"}); got != "AB;encoding=ascii" {
		t.Errorf("UUIValue ascii = %q", got)
	}
	for s, want := range map[string]bool{"": false, "0aF9": true, "0x12": false, "12 34": false} {
		if got := IsHex(s); got != want {
			t.Errorf("IsHex(%q) = %v", s, got)
		}
	}
}
