//go:build !wasm

package e2e

import (
	"testing"

	"sipcompose/browsertest"
)

// TestEveryURLOpensOffline: with the server gone, any URL of the app's
// scope (a query string, /index.html) opens the working page.
func TestEveryURLOpensOffline(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.WaitServiceWorker()
	s.Reload()
	s.StopServer()
	for _, path := range []string{"/?utm=x", "/index.html", "/#section"} {
		s.Open(path)
		s.Fill("Host", "offline.example.com")
		s.WaitTextContains("TwiML preview", "offline.example.com")
	}
	s.NoConsoleErrors()
}
