//go:build !wasm

package cli

import (
	"os"
	"testing"

	"sipcompose/app"
)

// TestMain registers the routes as main does, so the CLI under test
// exports and serves the real pages.
func TestMain(m *testing.M) {
	app.Register()
	os.Exit(m.Run())
}
