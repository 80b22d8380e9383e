//go:build !wasm && embedsite

package main

import (
	"embed"
	"io/fs"
)

// site is the export made by `make build`, built in so one binary serves
// the whole PWA.
//
//go:embed all:dist
var builtSite embed.FS

func embeddedSite() (fs.FS, bool) {
	sub, err := fs.Sub(builtSite, "dist")
	return sub, err == nil
}
