//go:build !wasm

package static

import (
	"bufio"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var modTime = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

func testSite() fstest.MapFS {
	f := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), ModTime: modTime} }
	return fstest.MapFS{
		"index.html":                    f("<!DOCTYPE html>index"),
		"index.html.br":                 f("BR-index"),
		"index.html.gz":                 f("GZ-index"),
		"app.js":                        f("js"),
		"app-worker.js":                 f("worker"),
		"app.css":                       f("css"),
		"manifest.webmanifest":          f("{}"),
		"about.html":                    f("about page"),
		"v/abc/web/app.wasm":            f("0123456789wasm"),
		"v/abc/web/app.wasm.br":         f("BRwasm"),
		"v/abc/web/app.wasm.gz":         f("GZwasm!"),
		"v/abc/web/icon.png":            f("png"),
		"v/abc/web/icon.svg":            f("<svg/>"),
		"v/abc/web/data.bin":            f("bin"),
		".env":                          f("secret"),
		"v/abc/web/.hidden":             f("secret"),
		"v/abc/web/sub/placeholder.txt": f("x"),
	}
}

func serve(t *testing.T, h http.Handler, method, target string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func newTestHandler() http.Handler {
	return mustNew(testSite(), Options{ImmutablePrefix: "/v/"})
}

func mustNew(fsys fs.FS, opts Options) http.Handler {
	h, err := New(fsys, opts)
	if err != nil {
		panic(err)
	}
	return h
}

func TestContentTypes(t *testing.T) {
	h := newTestHandler()
	for _, tc := range []struct{ path, want string }{
		{"/", "text/html; charset=utf-8"},
		{"/index.html", "text/html; charset=utf-8"},
		{"/app.js", "text/javascript; charset=utf-8"},
		{"/app-worker.js", "text/javascript; charset=utf-8"},
		{"/app.css", "text/css; charset=utf-8"},
		{"/manifest.webmanifest", "application/manifest+json"},
		{"/v/abc/web/app.wasm", "application/wasm"},
		{"/v/abc/web/icon.png", "image/png"},
		{"/v/abc/web/icon.svg", "image/svg+xml"},
		{"/v/abc/web/data.bin", "application/octet-stream"},
		{"/healthz", "text/plain; charset=utf-8"},
	} {
		rec := serve(t, h, "GET", tc.path, nil)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != tc.want {
			t.Errorf("GET %s: %d %q, want 200 %q", tc.path, rec.Code, rec.Header().Get("Content-Type"), tc.want)
		}
	}
}

func TestCompressionNegotiation(t *testing.T) {
	h := newTestHandler()
	for _, tc := range []struct {
		accept, wantEncoding, wantBody string
	}{
		{"", "", "0123456789wasm"},
		{"gzip", "gzip", "GZwasm!"},
		{"gzip, deflate, br, zstd", "br", "BRwasm"},
		{"br;q=0, gzip", "gzip", "GZwasm!"},
		{"BR;Q=0.5", "br", "BRwasm"},
		{"*", "br", "BRwasm"},
		{"*;q=0", "", "0123456789wasm"},
		{"br;q=0, *", "gzip", "GZwasm!"},
		{"identity", "", "0123456789wasm"},
		{"deflate", "", "0123456789wasm"},
	} {
		rec := serve(t, h, "GET", "/v/abc/web/app.wasm", map[string]string{"Accept-Encoding": tc.accept})
		got := rec.Header()
		if got.Get("Content-Encoding") != tc.wantEncoding || rec.Body.String() != tc.wantBody {
			t.Errorf("Accept-Encoding %q: encoding %q body %q, want %q %q", tc.accept,
				got.Get("Content-Encoding"), rec.Body.String(), tc.wantEncoding, tc.wantBody)
		}
		if got.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary %q", tc.accept, got.Get("Vary"))
		}
		if got.Get("Content-Length") != strconv.Itoa(len(tc.wantBody)) {
			t.Errorf("Accept-Encoding %q: Content-Length %q, want %d", tc.accept, got.Get("Content-Length"), len(tc.wantBody))
		}
		if got.Get(WasmLengthHeader) != "14" {
			t.Errorf("Accept-Encoding %q: %s %q, want the uncompressed 14", tc.accept, WasmLengthHeader, got.Get(WasmLengthHeader))
		}
	}
	if v := serve(t, h, "GET", "/app.js", map[string]string{"Accept-Encoding": "br"}).Header().Get("Vary"); v != "" {
		t.Errorf("file without variants: Vary %q, want none", v)
	}
}

