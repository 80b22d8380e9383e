//go:build !wasm

package e2e

import (
	"testing"

	"github.com/go-rod/rod/lib/input"

	"sipcompose/browsertest"
)

// TestTransportByTyping: Transport is three radio buttons and a default,
// so a keyboard user who types "t" meaning tls gets nothing wrong: the
// letter picks nothing, the arrow keys move between the options, a click
// picks one. Trim (whose Default and do-not-trim share a letter and mean
// the opposite) is the same.
func TestTransportByTyping(t *testing.T) {
	eachLook(t, func(t *testing.T, s *browsertest.Session, l look) {
		s.Open("/")
		s.WaitTextContains("SIP URI", ";transport=tls;")
		if n := s.Count("select#t0-transport"); n != 0 {
			t.Fatal("Transport is still a select")
		}
		// From Port, Tab reaches the checked option.
		s.ClickOn("#t0-port")
		s.Press("Tab")
		if got := s.Eval(`() => document.activeElement.name + "=" + document.activeElement.value`); got != "t0-transport=tls" {
			t.Fatalf("Tab from Port reached %s, want the checked transport", got)
		}
		s.Keys("t")
		s.Keys("c")
		if got := s.Chosen("Transport", 0); got != "tls" {
			t.Errorf("typing changed the transport to %q", got)
		}
		if err := s.Page.Keyboard.Type(input.ArrowLeft); err != nil {
			t.Fatal(err)
		}
		s.WaitTextContains("SIP URI", ";transport=tcp;")
		s.Choose("Transport", 0, "udp")
		s.WaitTextContains("SIP URI", ";transport=udp;")
		s.Choose("Transport", 0, "Default (UDP)")
		s.WaitText("SIP URI", func(u string) bool { return u != "" && !containsAny(u, "transport=") })
		noAxe(t, s, "after choosing a transport")

		openSection(s, "<Dial> options")
		s.Choose("Trim", 0, "do-not-trim")
		s.WaitTextContains("TwiML preview", `trim="do-not-trim"`)
		s.Choose("Trim", 0, "Default")
		s.WaitText("TwiML preview", func(x string) bool { return !containsAny(x, "trim=") })
		noAxe(t, s, "with the <Dial> options open")
	})
}
