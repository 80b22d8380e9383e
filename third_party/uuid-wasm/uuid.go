// Package uuid is what go-app v9.8.0's browser code calls of
// github.com/google/uuid, for sipcompose's wasm build only (see
// tools/goappwasm and docs/development.md, "app.wasm's size"): NewString, a random
// (version 4) UUID. go-app names a tab's state store and a device with it, an
// identifier and never a secret. The real package brings crypto/rand, MD5,
// SHA-1 and database/sql/driver into app.wasm, with their start-up work; this
// one draws its bits from math/rand/v2, which the Go runtime seeds from the
// browser's crypto.getRandomValues. A go-app upgrade that calls anything else
// of the package stops the wasm build at compile time.
package uuid

import "math/rand/v2"

// NewString returns a random UUID in its 36-character form,
// xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx (RFC 9562, version 4).
func NewString() string {
	var u [16]byte
	for i := range u {
		u[i] = byte(rand.Uint32())
	}
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // the RFC's variant
	const digits = "0123456789abcdef"
	s := make([]byte, 0, 36)
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			s = append(s, '-')
		}
		s = append(s, digits[c>>4], digits[c&0xf])
	}
	return string(s)
}
