//go:build wasm

package app

import goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

// routeIndex routes /index.html to the page. In the browser a plain route
// matches the same path as the server's regexp route, and go-app's wasm
// build has no regexp routes (third_party/goapp-wasm/pkg/app/route.go:
// regexp costs app.wasm about 78 KB brotli).
func routeIndex() {
	goapp.Route("/index.html", &page{})
}
