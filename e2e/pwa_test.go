//go:build !wasm

package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-rod/rod/lib/proto"

	"sipcompose/browsertest"
	"sipcompose/sipcompose"
)

// clearExample turns the first-visit example into an empty target through
// the form, so a test types a document from scratch.
func clearExample(s *browsertest.Session) {
	s.Fill("User", "")
	s.Choose("Transport", 0, "Default (UDP)")
	s.Select("Edge", 0, "")
	s.Fill("UUI data", "")
	for n := s.Count(".header-row"); n > 0; n-- {
		s.Click("Remove header", 0)
		s.WaitEval(`() => String(document.querySelectorAll(".header-row").length)`, strconv.Itoa(n-1))
	}
}

// openDetails opens every collapsed section, as a person does before
// typing into one.
func openDetails(s *browsertest.Session) {
	s.Eval(`() => { document.querySelectorAll("details").forEach(d => d.open = true); return "" }`)
}

// wantPreview waits until the TwiML preview's exact text equals the
// composed TwiML of doc.
func wantPreview(t *testing.T, s *browsertest.Session, doc sipcompose.Document) {
	t.Helper()
	want := sipcompose.Compose(doc).TwiML
	s.WaitText("TwiML preview", func(string) bool { return s.TextContent("TwiML preview") == want })
}

func TestTypeTwilioExamples(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	clearExample(s)

	s.Type("User", "+14158675309")
	s.Fill("Host", "your.domain")
	s.Click("Add header", 0)
	s.WaitEval(`() => document.activeElement.id`, "t0-h0-name")
	s.Type("Header name", "X-customName") // a new row is empty: X- is a placeholder
	s.Type("Header value", "Bob,Shield+Title-Manager")
	s.Click("Add header", 0)
	s.WaitEval(`() => document.activeElement.id`, "t0-h1-name")
	s.FillNth("Header name", 1, "X-otherHeader", false)
	s.FillNth("Header value", 1, "true", false)
	s.WaitTextContains("TwiML preview", "<Sip>sip:+14158675309@your.domain?X-customName=Bob%2CShield%2BTitle%2DManager&amp;X-otherHeader=true</Sip>")

	// The same target, now with UUI as X-User-to-User and an edge.
	s.Fill("UUI data", "123456789")
	s.SetChecked("Send as X-User-to-User", 0, true)
	s.Select("Edge", 0, "frankfurt")
	wantPreview(t, s, sipcompose.Document{
		Dial: sipcompose.Dial{CallerID: "+14155550100", AnswerOnBridge: true},
		Targets: []sipcompose.Target{{
			User: "+14158675309", Host: "your.domain", Edge: "frankfurt",
			Headers: []sipcompose.Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}, {Name: "X-otherHeader", Value: "true"}},
			UUI:     sipcompose.UUI{Data: "123456789", XPrefix: true},
		}},
	})
	if got := s.TextContent("SIP URI"); got != "sip:+14158675309@your.domain;edge=frankfurt?X-User-to-User=123456789%3Bencoding%3Dhex&X-customName=Bob%2CShield%2BTitle%2DManager&X-otherHeader=true" {
		t.Errorf("SIP URI panel: %q", got)
	}

	// Text typed into the helper fills UUI data with its hex as it goes.
	s.ClickOn("#t0-uui-text")
	s.Keys("caller=Anna;ref=77")
	hex := sipcompose.TextToHex("caller=Anna;ref=77")
	s.WaitTextContains("SIP URI", "X-User-to-User="+hex+"%3Bencoding%3Dhex&")
	if got := s.Value("UUI data", 0); got != hex {
		t.Errorf("UUI data shows %q, want %q", got, hex)
	}
	s.NoConsoleErrors()
}

func TestFastTypingLosesNothing(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	text := "Madhu, Mathiyalagan; Title=Manager & more words typed fast"
	s.Fill("Header value", "")
	s.Type("Header value", text)
	s.WaitTextContains("TwiML preview", "X-customName="+sipcompose.PercentEncode(text)+"&amp;")
	if got := s.Value("Header value", 0); got != text {
		t.Errorf("input holds %q, want %q", got, text)
	}
	s.NoConsoleErrors()
}

