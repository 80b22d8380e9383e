package sipcompose

import (
	"strings"
	"testing"

	"sipcompose/sipcompose/internal/composetest"
)

// fuzzDoc builds a Document from fuzzer strings, touching every part of
// the URI and several attributes, with n targets (at most 11): every third
// also with <Uri> children and <Header> elements, and the compact encoding
// when n's top bit is set.
func fuzzDoc(user, host, name, value, uui, attr string, n uint8) Document {
	doc := Document{Dial: Dial{CallerID: attr, Action: attr, Events: attr}}
	if n&0x80 != 0 {
		doc.Encoding = EncodingCompact
	}
	for i := 0; i <= int(n%11); i++ {
		t := Target{
			User: user, Host: host, Edge: attr, Transport: attr,
			Headers:  []Header{{Name: name, Value: value}, {Name: "X-Fixed", Value: value}},
			UUI:      UUI{Data: uui, Encoding: attr, XPrefix: i%2 == 1},
			Username: attr, Password: attr, StatusCallback: attr,
		}
		if i%3 == 2 {
			t.URIs = []SipURI{{URI: "sip:" + user + "@" + host + "?" + name + "=" + value, Priority: attr, Weight: uui, Username: attr, Password: attr}, {URI: value}}
			t.HeaderElements = []Header{{Name: name, Value: value}, {Name: "X-Fixed", Value: uui}}
		}
		doc.Targets = append(doc.Targets, t)
	}
	return doc
}

func FuzzCompose(f *testing.F) {
	f.Add("jack", "example.com", "x-myotherheader", "bar", "", "", uint8(0))
	f.Add("+14158675309", "your.domain", "X-customName", "Bob,Shield+Title-Manager", "123456789", "frankfurt", uint8(1))
	f.Add("a]]>b", "h\x00st", "X-A\r\nB", "v\xff&amp;", "zz", "\"'<>&", uint8(10))
	f.Add("a", "b.example.com", "X-Ids", strings.Repeat("123e4567-e89b-12d3-a456-426614174000-", 26), "0A", "", uint8(2))
	f.Add("a", "b.example.com", "X-A", "a-b.c_d~e", "", "", uint8(0x82))
	f.Add("{{#e164}}{{To}}{{/e164}}", "{{Host}}.example.com", "X-{{Name}}", "case {{ Case }}&{{From}}", "{{UUI}}", "{{Edge}}", uint8(2))
	f.Add("{{To}", "pbx.example.com", "X-A", "{{{Raw}}}{{! c }}{{> p}}{{#x}}{{& y}}", "", "{{From}}", uint8(0))
	f.Add("aurixa-…", "<your-host>", "X-A", "Bob Smith é %2C", "", "frankfort", uint8(1))
	f.Fuzz(func(t *testing.T, user, host, name, value, uui, attr string, n uint8) {
		doc := fuzzDoc(user, host, name, value, uui, attr, n)
		r := Compose(doc)
		composetest.WellFormed(t, r.TwiML)
		for _, d := range r.Diagnostics {
			if d.Code == "" || d.Message == "" {
				t.Fatalf("empty diagnostic %+v", d)
			}
		}
		if !strings.HasSuffix(r.TwiML, "</Response>\n") {
			t.Fatalf("TwiML does not end with </Response>:\n%s", r.TwiML)
		}
		if !r.HasErrors() && len(doc.Targets) > 0 {
			oracleCheck(t, doc.Targets[0], r.URIs[0])
		}
		customerCheck(t, doc, r)
	})
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("jack", "example.com", "x-h", "bar", "AB", "dublin", uint8(0))
	f.Add("a b@c", "[2001:db8::1]", "X-Odd", "]]> & < > \" ' ; = ? % 📞", "", "", uint8(3))
	f.Add("a", "b.example.com", "X-Ids", strings.Repeat("123e4567-e89b-12d3-a456-426614174000-", 26), "0A", "", uint8(2))
	f.Add("a", "b.example.com", "X-A", " a-b.c_d~e\r\n", "\t1", " 2 ", uint8(0x85))
	f.Add("{{#e164}}{{To}}{{/e164}}", "{{Host}}", "X-{{Name}}", "%7B%7BCase%7D%7D {{ Case }}", "{{UUI}}", "{{From}}", uint8(2))
	f.Fuzz(func(t *testing.T, user, host, name, value, uui, attr string, n uint8) {
		first := Compose(fuzzDoc(user, host, name, value, uui, attr, n)).TwiML
		parsed, _ := Parse(first)
		again := Compose(parsed).TwiML
		composetest.WellFormed(t, again)
		if again != first {
			t.Fatalf("compose→parse→compose is not stable:\n%s\nthen\n%s", first, again)
		}
	})
}
