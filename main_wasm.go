//go:build wasm

package main

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/app"
)

func main() {
	app.Register()
	goapp.RunWhenOnBrowser()
}