func TestAddAndRemoveHeadersAndTargets(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Click("Add header", 0)
	s.WaitEval(`() => document.activeElement.id`, "t0-h2-name")
	s.FillNth("Header name", 2, "X-Third", false)
	s.FillNth("Header value", 2, "3", false)
	s.WaitTextContains("TwiML preview", "&amp;X-Third=3</Sip>")

	s.Click("Remove header", 0)
	got := s.WaitText("TwiML preview", func(t string) bool { return !strings.Contains(t, "X-customName") })
	if !strings.Contains(got, "?User-to-User=0A1B2C3D%3Bencoding%3Dhex&amp;X-otherHeader=true&amp;X-Third=3</Sip>") {
		t.Errorf("after removing the first header:\n%s", got)
	}
	if s.Value("Header name", 0) != "X-otherHeader" || s.Value("Header name", 1) != "X-Third" {
		t.Errorf("rows did not move up: %q %q", s.Value("Header name", 0), s.Value("Header name", 1))
	}

	s.Click("Add SIP target", 0)
	s.WaitEval(`() => document.activeElement.id`, "t1-user")
	s.FillNth("Host", 1, "backup.example.com", false)
	s.WaitTextContains("TwiML preview", "<Sip>sip:backup.example.com</Sip>")
	s.WaitTextContains("Warnings", "Enhanced Programmable SIP Features")

	s.Click("Remove target", 0)
	got = s.WaitText("TwiML preview", func(t string) bool { return !strings.Contains(t, "pbx.example.com") })
	if strings.Count(got, "<Sip") != 1 || s.Value("Host", 0) != "backup.example.com" {
		t.Errorf("after removing target 1:\n%s", got)
	}
	s.NoConsoleErrors()
}

func TestKeyboardAddsHeader(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Eval(`() => { document.getElementById("t0-add-header").focus(); return "" }`)
	if err := s.Page.Keyboard.Type('\r'); err != nil {
		t.Fatal(err)
	}
	s.WaitEval(`() => document.activeElement.id`, "t0-h2-name")
	s.Eval(`() => { document.activeElement.blur(); return "" }`)
	if got := s.Eval(`() => getComputedStyle(document.getElementById("t0-host")).outlineStyle`); got != "none" {
		t.Errorf("an unfocused input has an outline: %s", got)
	}
	s.NoConsoleErrors()
}

func TestDiagnosticAppearsAndClears(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	if got := s.Text("Warnings"); !strings.Contains(got, "No problems found") {
		t.Fatalf("the example has warnings:\n%s", got)
	}
	s.Fill("Header name", "customName")
	s.WaitTextContains("Warnings", "is not passed on: custom headers must start with X-")
	s.WaitEval(`() => document.getElementById("t0-h0-name").getAttribute("aria-invalid") + " " + document.getElementById("t0-h0-name-diags").textContent`,
		`true Error: Header "customName" is not passed on: custom headers must start with X- (e.g. X-customName); the only other allowed names are User-to-User, Remote-Party-ID, P-Preferred-Identity, P-Called-Party-ID (errors 13252, 32113).`)
	s.Fill("Header name", "X-customName")
	s.WaitTextContains("Warnings", "No problems found")
	if n := s.Count("#t0-h0-name-diags"); n != 0 {
		t.Errorf("the field still shows a diagnostic")
	}
	s.NoConsoleErrors()
}

func grantClipboard(t *testing.T, s *browsertest.Session) {
	t.Helper()
	err := proto.BrowserGrantPermissions{
		Permissions: []proto.BrowserPermissionType{proto.BrowserPermissionTypeClipboardReadWrite, proto.BrowserPermissionTypeClipboardSanitizedWrite},
		Origin:      s.URL,
	}.Call(s.Browser)
	if err != nil {
		t.Fatal(err)
	}
}

func clipboard(s *browsertest.Session) string {
	return s.Eval(`() => navigator.clipboard.readText()`)
}

func TestCopyButtons(t *testing.T) {
	s := browsertest.New(t)
	grantClipboard(t, s)
	s.Open("/")
	r := sipcompose.Compose(sipcompose.Document{
		Dial: sipcompose.Dial{CallerID: "+14155550100", AnswerOnBridge: true},
		Targets: []sipcompose.Target{{
			User: "+14158675309", Host: "pbx.example.com", Transport: "tls", Edge: "ashburn",
			Headers: []sipcompose.Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}, {Name: "X-otherHeader", Value: "true"}},
			UUI:     sipcompose.UUI{Data: "0A1B2C3D"},
		}},
	})
	for _, c := range []struct{ panel, button, at, notice, want string }{
		{"", "Copy TwiML", "twiml", "Copied the TwiML.", r.TwiML},
		{"SIP URI and curl", "Copy SIP URI", "sip-uri", "Copied the SIP URI.", r.URIs[0]},
		{"", "Copy curl", "curl", "Copied the curl command.", r.Curl},
		{"Allow-list", "Copy iptables", "allow-iptables", "Copied the iptables allow-list.", r.AllowList.IPTables()},
		{"", "Copy Plain list", "allow-cidrs", "Copied the Plain list allow-list.", r.AllowList.CIDRs()},
	} {
		if c.panel != "" {
			showPanel(s, c.panel)
		}
		s.Click(c.button, 0)
		// Beside the button, and only there: the last one's is cleared.
		s.WaitEval(`(at) => document.getElementById(at + "-feedback").textContent + "|" + document.querySelectorAll(".feedback:not(:empty)").length`, c.notice+"|1", c.at)
		if got := clipboard(s); got != c.want {
			t.Errorf("%s put %q on the clipboard, want %q", c.button, got, c.want)
		}
	}
	s.NoConsoleErrors()
}

