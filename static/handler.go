//go:build !wasm

// Package static serves an exported sipcompose site: the files written by
// `sipcompose export`, with their precompressed variants, correct MIME types,
// cache validators and security headers. It serves files only; it never runs
// go-app's handler, so what it serves is exactly what a static host would.
package static

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// WasmLengthHeader carries the uncompressed size of app.wasm. go-app's loader
// computes its progress from Content-Length, which is the compressed size when
// the wasm is sent with br or gzip; the exported app.js reads this header
// instead (go-app Handler.WasmContentLengthHeader).
const WasmLengthHeader = "X-Wasm-Content-Length"

// ContentSecurityPolicy allows only the site itself. go-app's page has no
// inline scripts or styles; 'wasm-unsafe-eval' lets the page compile app.wasm.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
	"manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// Options tunes the handler.
type Options struct {
	// ImmutablePrefix is a URL path prefix under which every file is
	// content-addressed (its URL changes when its bytes do), so browsers may
	// keep it for a year without asking again. Empty: nothing is immutable.
	ImmutablePrefix string
}

// encodings in order of preference; each names the file suffix the export
// writes for it.
var encodings = []struct{ name, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

var mimeTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".jpg":         "image/jpeg",
	".webp":        "image/webp",
	".woff2":       "font/woff2",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
}

// contentType never guesses from content: with nosniff, an unknown type is
// served as opaque bytes.
func contentType(name string) string {
	if t, ok := mimeTypes[path.Ext(name)]; ok {
		return t
	}
	return "application/octet-stream"
}

// New returns a handler serving the site in fsys (index.html at its root).
// Unknown paths get 404, not index.html: go-app's own server answers unknown
// routes with 404 too, and a missing asset must not come back as HTML.
func New(fsys fs.FS, opts Options) http.Handler {
	return &handler{fsys: fsys, opts: opts}
}

type handler struct {
	fsys  fs.FS
	opts  Options
	etags sync.Map // etagKey → string
}

type etagKey struct {
	name string
	size int64
	mod  time.Time
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == "/healthz" {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		http.Error(w, "400 bad request", http.StatusBadRequest)
		return
	}
	// A trailing slash names a directory, and directories are not listed.
	dirPath := strings.HasSuffix(r.URL.Path, "/") && r.URL.Path != "/"
	name, ok = h.resolve(name)
	if !ok || dirPath {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	h.serveFile(w, r, name)
}

func setSecurityHeaders(hdr http.Header) {
	hdr.Set("Content-Security-Policy", ContentSecurityPolicy)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("X-Frame-Options", "DENY")
	hdr.Set("Cross-Origin-Opener-Policy", "same-origin")
}

// fileName maps a decoded URL path to a name in the site's fs.FS. It refuses
// anything that could name a file outside the site or a hidden file: NUL,
// backslashes, "." and ".." segments (also when sent as %2e%2e, since the
// path is already decoded), empty segments ("//etc/passwd") and dotfiles.
func fileName(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\x00\\") {
		return "", false
	}
	if urlPath == "/" {
		return "index.html", true
	}
	name := strings.TrimSuffix(strings.TrimPrefix(urlPath, "/"), "/")
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	return name, fs.ValidPath(name)
}

// resolve finds the regular file serving name. go-app's export writes the
// page of route /x as x.html, so an extensionless path falls back to that.
// Directories are never listed.
func (h *handler) resolve(name string) (string, bool) {
	if h.isFile(name) {
		return name, true
	}
	if path.Ext(name) == "" && h.isFile(name+".html") {
		return name + ".html", true
	}
	return "", false
}

func (h *handler) isFile(name string) bool {
	st, err := fs.Stat(h.fsys, name)
	return err == nil && st.Mode().IsRegular()
}

func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name))
	if h.opts.ImmutablePrefix != "" && strings.HasPrefix("/"+name, h.opts.ImmutablePrefix) {
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		// Revalidate everything else, above all app-worker.js and
		// index.html: they name the build, and a stale copy would pin
		// browsers to an old app.
		hdr.Set("Cache-Control", "no-cache")
	}

	variant, encoding := name, ""
	if h.hasVariants(name) {
		hdr.Add("Vary", "Accept-Encoding")
		for _, e := range encodings {
			if accepts(r.Header.Get("Accept-Encoding"), e.name) && h.isFile(name+e.suffix) {
				variant, encoding = name+e.suffix, e.name
				break
			}
		}
	}

	f, err := h.fsys.Open(variant)
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
		return
	}
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
		return
	}
	etag, err := h.etag(variant, st, rs)
	if err != nil {
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
		return
	}
	hdr.Set("ETag", etag)
	if encoding != "" {
		// ServeContent leaves Content-Length out once an encoding is set;
		// the loader and download UIs want it. Byte ranges of a compressed
		// body are of no use to anyone, so the whole variant is always sent.
		hdr.Set("Content-Encoding", encoding)
		hdr.Set("Content-Length", strconv.FormatInt(st.Size(), 10))
		r = r.Clone(r.Context())
		r.Header.Del("Range")
	}
	if path.Ext(name) == ".wasm" {
		if orig, err := fs.Stat(h.fsys, name); err == nil {
			hdr.Set(WasmLengthHeader, strconv.FormatInt(orig.Size(), 10))
		}
	}
	http.ServeContent(w, r, "", st.ModTime(), rs)
}

func (h *handler) hasVariants(name string) bool {
	for _, e := range encodings {
		if h.isFile(name + e.suffix) {
			return true
		}
	}
	return false
}

// etag is a strong validator from the served bytes, so a compressed variant
// and the identity file never share one. It is cached per (name, size,
// mtime): hashing a multi-megabyte wasm on every request would be waste.
func (h *handler) etag(name string, st fs.FileInfo, rs io.ReadSeeker) (string, error) {
	key := etagKey{name, st.Size(), st.ModTime()}
	if v, ok := h.etags.Load(key); ok {
		return v.(string), nil
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, rs); err != nil {
		return "", err
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	etag := `"` + hex.EncodeToString(sum.Sum(nil)[:16]) + `"`
	h.etags.Store(key, etag)
	return etag, nil
}

// accepts reports whether an Accept-Encoding value allows coding, honouring
// q-values (q=0 refuses) and the "*" wildcard.
func accepts(header, coding string) bool {
	wildcard := false
	for _, part := range strings.Split(header, ",") {
		token, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		token = strings.ToLower(strings.TrimSpace(token))
		if token != coding && token != "*" {
			continue
		}
		ok := qualityPositive(params)
		if token == coding {
			return ok
		}
		wildcard = ok
	}
	return wildcard
}

func qualityPositive(params string) bool {
	for _, p := range strings.Split(params, ";") {
		k, v, found := strings.Cut(strings.TrimSpace(p), "=")
		if !found || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err == nil && q > 0
	}
	return true
}

// CheckSite reports whether fsys looks like an exported site, so the server
// can refuse to start on a wrong directory instead of answering 404 forever.
func CheckSite(fsys fs.FS) error {
	st, err := fs.Stat(fsys, "index.html")
	if err != nil || !st.Mode().IsRegular() {
		return errors.New("no index.html: not an exported site")
	}
	return nil
}
