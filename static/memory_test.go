//go:build !wasm

package static

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"sipcompose/internal/syncbuf"
)

// TestServesFileBytes checks every file of the test site and each of its
// variants: the body is the file, byte for byte, and revalidating with the
// variant's own ETag gives an empty 304 that keeps Vary and the ETag.
func TestServesFileBytes(t *testing.T) {
	site := testSite()
	h := newTestHandler()
	for name, f := range site {
		if strings.HasPrefix(name, ".") || strings.Contains(name, "/.") {
			continue
		}
		for _, enc := range []struct{ accept, suffix, encoding string }{
			{"", "", ""},
			{"br", ".br", "br"},
			{"gzip", ".gz", "gzip"},
		} {
			want := f.Data
			if enc.suffix != "" {
				v, ok := site[name+enc.suffix]
				if !ok {
					continue
				}
				want = v.Data
			}
			hdr := map[string]string{"Accept-Encoding": enc.accept}
			rec := serve(t, h, "GET", "/"+name, hdr)
			if rec.Code != 200 || rec.Body.String() != string(want) || rec.Header().Get("Content-Encoding") != enc.encoding {
				t.Errorf("GET /%s (%q): %d %q %q, want 200 %q %q", name, enc.accept, rec.Code,
					rec.Header().Get("Content-Encoding"), rec.Body.String(), enc.encoding, want)
				continue
			}
			hdr["If-None-Match"] = rec.Header().Get("ETag")
			nm := serve(t, h, "GET", "/"+name, hdr)
			if nm.Code != http.StatusNotModified || nm.Body.Len() != 0 || nm.Header().Get("ETag") != hdr["If-None-Match"] ||
				nm.Header().Get("Vary") != rec.Header().Get("Vary") || nm.Header().Get("Content-Length") != "" {
				t.Errorf("GET /%s (%q) If-None-Match %s: %d %v", name, enc.accept, hdr["If-None-Match"], nm.Code, nm.Header())
			}
		}
	}
}

func TestIfNoneMatchForms(t *testing.T) {
	h := newTestHandler()
	etag := serve(t, h, "GET", "/app.js", nil).Header().Get("ETag")
	for _, tc := range []struct {
		inm  string
		want int
	}{
		{"*", http.StatusNotModified},
		{"W/" + etag, http.StatusNotModified},
		{`"a", ` + etag, http.StatusNotModified},
		{`"a",W/"b" ,` + etag + `, "c"`, http.StatusNotModified},
		{`"a,b", "c"`, http.StatusOK},
		{strings.Trim(etag, `"`), http.StatusOK},
		{`"` + strings.Trim(etag, `"`), http.StatusOK},
		{etag + "x", http.StatusNotModified},
	} {
		if rec := serve(t, h, "GET", "/app.js", map[string]string{"If-None-Match": tc.inm}); rec.Code != tc.want {
			t.Errorf("If-None-Match %s: %d, want %d", tc.inm, rec.Code, tc.want)
		}
	}
	// If-None-Match decides alone when present (RFC 9110 13.2.2).
	rec := serve(t, h, "GET", "/app.js", map[string]string{"If-None-Match": `"other"`, "If-Modified-Since": modTime.Format(http.TimeFormat)})
	if rec.Code != http.StatusOK {
		t.Errorf("If-None-Match mismatch with a matching If-Modified-Since: %d, want 200", rec.Code)
	}
	rec = serve(t, h, "HEAD", "/app.js", map[string]string{"If-None-Match": etag})
	if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("HEAD revalidation: %d %q, want 304", rec.Code, rec.Body.String())
	}
}

func TestPreconditionsLeftToServeContent(t *testing.T) {
	h := newTestHandler()
	etag := serve(t, h, "GET", "/app.js", nil).Header().Get("ETag")
	for _, tc := range []struct {
		hdr  map[string]string
		want int
		body string
	}{
		{map[string]string{"If-Match": etag}, 200, "js"},
		{map[string]string{"If-Match": `"other"`}, http.StatusPreconditionFailed, ""},
		{map[string]string{"If-Unmodified-Since": modTime.Format(http.TimeFormat)}, 200, "js"},
		{map[string]string{"Range": "bytes=1-", "If-Range": etag}, http.StatusPartialContent, "s"},
		{map[string]string{"Range": "bytes=1-", "If-Range": `"other"`}, 200, "js"},
		{map[string]string{"Range": "bytes=9-"}, http.StatusRequestedRangeNotSatisfiable, ""},
	} {
		rec := serve(t, h, "GET", "/app.js", tc.hdr)
		if rec.Code != tc.want || tc.body != "" && rec.Body.String() != tc.body {
			t.Errorf("%v: %d %q, want %d %q", tc.hdr, rec.Code, rec.Body.String(), tc.want, tc.body)
		}
	}
}

