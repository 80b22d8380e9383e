//go:build !linux && !wasm

package static

import (
	"errors"
	"os"
)

// newSnapshot is Linux only; elsewhere large bodies are written from memory.
func newSnapshot() (*os.File, string, error) {
	return nil, "", errors.New("no in-memory file on this system")
}
