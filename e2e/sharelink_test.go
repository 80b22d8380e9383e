//go:build !wasm

package e2e

import (
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/go-rod/rod/lib/input"

	"sipcompose/browsertest"
	"sipcompose/sipcompose"
)

// linkTo is the path of a share link that opens doc, as Copy share link
// writes it.
func linkTo(t *testing.T, doc sipcompose.Document) string {
	t.Helper()
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return "/#doc=" + base64.RawURLEncoding.EncodeToString(data)
}

func linkedDoc(host string) sipcompose.Document {
	return sipcompose.Document{Targets: []sipcompose.Target{{User: "alice", Host: host, Transport: "tls"}}}
}

// retype replaces the text of the input id with text, as a person does:
// a click into it, Ctrl+A, then the keys.
func retype(s *browsertest.Session, id, text string) {
	s.T.Helper()
	s.ClickOn("#" + id)
	s.Chord(input.ControlLeft, input.KeyA)
	s.Keys(text)
}

// TestShareLinkIsTheDraftAtOnce: a share link, on every way it arrives,
// becomes the draft the moment it is opened, so a reload with no edit
// shows it (it used to show the example again: the fragment had left the
// address bar and nothing was saved). First visit in a fresh browser; a
// link pasted into the address bar of an open tab, with Undo back to the
// draft it replaced; and the installed app offline, where a link opens
// and the app's start URL then shows it.
func TestShareLinkIsTheDraftAtOnce(t *testing.T) {
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		first := linkTo(t, linkedDoc("first-visit.example.com"))
		s.Open(first)
		s.WaitTextContains("SIP URI", "sip:alice@first-visit.example.com")
		waitFeedback(s, "notice", "Opened the shared document.")
		s.WaitEval(`() => location.hash`, "")
		noAxe(t, s, "a link just opened")
		s.Reload()
		s.WaitTextContains("SIP URI", "sip:alice@first-visit.example.com")

		// An open tab with a draft of its own: the link arrives by hashchange.
		retype(s, "t0-user", "mine")
		s.WaitTextContains("SIP URI", "sip:mine@first-visit.example.com")
		s.WaitEval(`() => String(localStorage.getItem("sipcompose.draft.v1").includes('"mine"'))`, "true")
		s.Open(linkTo(t, linkedDoc("open-tab.example.com")))
		s.WaitTextContains("SIP URI", "sip:alice@open-tab.example.com")
		waitFeedback(s, "notice", "Opened the shared document.")
		s.Reload()
		s.WaitTextContains("SIP URI", "sip:alice@open-tab.example.com")
		// Opened again, then undone: the old draft comes back, and stays.
		s.Open(linkTo(t, linkedDoc("undo.example.com")))
		s.WaitTextContains("SIP URI", "sip:alice@undo.example.com")
		s.ClickOn("#notice-feedback button.undo")
		s.WaitTextContains("SIP URI", "sip:alice@open-tab.example.com")
		s.Reload()
		s.WaitTextContains("SIP URI", "sip:alice@open-tab.example.com")

		// The installed app, offline: the link opens in a window of its own
		// (a new document, from the service worker's cache), and the app
		// started again from its start URL (/) shows it.
		s.WaitServiceWorker()
		s.Reload()
		s.StopServer()
		onTab(s, s.NewPage(), func() {
			s.SetViewport(l.width, 900)
			s.Open(linkTo(t, linkedDoc("installed.example.com")))
			s.WaitTextContains("SIP URI", "sip:alice@installed.example.com")
			s.Page.MustClose()
		})
		s.Open("/")
		s.WaitTextContains("SIP URI", "sip:alice@installed.example.com")
	})
}