func TestRangeIgnoredOnCompressedVariant(t *testing.T) {
	rec := serve(t, newTestHandler(), "GET", "/v/abc/web/app.wasm", map[string]string{"Accept-Encoding": "br", "Range": "bytes=0-1"})
	if rec.Code != 200 || rec.Body.String() != "BRwasm" {
		t.Errorf("got %d %q, want the whole br variant", rec.Code, rec.Body.String())
	}
	rec = serve(t, newTestHandler(), "GET", "/v/abc/web/app.wasm", map[string]string{"Range": "bytes=0-1"})
	if rec.Code != http.StatusPartialContent || rec.Body.String() != "01" {
		t.Errorf("identity range: got %d %q, want 206 \"01\"", rec.Code, rec.Body.String())
	}
}

func TestCacheHeaders(t *testing.T) {
	h := newTestHandler()
	for _, tc := range []struct{ path, want string }{
		{"/", "no-cache"},
		{"/app-worker.js", "no-cache"},
		{"/app.js", "no-cache"},
		{"/manifest.webmanifest", "no-cache"},
		{"/v/abc/web/app.wasm", "public, max-age=31536000, immutable"},
		{"/v/abc/web/icon.png", "public, max-age=31536000, immutable"},
		{"/healthz", "no-store"},
	} {
		if got := serve(t, h, "GET", tc.path, nil).Header().Get("Cache-Control"); got != tc.want {
			t.Errorf("GET %s: Cache-Control %q, want %q", tc.path, got, tc.want)
		}
	}
	if got := serve(t, mustNew(testSite(), Options{}), "GET", "/v/abc/web/app.wasm", nil).Header().Get("Cache-Control"); got != "no-cache" {
		t.Errorf("without ImmutablePrefix: Cache-Control %q, want no-cache", got)
	}
}

func TestConditionalRequests(t *testing.T) {
	h := newTestHandler()
	first := serve(t, h, "GET", "/app-worker.js", nil)
	etag := first.Header().Get("ETag")
	if !strings.HasPrefix(etag, `"`) || first.Header().Get("Last-Modified") != modTime.Format(http.TimeFormat) {
		t.Fatalf("validators: ETag %q Last-Modified %q", etag, first.Header().Get("Last-Modified"))
	}
	for _, tc := range []struct {
		name string
		hdr  map[string]string
		want int
	}{
		{"matching etag", map[string]string{"If-None-Match": etag}, http.StatusNotModified},
		{"other etag", map[string]string{"If-None-Match": `"other"`}, http.StatusOK},
		{"not modified since", map[string]string{"If-Modified-Since": modTime.Format(http.TimeFormat)}, http.StatusNotModified},
		{"modified since", map[string]string{"If-Modified-Since": modTime.Add(-time.Hour).Format(http.TimeFormat)}, http.StatusOK},
	} {
		rec := serve(t, h, "GET", "/app-worker.js", tc.hdr)
		if rec.Code != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, rec.Code, tc.want)
		}
		if tc.want == http.StatusNotModified && rec.Body.Len() != 0 {
			t.Errorf("%s: 304 with a body", tc.name)
		}
	}
	br := serve(t, h, "GET", "/", map[string]string{"Accept-Encoding": "br"}).Header().Get("ETag")
	plain := serve(t, h, "GET", "/", nil).Header().Get("ETag")
	if br == plain {
		t.Errorf("br and identity share ETag %s", br)
	}
	if rec := serve(t, h, "GET", "/", map[string]string{"Accept-Encoding": "br", "If-None-Match": br}); rec.Code != http.StatusNotModified {
		t.Errorf("br revalidation: %d, want 304", rec.Code)
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := newTestHandler()
	for _, target := range []string{"/", "/v/abc/web/app.wasm", "/missing", "/healthz"} {
		hdr := serve(t, h, "GET", target, nil).Header()
		for k, want := range map[string]string{
			"Content-Security-Policy": ContentSecurityPolicy,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "no-referrer",
			"X-Frame-Options":         "DENY",
		} {
			if got := hdr.Get(k); got != want {
				t.Errorf("GET %s: %s %q, want %q", target, k, got, want)
			}
		}
	}
	for _, must := range []string{"default-src 'self'", "'wasm-unsafe-eval'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(ContentSecurityPolicy, must) {
			t.Errorf("CSP lacks %s", must)
		}
	}
	if strings.Contains(ContentSecurityPolicy, "unsafe-inline") || strings.Contains(ContentSecurityPolicy, "'unsafe-eval'") {
		t.Errorf("CSP allows inline code or eval: %s", ContentSecurityPolicy)
	}
}

func TestMethods(t *testing.T) {
	h := newTestHandler()
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"} {
		rec := serve(t, h, m, "/", nil)
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: %d Allow %q, want 405 \"GET, HEAD\"", m, rec.Code, rec.Header().Get("Allow"))
		}
	}
	rec := serve(t, h, "HEAD", "/app.js", nil)
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") != "2" {
		t.Errorf("HEAD: %d body %q Content-Length %q", rec.Code, rec.Body.String(), rec.Header().Get("Content-Length"))
	}
}

