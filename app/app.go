// Package app is the shell of the PWA: the route, the one stateful
// component that owns the document, persistence (draft and share link) and
// the go-app Handler settings.
package app

import (
	"runtime/debug"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Register declares the routes. It runs in the browser and on the server
// (which pre-renders pages and generates the static export).
func Register() {
	if goapp.IsClient {
		// A keystroke on a 10 × 20 document allocates about 200 KB. With
		// the default GOGC the 4 MB live heap was collected every ~20
		// keystrokes, and a collection in wasm holds the page for 20 ms or
		// more (typing p95 21 ms); at 400 it is 4× rarer (p95 4 ms) and the
		// heap peaks near 20 MB.
		debug.SetGCPercent(400)
	}
	goapp.Route("/", &page{})
	routeIndex()
}

// Handler returns the go-app settings for the site; version identifies the
// build so service workers update only when the app does.
func Handler(version string) *goapp.Handler {
	return &goapp.Handler{
		Name:        "sipcompose",
		ShortName:   "sipcompose",
		Title:       "sipcompose — Twilio <Dial><Sip> composer",
		Description: "Compose Twilio <Dial><Sip> TwiML, the REST call and the firewall allow-list for a customer's SIP infrastructure.",
		Lang:        "en",
		Version:     version,
		// go-app's default icon is an external URL: the service worker's
		// install would fail offline and the CSP would block it.
		Icon: goapp.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon.svg",
			AppleTouch: "/web/icon-192.png",
		},
		BackgroundColor: "#0b5c6b",
		ThemeColor:      "#0b5c6b",
		LoadingLabel:    "Starting sipcompose… {progress}%",
		Styles:          []string{"/web/app.css"},
		// Offline, any URL of the app's scope opens the page (worker.go).
		ServiceWorkerTemplate: workerJS,
	}
}
