//go:build !wasm

// Package site writes the PWA as static files: go-app's generated pages and
// scripts, the web/ resources under a content-addressed prefix, and brotli
// and gzip variants for the static server or any host that can use them.
package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/andybalholm/brotli"
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/static"
)

// AssetsPrefix is where the web/ resources live in an export:
// /v/<hash of web/>/web/... Their URLs change whenever any of their bytes
// do, so they can be cached for good; the pages and go-app's scripts keep
// fixed URLs and are revalidated.
const AssetsPrefix = "/v/"

// brotliQuality trades export time for size: on this app's wasm, 11 takes
// about 26 s against 1 s for 9 and saves 12% (1.55 MB against 1.77 MB),
// the difference between meeting the 1.6 MB budget and missing it.
const brotliQuality = 11

// compressible lists the extensions worth precompressing; images other
// than SVG are already compressed.
var compressible = map[string]bool{
	".html": true, ".js": true, ".css": true, ".wasm": true, ".webmanifest": true,
	".json": true, ".svg": true, ".txt": true, ".xml": true, ".ico": true,
}

// Export writes the site for h into out, taking app.wasm, icons and CSS from
// the web directory webDir. out is replaced as a whole, and only when it is
// missing, empty or an earlier export, so a typo cannot wipe a directory.
func Export(out string, h *goapp.Handler, webDir string) error {
	web := os.DirFS(webDir)
	if _, err := fs.Stat(web, "app.wasm"); err != nil {
		return fmt.Errorf("%s: app.wasm not found: run `make build` first", webDir)
	}
	if err := checkReplaceable(out); err != nil {
		return err
	}
	hash, err := Fingerprint(web)
	if err != nil {
		return err
	}
	prefix := AssetsPrefix + hash
	h.Resources = goapp.RemoteBucket(prefix)
	h.WasmContentLengthHeader = static.WasmLengthHeader
	// go-app's app.js asks for app.wasm only once it and wasm_exec.js have
	// arrived and run; preloaded, the wasm is requested with the page's own
	// resources, about 0.3 s sooner on a 40 ms link (BENCHMARKS.md). The
	// loader's fetch (same URL, CORS mode, same-origin credentials) takes
	// the preloaded response, so the wasm is downloaded once.
	h.RawHeaders = append(h.RawHeaders, `<link rel="preload" href="`+prefix+`/web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`)

	return replaceDir(out, func(tmp string) error {
		if err := goapp.GenerateStaticWebsite(tmp, h); err != nil {
			return fmt.Errorf("generating pages: %w", err)
		}
		if err := fixPages(tmp); err != nil {
			return err
		}
		// go-app makes an empty web/ for resources it expects beside the
		// pages; ours live under the prefix instead.
		if err := os.Remove(filepath.Join(tmp, "web")); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := copyFiles(web, filepath.Join(tmp, filepath.FromSlash(strings.TrimPrefix(prefix, "/")), "web"), servedFromWeb); err != nil {
			return err
		}
		return Precompress(tmp)
	})
}

// WriteFS writes an already exported site (the one built into the binary)
// to out, under the same rules as Export.
func WriteFS(out string, fsys fs.FS) error {
	if err := checkReplaceable(out); err != nil {
		return err
	}
	return replaceDir(out, func(tmp string) error {
		return copyFiles(fsys, tmp, func(string) bool { return true })
	})
}

// replaceDir fills a fresh sibling of out and swaps it in only once fill has
// succeeded, so a failed export leaves the previous one intact.
func replaceDir(out string, fill func(tmp string) error) error {
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := fill(tmp); err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

func checkReplaceable(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(out, "app-worker.js")); err != nil {
		return fmt.Errorf("%s is not empty and not an earlier export: refusing to replace it", out)
	}
	return nil
}

// servedFromWeb excludes what must not be published: dotfiles and
// compressed leftovers of a local build (the export makes its own).
func servedFromWeb(name string) bool {
	base := path.Base(name)
	return !strings.HasPrefix(base, ".") && !strings.HasSuffix(base, ".br") && !strings.HasSuffix(base, ".gz")
}

// Fingerprint hashes the names and bytes of the files published from web,
// in a fixed order, into a short hex id.
func Fingerprint(web fs.FS) (string, error) {
	var names []string
	err := fs.WalkDir(web, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && servedFromWeb(name) {
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	sum := sha256.New()
	for _, name := range names {
		f, err := web.Open(name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(sum, "%s\x00", name)
		_, err = io.Copy(sum, f)
		f.Close()
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(sum.Sum(nil))[:16], nil
}

// copyFiles copies the regular files of src that keep accepts into dst,
// skipping hidden directories.
func copyFiles(src fs.FS, dst string, keep func(name string) bool) error {
	return fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dst, filepath.FromSlash(name))
		if d.IsDir() {
			if name != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() || !keep(name) {
			return nil
		}
		b, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// Precompress writes name.br and name.gz beside every compressible file
// under dir, keeping a variant only when it is smaller than the original.
func Precompress(dir string) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && compressible[filepath.Ext(p)] {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// brotli dominates the export time; gzip runs beside it.
		gzc := make(chan error, 1)
		go func() { gzc <- writeIfSmaller(p+".gz", b, gzipBytes) }()
		brErr := writeIfSmaller(p+".br", b, brotliBytes)
		if err := errors.Join(brErr, <-gzc); err != nil {
			return err
		}
	}
	return nil
}

func writeIfSmaller(name string, orig []byte, compress func([]byte) ([]byte, error)) error {
	c, err := compress(orig)
	if err != nil {
		return fmt.Errorf("compressing %s: %w", name, err)
	}
	if len(c) >= len(orig) {
		return nil
	}
	return os.WriteFile(name, c, 0o644)
}

func brotliBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	// A 16 MiB window (the format's largest) lets matches span the whole
	// wasm; every browser decodes it.
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotliQuality, LGWin: 24})
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	err := w.Close()
	return buf.Bytes(), err
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	err = w.Close()
	return buf.Bytes(), err
}
