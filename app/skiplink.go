package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// watchTwiML hides the floating "Skip to the TwiML" (a phone's) while the
// TwiML is on screen, where it only covered fields, and shows it again once
// the TwiML is scrolled away. It stays the first Tab stop either way (the
// class hides it only while it has no focus). It returns the function that
// stops watching.
func watchTwiML() func() {
	win := goapp.Window()
	twiml, link := win.GetElementByID("twiml"), win.Get("document").Call("querySelector", ".skip-link")
	observer := win.Get("IntersectionObserver")
	if !twiml.Truthy() || !link.Truthy() || !observer.Truthy() {
		return func() {}
	}
	// In view: most of the TwiML, or, for a TwiML taller than the screen,
	// most of the screen.
	seen := goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
		entries := args[0]
		e := entries.Index(entries.Length() - 1)
		shown := e.Get("intersectionRect").Get("height").Float()
		whole := e.Get("boundingClientRect").Get("height").Float()
		screen := win.Get("innerHeight").Float()
		link.Get("classList").Call("toggle", "away", shown >= 0.6*min(whole, screen))
		return nil
	})
	thresholds := []any{0, 0.2, 0.4, 0.6, 0.8, 1}
	watch := observer.New(seen, map[string]any{"threshold": thresholds})
	watch.Call("observe", twiml)
	return func() {
		watch.Call("disconnect")
		seen.Release()
	}
}
