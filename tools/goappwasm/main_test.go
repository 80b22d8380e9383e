//go:build !wasm

package main

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"html"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// root is the repository's root, from this package's directory.
const root = "../.."

// TestReplacementsMatchUpstream fails when a go-app upgrade changes a file
// that third_party/goapp-wasm replaces, and when the manifest and the
// replacement files disagree about which files those are.
func TestReplacementsMatchUpstream(t *testing.T) {
	swaps, err := readManifest(filepath.Join(root, manifest))
	if err != nil {
		t.Fatal(err)
	}
	upstream, err := moduleDir(root, goappModule)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkUpstream(upstream, swaps, manifest); err != nil {
		t.Fatal(err)
	}
	var files []string
	err = filepath.WalkDir(filepath.Join(root, swapsDir, "pkg"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(filepath.Join(root, swapsDir), p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	listed := slices.Sorted(func(yield func(string) bool) {
		for name := range swaps {
			if !yield(name) {
				return
			}
		}
	})
	if !slices.Equal(files, listed) {
		t.Errorf("the replacement files %v are not the ones %s lists, %v", files, manifest, listed)
	}

	// The check is real: a changed upstream file is caught.
	changed := t.TempDir()
	for name := range swaps {
		b, err := os.ReadFile(filepath.Join(upstream, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "pkg/app/route.go" {
			b = append(b, "\n// v9.8.1\n"...)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(changed, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(changed, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := checkUpstream(changed, swaps, manifest); !errors.Is(err, errStale) || !strings.Contains(err.Error(), "pkg/app/route.go") {
		t.Errorf("a changed route.go: checkUpstream says %v", err)
	}
}

// serverOnly are packages app.wasm must not carry: go-app's Handler
// (net/http, TLS, templates), regexp, html's entity table, package net,
// tabwriter, and any crypto.
func serverOnly(pkg string) bool {
	switch pkg {
	case "net", "regexp", "regexp/syntax", "html", "html/template", "text/template", "text/template/parse",
		"text/tabwriter", "mime", "mime/multipart", "log", "compress/gzip", "database/sql/driver", "crypto":
		return true
	}
	return strings.HasPrefix(pkg, "crypto/") || strings.HasPrefix(pkg, "vendor/golang.org/x/net/") ||
		strings.HasPrefix(pkg, "net/") && pkg != "net/url" && pkg != "net/netip"
}

type listedPackage struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	Module     *struct{ Path, Dir string }
}

// wasmPackages is `go list -deps` of the page under GOOS=js GOARCH=wasm,
// with modfile ("" for the project's own go.mod).
func wasmPackages(t *testing.T, modfile string) []listedPackage {
	t.Helper()
	return wasmPackagesOf(t, modfile, ".")
}

// wasmPackagesOf is wasmPackages of the program pkg.
func wasmPackagesOf(t *testing.T, modfile, pkg string) []listedPackage {
	t.Helper()
	args := []string{"list", "-deps", "-json=ImportPath,Dir,GoFiles,Module"}
	if modfile != "" {
		args = append(args, "-modfile="+modfile)
	}
	cmd := exec.Command("go", append(args, pkg)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %v: %v", args, err)
	}
	var pkgs []listedPackage
	for dec := json.NewDecoder(strings.NewReader(string(out))); dec.More(); {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// TestWasmCarriesNoServerCode lists the packages the wasm build compiles:
// with the replacements, none of serverOnly; go-app and uuid come from the
// copy and third_party. Without them (the project's go.mod, as the native
// build and go vet read it), net/http is there: the list is not vacuous.
func TestWasmCarriesNoServerCode(t *testing.T) {
	out := t.TempDir()
	if err := prepare(root, out); err != nil {
		t.Fatal(err)
	}
	pkgs := wasmPackages(t, filepath.Join(out, "go.mod"))
	var carried []string
	for _, p := range pkgs {
		if serverOnly(p.ImportPath) {
			carried = append(carried, p.ImportPath)
		}
		if p.Module == nil {
			continue
		}
		switch p.Module.Path {
		case goappModule:
			if !strings.HasPrefix(p.Dir, filepath.Join(out, "go-app")) {
				t.Errorf("%s is read from %s, not the copy", p.ImportPath, p.Dir)
			}
		case uuidModule:
			if want, _ := filepath.Abs(filepath.Join(root, uuidDir)); p.Dir != want {
				t.Errorf("%s is read from %s, not %s", p.ImportPath, p.Dir, want)
			}
		case etreeModule:
			if p.Dir != filepath.Join(out, "etree") {
				t.Errorf("%s is read from %s, not the copy", p.ImportPath, p.Dir)
			}
		}
	}
	if len(carried) > 0 {
		t.Errorf("app.wasm would carry %v: see docs/development.md, section \"app.wasm's size\"", carried)
	}
	if !slices.ContainsFunc(pkgs, func(p listedPackage) bool { return p.ImportPath == "github.com/maxence-charriere/go-app/v9/pkg/app" }) {
		t.Error("the page does not import go-app: the list is not the page's")
	}
	plain := wasmPackages(t, "")
	if !slices.ContainsFunc(plain, func(p listedPackage) bool { return p.ImportPath == "net/http" }) {
		t.Error("without the replacements the page does not reach net/http: this test no longer shows what they remove")
	}

	// The project's own code never asks go-app to encrypt, which the wasm
	// build's go-app cannot (third_party/goapp-wasm/pkg/app/crypto.go).
	fset := token.NewFileSet()
	for _, p := range pkgs {
		if p.Module == nil || p.Module.Path != "sipcompose" {
			continue
		}
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Encrypt" || sel.Sel.Name == "Decrypt") {
					t.Errorf("%s: the page calls %s, which the wasm build's go-app leaves out", fset.Position(sel.Pos()), sel.Sel.Name)
				}
				return true
			})
		}
	}
}

// replacerPairs are the string arguments of the strings.NewReplacer call
// that initialises the package variable name in file.
func replacerPairs(t *testing.T, file, name string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	ast.Inspect(f, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 || spec.Names[0].Name != name || len(spec.Values) != 1 {
			return true
		}
		call, ok := spec.Values[0].(*ast.CallExpr)
		if !ok {
			t.Fatalf("%s: %s is not a call", file, name)
		}
		for _, arg := range call.Args {
			lit, ok := arg.(*ast.BasicLit)
			if !ok {
				t.Fatalf("%s: an argument of %s is not a string literal", file, name)
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			pairs = append(pairs, s)
		}
		return false
	})
	if len(pairs) == 0 {
		t.Fatalf("%s: no %s", file, name)
	}
	return pairs
}

// The replacement text.go escapes as html.EscapeString: the same replacer
// pairs as the standard library's html/escape.go, and the same output.
func TestTextEscapesAsHTMLEscapeString(t *testing.T) {
	ours := replacerPairs(t, filepath.Join(root, swapsDir, "pkg/app/text.go"), "htmlEscaper")
	std := replacerPairs(t, filepath.Join(runtime.GOROOT(), "src/html/escape.go"), "htmlEscaper")
	if !slices.Equal(ours, std) {
		t.Fatalf("text.go's htmlEscaper pairs %q, html's %q", ours, std)
	}
	escaper := strings.NewReplacer(ours...)
	r := rand.New(rand.NewPCG(22, 3))
	alphabet := []string{"&", "'", "<", ">", `"`, "a", " ", "&amp;", "é", "\x00", "\xff", ";", "#"}
	for range 10000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		if got, want := escaper.Replace(b.String()), html.EscapeString(b.String()); got != want {
			t.Fatalf("%q: the replacement escapes to %q, html.EscapeString to %q", b.String(), got, want)
		}
	}
}

// normalized is a line with its runs of spaces and tabs made one space, as
// gofmt realigns a struct when a field goes.
func normalized(line string) string { return strings.Join(strings.Fields(line), " ") }

// The replacements that say they only delete upstream's lines do: after
// their own opening comment, every line is upstream's, in upstream's order.
func TestReplacementsOnlyDelete(t *testing.T) {
	upstream, err := moduleDir(root, goappModule)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"pkg/app/http.go", "pkg/app/resource.go", "pkg/app/route.go"} {
		ours, err := os.ReadFile(filepath.Join(root, swapsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := os.ReadFile(filepath.Join(upstream, name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(normalized(strings.ReplaceAll(string(ours), "\n//", "")), "upstream's with lines deleted and nothing else") {
			t.Errorf("%s no longer says it only deletes lines: drop it from this test", name)
		}
		_, body, _ := strings.Cut(string(ours), "\npackage app\n")
		rest := strings.Split(string(theirs), "\n")
		for _, line := range strings.Split(body, "\n") {
			if normalized(line) == "" {
				continue
			}
			i := slices.IndexFunc(rest, func(u string) bool { return normalized(u) == normalized(line) })
			if i < 0 {
				t.Errorf("%s: %q is not upstream's (or not in upstream's order)", name, line)
				break
			}
			rest = rest[i+1:]
		}
	}
}

// The wasm build's google/uuid is its own module, outside ./...: its test
// runs from here.
func TestUUIDModule(t *testing.T) {
	for _, args := range [][]string{{"vet", "."}, {"test", "-count=1", "."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = filepath.Join(root, uuidDir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %v in %s: %v\n%s", args, uuidDir, err, out)
		}
	}
}

// diagnoseEngine are Diagnose's packages, which the page leaves to its
// worker's program (diagnose.wasm, docs/diagnose.md "The Diagnose
// worker"): about 120 KB brotli that every first visit would otherwise
// download, most of whom never diagnose (BENCHMARKS.md, "Diagnose in the
// page (issue 25, the panel)").
var diagnoseEngine = []string{
	"sipcompose/sipcompose/capture", "sipcompose/sipcompose/evidence", "sipcompose/sipcompose/diagnose",
	"sipcompose/sipcompose/internal/logline", "sipcompose/diagnoseworker/session", "sipcompose/diagnoseworker/jobs",
}

// workerOnlyFuncs run only in the page's worker (diagnoseworker/jobs): the
// audit's rule readers behind audit.Check, and the helper-library
// programs' writers behind codegen.For. The page imports both packages
// for the report's and the programs' types, so a package list cannot tell.
var workerOnlyFuncs = []string{"sipcompose/sipcompose/audit.Check", "sipcompose/sipcompose/codegen.For"}

// TestPageLeavesOneTabJobsToTheWorker fails when app.wasm would link one of
// workerOnlyFuncs, and when the worker's program does not (so the list is
// not vacuous). The linker's own reachability graph (-ldflags=-dumpdep)
// decides, as it decides what app.wasm carries.
func TestPageLeavesOneTabJobsToTheWorker(t *testing.T) {
	page, worker := linkerReaches(t, "", "."), linkerReaches(t, "", "./diagnoseworker")
	for _, fn := range workerOnlyFuncs {
		if page[fn] {
			t.Errorf("app.wasm links %s: the Code and Rules check tabs must leave it to the page's worker (components/jobs.go, docs/diagnose.md)", fn)
		}
		if !worker[fn] {
			t.Errorf("diagnose.wasm does not link %s: workerOnlyFuncs is out of date", fn)
		}
	}
}

// linkerReaches is every symbol the linker keeps in the wasm build of pkg,
// with modfile ("" for the project's own go.mod).
func linkerReaches(t *testing.T, modfile, pkg string) map[string]bool {
	t.Helper()
	args := []string{"build", "-ldflags=-dumpdep", "-o", filepath.Join(t.TempDir(), "out.wasm")}
	if modfile != "" {
		args = append(args, "-modfile="+modfile)
	}
	cmd := exec.Command("go", append(args, pkg)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var deps strings.Builder
	cmd.Stderr = &deps
	if err := cmd.Run(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, deps.String())
	}
	reached := map[string]bool{}
	for _, line := range strings.Split(deps.String(), "\n") {
		if _, to, ok := strings.Cut(line, " -> "); ok {
			reached[to] = true
		}
	}
	return reached
}

// TestPageLeavesDiagnoseToItsWorker fails when app.wasm would link any of
// Diagnose's packages, so that their size cannot silently come back; and
// when the worker's program does not, so that the list is not vacuous.
func TestPageLeavesDiagnoseToItsWorker(t *testing.T) {
	var linked []string
	for _, p := range wasmPackages(t, "") {
		if slices.Contains(diagnoseEngine, p.ImportPath) {
			linked = append(linked, p.ImportPath)
		}
	}
	if len(linked) > 0 {
		t.Errorf("app.wasm links %v: the page must leave Diagnose to its worker (components/diagnose_worker.go, docs/diagnose.md)", linked)
	}
	var worker []string
	for _, p := range wasmPackagesOf(t, "", "./diagnoseworker") {
		worker = append(worker, p.ImportPath)
	}
	for _, pkg := range diagnoseEngine {
		if !slices.Contains(worker, pkg) {
			t.Errorf("diagnose.wasm does not link %s: the list of Diagnose's packages is out of date", pkg)
		}
	}
}

// declarations is each top-level declaration of the Go source src, by
// name (a GenDecl by its first name), as its source text.
func declarations(t *testing.T, src []byte) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	decls := map[string]string{}
	for i, d := range f.Decls {
		name := strconv.Itoa(i)
		switch d := d.(type) {
		case *ast.FuncDecl:
			name = d.Name.Name
			if d.Recv != nil {
				name = types(d.Recv.List[0].Type) + "." + name
			}
		case *ast.GenDecl:
			switch sp := d.Specs[0].(type) {
			case *ast.TypeSpec:
				name = sp.Name.Name
			case *ast.ValueSpec:
				name = sp.Names[0].Name
			case *ast.ImportSpec:
				name = "import"
			}
		}
		decls[name] = string(src[fset.Position(d.Pos()).Offset:fset.Position(d.End()).Offset])
	}
	return decls
}

// types is a receiver's type as written.
func types(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		return "*" + types(s.X)
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return "?"
}

// TestEtreeCut: etree's etree.go is the file third_party/etree-wasm was
// written against, the copy is upstream's without validateXML and its doc
// comment (every other byte kept), validate.go takes its place, and the
// page's build then links none of encoding/xml's reflection-based decoding
// (the project's go.mod, with upstream's etree, does: not vacuous).
func TestEtreeCut(t *testing.T) {
	out := t.TempDir()
	if err := prepare(root, out); err != nil {
		t.Fatal(err)
	}
	upstream, err := moduleDir(root, etreeModule)
	if err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(filepath.Join(upstream, etreeFile))
	if err != nil {
		t.Fatal(err)
	}
	cut, err := os.ReadFile(filepath.Join(out, "etree", etreeFile))
	if err != nil {
		t.Fatal(err)
	}
	want := declarations(t, orig)
	delete(want, "validateXML")
	if got := declarations(t, cut); !reflect.DeepEqual(got, want) || len(got) < 50 {
		t.Errorf("the copy of %s is not upstream's without validateXML: %d declarations, %d upstream", etreeFile, len(got), len(want))
	}
	if _, err := cutFunc(orig, "noSuchFunc"); err == nil {
		t.Error("cutFunc cut a function that is not there")
	}
	const decode = "encoding/xml.(*Decoder).DecodeElement"
	if linkerReaches(t, filepath.Join(out, "go.mod"), ".")[decode] {
		t.Errorf("app.wasm links %s: etree's validateXML is back (docs/development.md, \"app.wasm's size\")", decode)
	}
	if !linkerReaches(t, "", ".")[decode] {
		t.Errorf("with upstream's etree the page does not link %s: TestEtreeCut no longer shows what the cut removes", decode)
	}
}
