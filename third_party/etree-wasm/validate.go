package etree

import (
	"errors"
	"io"
)

// validateXML stands for upstream's in sipcompose's wasm build
// (tools/goappwasm). Upstream's decodes the whole input with
// encoding/xml's reflection-based Decode, which linked about 17 KB brotli
// of encoding/xml into app.wasm although the page never sets
// ReadSettings.ValidateInput, the only way to reach it. Should anything
// set it, the read fails and says why, rather than skip the check.
func validateXML(r io.Reader, settings ReadSettings) error {
	return errors.New("etree: ReadSettings.ValidateInput is left out of sipcompose's wasm build (tools/goappwasm)")
}
