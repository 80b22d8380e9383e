//go:build !wasm

// Command floor is make bench's third server: bare net/http answering the
// bench's paths with the gzip bytes nginx sends, from memory, with only the
// headers a browser needs to decode them and no timeouts, security headers,
// validators or log. Nothing can be served with less work on net/http, so
// its row in BENCHMARKS.md says what the standard library itself reaches
// against nginx on this machine; sipcompose serve is measured beside it.
//
//	floor -addr 127.0.0.1:8001 -root dist /index.html=/ /v/…/app.wasm
//
// Each path argument is a file under root, optionally =URL path; the file
// with .gz appended is what is served.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

type body struct {
	contentType, length []string
	data                []byte
}

var gzip = []string{"gzip"}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	root := flag.String("root", ".", "directory the path arguments are in")
	flag.Parse()
	bodies := map[string]body{}
	for _, arg := range flag.Args() {
		file, url, ok := strings.Cut(arg, "=")
		if !ok {
			url = file
		}
		data, err := os.ReadFile(filepath.Join(*root, file+".gz"))
		if err != nil {
			log.Fatal(err)
		}
		ctype := map[string]string{".html": "text/html; charset=utf-8", ".wasm": "application/wasm"}[path.Ext(file)]
		if ctype == "" {
			log.Fatalf("floor: no content type for %s", file)
		}
		bodies[url] = body{[]string{ctype}, []string{strconv.Itoa(len(data))}, data}
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := bodies[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h["Content-Type"] = b.contentType
		h["Content-Encoding"] = gzip
		h["Content-Length"] = b.length
		w.Write(b.data)
	})
	fmt.Fprintf(os.Stderr, "floor serving %d paths on %s\n", len(bodies), *addr)
	log.Fatal(http.ListenAndServe(*addr, handler))
}
