//go:build !wasm

package cli

import (
	"fmt"
	"io"

	"sipcompose/sipcompose"
)

// readDocument reads the document a -doc flag names; the error is one
// line that names the file.
func readDocument(path string) (sipcompose.Document, error) {
	data, err := readFileLimited(path)
	if err == nil && len(data) > maxInput {
		err = fmt.Errorf("%s: larger than %d bytes", path, maxInput)
	}
	if err != nil {
		return sipcompose.Document{}, err
	}
	doc, err := sipcompose.DecodeDocument(data)
	if err != nil {
		return doc, fmt.Errorf("%s:%s", path, err)
	}
	return doc, nil
}

// textOrJSON checks a -format flag of the commands that print a report
// as text or JSON, and says so when it is neither.
func textOrJSON(format string, stderr io.Writer) bool {
	if format != "text" && format != "json" {
		fmt.Fprintf(stderr, "sipcompose: unknown format %q: use text or json\n", format)
		return false
	}
	return true
}
