//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
	"golang.org/x/net/html"

	"sipcompose/static"
)

type hello struct{ goapp.Compo }

// hello renders the boolean attributes go-app writes wrongly when false.
func (hello) Render() goapp.UI {
	return goapp.Div().Body(
		goapp.P().Text("hello"),
		goapp.Details().ID("closed").Open(false).Body(goapp.Summary().Text("closed")),
		goapp.Details().ID("opened").Open(true).Body(goapp.Summary().Text("opened")),
		goapp.Input().ID("unchecked").Type("checkbox").Checked(false).Disabled(false),
		goapp.Select().Body(
			goapp.Option().Value("a").Selected(true).Text("a"),
			goapp.Option().Value("b").Selected(false).Text("b"),
		),
		goapp.Pre().ID("code").Body(goapp.Span().Text("<a>"), goapp.Text("\n  x "), goapp.Span().Text("y")),
		goapp.P().Body(goapp.Text("see "), goapp.A().Href("#top").Text("this"), goapp.Text(".")),
		goapp.Pre().ID("wrapped").Body(goapp.Text("sip:a@b?"), goapp.Wbr(), goapp.Text("X-A=1")),
	)
}

func init() { goapp.Route("/", &hello{}) }

func handler() *goapp.Handler {
	return &goapp.Handler{
		Name:    "t",
		Version: "v-test",
		Icon:    goapp.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", SVG: "/web/icon.svg"},
		Styles:  []string{"/web/app.css"},
	}
}

