// The page's Web Worker: starts diagnose.wasm (Go, built from
// diagnoseworker/) with go's wasm_exec.js, the one the page itself loads,
// and hands it the page's messages (the Diagnose panel's, the Code and
// Rules check tabs') in the order posted. Messages that arrive while the
// wasm is still starting wait for it. A worker that cannot start (offline
// before diagnose.wasm was saved, a fetch error) says why in an
// "unavailable" message rather than leaving the page waiting.
// The protocol: docs/diagnose.md, "The Diagnose worker".
"use strict";

const waiting = [];
let deliver = null;

function failed(why) {
  self.postMessage({ type: "unavailable", message: why });
}

self.onmessage = (event) => {
  if (!deliver) {
    waiting.push(event.data);
    return;
  }
  try {
    deliver(event.data);
  } catch (err) {
    failed(String(err));
  }
};

(async () => {
  importScripts("/wasm_exec.js");
  const url = new URL("diagnose.wasm", self.location.href);
  let response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new Error("diagnose.wasm could not be fetched (offline before it was saved for offline use?): " + err);
  }
  if (!response.ok) {
    throw new Error("diagnose.wasm could not be fetched: the server answered " + response.status + " " + response.statusText);
  }
  const go = new Go();
  const { instance } = await WebAssembly.instantiate(await response.arrayBuffer(), go.importObject);
  // run returns once main blocks, having set sipcomposeDiagnose.
  go.run(instance);
  deliver = self.sipcomposeDiagnose;
  while (waiting.length > 0) {
    self.onmessage({ data: waiting.shift() });
  }
})().catch((err) => failed(err && err.message ? err.message : String(err)));
