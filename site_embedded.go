//go:build !wasm && embedsite

package main

import (
	"embed"
	"io/fs"
)

// builtSite is the export made by `make build` (./dist), built in so one
// binary serves the whole PWA. It lives in the root package, beside main,
// because //go:embed reads only its own folder and below: from cli/ it
// could not reach ./dist, and exporting into cli/ would put a build
// artefact inside a source package.
//
//go:embed all:dist
var builtSite embed.FS

func embeddedSite() fs.FS {
	sub, err := fs.Sub(builtSite, "dist")
	if err != nil {
		return nil
	}
	return sub
}
