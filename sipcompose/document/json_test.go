package document_test

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/composetest"
)

func TestDocumentJSONRoundTrip(t *testing.T) {
	for i, d := range composetest.RoundTripDocs() {
		got, err := document.Decode(document.Encode(d))
		if err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, d) {
			t.Errorf("document %d: got %+v, want %+v", i, got, d)
		}
	}
}

func TestEncodeDocumentOmitsEmpty(t *testing.T) {
	got := string(document.Encode(document.Document{Targets: []document.Target{{Host: "h.example.com"}}}))
	want := "{\n  \"dial\": {},\n  \"targets\": [\n    {\n      \"host\": \"h.example.com\"\n    }\n  ]\n}\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestDecodeDocumentErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "1:1: the document is empty"},
		{" \n\t", "1:1: the document is empty"},
		{"{\"targets\":[{\"hots\":\"x\"}]}", `unknown field "hots"`},
		{"{\"targets\":[{\"host\":1}]}", "1:21: targets.host must be a string, not number"},
		{"{\"dial\":{\"timeout\":\"30\"}}", "1:20: dial.timeout must be a whole number, not string"},
		{"{\"dial\":{\"callerId\":\"a\\\"b\\\\\"}, \"targets\": 1}", "1:43: targets must be a list, not number"},
		{"{\"targets\":[{\"port\":-1.5e3}]}", "1:21: targets.port must be a whole number, not number -1.5e3"},
		{"{\"targets\":[{\"host\":{\"a\":1}}]}", "1:21: targets.host must be a string, not object"},
		{"{\"dial\":{\"callerId\":\"x\\\"y\", \"timeout\":\"a\\\"b\"}}", "1:39: dial.timeout must be a whole number, not string"},
		{"{\"dial\":{\"sequential\":\"yes\"}}", "dial.sequential must be true or false, not string"},
		{"{\"targets\":{}}", "targets must be a list, not object"},
		{"{\n  \"targets\": [\n    {\"host\" \"x\"}\n  ]\n}", "3:13: invalid character"},
		{"{\"targets\": [", "the document ends too early"},
		{"{} []", "1:4: unexpected data after the document"},
		{"{}\n\n  x", "3:3: unexpected data after the document"},
		{"null", "1:1: the document is null"},
		{"[]", "1:1: the document must be an object, not array"},
		{"{\n  \"targets\": [\n    {\"host\": \"x\",\n     \"hots\": 1}]}", "4:6: unknown field \"hots\""},
		{"{\"targets\":[{\"host\":\"é\", \"x\":1}]}", "1:26: unknown field \"x\""},
		{"{\"dial\":{\"callerId\":\"é\xff\"}}", "1:23: not valid UTF-8"},
	}
	for _, tc := range tests {
		_, err := document.Decode([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("DecodeDocument(%q) = %v, want %q", tc.in, err, tc.want)
		}
		// The CLI prints "FILE:" before the error, so it must start with a
		// position.
		if err != nil && !regexp.MustCompile(`^\d+:\d+: `).MatchString(err.Error()) {
			t.Errorf("DecodeDocument(%q) = %v: no line:column", tc.in, err)
		}
	}
}

func TestWithoutSecrets(t *testing.T) {
	d := composetest.Full()
	clean := document.WithoutSecrets(d)
	if clean.Targets[0].Password != "" || strings.Contains(string(document.Encode(clean)), "s3cret") {
		t.Error("password kept")
	}
	clean.Targets[0].Headers[0].Value = "changed"
	if !reflect.DeepEqual(d, composetest.Full()) {
		t.Error("WithoutSecrets shares or changed its argument")
	}
}

func TestCloneIsDeep(t *testing.T) {
	d := composetest.Full()
	c := d.Clone()
	c.Targets[0].Headers[0].Value = "changed"
	c.Targets[0].StatusCallbackEvent[0] = "changed"
	c.Dial.RecordingStatusCallbackEvent[0] = "changed"
	if !reflect.DeepEqual(d, composetest.Full()) {
		t.Error("editing the clone changed the original")
	}
}

// FuzzDecodeDocument: any input is a document or an error that starts with
// a line and column inside the input; a document encodes stably.
func FuzzDecodeDocument(f *testing.F) {
	f.Add([]byte(`{"dial":{"callerId":"+1","timeout":30},"targets":[{"host":"h","headers":[{"name":"X-A","value":"1"}]}]}`))
	f.Add([]byte("{\n  \"targets\": [{\"host\": 5}]\n}"))
	f.Add([]byte(`{"targets":[{"host":"é\"\\","x":1}]} trailing`))
	f.Add([]byte("{\"dial\":{\"callerId\":\"\xff\"}}"))
	f.Add([]byte(`null`))
	position := regexp.MustCompile(`^(\d+):(\d+): `)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := document.Decode(data)
		if err != nil {
			m := position.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("error without a position: %v", err)
			}
			line, _ := strconv.Atoi(m[1])
			col, _ := strconv.Atoi(m[2])
			lines := strings.Split(string(data), "\n")
			if line < 1 || line > len(lines) || col < 1 || col > utf8.RuneCountInString(lines[line-1])+1 {
				t.Fatalf("position %d:%d outside the input: %v", line, col, err)
			}
			return
		}
		first := document.Encode(doc)
		again, err := document.Decode(first)
		if err != nil {
			t.Fatalf("encoded document does not decode: %v\n%s", err, first)
		}
		if second := document.Encode(again); string(second) != string(first) {
			t.Fatalf("encode is not stable:\n%s\nthen\n%s", first, second)
		}
	})
}

// The <Uri> children and <Header> elements are cloned and cleared too.
func TestSipChildrenSecretsAndClone(t *testing.T) {
	d := composetest.URIDocument()
	if strings.Contains(string(document.Encode(document.WithoutSecrets(d))), "p1") {
		t.Error("a <Uri> password was kept")
	}
	c := d.Clone()
	c.Targets[0].URIs[0].URI = "changed"
	c.Targets[0].HeaderElements[0].Value = "changed"
	if !reflect.DeepEqual(d, composetest.URIDocument()) {
		t.Error("editing the clone changed the original")
	}
}
