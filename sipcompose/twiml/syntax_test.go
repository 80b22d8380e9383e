package twiml

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
)

// Malformed XML is refused in plain words, at the line and column (in
// characters) of the character at fault.
func TestParseXMLErrorPositions(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"end tag misspelled", "<Response>\n  <Dial><Sip>sip:a@b</Sip>\n</Dail></Response>",
			"Line 3, column 1: </Dail> does not close <Dial>, which is opened at line 2, column 3."},
		{"end tag in the wrong case", "<Response><Dial><Sip>sip:a@b</sip></Dial></Response>",
			"Line 1, column 29: </sip> does not close <Sip>, which is opened at line 1, column 17 (TwiML names are case-sensitive)."},
		{"element never closed", "<Response>\n  <Dial>\n    <Sip>sip:a@b</Sip>\n",
			"Line 2, column 3: <Dial> is opened here and never closed: the text ends before </Dial>."},
		{"end tag closing nothing", "<Response/>\n</Response>", "Line 2, column 1: </Response> closes no open element."},
		{"tag never closed", "<Response><Dial timeout=\"5\"", "Line 1, column 11: The tag <Dial is never closed with >."},
		{"unquoted value", "<Response>\n<Dial timeout=30>", "Line 2, column 15: The value of timeout in <Dial> is not in quotes"},
		{"attribute without a value", "<Response>\n\t<Dial answerOnBridge>", "Line 2, column 8: Attribute answerOnBridge of <Dial> has no value"},
		{"attributes without a space", `<Response><Dial timeout="5"callerId="x"/></Response>`, "Line 1, column 28: Unexpected 'c' in the tag <Dial>"},
		{"a character no name holds", `<Response><Di$al/></Response>`, "Line 1, column 14: Unexpected '$' in the tag <Di>"},
		{"an & inside a tag", `<Response><Sip&x/></Response>`, "Line 1, column 15: Unexpected '&' in the tag <Sip>"},
		{"a < in text", "<Response>\n<Say>1 < 2</Say></Response>", "Line 2, column 8: A < that starts no tag"},
		{"a tag name starting with a digit", "<Response><1Dial/></Response>", "Line 1, column 11: A < that starts no tag"},
		{"a < in an attribute value", `<Response><Dial action="/a<b"/></Response>`, "Line 1, column 27: A < in the value of action in <Dial>"},
		{"a value never closed", `<Response><Dial><Sip url="/a>sip:a@b</Sip></Dial></Response>`, "Line 1, column 37: A < in the value of url in <Sip>: if it belongs there, write it as &lt;; if not, the value's closing \" is missing."},
		{"a value never closed at the end", `<Response><Dial action="/a`, "Line 1, column 24: The value of action in <Dial> is never closed"},
		{"an entity XML does not know", "<Response><Say>a&nbsp;b</Say></Response>", "Line 1, column 17: &nbsp; is not an entity XML knows"},
		{"a character reference to NUL", "<Response><Say>&#0;</Say></Response>", "Line 1, column 16: &#0; stands for a character XML cannot hold"},
		{"a control character", "<Response><Say>a\x01</Say></Response>", "Line 1, column 17: A control character (U+0001)"},
		{"not UTF-8", "<Response><Say>\xff</Say></Response>", "Line 1, column 16: This is not UTF-8 text"},
		{"]]> in text", "<Response><Say>a]]>b</Say></Response>", "Line 1, column 17: ]]> may not appear in text"},
		{"a comment never closed", "<Response><!-- note </Response>", "Line 1, column 11: A comment (<!--) is never closed"},
		{"-- in a comment", "<Response><!-- a -- b --></Response>", "Line 1, column 18: A comment may not hold --"},
		{"CDATA never closed", "<Response><Dial><Sip><![CDATA[sip:a@b</Sip>", "Line 1, column 22: A <![CDATA[ section is never closed"},
		{"an instruction never closed", "<?xml version=\"1.0\"\n<Response/>", "Line 1, column 1: A <? … instruction is never closed"},
		{"columns count characters, not bytes", "<Response><Say>é ü 📞</Say>\n<Dial>é</Dail></Response>", "Line 2, column 8: </Dail> does not close <Dial>, which is opened at line 2, column 1."},
		{"CRLF line ends", "<Response>\r\n<Dial>\r\n</Dail>", "Line 3, column 1: </Dail> does not close <Dial>"},
		{"left to encoding/xml: its XML version", "<?xml version=\"2.0\"?><Response/>", "Line 1, column"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, diags := Parse(tc.in)
			if len(diags) != 1 || diags[0].Code != "parse-xml" || !strings.HasPrefix(diags[0].Message, tc.want) {
				t.Fatalf("got %+v\nwant one parse-xml starting %q", diags, tc.want)
			}
			if len(Unreadable(diags)) != 1 || len(doc.Targets) != 0 {
				t.Errorf("a document was imported: %+v", doc)
			}
		})
	}
}

