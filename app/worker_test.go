package app

import (
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestWorkerAnswersEveryNavigation: the worker's template is go-app's with
// the navigation fallback in place of its fetch handler, which must still
// be the one go-app writes.
func TestWorkerAnswersEveryNavigation(t *testing.T) {
	if !strings.Contains(goapp.DefaultAppWorkerJS, goappFetch) {
		t.Fatal("go-app's service-worker fetch handler changed: update goappFetch and pageFetch")
	}
	if strings.Contains(workerJS, goappFetch) || !strings.Contains(workerJS, `event.request.mode !== "navigate"`) {
		t.Error("the worker template does not carry the navigation fallback")
	}
	if got := Handler("v").ServiceWorkerTemplate; got != workerJS {
		t.Error("the Handler does not use the worker template")
	}
}
