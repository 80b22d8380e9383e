//go:build !wasm

package e2e

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"sipcompose/browsertest"
)

// diagnoseSavedJS names the service worker's caches that hold both of
// Diagnose's worker files, comma-separated.
const diagnoseSavedJS = `() => caches.keys().then((keys) => Promise.all(keys.map((k) => caches.open(k).then((c) => c.keys()).then((reqs) => {
	const urls = reqs.map((r) => r.url);
	return urls.some((u) => u.endsWith("/web/diagnose.wasm")) && urls.some((u) => u.endsWith("/web/diagnose-worker.js")) ? k : "";
})))).then((names) => names.filter((n) => n).join(","))`

// waitDiagnoseSaved waits until the service worker's cache named cache
// holds Diagnose's worker and its wasm, which the page asks for a few
// seconds after it starts.
func waitDiagnoseSaved(s *browsertest.Session, cache string) {
	s.T.Helper()
	s.WaitEval(diagnoseSavedJS, cache)
}

// diagnoseWorks pastes a Twilio code and picks a recorded capture into
// the Diagnose panel and waits for the report on each.
func diagnoseWorks(t *testing.T, s *browsertest.Session, state string) {
	t.Helper()
	showPanel(s, "Diagnose")
	pasteEvidence(s, "32011")
	got := s.WaitTextContains("Diagnose report", "Error communicating with your SIP communications infrastructure")
	reportHas(t, state+", 32011", got, "pasted text: Twilio codes: 32011")
	s.PickFiles("#diagnose-files", filepath.Join(live, "forbidden-403.pcap"))
	got = s.WaitTextContains("Diagnose report", "forbidden-403.pcap: capture: pcap")
	reportHas(t, state+", forbidden-403.pcap", got, "auth-rejected")
}

// tabJobsWork opens the Code tab and checks rules in the Rules check tab,
// both answered by the page's worker (components/jobs.go).
func tabJobsWork(t *testing.T, s *browsertest.Session) {
	t.Helper()
	showCode(s)
	s.WaitTextContains("TwiML builder code", `require("twilio")`)
	checkRules(s, "54.172.60.0/30 udp 5060\n")
	s.WaitTextContains("Audit result", "required rules covered")
}

// checkRules pastes rules into the Rules check tab and checks them.
func checkRules(s *browsertest.Session, rules string) {
	s.T.Helper()
	showPanel(s, "Rules check")
	s.Fill("Existing firewall rules", rules)
	s.Click("Check rules", 0)
}

// worksOffline stops the server, reloads, and uses everything the page's
// worker answers: Diagnose, the Code and the Rules check tabs.
func worksOffline(t *testing.T, s *browsertest.Session, state string) {
	t.Helper()
	s.StopServer()
	s.Reload()
	diagnoseWorks(t, s, state)
	tabJobsWork(t, s)
	s.NoConsoleErrors()
}

// cacheName is the service worker's cache for the build the session
// serves, as app-worker.js names it.
func cacheName(t *testing.T, site fs.FS) string {
	t.Helper()
	worker, err := fs.ReadFile(site, "app-worker.js")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(worker), "\n")
	// const cacheName = "app-" + "<version>";
	parts := strings.Split(first, `"`)
	if len(parts) < 4 {
		t.Fatalf("app-worker.js names its cache unlike go-app: %s", first)
	}
	return parts[1] + parts[3]
}

// TestDiagnoseOffline: a first visit's load fetches nothing of Diagnose's
// worker; a few seconds later the service worker keeps it for offline
// use; with the server gone, a reload diagnoses a pasted code and a
// picked capture, and the Code and Rules check tabs, which the same
// worker answers, work.
func TestDiagnoseOffline(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.WaitServiceWorker()
	if log := s.ServerLog(); strings.Contains(log, "diagnose") {
		t.Errorf("the first load fetched Diagnose's worker:\n%s", log)
	}
	waitDiagnoseSaved(s, cacheName(t, s.SiteFS()))
	worksOffline(t, s, "offline")
}

// TestDiagnoseAfterUpdate: after an update to a new version (a new
// service-worker cache, the old one deleted), the new page keeps Diagnose
// for offline use again, and it works offline.
func TestDiagnoseAfterUpdate(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.WaitServiceWorker()
	old := cacheName(t, s.SiteFS())
	waitDiagnoseSaved(s, old)
	s.Reload()

	release := newRelease(t, s.SiteFS()).(fstest.MapFS)
	worker := release["app-worker.js"]
	worker.Data = []byte(strings.Replace(string(worker.Data), `const cacheName = "app-" + "`, `const cacheName = "app-" + "next-`, 1))
	s.Deploy(release)
	next := cacheName(t, release)
	if next == old {
		t.Fatal("the new release's cache has the old name")
	}
	takeNewVersion(s)
	waitDiagnoseSaved(s, next)
	worksOffline(t, s, "updated, offline")
}

// TestWorkerNotSavedYet: offline before the page saved its worker for
// offline use, the tabs that need it say why they cannot answer, where
// their answer would be, instead of waiting for ever.
func TestWorkerNotSavedYet(t *testing.T) {
	s := browsertest.New(t)
	s.Open("/")
	s.WaitTextContains("TwiML preview", "<Dial")
	s.StopServer()
	showPanel(s, "Code")
	s.WaitEval(`() => document.getElementById("code-status")?.textContent || ""`,
		"Could not write the code: the page's worker did not start: its script did not load (offline before the page saved it for offline use?).")
	checkRules(s, "54.172.60.0/30 udp 5060\n")
	s.WaitTextContains("Audit result", "Cannot check these rules: the page's worker did not start")
	showPanel(s, "Diagnose")
	pasteEvidence(s, "32011")
	s.WaitTextContains("Diagnose status", "Diagnose could not start: its script did not load")
}
