package sipcompose

import (
	"strings"
	"testing"

	"sipcompose/sipcompose/sipuri"
)

// binValues are values a TwiML Bin could fill template tags with: To and
// From as a call from a phone has them, any other parameter a word.
var binValues = map[string]string{"To": "+14155551212", "Called": "+14155551212", "From": "+14155550100", "Caller": "+14155550100"}

func binValue(name string) string {
	if v, ok := binValues[name]; ok {
		return v
	}
	return "sample42"
}

// binFilled is s with its template tags filled as a Bin fills them.
func binFilled(s string) string { return sipuri.Fill(s, binValue) }

// binFilledTarget is t with the template tags of its URI's parts filled.
func binFilledTarget(t Target) Target {
	t.User, t.Host, t.UUI.Data = binFilled(t.User), binFilled(t.Host), binFilled(t.UUI.Data)
	t.Headers, t.HeaderElements = binFilledRows(t.Headers), binFilledRows(t.HeaderElements)
	return t
}

func binFilledRows(rows []Header) []Header {
	out := make([]Header, len(rows))
	for i, h := range rows {
		out[i] = Header{Name: binFilled(h.Name), Value: binFilled(h.Value)}
	}
	return out
}

// templated are documents as TwiML Bins hold them.
var templated = map[string]Document{
	"to in the user part": {Targets: []Target{{User: "{{To}}", Host: "pbx.example.com"}}},
	"e164 of To, headers from the request": {Dial: Dial{CallerID: "{{#e164}}{{From}}{{/e164}}"}, Targets: []Target{{
		User: "{{#e164}}{{To}}{{/e164}}", Host: "pbx.example.com", Transport: "tls", Edge: "dublin",
		Headers:        []Header{{Name: "X-Case", Value: "{{Case}}"}, {Name: "X-From", Value: "{{From}}"}, {Name: "X-Mixed", Value: "case {{ Case }}!"}},
		HeaderElements: []Header{{Name: "X-Element", Value: "{{Case}}"}},
		UUI:            UUI{Data: "{{UUI}}"},
	}}},
	"a host and a header name": {Targets: []Target{{User: "alice", Host: "{{Host}}.example.com", Port: 5070, Headers: []Header{{Name: "X-{{Name}}", Value: "1"}}}}},
	"several targets":          {Targets: []Target{{User: "{{To}}", Host: "a.example.com"}, {User: "bob", Host: "b.example.com", Headers: []Header{{Name: "X-A", Value: "{{Case}}"}}}}},
}

// A templated document's outputs keep every tag as typed, and once filled
// as a Bin fills them, every URI and INVITE preview reads back with sipgo.
func TestTemplatedDocuments(t *testing.T) {
	for name, doc := range templated {
		t.Run(name, func(t *testing.T) {
			r := Compose(doc)
			for _, tag := range []string{"{{To}}", "{{#e164}}{{To}}{{/e164}}", "{{Case}}", "{{ Case }}", "{{Host}}", "{{Name}}", "{{UUI}}", "{{#e164}}{{From}}{{/e164}}"} {
				in := strings.Contains(string(EncodeDocument(doc)), tag)
				if in != strings.Contains(r.TwiML, tag) || in != strings.Contains(r.Curl, tag) {
					t.Errorf("%s: in the document %v, in the TwiML %v, in curl %v", tag, in, strings.Contains(r.TwiML, tag), strings.Contains(r.Curl, tag))
				}
			}
			if strings.Contains(r.TwiML, "%7B") || strings.Contains(r.Curl, "%7B") {
				t.Errorf("a tag was percent-encoded:\n%s\n%s", r.TwiML, r.Curl)
			}
			if !strings.Contains(r.Curl, "# Not as is: ") {
				t.Errorf("the curl form does not say it sends the tags as written:\n%s", r.Curl)
			}
			for i, tg := range doc.Targets {
				oracleCheck(t, tg, r.URIs[i])
				inviteCheck(t, tg, r.Invites[i], sentHeaders(tg))
				if !strings.Contains(strings.Join(r.Invites[i].Notes, " "), "TwiML Bin template tags, shown as typed") {
					t.Errorf("preview %d says nothing of its tags: %q", i, r.Invites[i].Notes)
				}
			}
			// Imported back, the TwiML is the same byte for byte.
			again, _ := Parse(r.TwiML)
			if Compose(again).TwiML != r.TwiML {
				t.Errorf("round trip:\n%s\n%s", r.TwiML, Compose(again).TwiML)
			}
		})
	}
}
