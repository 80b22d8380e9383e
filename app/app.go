// Package app is the shell of the PWA: routes, the one shared composer
// state, persistence and the go-app Handler settings.
package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// Register declares the routes. It runs in the browser and on the server
// (which pre-renders pages and generates the static export).
func Register() {
	goapp.Route("/", &page{})
}

// Handler returns the go-app settings for the site; version identifies the
// build so service workers update only when the app does.
func Handler(version string) *goapp.Handler {
	return &goapp.Handler{
		Name:        "sipcompose",
		ShortName:   "sipcompose",
		Description: "Compose Twilio <Dial><Sip> TwiML, REST calls and firewall allow-lists",
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
	}
}

type page struct {
	goapp.Compo
	doc sipcompose.Document
}

func (p *page) Render() goapp.UI {
	return goapp.Main().Body(
		goapp.Label().For("host").Text("Host"),
		goapp.Input().ID("host").OnInput(p.onHost),
		goapp.Pre().Aria("label", "TwiML preview").Text(sipcompose.Compose(p.doc).TwiML),
	)
}

func (p *page) onHost(ctx goapp.Context, e goapp.Event) {
	p.doc.Targets = []sipcompose.Target{{Host: ctx.JSSrc().Get("value").String()}}
}
