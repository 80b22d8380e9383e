package app

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"sipcompose/sipcompose"
)

// draftKey names the saved draft in localStorage; the version lets a
// future format move on without misreading old drafts.
const draftKey = "sipcompose.draft.v1"

// shareParam starts the URL fragment of a share link. A fragment is never
// sent to any server.
const shareParam = "doc="

// compactDocument is the document's JSON without the password and without
// indentation: what drafts and links hold, EncodeDocument's JSON
// compacted. It is encoded compact in one pass: the draft is written after
// every keystroke, and indenting then compacting a 200 KB value took
// milliseconds each time.
func compactDocument(doc sipcompose.Document) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sipcompose.WithoutSecrets(doc)); err != nil {
		// Document holds only strings, numbers, bools and slices of them.
		panic("app: encoding the document: " + err.Error())
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// shareFragment is the URL fragment (without "#") that opens doc.
func shareFragment(doc sipcompose.Document) string {
	return shareParam + base64.RawURLEncoding.EncodeToString(compactDocument(doc))
}

// errNoShare means the fragment holds no shared document.
var errNoShare = errors.New("no shared document")

// readShareFragment decodes a fragment made by shareFragment.
func readShareFragment(fragment string) (sipcompose.Document, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	if !strings.HasPrefix(fragment, shareParam) {
		return sipcompose.Document{}, errNoShare
	}
	data, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(fragment[len(shareParam):], "="))
	if err != nil {
		return sipcompose.Document{}, fmt.Errorf("the share link is damaged (it was probably cut short when pasted)")
	}
	doc, err := sipcompose.DecodeDocument(data)
	if err != nil {
		// The decoder's words (line:column, "save the file as UTF-8") are
		// for files; a link was changed or cut, whatever the byte.
		return sipcompose.Document{}, errors.New("the link does not hold a document this page can read (it was probably changed or cut short when copied)")
	}
	return doc, nil
}

// badLink is what the page says about a share link it could not open.
func badLink(err error) string {
	return "Could not open the share link: " + err.Error() + "."
}

// readDraft decodes a saved draft; raw is what localStorage held.
func readDraft(raw []byte) (sipcompose.Document, error) {
	doc, err := sipcompose.DecodeDocument(raw)
	if err != nil {
		return sipcompose.Document{}, fmt.Errorf("the saved draft could not be read (%v)", err)
	}
	return doc, nil
}

// exampleDocument is what a first visit shows: Twilio's own header example,
// so every panel has something to explain.
func exampleDocument() sipcompose.Document {
	return sipcompose.Document{
		Dial: sipcompose.Dial{CallerID: "+14155550100", AnswerOnBridge: true},
		Targets: []sipcompose.Target{{
			User: "+14158675309", Host: "pbx.example.com", Transport: "tls", Edge: "ashburn",
			Headers: []sipcompose.Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}, {Name: "X-otherHeader", Value: "true"}},
			UUI:     sipcompose.UUI{Data: "0A1B2C3D"},
		}},
	}
}

// blankDocument is an empty form: one target with nothing filled in, and
// one empty header row to fill in (a row adds nothing until it has a name).
func blankDocument() sipcompose.Document {
	return sipcompose.Document{Targets: []sipcompose.Target{{Headers: []sipcompose.Header{{}}}}}
}

// isBlank reports whether doc is a blank form nobody has filled in yet:
// one target with nothing in it but empty header rows.
func isBlank(doc sipcompose.Document) bool {
	if len(doc.Targets) != 1 || !reflect.DeepEqual(doc.Dial, sipcompose.Dial{}) || doc.Encoding != "" || doc.REST != (sipcompose.REST{}) {
		return false
	}
	t := doc.Targets[0]
	for _, h := range t.Headers {
		if h != (sipcompose.Header{}) {
			return false
		}
	}
	t.Headers = nil
	return reflect.DeepEqual(t, sipcompose.Target{})
}