func TestPageAliases(t *testing.T) {
	f := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	h := mustNew(fstest.MapFS{
		"index.html":  f("index"),
		"about":       f("about file"),
		"about.html":  f("about page"),
		"help.html":   f("help page"),
		"healthz":     f("a file"),
		"a.b.html":    f("dotted"),
		"d/link.html": f("nested"),
	}, Options{})
	for target, want := range map[string]string{
		"/":           "index",
		"/about":      "about file",
		"/about.html": "about page",
		"/help":       "help page",
		"/healthz":    "ok\n",
		"/d/link":     "nested",
		"/a.b":        "404 page not found\n",
		"/index":      "index",
	} {
		if got := serve(t, h, "GET", target, nil).Body.String(); got != want {
			t.Errorf("GET %s: %q, want %q", target, got, want)
		}
	}
}

// failingFS refuses to open one name; it has only Open, so every read
// (walk, stat, read) goes through it.
type failingFS struct {
	site fstest.MapFS
	bad  string
}

func (f failingFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.site.Open(name)
}

func TestNewReportsUnreadableSite(t *testing.T) {
	_, err := New(failingFS{testSite(), "v/abc/web/app.wasm.br"}, Options{})
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "v/abc/web/app.wasm.br") {
		t.Errorf("New on an unreadable file: %v", err)
	}
	_, err = New(failingFS{testSite(), "v/abc"}, Options{})
	if err == nil || !strings.Contains(err.Error(), "reading the site") {
		t.Errorf("New on an unreadable directory: %v", err)
	}
}

// TestBodiesThroughServers serves every file and variant through real
// servers (with and without the access log): each arrives whole, with its
// length, and the log counts the bytes written.
func TestBodiesThroughServers(t *testing.T) {
	site := testSite()
	h := newTestHandler()
	var log syncbuf.Buffer
	for _, srv := range []*httptest.Server{httptest.NewServer(h), httptest.NewUnstartedServer(nil)} {
		if srv.URL == "" {
			srv.Config = NewServer(h, &log)
			srv.Start()
		}
		defer srv.Close()
		client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
		for name, f := range site {
			if strings.Contains("/"+name, "/.") || strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
				continue
			}
			for _, enc := range []struct{ accept, suffix string }{{"identity", ""}, {"br", ".br"}, {"gzip", ".gz"}} {
				want := f.Data
				if v, ok := site[name+enc.suffix]; ok {
					want = v.Data
				}
				req, _ := http.NewRequest("GET", srv.URL+"/"+name, nil)
				req.Header.Set("Accept-Encoding", enc.accept)
				res, err := client.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != 200 || string(body) != string(want) || res.ContentLength != int64(len(want)) {
					t.Errorf("GET /%s (%s): %d %q length %d, want %q", name, enc.accept, res.StatusCode, body, res.ContentLength, want)
				}
			}
		}
	}
	if !strings.Contains(log.String(), `"/v/abc/web/app.wasm" 200 14B`) {
		t.Errorf("access log lacks the size of app.wasm's body:\n%s", log.String())
	}
	rec := serve(t, h, "GET", "/v/abc/web/app.wasm", map[string]string{"Range": "bytes=2-4"})
	if rec.Code != http.StatusPartialContent || rec.Body.String() != "234" {
		t.Errorf("range of app.wasm: %d %q", rec.Code, rec.Body.String())
	}
}

// TestServesSnapshot: what New read is what is served, whatever happens to
// the directory afterwards (the package comment promises a restart is
// needed after a re-export).
func TestServesSnapshot(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", "first")
	write("app.js", "js")
	h := mustNew(os.DirFS(dir), Options{})
	etag := serve(t, h, "GET", "/", nil).Header().Get("ETag")
	write("index.html", "second")
	os.Remove(filepath.Join(dir, "app.js"))
	write("new.js", "new")
	for target, want := range map[string]int{"/": 200, "/app.js": 200, "/new.js": 404} {
		if rec := serve(t, h, "GET", target, nil); rec.Code != want {
			t.Errorf("GET %s after the change: %d, want %d", target, rec.Code, want)
		}
	}
	rec := serve(t, h, "GET", "/", nil)
	if rec.Body.String() != "first" || rec.Header().Get("ETag") != etag {
		t.Errorf("changed index.html: %q %s, want the snapshot's %q %s", rec.Body.String(), rec.Header().Get("ETag"), "first", etag)
	}
}
