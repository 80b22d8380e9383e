package app

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"sipcompose/sipcompose"
)

func TestShareFragmentRoundTrip(t *testing.T) {
	doc := exampleDocument()
	doc.Targets[0].Username, doc.Targets[0].Password = "trunk", "hunter2"
	frag := shareFragment(doc)
	if !strings.HasPrefix(frag, "doc=") || strings.ContainsAny(strings.TrimPrefix(frag, "doc="), "+/=#&?") {
		t.Fatalf("fragment %q is not URL-safe base64 after doc=", frag)
	}
	got, err := readShareFragment("#" + frag)
	if err != nil {
		t.Fatal(err)
	}
	want := sipcompose.WithoutSecrets(doc)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got.Targets[0].Password != "" || strings.Contains(string(compactDocument(doc)), "hunter2") {
		t.Error("the password travels in the link")
	}
}

func TestReadShareFragmentErrors(t *testing.T) {
	tests := []struct{ frag, want string }{
		{"", "no shared document"},
		{"#section-2", "no shared document"},
		{"#doc=@@@", "the share link is damaged"},
		{"#doc=" + "eyJ0YXJnZXRzIjpb", "does not hold a document this page can read"}, // {"targets":[ cut short
		{"#doc=eyJob3RzIjoxfQ", "does not hold a document this page can read"},        // {"hots":1}
		{"#doc=_w", "does not hold a document this page can read"},                    // the byte 0xff
	}
	for _, tc := range tests {
		if _, err := readShareFragment(tc.frag); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("readShareFragment(%q) = %v, want %q", tc.frag, err, tc.want)
		}
	}
}

func TestReadDraft(t *testing.T) {
	doc, err := readDraft(compactDocument(exampleDocument()))
	if err != nil || !reflect.DeepEqual(doc, exampleDocument()) {
		t.Errorf("draft round trip: %v %+v", err, doc)
	}
	if _, err := readDraft([]byte(`{"targets": 5}`)); err == nil || !strings.HasPrefix(err.Error(), "the saved draft could not be read") {
		t.Errorf("corrupt draft: %v", err)
	}
}

func TestExampleDocumentIsClean(t *testing.T) {
	for _, d := range sipcompose.Validate(exampleDocument()) {
		t.Errorf("the first-visit example has a diagnostic: %+v", d)
	}
}

// compactDocument is EncodeDocument's JSON compacted, byte for byte.
func TestCompactDocumentIsEncodeDocumentCompacted(t *testing.T) {
	hostile := exampleDocument()
	hostile.Targets[0].Headers[0].Value = "<&>\"\\\u2028\x00é" + strings.Repeat("v", 1000)
	hostile.Targets[0].Password = "hunter2"
	for _, doc := range []sipcompose.Document{exampleDocument(), blankDocument(), {}, hostile} {
		var want bytes.Buffer
		if err := json.Compact(&want, sipcompose.EncodeDocument(sipcompose.WithoutSecrets(doc))); err != nil {
			t.Fatal(err)
		}
		if got := compactDocument(doc); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("compactDocument:\n%s\nwant\n%s", got, want.Bytes())
		}
	}
}

// TestIsBlank: a blank form is blank until anything is filled in; empty
// header rows fill nothing.
func TestIsBlank(t *testing.T) {
	if !isBlank(blankDocument()) || !isBlank(sipcompose.Document{Targets: []sipcompose.Target{{}}}) {
		t.Error("the blank form is not blank")
	}
	touched := []func(*sipcompose.Document){
		func(d *sipcompose.Document) { d.Targets[0].User = "a" },
		func(d *sipcompose.Document) { d.Targets[0].Headers[0].Name = "X-A" },
		func(d *sipcompose.Document) { d.Targets[0].Transport = "tls" },
		func(d *sipcompose.Document) { d.Dial.CallerID = "+1" },
		func(d *sipcompose.Document) { d.Targets = append(d.Targets, sipcompose.Target{}) },
		func(d *sipcompose.Document) { d.Encoding = sipcompose.EncodingCompact },
		func(d *sipcompose.Document) { d.REST.URL = "https://example.com" },
	}
	for i, touch := range touched {
		d := blankDocument()
		touch(&d)
		if isBlank(d) {
			t.Errorf("change %d leaves the form blank: %+v", i, d)
		}
	}
	if isBlank(exampleDocument()) {
		t.Error("the example is blank")
	}
}
