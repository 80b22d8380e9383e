package session

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/diagnosis"
	"sipcompose/sipcompose/document"
)

var live = filepath.Join("..", "..", "sipcompose", "diagnose", "testdata", "live")

func readLive(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(live, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sliced reads b as the worker reads a File, counting the slices asked for.
func sliced(b []byte, asked *int) func(from, to int64) ([]byte, error) {
	return func(from, to int64) ([]byte, error) {
		*asked++
		return b[from:to], nil
	}
}

// TestSession: a paste, then a capture and junk picked, each checked
// against a document and without one, as the panel asks.
func TestSession(t *testing.T) {
	doc := sipcompose.Document{Targets: []sipcompose.Target{{User: "+14158675309", Host: "pbx.example.com"}}}
	var s Session
	if r := s.Check(&doc); r != nil {
		t.Fatalf("no evidence: %+v", r)
	}

	s.SetText("32011")
	r := s.Check(nil)
	if len(r.Codes) != 1 || r.Codes[0].Number != 32011 || r.Read[0].Source != PastedName || !r.Readable() {
		t.Errorf("32011: %+v", r)
	}

	s.SetText(string(readLive(t, "challenge-407.txt")))
	if f := s.Check(&doc).Findings; len(f) == 0 || f[0].Code != "auth-challenge-no-credentials" || f[0].Field != "targets[0].username" {
		t.Errorf("407: findings %+v", f)
	}
	edited := doc.Clone()
	edited.Targets[0].Username, edited.Targets[0].Password = "trunk", "secret"
	// With credentials, the document is not what Twilio ran.
	if f := s.Check(&edited).Findings; len(f) == 0 || !strings.Contains(f[0].Message, "The document's target has a username") {
		t.Errorf("407 against a document with credentials: findings %+v", f)
	}

	pcap := readLive(t, "forbidden-403.pcap")
	var asked int
	var progress []Progress
	if err := s.ReadFile("forbidden-403.pcap", int64(len(pcap)), sliced(pcap, &asked), func(p Progress) { progress = append(progress, p) }); err != nil {
		t.Fatal(err)
	}
	if err := s.ReadFile("junk.bin", 3, sliced([]byte{0, 1, 2}, &asked), func(p Progress) { progress = append(progress, p) }); err != nil {
		t.Fatal(err)
	}
	r = s.Check(&edited)
	var read []string
	for _, it := range r.Read {
		read = append(read, it.Source+": "+strings.Join(it.Kinds, ", ")+strings.Join(it.Problems, ", "))
	}
	if got := strings.Join(read, "\n"); !strings.Contains(got, "forbidden-403.pcap: capture: pcap") || !strings.Contains(got, "junk.bin: binary data") {
		t.Errorf("read:\n%s", got)
	}
	if !r.Has("auth-rejected") || !r.Readable() {
		t.Errorf("the capture's 403 is not auth-rejected: %s", r.Text())
	}
	if asked != 2 || len(progress) != 0 {
		t.Errorf("two small files: %d slices read, progress %+v", asked, progress)
	}

	s.Clear()
	if r := s.Check(&doc); r != nil {
		t.Error("cleared, there is still a report")
	}
}

// TestReadFileInSlices: a capture larger than a slice is read a slice at
// a time with its progress; a large text file whole, said once; a slice
// the browser cannot read leaves the evidence as it was.
func TestReadFileInSlices(t *testing.T) {
	one := readLive(t, "healthy.pcap")
	// Several copies of the recorded call, packets only after the first
	// file header: a capture of more than three slices.
	big := bytes.Clone(one)
	for len(big) < 3*ChunkSize+1000 {
		big = append(big, one[24:]...)
	}
	var s Session
	var asked int
	var progress []Progress
	if err := s.ReadFile("big.pcap", int64(len(big)), sliced(big, &asked), func(p Progress) { progress = append(progress, p) }); err != nil {
		t.Fatal(err)
	}
	if asked != 4 || len(progress) != 3 || progress[2] != (Progress{Name: "big.pcap", Done: 3 * ChunkSize, Total: int64(len(big))}) {
		t.Errorf("%d slices, progress %+v", asked, progress)
	}
	if r := s.Check(nil); !strings.Contains(strings.Join(r.Read[0].Kinds, ";"), "capture: pcap") || len(r.Read[0].Problems) > 0 {
		t.Errorf("big.pcap: %+v", r.Read)
	}

	text := bytes.Repeat([]byte("SIP/2.0 407 Proxy Authentication Required\n"), ChunkSize/20)
	progress = nil
	if err := s.ReadFile("log.txt", int64(len(text)), sliced(text, &asked), func(p Progress) { progress = append(progress, p) }); err != nil {
		t.Fatal(err)
	}
	if len(progress) != 1 || !progress[0].Text || progress[0].Total != int64(len(text)) {
		t.Errorf("a large text file: progress %+v", progress)
	}

	before := s.Check(nil).Text()
	refused := errors.New("NotReadableError")
	failing := func(from, to int64) ([]byte, error) {
		if from > 0 {
			return nil, refused
		}
		return big[from:to], nil
	}
	if err := s.ReadFile("gone.pcap", int64(len(big)), failing, func(Progress) {}); !errors.Is(err, refused) {
		t.Errorf("a file the browser cannot read: %v", err)
	}
	if after := s.Check(nil).Text(); after != before {
		t.Errorf("a file that did not read changed the evidence:\n%s", after)
	}
}

// TestCheckJSON: the worker's check reads the document as the page
// encodes it, password included, and answers Reply's JSON; a document
// that does not read is an error, not a report against nothing.
func TestCheckJSON(t *testing.T) {
	var s Session
	s.SetText(string(readLive(t, "challenge-407.txt")))
	doc := sipcompose.Document{Targets: []sipcompose.Target{{User: "+14158675309", Host: "pbx.example.com", Username: "trunk", Password: "secret"}}}
	out, err := s.CheckJSON(document.Encode(doc))
	if err != nil {
		t.Fatal(err)
	}
	var r diagnosis.Report
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Text(), "The document's target has a username") || !strings.Contains(r.Against, "document") {
		t.Errorf("against a document with credentials: %s", out)
	}
	if out, err = s.CheckJSON(nil); err != nil || !strings.Contains(string(out), "auth-challenge-no-credentials") || strings.Contains(string(out), "The document's target has a username") {
		t.Errorf("against Twilio's facts alone: %s %v", out, err)
	}
	if _, err := s.CheckJSON([]byte(`{"targets": 3}`)); err == nil {
		t.Error("a document that does not read gave a report")
	}
	s.Clear()
	if out, err := s.CheckJSON(nil); err != nil || string(out) != "null" {
		t.Errorf("no evidence: %s %v", out, err)
	}
}
