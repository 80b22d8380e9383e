// The files below are go-app v9.8.0's as sipcompose's wasm build has them
// (tools/goappwasm copies go-app and puts them in place). They compile only
// in that copy: this go.mod keeps the go command's ./... off them.
module sipcompose/third_party/goapp-wasm

go 1.26
