//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"sipcompose/browsertest"
	"sipcompose/sipcompose"
)

// A person builds a target the way Twilio's helper libraries write one:
// <Uri> children, a <Header> element, and the compact encoding asked for.
func TestUriChildrenAndHeaderElements(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	clearExample(s)
	s.Fill("Host", "")
	openDetails(s)
	s.Click("Add <Uri>", 0)
	s.WaitEval(`() => document.activeElement.id`, "t0-u0-uri")
	s.Fill("URI", "sip:alice@pbx.example.com;edge=dublin")
	s.Fill("Priority", "1")
	s.Fill("Weight", "10")
	s.Click("Add <Header> element", 0)
	s.WaitEval(`() => document.activeElement.id`, "t0-he0-name")
	s.FillNth("Header name", 0, "X-Case", false)
	s.FillNth("Header value", 0, "a-b 42", false)
	s.SetChecked("Compact header encoding: keep - . _ ~ in header values as they are", 0, true)
	doc := sipcompose.Document{
		Dial:     sipcompose.Dial{CallerID: "+14155550100", AnswerOnBridge: true},
		Encoding: sipcompose.EncodingCompact,
		Targets: []sipcompose.Target{{
			URIs:           []sipcompose.SipURI{{URI: "sip:alice@pbx.example.com;edge=dublin", Priority: "1", Weight: "10"}},
			HeaderElements: []sipcompose.Header{{Name: "X-Case", Value: "a-b 42"}},
		}},
	}
	wantPreview(t, s, doc)
	if !strings.Contains(s.TextContent("TwiML preview"), `<Uri priority="1" weight="10">sip:alice@pbx.example.com;edge=dublin</Uri>`) {
		t.Errorf("TwiML preview: %s", s.TextContent("TwiML preview"))
	}
	if got := s.TextContent("SIP URI"); got != "sip:alice@pbx.example.com;edge=dublin" {
		t.Errorf("SIP URI panel: %q", got)
	}
	s.NoConsoleErrors()
}