func TestClipboardRefusalSelectsText(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	// No permission granted and the page not focused: writeText rejects.
	s.Eval(`() => { navigator.clipboard.writeText = () => Promise.reject(new Error("denied")); return "" }`)
	s.Click("Copy TwiML", 0)
	waitFeedback(s, "twiml", "The browser refused the clipboard: the TwiML is selected")
	if got, want := s.Eval(`() => String(window.getSelection())`), strings.TrimSuffix(s.TextContent("TwiML preview"), "\n"); got != want {
		t.Errorf("selection %q, want the TwiML", got)
	}
}

func TestDraftSurvivesReloadWithoutPassword(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Fill("User", "draft-user")
	openDetails(s)
	s.Fill("Username", "trunk")
	s.Fill("Password", "hunter2-secret")
	s.WaitTextContains("TwiML preview", `password="hunter2-secret"`)
	s.WaitEval(`() => String(localStorage.getItem("sipcompose.draft.v1").includes("draft-user"))`, "true")
	if got := s.Eval(`() => JSON.stringify(localStorage)`); strings.Contains(got, "hunter2") {
		t.Fatalf("the password reached localStorage: %s", got)
	}
	s.Reload()
	s.WaitTextContains("TwiML preview", "sip:draft-user@pbx.example.com")
	if s.Value("User", 0) != "draft-user" || s.Value("Username", 0) != "trunk" || s.Value("Password", 0) != "" {
		t.Errorf("after reload: user %q username %q password %q", s.Value("User", 0), s.Value("Username", 0), s.Value("Password", 0))
	}
	if got := s.Eval(`() => document.body.textContent`); !strings.Contains(got, "Never saved: the draft and share links leave the password out.") {
		t.Error("the page does not say the password is never saved")
	}
	s.NoConsoleErrors()
}

func TestShareLinkRoundTrip(t *testing.T) {
	s := browsertest.New(t)
	grantClipboard(t, s)
	s.Open("/")
	s.Fill("Host", "shared.example.com")
	openDetails(s)
	s.Fill("Username", "trunk")
	s.Fill("Password", "hunter2-secret")
	s.Click("Copy share link", 0)
	waitFeedback(s, "notice", "Copied the share link.")
	link := clipboard(s)
	u, err := url.Parse(link)
	if err != nil || !strings.HasPrefix(u.Fragment, "doc=") || u.RawQuery != "" {
		t.Fatalf("share link %q: the document must be in the fragment only", link)
	}
	if strings.Contains(link, "hunter2") || strings.Contains(u.Fragment, "aHVudGVyMi") {
		t.Fatalf("the password is in the link: %s", link)
	}
	// A fresh profile has no draft: only the link can restore the document.
	other := browsertest.New(t)
	other.Open(strings.TrimPrefix(link, s.URL))
	other.WaitTextContains("TwiML preview", "sip:+14158675309@shared.example.com")
	if other.Value("Password", 0) != "" || other.Value("Username", 0) != "trunk" {
		t.Errorf("opened link: username %q password %q", other.Value("Username", 0), other.Value("Password", 0))
	}
	s.NoConsoleErrors()
	other.NoConsoleErrors()
}

// TestBrokenDraftAndLinkGiveNotices: a damaged draft or share link is
// said in plain words, and the page keeps working. Each notice is waited
// for: the page before it (the prerendered example, or the page a link is
// pasted into) already shows the TwiML, and a link pasted into an open
// tab is handled on its hashchange, a task after the navigation, with
// the notice on the next frame. Reading the notice once raced that and
// failed under load.
func TestBrokenDraftAndLinkGiveNotices(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.Eval(`() => { localStorage.setItem("sipcompose.draft.v1", "{not json"); return "" }`)
	s.Reload()
	waitFeedback(s, "notice", "Could not restore your draft: the saved draft is not valid JSON. Showing an example instead.")
	s.WaitTextContains("TwiML preview", "pbx.example.com")

	// Pasted into the open tab: only the fragment changes.
	s.Open("/#doc=@@not-base64@@")
	waitFeedback(s, "notice", "Could not open the share link: the share link is damaged")
	s.WaitEval(`() => location.hash`, "")
	s.WaitTextContains("TwiML preview", "pbx.example.com")

	// Opened in a new page load.
	s.Open("/?fresh#doc=@@not-base64@@")
	waitFeedback(s, "notice", "Could not open the share link: the share link is damaged")
	s.WaitTextContains("TwiML preview", "pbx.example.com")
	s.NoConsoleErrors()
}