func TestPaths(t *testing.T) {
	h := newTestHandler()
	for _, tc := range []struct {
		target string
		want   int
		body   string
	}{
		{"/", 200, "<!DOCTYPE html>index"},
		{"/about", 200, "about page"},
		{"/about.html", 200, "about page"},
		{"/about/", 404, ""},
		{"/missing", 404, ""},
		{"/web/app.css", 404, ""},
		{"/v/abc/web/", 404, ""},
		{"/v/abc/web", 404, ""},
		{"/v/abc/web/sub", 404, ""},
		{"/v", 404, ""},
		{"/.env", 400, ""},
		{"/v/abc/web/.hidden", 400, ""},
		{"/../etc/passwd", 400, ""},
		{"/v/../index.html", 400, ""},
		{"/%2e%2e/etc/passwd", 400, ""},
		{"/%2E%2E%2Fetc%2Fpasswd", 400, ""},
		{"/v/abc/%2e%2e/%2e%2e/index.html", 400, ""},
		{"/./index.html", 400, ""},
		{"//etc/passwd", 400, ""},
		{"/v//abc/web/app.wasm", 400, ""},
		{"/%00", 400, ""},
		{"/index.html%00.png", 400, ""},
		{"/..%5c..%5cetc%5cpasswd", 400, ""},
		{"/app.js?x=1", 200, "js"},
	} {
		rec := serve(t, h, "GET", tc.target, nil)
		if rec.Code != tc.want || (tc.body != "" && rec.Body.String() != tc.body) {
			t.Errorf("GET %s: %d %q, want %d %q", tc.target, rec.Code, rec.Body.String(), tc.want, tc.body)
		}
		if rec.Code != 200 && strings.Contains(rec.Body.String(), "secret") {
			t.Errorf("GET %s leaked a hidden file", tc.target)
		}
	}
}

// TestAbsoluteFormAndRawTraversal goes through a real server, so the request
// line reaches net/http unnormalised, as an attacker would send it.
func TestAbsoluteFormAndRawTraversal(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(site, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(site, "index.html"), []byte("index"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	if err := os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(site, "link.txt")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(site)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	srv := httptest.NewServer(mustNew(root.FS(), Options{}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	for _, tc := range []struct {
		target string
		want   int
	}{
		{"/", 200},
		{"/../secret.txt", 400},
		{"/%2e%2e/secret.txt", 400},
		{"/..%2fsecret.txt", 400},
		{"/link.txt", 404},
		{"http://" + host + "/", 200},
		{"http://" + host + "/../secret.txt", 400},
		{"/" + filepath.Join(dir, "secret.txt"), 400},
	} {
		status, body := rawGet(t, host, tc.target)
		if status != tc.want || strings.Contains(body, "secret") && tc.want != 200 {
			t.Errorf("GET %s: %d %q, want %d", tc.target, status, body, tc.want)
		}
	}
}

func rawGet(t *testing.T, host, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b strings.Builder
	bufio.NewReader(res.Body).WriteTo(&b)
	return res.StatusCode, b.String()
}

func TestHealthz(t *testing.T) {
	rec := serve(t, newTestHandler(), "GET", "/healthz", nil)
	if rec.Code != 200 || rec.Body.String() != "ok\n" {
		t.Errorf("healthz: %d %q", rec.Code, rec.Body.String())
	}
}

func TestAccepts(t *testing.T) {
	for _, tc := range []struct {
		header, coding string
		want           bool
	}{
		{"", "br", false},
		{"br", "br", true},
		{"gzip, br", "br", true},
		{"br;q=0", "br", false},
		{"br;q=0.0", "br", false},
		{"br;q=0.001", "br", true},
		{"br; q=1", "br", true},
		{"br;q=x", "br", false},
		{"*", "gzip", true},
		{"*;q=0", "gzip", false},
		{"gzip;q=0, *", "gzip", false},
		{"*, gzip;q=0", "gzip", false},
		{"brotli", "br", false},
	} {
		if got := accepts(tc.header, tc.coding); got != tc.want {
			t.Errorf("accepts(%q, %q) = %v, want %v", tc.header, tc.coding, got, tc.want)
		}
	}
}

func TestCheckSite(t *testing.T) {
	if err := CheckSite(testSite()); err != nil {
		t.Errorf("site with index.html: %v", err)
	}
	if err := CheckSite(fstest.MapFS{"a.txt": {}}); err == nil || !strings.Contains(err.Error(), "index.html") {
		t.Errorf("site without index.html: %v", err)
	}
}
