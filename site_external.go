//go:build !wasm && !embedsite

package main

import "io/fs"

// embeddedSite has nothing to offer in a plain `go build`: the site is only
// built in with -tags embedsite, after `make build` has exported it.
func embeddedSite() fs.FS { return nil }