func writeWeb(t *testing.T, wasm string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"app.wasm":     wasm,
		"app.wasm.br":  "stale local variant",
		"app.css":      strings.Repeat("body { margin: 0 }\n", 50),
		"icon-192.png": "png",
		"icon-512.png": "png",
		"icon.svg":     "<svg/>",
		".keep":        "",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestExport(t *testing.T) {
	wasm := strings.Repeat("\x00asm wasm bytes ", 4000)
	web := writeWeb(t, wasm)
	out := filepath.Join(t.TempDir(), "dist")
	if err := Export(out, handler(), web); err != nil {
		t.Fatal(err)
	}
	hash, err := Fingerprint(os.DirFS(web))
	if err != nil {
		t.Fatal(err)
	}
	assets := filepath.Join(out, "v", hash, "web")
	for _, name := range []string{"index.html", "app.js", "app-worker.js", "wasm_exec.js", "app.css", "manifest.webmanifest",
		filepath.Join("v", hash, "web", "app.wasm"), filepath.Join("v", hash, "web", "icon-192.png")} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("export lacks %s", name)
		}
	}
	for _, name := range []string{"web", filepath.Join("v", hash, "web", ".keep")} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("export has %s", name)
		}
	}
	if got := read(t, filepath.Join(assets, "app.wasm")); got != wasm {
		t.Error("app.wasm not copied verbatim")
	}
	if err := static.CheckSite(os.DirFS(out)); err != nil {
		t.Error(err)
	}

	index := read(t, filepath.Join(out, "index.html"))
	if !strings.Contains(index, `content="`+zoomableViewport+`"`) || strings.Contains(index, "user-scalable") {
		t.Errorf("index.html forbids zooming:\n%s", index)
	}
	if !strings.Contains(index, `href="/v/`+hash+`/web/app.css"`) || !strings.Contains(index, `src="/v/`+hash+`/web/icon-192.png"`) {
		t.Errorf("index.html does not point at the fingerprinted resources:\n%s", index)
	}
	if !strings.Contains(index, `<div inert="">`) || strings.Count(index, "inert") != 1 {
		t.Errorf("the prerendered page is not inert until the app starts:\n%s", index)
	}
	checkPrerenderHTML(t, index)
	if !strings.Contains(index, `<link rel="preload" href="/v/`+hash+`/web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`) {
		t.Errorf("index.html does not preload the fingerprinted app.wasm:\n%s", index)
	}
	// go-app's indentation is gone: in a <pre> it showed as blank lines.
	// So is the end tag go-app writes for a <wbr>.
	for _, want := range []string{"<pre id=\"code\"><span>&lt;a&gt;</span>\n  x <span>y</span></pre>", `<p>see <a href="#top">this</a>.</p>`,
		`<pre id="wrapped">sip:a@b?<wbr>X-A=1</pre>`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q:\n%s", want, index)
		}
	}
	if !strings.Contains(read(t, filepath.Join(out, "app.js")), `"`+static.WasmLengthHeader+`"`) {
		t.Error("app.js does not read the wasm length header")
	}
	worker := read(t, filepath.Join(out, "app-worker.js"))
	if !strings.Contains(worker, `"/v/`+hash+`/web/app.wasm"`) || !strings.Contains(worker, "v-test") {
		t.Errorf("app-worker.js does not cache the fingerprinted wasm of this version:\n%s", worker)
	}

	// Variants decode to the original; incompressible files get none.
	orig := filepath.Join(assets, "app.wasm")
	br, err := io.ReadAll(brotli.NewReader(bytes.NewReader([]byte(read(t, orig+".br")))))
	if err != nil || string(br) != wasm {
		t.Errorf("app.wasm.br does not decode to app.wasm: %v", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader([]byte(read(t, orig+".gz"))))
	if err != nil {
		t.Fatal(err)
	}
	gz, err := io.ReadAll(zr)
	if err != nil || string(gz) != wasm {
		t.Errorf("app.wasm.gz does not decode to app.wasm: %v", err)
	}
	for _, name := range []string{"icon-192.png.br", "icon-192.png.gz", "icon.svg.br"} {
		if _, err := os.Stat(filepath.Join(assets, name)); err == nil {
			t.Errorf("%s written though it is not smaller", name)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.html.br")); err != nil {
		t.Error("index.html.br missing")
	}

	// A new wasm moves the assets to a new prefix and replaces the export.
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), []byte(wasm+"v2"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Export(out, handler(), web); err != nil {
		t.Fatalf("re-export over an earlier export: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "v", hash)); err == nil {
		t.Error("old assets left behind after re-export")
	}
}

// checkPrerenderHTML parses page as a browser would and fails on what
// reads differently there than in the app: a false boolean attribute that
// HTML reads as true, and the export's temporary loopback address.
func checkPrerenderHTML(t *testing.T, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			if booleanAttrs[a.Key] && a.Val != "" {
				t.Errorf("<%s %s=%q>: HTML reads any value of a boolean attribute as true", n.Data, a.Key, a.Val)
			}
			if strings.Contains(a.Val, "127.0.0.1") || strings.Contains(a.Val, "localhost") {
				t.Errorf("<%s %s=%q>: the export's temporary server leaked into the page", n.Data, a.Key, a.Val)
			}
			if n.Data == "meta" && a.Key == "content" && a.Val == "" {
				t.Errorf("<meta> with empty content: %v", n.Attr)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func TestExportRefusals(t *testing.T) {
	web := writeWeb(t, "wasm")
	for _, tc := range []struct {
		name, want string
		setup      func(t *testing.T) (out, web string)
	}{
		{"no wasm", "app.wasm not found: run `make build` first", func(t *testing.T) (string, string) {
			return filepath.Join(t.TempDir(), "dist"), t.TempDir()
		}},
		{"foreign directory", "not empty and not an earlier export", func(t *testing.T) (string, string) {
			out := t.TempDir()
			os.WriteFile(filepath.Join(out, "precious.txt"), []byte("keep me"), 0o644)
			return out, web
		}},
	} {
		out, w := tc.setup(t)
		err := Export(out, handler(), w)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestFingerprint(t *testing.T) {
	a := fstest.MapFS{"app.wasm": {Data: []byte("x")}, "app.css": {Data: []byte("y")}}
	b := fstest.MapFS{"app.wasm": {Data: []byte("x")}, "app.css": {Data: []byte("z")}}
	withLeftovers := fstest.MapFS{"app.wasm": {Data: []byte("x")}, "app.css": {Data: []byte("y")},
		"app.wasm.br": {Data: []byte("old")}, ".DS_Store": {Data: []byte("junk")}}
	ha, _ := Fingerprint(a)
	hb, _ := Fingerprint(b)
	hl, _ := Fingerprint(withLeftovers)
	if ha == hb {
		t.Error("different content, same fingerprint")
	}
	if ha != hl {
		t.Error("unpublished files changed the fingerprint")
	}
	if len(ha) != 16 {
		t.Errorf("fingerprint %q: want 16 hex digits", ha)
	}
}

func TestWriteFS(t *testing.T) {
	src := fstest.MapFS{"index.html": {Data: []byte("i")}, "app-worker.js": {Data: []byte("w")}, "v/h/web/app.wasm": {Data: []byte("x")}}
	out := filepath.Join(t.TempDir(), "site")
	if err := WriteFS(out, src); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "v", "h", "web", "app.wasm")); got != "x" {
		t.Errorf("app.wasm = %q", got)
	}
}

// TestBuiltSitePrerender checks the real export's index.html (make test
// builds it and sets SIPCOMPOSE_SITE): the prerendered form of the example,
// inert, and HTML that reads as the app renders it.
func TestBuiltSitePrerender(t *testing.T) {
	dir := builtSite(t)
	index := read(t, filepath.Join(dir, "index.html"))
	checkPrerenderHTML(t, index)
	for _, want := range []string{` inert="">`, `id="t0-host"`, `value="pbx.example.com"`, `id="app-wasm-loader"`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}
