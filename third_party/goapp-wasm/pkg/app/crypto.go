// sipcompose's wasm build of go-app v9.8.0's pkg/app/crypto.go (see
// tools/goappwasm and docs/development.md, "app.wasm's size"). Upstream encrypts
// Context.Encrypt's values and states set with the Encrypt option with
// AES-GCM and a nonce from crypto/rand; those packages and their start-up
// self-tests cost every visitor about 40 KB of app.wasm, and sipcompose's
// page uses neither (a test in tools/goappwasm checks its code never calls
// them). Here both say so instead of encrypting.

package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/errors"
)

var errNoCrypto = errors.New("go-app's Encrypt and Decrypt are left out of sipcompose's wasm build (docs/development.md, section \"app.wasm's size\")")

func encrypt(key string, v []byte) ([]byte, error) {
	return nil, errNoCrypto
}

func decrypt(key string, v []byte) ([]byte, error) {
	return nil, errNoCrypto
}
