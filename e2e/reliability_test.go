//go:build !wasm

package e2e

import (
	"strings"
	"sync"
	"testing"

	"github.com/go-rod/rod/lib/proto"

	"sipcompose/browsertest"
)

const secret = "hunter2-Secr3t"

// TestSecretsNeverLeak follows a SIP password through a session: typed,
// drafted, shared, reloaded. It may appear only in the TwiML and its input,
// never in storage, a link, a URL, the server's log, the console, or a
// request to any origin.
func TestSecretsNeverLeak(t *testing.T) {
	s := browsertest.New(t)
	grantClipboard(t, s)
	var mu sync.Mutex
	var requests, console []string
	if err := (proto.NetworkEnable{}).Call(s.Page); err != nil {
		t.Fatal(err)
	}
	go s.Page.EachEvent(
		func(e *proto.NetworkRequestWillBeSent) {
			mu.Lock()
			requests = append(requests, e.Request.URL+" "+e.Request.PostData)
			mu.Unlock()
		},
		func(e *proto.RuntimeConsoleAPICalled) {
			mu.Lock()
			for _, a := range e.Args {
				console = append(console, a.Description+a.Value.String())
			}
			mu.Unlock()
		},
	)()
	s.Open("/")
	openDetails(s)
	s.FillNth("Username", 0, "trunk", false)
	s.FillNth("Password", 0, secret, false)
	s.WaitTextContains("TwiML preview", `password="`+secret+`"`)
	s.Click("Copy share link", 0)
	waitFeedback(s, "notice", "Copied the share link.")
	link := clipboard(s)
	s.Reload()
	s.WaitTextContains("TwiML preview", `username="trunk"`)

	where := map[string]string{
		"share link":   link,
		"localStorage": s.Eval(`() => JSON.stringify(localStorage)`),
		"page URL":     s.Eval(`() => location.href`),
		"server log":   s.ServerLog(),
	}
	mu.Lock()
	where["requests"] = strings.Join(requests, "\n")
	where["console"] = strings.Join(console, "\n")
	for _, r := range requests {
		if !strings.HasPrefix(r, s.URL+"/") && !strings.HasPrefix(r, "data:") {
			t.Errorf("a request left the site's origin: %s", r)
		}
	}
	mu.Unlock()
	for name, text := range where {
		if strings.Contains(text, secret) {
			t.Errorf("the password reached the %s", name)
		}
	}
	if len(requests) == 0 || where["server log"] == "" {
		t.Fatal("saw no requests: the test is not watching the network")
	}
	s.NoConsoleErrors()
}

// TestCSPBlocksInjectedScript injects an inline script the way an XSS
// would; the page's Content-Security-Policy must refuse to run it.
func TestCSPBlocksInjectedScript(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	got := s.Eval(`() => new Promise(resolve => {
		document.addEventListener("securitypolicyviolation", e => resolve("blocked " + e.violatedDirective + " ran=" + String(window.pwned === 1)));
		const el = document.createElement("script");
		el.textContent = "window.pwned = 1";
		document.body.appendChild(el);
		setTimeout(() => resolve("not blocked, ran=" + String(window.pwned === 1)), 2000);
	})`)
	if !strings.HasPrefix(got, "blocked script-src") || !strings.HasSuffix(got, "ran=false") {
		t.Errorf("injected inline script: %s", got)
	}
}

// TestStorageFullKeepsWorking: a browser that refuses to store the draft
// gets a notice, and the page goes on composing.
func TestStorageFullKeepsWorking(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Eval(`() => { Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError") }; return "" }`)
	s.Fill("Host", "full.example.com")
	s.WaitTextContains("TwiML preview", "full.example.com")
	s.WaitEval(`() => { const el = document.getElementById("save-failed"); return el ? el.textContent.slice(0, 27) : "" }`, "Your draft cannot be saved ")
	s.Fill("Host", "still.example.com")
	s.WaitTextContains("TwiML preview", "still.example.com")
}

// TestHostileInputInThePage types the bad-input corpus into the form: the
// TwiML stays well-formed (the browser's own XML parser agrees), the
// Warnings say what is wrong, and nothing breaks.
func TestHostileInputInThePage(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	values := []string{
		"]]><Response/>", "a&b=c;d?e%f", "line\r\nX-Injected: 1", "nul\x00byte", "emoji 📞 and עברית ‏RTL",
		strings.Repeat("v", 100_000),
	}
	// The whole TwiML, as Copy TwiML takes it: the preview shows only the
	// start of a long one.
	grantClipboard(t, s)
	wellFormed := `async () => {
		document.querySelector("#preview .copy-wrap button").click();
		await new Promise(r => setTimeout(r, 200));
		const doc = new DOMParser().parseFromString(await navigator.clipboard.readText(), "application/xml");
		return doc.getElementsByTagName("parsererror").length === 0 && doc.documentElement.tagName === "Response" ? "ok" : "malformed";
	}`
	for _, v := range values {
		for _, label := range []string{"User", "Host", "Header value", "Header name", "UUI data"} {
			s.FillNth(label, 0, v, false)
		}
		s.WaitEval(wellFormed, "ok")
		if got := s.Text("Warnings"); strings.Contains(got, "No problems found") {
			t.Errorf("%.40q: no warning", v)
		}
		uri := s.Eval(`async () => {
			document.querySelector(".rest button.copy").click();
			await new Promise(r => setTimeout(r, 200));
			return navigator.clipboard.readText();
		}`)
		if strings.Count(uri, "&") != 2 {
			t.Errorf("%.40q: a value split into extra headers: %.200s", v, uri)
		}
	}
	s.NoConsoleErrors()
}
