//go:build !wasm

// Package static serves an exported sipcompose site: the files written by
// `sipcompose export`, with their precompressed variants, correct MIME types,
// cache validators and security headers. It serves files only; it never runs
// go-app's handler, so what it serves is exactly what a static host would.
//
// The site is read into memory once, when the handler is made (about 13 MB
// for sipcompose with its .br and .gz copies), and every response's headers
// are prepared then: serving is a map lookup and a Write of bytes on the
// heap, with no file system calls. The handler serves that snapshot, so a
// re-export is served only after a restart of the server.
package static

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"path"
	"strconv"
	"strings"
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
var encodings = [...]struct{ name, suffix string }{
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

// New reads the site in fsys (index.html at its root) into memory and
// returns a handler serving it. Every regular, non-hidden file becomes a
// response prepared once: its bytes, validators and headers, so a request
// costs a map lookup and a write. The handler serves that snapshot: files
// changed in fsys afterwards (a re-export) are served only after a restart.
// Unknown paths get 404, not index.html: go-app's own server answers unknown
// routes with 404 too, and a missing asset must not come back as HTML.
func New(fsys fs.FS, opts Options) (http.Handler, error) {
	files, err := load(fsys)
	if err != nil {
		return nil, err
	}
	h := &handler{files: make(map[string]*entry, len(files))}
	for name := range files {
		h.files["/"+name] = newEntry(files, name, opts)
	}
	// go-app's export writes the page of route /x as x.html.
	for name := range files {
		if base, ok := strings.CutSuffix(name, ".html"); ok && path.Ext(base) == "" {
			if _, taken := h.files["/"+base]; !taken {
				h.files["/"+base] = h.files["/"+name]
			}
		}
	}
	if e, ok := h.files["/index.html"]; ok {
		h.files["/"] = e
	}
	// The health check answers even if a site ships a file of that name.
	delete(h.files, "/healthz")
	return h, nil
}

type file struct {
	data    []byte
	modTime time.Time
	etag    string
}

// load reads every file the handler may serve. Symlinks are followed only
// as far as fsys allows (os.Root's FS refuses those leaving the directory);
// names fileName would refuse are never loaded.
func load(fsys fs.FS) (map[string]file, error) {
	files := map[string]file{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if got, ok := fileName("/" + name); !ok || got != name {
			return nil
		}
		st, err := fs.Stat(fsys, name)
		if err != nil && d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		if err != nil {
			return err
		}
		if !st.Mode().IsRegular() {
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		files[name] = file{data: data, modTime: st.ModTime(), etag: etag(data)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the site: %w", err)
	}
	return files, nil
}

var securityHeaders = http.Header{
	"Content-Security-Policy":    {ContentSecurityPolicy},
	"X-Content-Type-Options":     {"nosniff"},
	"Referrer-Policy":            {"no-referrer"},
	"X-Frame-Options":            {"DENY"},
	"Cross-Origin-Opener-Policy": {"same-origin"},
}

// variant is one representation of a path: the file itself or a
// precompressed copy, with every header its 200 carries. Responses copy
// header's value slices, not their values; Header.Clone and Set make each
// with len == cap, so an Add further down copies instead of writing into
// a slice every response shares.
type variant struct {
	body     []byte
	modTime  time.Time
	etag     string
	identity bool
	header   http.Header
}

type entry struct {
	identity *variant
	encoded  [len(encodings)]*variant // nil: no such variant
}

func newEntry(files map[string]file, name string, opts Options) *entry {
	// Revalidate everything outside the immutable prefix, above all
	// app-worker.js and index.html: they name the build, and a stale copy
	// would pin browsers to an old app.
	cc := "no-cache"
	if opts.ImmutablePrefix != "" && strings.HasPrefix("/"+name, opts.ImmutablePrefix) {
		cc = "public, max-age=31536000, immutable"
	}
	common := securityHeaders.Clone()
	common.Set("Content-Type", contentType(name))
	common.Set("Cache-Control", cc)
	if path.Ext(name) == ".wasm" {
		common.Set(WasmLengthHeader, strconv.Itoa(len(files[name].data)))
	}
	for _, enc := range encodings {
		if _, ok := files[name+enc.suffix]; ok {
			common.Set("Vary", "Accept-Encoding")
			break
		}
	}
	e := &entry{identity: newVariant(files[name], common, "")}
	for i, enc := range encodings {
		if f, ok := files[name+enc.suffix]; ok {
			e.encoded[i] = newVariant(f, common, enc.name)
		}
	}
	return e
}

func newVariant(f file, common http.Header, encoding string) *variant {
	v := &variant{body: f.data, modTime: f.modTime, etag: f.etag, identity: encoding == "", header: common.Clone()}
	v.header.Set("Etag", v.etag)
	v.header.Set("Content-Length", strconv.Itoa(len(f.data)))
	if !f.modTime.IsZero() {
		v.header.Set("Last-Modified", f.modTime.UTC().Format(http.TimeFormat))
	}
	if encoding != "" {
		v.header.Set("Content-Encoding", encoding)
	}
	return v
}

// etag is a strong validator from the served bytes, so a compressed variant
// and the identity file never share one.
func etag(data []byte) string {
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

type handler struct {
	files map[string]*entry // by URL path
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		maps.Copy(w.Header(), securityHeaders)
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	e, ok := h.files[r.URL.Path]
	if !ok {
		serveMiss(w, r)
		return
	}
	v := e.identity
	if ae := r.Header.Get("Accept-Encoding"); ae != "" {
		for i, enc := range encodings {
			if e.encoded[i] != nil && accepts(ae, enc.name) {
				v = e.encoded[i]
				break
			}
		}
	}
	hdr := w.Header()
	maps.Copy(hdr, v.header)
	if hasAny(r.Header, "Range", "If-Range", "If-Match", "If-Unmodified-Since") {
		serveContent(w, r, v)
		return
	}
	if notModified(r.Header, v) {
		// As http.ServeContent: no entity headers, and the ETag is
		// validator enough.
		delete(hdr, "Content-Type")
		delete(hdr, "Content-Length")
		delete(hdr, "Content-Encoding")
		delete(hdr, "Last-Modified")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if r.Method != http.MethodHead {
		w.Write(v.body)
	}
}

func hasAny(hdr http.Header, keys ...string) bool {
	for _, k := range keys {
		if _, ok := hdr[k]; ok {
			return true
		}
	}
	return false
}

// serveContent leaves the rare requests (ranges, If-Match and
// If-Unmodified-Since) to net/http. Byte ranges of a compressed body are of
// no use to anyone, so a compressed variant is always sent whole.
func serveContent(w http.ResponseWriter, r *http.Request, v *variant) {
	if v.identity {
		// ServeContent sets the length of what it sends (a part, or nothing).
		delete(w.Header(), "Content-Length")
	} else {
		r = r.Clone(r.Context())
		r.Header.Del("Range")
	}
	http.ServeContent(w, r, "", v.modTime, bytes.NewReader(v.body))
}

// notModified evaluates If-None-Match, else If-Modified-Since, as
// RFC 9110 section 13.2.2 orders them.
func notModified(hdr http.Header, v *variant) bool {
	if inm := hdr.Get("If-None-Match"); inm != "" {
		return etagListed(inm, v.etag)
	}
	ims := hdr.Get("If-Modified-Since")
	if ims == "" || v.modTime.IsZero() || v.modTime.Equal(time.Unix(0, 0)) {
		return false
	}
	t, err := http.ParseTime(ims)
	return err == nil && !v.modTime.Truncate(time.Second).After(t)
}

// etagListed reports whether an If-None-Match value is "*" or lists etag,
// comparing weakly (a W/ prefix is ignored). A malformed list matches
// nothing, so the full response is sent.
func etagListed(list, etag string) bool {
	for {
		list = strings.TrimLeft(list, " \t,")
		if list == "" {
			return false
		}
		if list[0] == '*' {
			return true
		}
		list = strings.TrimPrefix(list, "W/")
		if len(list) < 2 || list[0] != '"' {
			return false
		}
		end := strings.IndexByte(list[1:], '"')
		if end < 0 {
			return false
		}
		if list[:end+2] == etag {
			return true
		}
		list = list[end+2:]
	}
}

func serveMiss(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	maps.Copy(hdr, securityHeaders)
	if r.URL.Path == "/healthz" {
		hdr.Set("Cache-Control", "no-store")
		hdr.Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
		return
	}
	if _, ok := fileName(r.URL.Path); !ok {
		http.Error(w, "400 bad request", http.StatusBadRequest)
		return
	}
	// Directories (with or without a trailing slash) are not listed.
	http.Error(w, "404 page not found", http.StatusNotFound)
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
