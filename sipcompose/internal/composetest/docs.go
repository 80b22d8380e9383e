// Package composetest holds the fixtures and helpers that the domain's
// tests share, as net/http/httptest does for net/http: documents worth
// testing every part with, golden files and checks of the output. Tests
// only; it imports no domain package above document, so every package's
// own tests can use it.
package composetest

import (
	"fmt"
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
)

// Form is one of Twilio's documented <Sip> texts and the target it is
// written from.
type Form struct {
	Name   string
	Target document.Target
	// Want is the text as it appears inside <Sip>…</Sip>.
	Want string
}

// TwilioForms are Twilio's documented <Sip> texts, from their decoded
// values: the composer must reproduce them byte for byte.
var TwilioForms = []Form{
	{"one x-header", document.Target{User: "jack", Host: "example.com", Headers: []document.Header{{Name: "x-myotherheader", Value: "bar"}}},
		`sip:jack@example.com?x-myotherheader=bar`},
	{"encoded values", document.Target{User: "+14158675309", Host: "your.domain", Headers: []document.Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}, {Name: "X-otherHeader", Value: "true"}}},
		`sip:+14158675309@your.domain?X-customName=Bob%2CShield%2BTitle%2DManager&amp;X-otherHeader=true`},
	{"UUI", document.Target{User: "jack", Host: "example.com", UUI: document.UUI{Data: "123456789"}, Headers: []document.Header{{Name: "x-myotherheader", Value: "bar"}}},
		`sip:jack@example.com?User-to-User=123456789%3Bencoding%3Dhex&amp;x-myotherheader=bar`},
	{"X- UUI", document.Target{User: "jack", Host: "example.com", UUI: document.UUI{Data: "123456789", XPrefix: true}, Headers: []document.Header{{Name: "x-myotherheader", Value: "bar"}}},
		`sip:jack@example.com?X-User-to-User=123456789%3Bencoding%3Dhex&amp;x-myotherheader=bar`},
	{"edge", document.Target{User: "alice", Host: "example.com", Edge: "frankfurt"}, `sip:alice@example.com;edge=frankfurt`},
	{"region", document.Target{User: "alice", Host: "example.com", Region: "de1"}, `sip:alice@example.com;region=de1`},
}

// Full sets every field, so the golden file pins attribute order
// and the rendering of each one.
func Full() document.Document {
	return document.Document{
		Dial: document.Dial{
			CallerID: "+14155550100", Action: "/dial-done", Method: "POST", Timeout: 20, AnswerOnBridge: true,
			Record: "record-from-answer-dual", Sequential: true, HangupOnStar: true, TimeLimit: 3600, RingTone: "uk",
			Trim: "trim-silence", RecordingStatusCallback: "https://example.com/rec", RecordingStatusCallbackMethod: "GET",
			RecordingStatusCallbackEvent: []string{"in-progress", "completed"}, RecordingTrack: "both",
			ReferURL: "https://example.com/refer?a=1&b=2", ReferMethod: "POST",
		},
		Targets: []document.Target{
			{
				User: "+14158675309", Host: "pbx.example.com", Port: 5061, Transport: "tls", Secure: true, Edge: "dublin",
				Headers:  []document.Header{{Name: "X-Account", Value: "ACME & Sons <gold>"}, {Name: "P-Preferred-Identity", Value: "<sip:+14155550100@example.com>"}},
				UUI:      document.UUI{Data: "0A1B2C3D"},
				Username: "trunk", Password: "s3cret", URL: "https://example.com/screen", Method: "GET",
				StatusCallback: "https://example.com/status", StatusCallbackEvent: []string{"initiated", "ringing", "answered", "completed"},
				StatusCallbackMethod: "POST", MachineDetection: "DetectMessageEnd", MachineDetectionTimeout: 45,
				MachineDetectionSpeechThreshold: 2400, MachineDetectionSpeechEndThreshold: 1200, MachineDetectionSilenceTimeout: 5000,
				AMDStatusCallback: "https://example.com/amd", AMDStatusCallbackMethod: "POST",
			},
			{User: "alice", Host: "203.0.113.10", Transport: "tcp", Region: "ie1"},
		},
		REST: document.REST{URL: "https://example.com/answered"},
	}
}

// Sequential is the golden files' document of two targets rung in turn,
// one on an Interconnect edge.
func Sequential() document.Document {
	return document.Document{Dial: document.Dial{Sequential: true, CallerID: "support"}, Targets: []document.Target{{User: "a", Host: "one.example.com"}, {User: "b", Host: "two.example.com", Edge: "sydney-ix"}}}
}

