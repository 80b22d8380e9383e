//go:build !wasm

package main

import (
	"fmt"
	"io"
)

// Placeholder until the composer CLI lands (issue 3).
func cmdCompose(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "sipcompose: compose is not built yet")
	return 1
}

func cmdLint(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "sipcompose: lint is not built yet")
	return 1
}