func TestPasteURIAndTwiML(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.FillNth("Host", 0, " sips:alice@example.com:5071;edge=dublin?X-Ticket=A%26B ", true)
	s.WaitTextContains("TwiML preview", "<Sip>sip:alice@example.com:5071;transport=tls;edge=dublin?X-Ticket=A%26B</Sip>")
	if s.Value("Host", 0) != "example.com" || s.Value("Header value", 0) != "A&B" || s.Chosen("Transport", 0) != "tls" {
		t.Errorf("form after paste: host %q header %q transport %q", s.Value("Host", 0), s.Value("Header value", 0), s.Chosen("Transport", 0))
	}
	// Typing a URI is not importing it half-way.
	s.Fill("Host", "")
	s.Type("Host", "sip:b")
	s.WaitTextContains("Warnings", "looks like a whole SIP URI")

	pasteTwiML(s, `<Response><Dial sequential="true"><Sip>sip:one@a.example.com</Sip><Sip>sip:two@b.example.com;region=ie1</Sip></Dial></Response>`)
	wantPreview(t, s, sipcompose.Document{
		Dial:    sipcompose.Dial{Sequential: true},
		Targets: []sipcompose.Target{{User: "one", Host: "a.example.com"}, {User: "two", Host: "b.example.com", Region: "ie1"}},
	})
	pasteTwiML(s, "<Response><Dial>")
	waitFeedback(s, "paste", "Nothing imported: Line 1")
	s.NoConsoleErrors()
}

func TestWorksOfflineAndInstallable(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.WaitServiceWorker()
	s.Reload()
	res, err := proto.PageGetInstallabilityErrors{}.Call(s.Page)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.InstallabilityErrors) != 0 {
		t.Errorf("installability errors: %+v", res.InstallabilityErrors)
	}
	s.StopServer()
	s.Reload()
	s.Fill("Host", "offline.example.com")
	s.WaitTextContains("TwiML preview", "offline.example.com")
	s.NoConsoleErrors()
}

// TestAccessibility runs axe-core in light and dark mode, with every
// section open, on every output panel; it must find nothing.
func TestAccessibility(t *testing.T) {
	src := axeSource(t)
	s := browsertest.New(t)
	s.Open("/")
	s.Fill("Header name", "customName") // show a field diagnostic too
	s.WaitTextContains("Warnings", "is not passed on: custom headers must start with X-")
	for _, panel := range []string{"SIP URI and curl", "Code", "Allow-list", "Rules check", "Customer's side"} {
		showPanel(s, panel)
		if panel == "Code" {
			showCode(s)
		}
		s.Eval(`() => { document.querySelectorAll("details").forEach(d => d.open = true); return "" }`)
		for _, scheme := range []string{"light", "dark"} {
			s.ColorScheme(scheme)
			if got := axeViolations(s, src); got != "[]" {
				t.Errorf("%s, %s mode: axe violations: %s", panel, scheme, got)
			}
		}
	}
}

// TestScreenshots keeps the docs' pictures current, in the light and the
// dark scheme: run with UPDATE_SCREENSHOTS=1 (make screenshot).
func TestScreenshots(t *testing.T) {
	if os.Getenv("UPDATE_SCREENSHOTS") == "" {
		t.Skip("set UPDATE_SCREENSHOTS=1 to rewrite docs/screenshot-*.png")
	}
	for _, shot := range []struct {
		name          string
		width, height int
	}{{"desktop", 1400, 1000}, {"375", 375, 1400}} {
		for _, scheme := range []string{"light", "dark"} {
			s := browsertest.New(t)
			s.SetViewport(shot.width, shot.height)
			s.ColorScheme(scheme)
			s.Open("/")
			s.WaitTextContains("TwiML preview", "pbx.example.com")
			name := "screenshot-" + shot.name
			if scheme == "dark" {
				name += "-dark"
			}
			s.Screenshot(filepath.Join("..", "docs", name+".png"))
		}
	}
}
