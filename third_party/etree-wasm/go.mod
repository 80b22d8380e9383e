// The file below joins etree v1.8.1 as sipcompose's wasm build has it
// (tools/goappwasm copies etree, cuts validateXML out of etree.go and puts
// validate.go in its place). It compiles only in that copy: this go.mod
// keeps the go command's ./... off it.
module sipcompose/third_party/etree-wasm

go 1.26
