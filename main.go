//go:build !wasm

// Command sipcompose is the composer's CLI and its static server (package
// cli). The same module compiled to WebAssembly is the PWA (main_wasm.go).
package main

import (
	"os"

	"sipcompose/app"
	"sipcompose/cli"
)

func main() {
	app.Register()
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, embeddedSite()))
}
