package app

import (
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/components"
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

// saveLater keeps, in the current version's cache, same-origin files the
// page asks for once it is usable (components.Diagnosis.Prepare):
// Diagnose's worker and its wasm, which the first load leaves out so that
// they do not share its bandwidth with app.wasm, yet Diagnose works
// offline. A file already kept is not fetched again; a new version's
// cache starts empty and the new page asks again.
var saveLater = `
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "` + components.SaveForOffline + `" || !Array.isArray(data.urls)) {
    return;
  }
  event.waitUntil(
    caches.open(cacheName).then((cache) =>
      Promise.all(
        data.urls
          .map((u) => new URL(u, self.location.href))
          .filter((url) => url.origin === self.location.origin)
          .map((url) => cache.match(url).then((kept) => kept || cache.add(url)))
      )
    )
  );
});
`

// workerJS is go-app's service-worker template with pageFetch in place of
// its fetch handler, and saveLater; app's tests fail if a go-app upgrade
// changes that handler, so the replacement cannot silently stop happening.
var workerJS = strings.Replace(goapp.DefaultAppWorkerJS, goappFetch, pageFetch, 1) + saveLater
