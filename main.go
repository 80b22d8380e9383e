//go:build !wasm

// Command sipcompose is the composer's CLI and its static server. The same
// module compiled to WebAssembly is the PWA (main_wasm.go).
package main

import (
	"os"

	"sipcompose/app"
)

func main() {
	app.Register()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
