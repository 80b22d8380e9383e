//go:build !wasm

package main

import (
	"fmt"
	"io"
)

// Placeholder until the foundation lands (issue 2).
func cmdServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "sipcompose: serve is not built yet")
	return 1
}

func cmdExport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "sipcompose: export is not built yet")
	return 1
}