// Templated is a document as a TwiML Bin holds it: the number the caller
// dialed in User, taken out of a SIP To by Twilio's e164 function, the
// caller as callerId, and headers the Bin fills from the request and from
// its URL's query (…?Case=42).
func Templated() document.Document {
	return document.Document{Dial: document.Dial{CallerID: "{{#e164}}{{From}}{{/e164}}", Action: "/dial-done?case={{Case}}"}, Targets: []document.Target{{
		User: "{{#e164}}{{To}}{{/e164}}", Host: "pbx.example.com", Transport: "tls", Edge: "dublin",
		Headers:        []document.Header{{Name: "X-Case", Value: "{{Case}}"}, {Name: "X-From", Value: "{{From}}"}, {Name: "X-Note", Value: "case {{ Case }}, from {{From}}"}},
		HeaderElements: []document.Header{{Name: "X-Element", Value: "{{Case}}"}},
		UUI:            document.UUI{Data: "{{UUI}}"},
	}}}
}

// RoundTripDocs are documents whose TwiML must survive Parse unchanged:
// Twilio's documented forms, the golden documents, and hostile values.
func RoundTripDocs() []document.Document {
	docs := []document.Document{
		Full(),
		Sequential(),
		Templated(),
	}
	for _, f := range TwilioForms {
		docs = append(docs, document.Document{Targets: []document.Target{f.Target}})
	}
	ten := document.Document{Dial: document.Dial{Sequential: true, Timeout: 600}}
	for i := range document.MaxTargets + 1 {
		ten.Targets = append(ten.Targets, document.Target{User: fmt.Sprint(i), Host: fmt.Sprintf("pbx%d.example.com", i), Headers: []document.Header{{Name: "X-Index", Value: fmt.Sprint(i)}}})
	}
	return append(docs, ten,
		document.Document{Dial: document.Dial{Sequential: true}, Targets: []document.Target{{User: "a b@c", Host: "[2001:db8::1]", Port: 5080}, {Host: "h.example.com", UUI: document.UUI{Data: "hi", Encoding: "utf8", XPrefix: true}}, {Host: "h.example.com", UUI: document.UUI{Data: "0A", Encoding: "HEX"}},
			{Host: "h.example.com", Headers: []document.Header{{Name: "user-to-user", Value: "AB"}, {Name: "X-User-To-User", Value: "AB;encoding=hex"}, {Name: "User-to-User", Value: "AB;ENCODING=hex"}, {Name: "User-to-User", Value: ";encoding=hex"}}}}},
		document.Document{Targets: []document.Target{{User: "x", Host: "y.example.com", Headers: []document.Header{{Name: "X-Odd", Value: "]]> & < > \" ' ; = ? % 📞 עברית"}, {Name: "X-Lines", Value: "a\r\nb\x00c"}, {Name: "X-Amp", Value: "&amp;"}}}}},
		document.Document{Encoding: document.EncodingCompact, Targets: []document.Target{
			{Host: "a.example.com", Headers: []document.Header{{Name: "X-Ids", Value: strings.Repeat("123e4567-e89b-12d3-a456-426614174000-", 26)}, {Name: "X-Odd", Value: "a,b;c"}}, UUI: document.UUI{Data: "0A"}},
			{Host: "b.example.com", Headers: []document.Header{{Name: "X-Short", Value: "a-b.c_d~e"}}},
		}},
		document.Document{
			Dial: document.Dial{RecordingConfigurationID: "JX1", Events: "call-progress-event", Passports: "a,b"},
			Targets: []document.Target{
				{URIs: []document.SipURI{{URI: "sip:a@one.example.com?X-A=1&X-B=a%2Cb", Priority: "1", Weight: "0", Username: "u", Password: "p<&>"}, {URI: "sip:b@two.example.com"}},
					HeaderElements: []document.Header{{Name: "X-C", Value: "a & b; \"c\""}, {Name: "User-to-User", Value: "hello;encoding=hex"}}},
				{User: "c", Host: "three.example.com", Headers: []document.Header{{Name: "X-D", Value: "1"}}, HeaderElements: []document.Header{{Name: "X-E", Value: ""}}, Username: "t", Password: "s"},
			},
		},
		document.Document{
			Dial:    document.Dial{CallerID: "a]]>b", Action: "/next?a=1&b='2'\"", RecordingStatusCallbackEvent: []string{"in-progress", "completed", "absent"}},
			Targets: []document.Target{{Host: "h.example.com", URL: "/screen?x=<y>", StatusCallbackEvent: []string{"initiated"}, Username: "ü", Password: "p&w\"'<"}},
		},
	)
}

// IDs is 26 UUIDs joined by "-": 961 characters, whose headers part is
// 967 characters in the compact form and 1225 in Twilio's documented one.
var IDs = strings.TrimSuffix(strings.Repeat("123e4567-e89b-12d3-a456-426614174000-", 26), "-")

// Bench is one of the benchmarks' documents.
type Bench struct {
	Name string
	Doc  document.Document
}

