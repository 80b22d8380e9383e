// Package session is one Diagnose session of the page's worker
// (diagnoseworker): the evidence given so far (the pasted text, the files
// read a slice at a time) and the report on it against a document, as the
// JSON the page's Diagnose panel reads (package diagnosis's types). It is plain Go, with no browser in
// it, so that what the worker does is tested natively; the worker only
// wires it to its messages (docs/diagnose.md, "The Diagnose worker").
package session

import (
	"encoding/json"
	"fmt"
	"strings"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/capture"
	"sipcompose/sipcompose/diagnose"
	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/evidence"
)

// ChunkSize is how much of a capture is read at a time: each slice is
// one progress message, about 6 ms of Reader.Write in WebAssembly
// (BENCHMARKS.md, "Diagnose in the page").
const ChunkSize = 256 << 10

// PastedName is how the report names the pasted text.
const PastedName = "pasted text"

// Session is the evidence given so far. The zero Session has none.
type Session struct {
	text  string
	files []file
	// ev is read from text and files; read says whether it still is.
	ev   evidence.Evidence
	read bool
}

// file is one file read: text as read, or a capture.
type file struct {
	name    string
	text    []byte
	capture *capture.Capture
}

// Progress is how far the reading of a file has come.
type Progress struct {
	Name  string `json:"name"`
	Done  int64  `json:"done"`
	Total int64  `json:"total"`
	// Text: the file is no capture, and is read whole, in one piece.
	Text bool `json:"text"`
}

// SetText makes text the paste, read at the next check.
func (s *Session) SetText(text string) {
	s.text = text
	s.read = false
}

// Clear forgets all the evidence.
func (s *Session) Clear() { *s = Session{} }

// ReadFile adds a file of size bytes to the evidence. slice reads bytes
// [from, to) of it; progress is told after each slice of a capture. A
// capture is read a slice at a time through a capture.Reader, and a
// corrupt one up to the corruption (its Problems say what went wrong);
// any other file is text, read whole up to one byte past what package
// evidence reads, so that it says the text is too large rather than
// reading a part as if whole. An error from slice (the browser could not
// read the file) leaves the evidence as it was.
func (s *Session) ReadFile(name string, size int64, slice func(from, to int64) ([]byte, error), progress func(Progress)) error {
	data, err := slice(0, min(size, ChunkSize))
	if err != nil {
		return err
	}
	if !capture.IsCapture(data) {
		if int64(len(data)) < size {
			progress(Progress{Name: name, Total: size, Text: true})
			if data, err = slice(0, min(size, evidence.MaxText+1)); err != nil {
				return err
			}
		}
		s.add(file{name: name, text: data})
		return nil
	}
	r := capture.NewReader()
	for pos := int64(0); ; {
		_, werr := r.Write(data)
		pos += int64(len(data))
		if werr != nil || pos >= size || len(data) == 0 {
			c := r.Close()
			if werr != nil && len(c.Problems) == 0 {
				c.Problems = append(c.Problems, werr.Error())
			}
			s.add(file{name: name, capture: &c})
			return nil
		}
		progress(Progress{Name: name, Done: pos, Total: size})
		if data, err = slice(pos, min(pos+ChunkSize, size)); err != nil {
			return err
		}
	}
}

func (s *Session) add(f file) {
	s.files = append(s.files, f)
	s.read = false
}

// Check reads the evidence again if it changed and checks it against doc
// (nil: Twilio's facts alone); nil when there is no evidence.
func (s *Session) Check(doc *sipcompose.Document) *diagnose.Report {
	if strings.TrimSpace(s.text) == "" && len(s.files) == 0 {
		return nil
	}
	if !s.read {
		s.ev = evidence.Evidence{}
		if strings.TrimSpace(s.text) != "" {
			s.ev.Add(evidence.Input{Name: PastedName, Data: []byte(s.text)})
		}
		for _, f := range s.files {
			if f.capture != nil {
				s.ev.AddCapture(f.name, *f.capture)
			} else {
				s.ev.Add(evidence.Input{Name: f.name, Data: f.text})
			}
		}
		s.read = true
	}
	rep := diagnose.Check(s.ev, doc)
	return &rep
}

// CheckJSON is Check for the worker's messages: doc is the document's
// JSON (document.Encode), or empty for none; the answer is the report's
// JSON (package diagnosis's types), null when there is no evidence.
func (s *Session) CheckJSON(doc []byte) ([]byte, error) {
	var against *sipcompose.Document
	if len(doc) > 0 {
		d, err := document.Decode(doc)
		if err != nil {
			return nil, fmt.Errorf("the document sent to Diagnose does not read: %w", err)
		}
		against = &d
	}
	return json.Marshal(s.Check(against))
}
