package document

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// DecodeDocument reads a Document from JSON strictly: unknown fields, wrong
// types, trailing data and syntax errors are errors that name the field or
// give the line and column, so a person can fix the file.
func Decode(data []byte) (Document, error) {
	var doc Document
	if len(bytes.TrimSpace(data)) == 0 {
		return doc, errors.New("1:1: the document is empty: expected a JSON object like {\"targets\": [{\"host\": \"pbx.example.com\"}]}")
	}
	// encoding/json would quietly turn invalid UTF-8 into U+FFFD, changing
	// a header value behind the person's back.
	if bad := invalidUTF8At(data); bad >= 0 {
		line, col := lineCol(data, int64(bad))
		return Document{}, fmt.Errorf("%d:%d: not valid UTF-8: save the file as UTF-8", line, col)
	}
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return Document{}, errors.New("1:1: the document is null: expected a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return Document{}, describeJSONError(data, dec, err)
	}
	end := dec.InputOffset()
	if rest := bytes.TrimLeft(data[end:], " \t\r\n"); len(rest) > 0 {
		line, col := lineCol(data, int64(len(data)-len(rest)))
		return Document{}, fmt.Errorf("%d:%d: unexpected data after the document", line, col)
	}
	return doc, nil
}

// invalidUTF8At is the offset of the first byte that is not valid UTF-8,
// or -1.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

func describeJSONError(data []byte, dec *json.Decoder, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		// Offset counts the offending byte; point at it, not past it.
		line, col := lineCol(data, syntax.Offset-1)
		return fmt.Errorf("%d:%d: %s", line, col, strings.TrimPrefix(syntax.Error(), "json: "))
	case errors.As(err, &typ):
		line, col := lineCol(data, valueStart(data, typ.Offset))
		field := typ.Field
		if field == "" {
			field = "the document"
		}
		return fmt.Errorf("%d:%d: %s must be %s, not %s", line, col, field, jsonKind(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		line, col := lineCol(data, int64(len(data)))
		return fmt.Errorf("%d:%d: the document ends too early (a missing } or ]?)", line, col)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.TrimPrefix(err.Error(), "json: unknown field ")
		// The decoder stops after the field's value; point at its name.
		at := dec.InputOffset()
		if i := bytes.LastIndex(data[:at], []byte(name)); i >= 0 {
			at = int64(i)
		}
		line, col := lineCol(data, at)
		return fmt.Errorf("%d:%d: unknown field %s (see docs/document-format.md)", line, col, name)
	}
	line, col := lineCol(data, dec.InputOffset())
	return fmt.Errorf("%d:%d: %s", line, col, strings.TrimPrefix(err.Error(), "json: "))
}

// valueStart finds where the value that ends at end begins: a type error's
// offset is just past a string, number or literal, or just past the
// opening bracket of an object or a list.
func valueStart(data []byte, end int64) int64 {
	if end <= 0 || end > int64(len(data)) {
		return max(0, min(end, int64(len(data))))
	}
	switch data[end-1] {
	case '{', '[':
		return end - 1
	case '"':
		for i := end - 2; i >= 0; i-- {
			if data[i] != '"' {
				continue
			}
			backslashes := int64(0)
			for j := i - 1; j >= 0 && data[j] == '\\'; j-- {
				backslashes++
			}
			if backslashes%2 == 0 {
				return i
			}
		}
		return end - 1
	}
	i := end
	for i > 0 && strings.IndexByte("+-.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", data[i-1]) >= 0 {
		i--
	}
	return i
}

// jsonKind names a Go kind the way a JSON author thinks of it.
func jsonKind(kind string) string {
	switch kind {
	case "int", "int64":
		return "a whole number"
	case "bool":
		return "true or false"
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	}
	return "a " + kind
}

// lineCol turns a byte offset into a 1-based line and column; the column
// counts characters, as editors do.
func lineCol(data []byte, offset int64) (line, col int) {
	offset = max(0, min(offset, int64(len(data))))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// EncodeDocument writes doc as indented JSON with a final newline; empty
// fields are left out, so the same document always gives the same bytes.
func Encode(doc Document) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		// Document holds only strings, numbers, bools and slices of them.
		panic("sipcompose: encoding document: " + err.Error())
	}
	return b.Bytes()
}

// WithoutSecrets is a deep copy of doc with every SIP password cleared:
// what drafts and share links store. Deep, so editing the copy's headers
// never reaches the live document.
func WithoutSecrets(doc Document) Document {
	out := doc.Clone()
	for i := range out.Targets {
		out.Targets[i].Password = ""
		for j := range out.Targets[i].URIs {
			out.Targets[i].URIs[j].Password = ""
		}
	}
	return out
}