// BenchDocs are issue 5's cases: one target, and 10 targets × 20 headers.
func BenchDocs() []Bench {
	large := document.Document{Dial: document.Dial{CallerID: "+14155550100", Timeout: 30}}
	for i := 0; i < document.MaxTargets; i++ {
		tg := document.Target{User: fmt.Sprintf("+1415555%04d", i), Host: fmt.Sprintf("pbx%d.example.com", i), Transport: "tls", Edge: "frankfurt"}
		for h := 0; h < 20; h++ {
			tg.Headers = append(tg.Headers, document.Header{Name: "X-Bench-" + strconv.Itoa(h), Value: "a,b;c=d"})
		}
		large.Targets = append(large.Targets, tg)
	}
	return []Bench{
		{"one-target", document.Document{Targets: []document.Target{TwilioForms[1].Target}}},
		{"10x20", large},
	}
}

// URIDocument uses every part of a <Sip> the helper libraries write.
func URIDocument() document.Document {
	return document.Document{
		Dial: document.Dial{RecordingConfigurationID: "JX123", Events: "call-progress-event", Passports: "eyJh"},
		Targets: []document.Target{
			{URIs: []document.SipURI{{URI: "sip:a@one.example.com?X-A=1&X-B=2", Priority: "1", Weight: "10", Username: "u", Password: "p1"}, {URI: "sip:b@two.example.com"}},
				HeaderElements: []document.Header{{Name: "X-C", Value: "a & b"}, {Name: "", Value: "unfinished"}, {Name: "X-D", Value: ""}}},
			{User: "c", Host: "three.example.com", HeaderElements: []document.Header{{Name: "X-E", Value: "1"}}},
		},
	}
}

// Documents are a varied set, every composed URI of which must read back:
// the full document, Twilio's forms, the benchmarks' documents and
// hostile values.
func Documents() []document.Document {
	docs := []document.Document{Full(), Templated()}
	for _, f := range TwilioForms {
		docs = append(docs, document.Document{Targets: []document.Target{f.Target}})
	}
	for _, bd := range BenchDocs() {
		docs = append(docs, bd.Doc)
	}
	return append(docs,
		document.Document{Targets: []document.Target{
			{User: "+1", Host: "h.example.com", Headers: []document.Header{{Name: "X-Nasty", Value: "a&b=c?d;e%f g\r\nX-Injected: 1"}, {Name: "X-Empty", Value: ""}}},
			{Host: "203.0.113.9", Port: 5099, Edge: "tokyo-ix", UUI: document.UUI{Data: "68C3A96C6C6F"}}, // "héllo" in hex
			{User: "josé;x=1?y", Host: "2001:db8::5", Port: 5061, Transport: "TLS", Secure: true, Region: "au1"},
			{User: "a@b/c=d", Host: "[2001:db8::6]", UUI: document.UUI{Data: "AB", Encoding: "a;b", XPrefix: true}, Headers: []document.Header{{Name: "X-Emoji", Value: "📞 עברית"}}},
		}},
	)
}

// CustomerDocs are the customer's side's golden documents: those of the
// other goldens,
// the page's first-visit example, and one with every kind of header row.
func CustomerDocs() map[string]document.Document {
	return map[string]document.Document{
		"full":       Full(),
		"sequential": Sequential(),
		"templated":  Templated(),
		"empty":      {},
		"example": {Dial: document.Dial{CallerID: "+14155550100", AnswerOnBridge: true}, Targets: []document.Target{{
			User: "+14158675309", Host: "pbx.example.com", Transport: "tls", Edge: "ashburn",
			Headers: []document.Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}, {Name: "X-otherHeader", Value: "true"}},
			UUI:     document.UUI{Data: "0A1B2C3D"},
		}}},
		"headers": {Dial: document.Dial{CallerID: "+14155550100", Action: "/dial-done"}, Targets: []document.Target{{
			User: "bob", Host: "pbx.example.com", Port: 5080, Edge: "dublin", Secure: true, Transport: "tls",
			UUI: document.UUI{Data: "0A1B"}, Username: "trunk", Password: "secret", URL: "/screen", StatusCallback: "/status",
			Headers: []document.Header{
				{Name: "X-customName", Value: "Bob,Shield+Title-Manager"},
				{Name: "Remote-Party-ID", Value: "<sip:foo@example.com>;party=calling"},
				{Name: "P-Preferred-Identity", Value: "<sip:foo@example.com>"},
				{Name: "P-Called-Party-ID", Value: "<sip:foo@example.com>"},
				{Name: "X-Twilio-Mine", Value: "dropped"},
				{Name: "Foo", Value: "dropped"},
			},
			HeaderElements: []document.Header{{Name: "X-Element", Value: "as written"}},
		}}},
	}
}
