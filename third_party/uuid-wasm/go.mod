// sipcompose's wasm build replaces github.com/google/uuid with this module
// (tools/goappwasm): see uuid.go.
module github.com/google/uuid

go 1.26
