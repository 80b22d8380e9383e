package app

import (
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// goappFetch is go-app's service-worker fetch handler: the cache, else the
// network. The cache holds "/" under that URL only, so offline "/?utm=x"
// or "/index.html" found nothing and the browser showed its own error.
const goappFetch = `self.addEventListener("fetch", (event) => {
  event.respondWith(
    caches.match(event.request).then((response) => {
      return response || fetch(event.request);
    })
  );
});`

// pageFetch also answers a navigation the cache does not hold, when the
// network cannot, with the cached page: every URL of the app's scope is
// this one page.
const pageFetch = `self.addEventListener("fetch", (event) => {
  event.respondWith(
    caches.match(event.request).then((response) => {
      if (response) {
        return response;
      }
      if (event.request.mode !== "navigate") {
        return fetch(event.request);
      }
      return fetch(event.request).catch(() =>
        caches.match(self.registration.scope).then((page) => page || Response.error())
      );
    })
  );
});`

// workerJS is go-app's service-worker template with pageFetch in place of
// its fetch handler; app's tests fail if a go-app upgrade changes that
// handler, so the replacement cannot silently stop happening.
var workerJS = strings.Replace(goapp.DefaultAppWorkerJS, goappFetch, pageFetch, 1)