// A raw & in text or an attribute value is read as the &amp; it was meant
// to be, with an error at the field it concerns; composing writes &amp;.
func TestParseRawAmpersand(t *testing.T) {
	tests := []struct {
		name, in string
		field    string
		phrase   string
		check    func(document.Document) bool
	}{
		{"between URI headers", `<Response><Dial><Sip>sip:alice@pbx.example.com?X-Case=42&X-Name=Bob</Sip></Dial></Response>`,
			"targets[0].headers", "Line 1, column 57: a raw & in the text of <Sip>. Twilio rejects this TwiML as sent: XML needs every & written &amp; (error 12100, document parse failure). It was read as the &amp; it was meant to be, and the TwiML composed here writes &amp;.",
			func(d document.Document) bool {
				return len(d.Targets[0].Headers) == 2 && d.Targets[0].Headers[1].Value == "Bob"
			}},
		{"three, counted once", "<Response>\n<Dial>\n  <Sip>sip:a@b?X-A=1&X-B=2&X-C=3&amp;X-D=4&X-E</Sip>\n</Dial></Response>",
			"targets[0].headers", "Line 3, column 21: 3 raw & in the text of <Sip> (the first here).",
			func(d document.Document) bool { return len(d.Targets[0].Headers) == 5 }},
		{"in a host, with no headers", `<Response><Dial><Sip>sip:a@b&c</Sip></Dial></Response>`,
			"targets[0].host", "Line 1, column 29: a raw & in the text of <Sip>.", nil},
		{"an & followed by amp without a semicolon", `<Response><Dial><Sip>sip:a@b?X-A=1&ampX-B=2</Sip></Dial></Response>`,
			"targets[0].headers", "column 35: a raw &", nil},
		{"in an attribute of <Dial>", `<Response><Dial action="/next?a=1&b=2"><Sip>sip:a@b</Sip></Dial></Response>`,
			"dial.action", "Line 1, column 34: a raw & in the value of action in <Dial>.",
			func(d document.Document) bool { return d.Dial.Action == "/next?a=1&b=2" }},
		{"in an attribute of <Sip>", `<Response><Dial><Sip statusCallback='https://h/s?a&b'>sip:a@b</Sip></Dial></Response>`,
			"targets[0].statusCallback", "a raw & in the value of statusCallback in <Sip>",
			func(d document.Document) bool { return d.Targets[0].StatusCallback == "https://h/s?a&b" }},
		{"in a <Uri>", `<Response><Dial><Sip><Uri>sip:a@b?X-A=1&X-B=2</Uri></Sip></Dial></Response>`,
			"targets[0].uris[0].uri", "a raw & in the text of <Uri>",
			func(d document.Document) bool { return d.Targets[0].URIs[0].URI == "sip:a@b?X-A=1&X-B=2" }},
		{"in a <Header> value", `<Response><Dial><Sip>sip:a@b<Headers><Header name="X-A" value="a&b"/></Headers></Sip></Dial></Response>`,
			"targets[0].headerElements[0].value", "a raw & in the value of value in <Header>",
			func(d document.Document) bool { return d.Targets[0].HeaderElements[0].Value == "a&b" }},
		{"in a verb import does not keep", `<Response><Say>Tom & Jerry</Say><Dial><Sip>sip:a@b</Sip></Dial></Response>`,
			"", "Line 1, column 20: a raw & in the text of <Say>. Twilio rejects this TwiML as sent: XML needs every & written &amp; (error 12100, document parse failure). It was read as &amp;, so that the rest could be imported.",
			func(d document.Document) bool { return d.Targets[0].Host == "b" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, diags := Parse(tc.in)
			if !composetest.HasDiag(diags, document.SeverityError, "parse-raw-ampersand", tc.field, tc.phrase) {
				t.Fatalf("no parse-raw-ampersand at %q with %q: %+v", tc.field, tc.phrase, diags)
			}
			if n := len(document.WithCodes(diags, "parse-raw-ampersand")); n != 1 {
				t.Errorf("%d parse-raw-ampersand diagnostics, want 1", n)
			}
			if len(Unreadable(diags)) > 0 {
				t.Fatalf("refused: %+v", diags)
			}
			if tc.check != nil && !tc.check(doc) {
				t.Errorf("read as %+v", doc)
			}
			// What is composed of it is well-formed, with &amp;.
			out := rendered(doc)
			composetest.WellFormed(t, out)
			if _, again := Parse(out); len(document.WithCodes(again, "parse-raw-ampersand")) > 0 {
				t.Errorf("the composed TwiML still has a raw &:\n%s", out)
			}
		})
	}
}

// The scanner refuses nothing encoding/xml (which etree reads with) takes,
// and reads no & of it as raw.
func TestSyntaxAgreesWithEncodingXML(t *testing.T) {
	for _, in := range []string{
		rendered(composetest.Full()),
		`<?xml version="1.0" encoding="ISO-8859-1"?><!DOCTYPE Response [<!ELEMENT Response ANY>]><Response xmlns:t='urn:t'><!-- note --><?pi x?><Dial t:a = 'x&amp;y' b="&#38;&#x26;&lt;&gt;&quot;&apos;"><Sip><![CDATA[sip:a@b?X=1&Y=2]]></Sip></Dial ></Response>`,
		"<Response>\r\n\t<Dial\n\ttimeout=\"5\"\r\n/></Response>",
		"<Réponse><Ñame·x.y-z_1 a\u0301b='1'/></Réponse>",
	} {
		if err := decodeAll(in); err != nil {
			t.Fatalf("encoding/xml refuses %q: %v", in, err)
		}
		if syn := readSyntax(in); syn.err != nil || len(syn.fixes) > 0 {
			t.Errorf("%q: error %+v, %d raw &", in, syn.err, len(syn.fixes))
		}
	}
}

func decodeAll(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		if _, err := d.Token(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}
