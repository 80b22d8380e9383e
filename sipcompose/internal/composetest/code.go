package composetest

import (
	"strings"

	"sipcompose/sipcompose/document"
)

// CodeURIDocuments use <Uri> children, <Header> elements and <Dial>'s
// helper-library attributes: one <Sip> with a URI and <Uri>s besides, and
// two of <Uri>s only, whose passwords are read from variables of their
// own.
func CodeURIDocuments() []document.Document {
	return []document.Document{
		{
			Dial: document.Dial{CallerID: "+14155550100", RecordingConfigurationID: "JY0123", Events: "call-progress-events", Passports: "c2hha2Vu"},
			Targets: []document.Target{{
				User: "alice", Host: "pbx.example.com", Username: "alice", Password: "target-pw",
				URIs: []document.SipURI{
					{URI: "sip:alice@a.example.com;transport=tls", Priority: "1", Weight: "10", Username: "ua", Password: "uri-pw-a"},
					{URI: " sip:alice@b.example.com?X-A=1&X-B=2 ", Priority: "1", Weight: "5"},
					{URI: "sip:alice@c.example.com", Priority: "2", Username: "uc", Password: "target-pw"},
				},
				HeaderElements: []document.Header{{Name: "X-Ticket", Value: "42"}, {Name: "", Value: "unnamed row"}, {Name: "X-Empty", Value: ""}},
			}},
		},
		{
			Dial: document.Dial{Sequential: true},
			Targets: []document.Target{
				{URIs: []document.SipURI{{URI: "sip:one@a.example.com", Username: "u1", Password: "p1"}, {URI: "sip:one@b.example.com", Priority: "2"}}},
				{URIs: []document.SipURI{{URI: "sip:two@c.example.com", Password: "p2"}}, HeaderElements: []document.Header{{Name: "X-Two", Value: "2"}}},
			},
		},
	}
}

// HostileCodeValues break a string literal, a comment or XML if quoted
// wrongly. They have no NUL and are valid UTF-8, so sh can pass them to
// curl as they are; TestCodeTwiMLInvalidXMLCharacters covers the rest.
var HostileCodeValues = []string{
	`"double" 'single' \back\slash \" \\"`,
	"a&b &amp; <x> ]]> &#x41;",
	"${process.exit(1)} #{x} {0} %s %(x)s %d `id` $(id)",
	"line\r\nnext\ttab\x01\x1b[31m\x7f",
	"é ü ß 日本 📞 עברית \u202e\u2028\u2029\ufeff",
	"*/ // # \"\"\" ''' -->",
}

// HostileCodeDocument puts s in every field a program writes.
func HostileCodeDocument(s string) document.Document {
	return document.Document{
		Dial: document.Dial{CallerID: s, Action: s, Method: s, Timeout: 7, Record: "record-from-answer", RecordingStatusCallback: s,
			RecordingStatusCallbackEvent: []string{s, "completed"}, Trim: s, RingTone: s, ReferURL: s, RecordingTrack: s,
			RecordingConfigurationID: s, Events: s, Passports: s},
		Targets: []document.Target{{
			User: s, Host: "pbx.example.com", Headers: []document.Header{{Name: "X-Hostile", Value: s}, {Name: "X-Ok", Value: "1"}}, UUI: document.UUI{Data: s, Encoding: "text"},
			Username: s, Password: s, URL: s, Method: s, StatusCallback: s, StatusCallbackEvent: []string{s},
			StatusCallbackMethod: s, MachineDetection: s, MachineDetectionTimeout: 12, AMDStatusCallback: s, AMDStatusCallbackMethod: s,
			URIs: []document.SipURI{
				// sameXML rejects a raw line break or tab anywhere in a
				// library's XML, for attributes' sake; a text keeps them
				// raw, as XML allows, so the <Uri> text goes without.
				{URI: "sip:u@pbx.example.com;x=" + strings.NewReplacer("\r", "", "\n", "", "\t", "").Replace(s), Priority: s, Weight: s, Username: s, Password: s},
				{URI: "sip:v@pbx.example.com", Password: s + "2"},
			},
			HeaderElements: []document.Header{{Name: "X-Hostile", Value: s}, {Name: s, Value: "name"}},
		}},
		REST: document.REST{TwiML: s},
	}
}
