//go:build !wasm

package app

import goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

// routeIndex routes /index.html to the page (static hosts serve it at both
// / and /index.html). On the server a regexp route, because go-app's
// export writes a file for every plain route.
func routeIndex() {
	goapp.RouteWithRegexp(`^/index\.html$`, &page{})
}
