// Command goappwasm prepares the modules app.wasm is built against: go-app
// v9.8.0 with the few files in third_party/goapp-wasm in place of upstream's,
// github.com/google/uuid replaced by third_party/uuid-wasm, and etree with
// its validateXML cut out and third_party/etree-wasm/validate.go in its
// place. Those keep what the page never runs (go-app's Handler with
// net/http, crypto/tls and text/template; regexp routes; AES; the uuid
// package's hashes; encoding/xml's reflection-based decoding) out of it;
// docs/development.md, "app.wasm's size", says what each file changes and why.
//
//	go run ./tools/goappwasm -out .cache/wasm
//	GOOS=js GOARCH=wasm go build -modfile=.cache/wasm/go.mod .
//
// It writes OUT/go-app, a copy of go-app's go.mod, LICENSE and pkg/ sources
// (tests left out) with the files swapped; OUT/etree, likewise for etree's
// root package; and OUT/go.mod and OUT/go.sum: the project's, plus a replace
// directive for each of the three modules. Only the wasm build reads them;
// the native build (the server, and the static export through go-app's
// Handler) uses the modules as upstream ships them.
//
// Go's -overlay flag would need no copy, but it refuses files in the module
// cache ("Files beneath GOMODCACHE must not be replaced"). Before copying,
// goappwasm checks that every upstream file it swaps out or cuts still has
// the SHA-256 recorded in the upstream.sha256 beside its replacement, so an
// upgrade that changes one stops the build until someone has looked.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const (
	goappModule = "github.com/maxence-charriere/go-app/v9"
	uuidModule  = "github.com/google/uuid"
	// swapsDir holds the replacement files, at their paths in go-app's
	// module, and the manifest of the upstream files they replace.
	swapsDir = "third_party/goapp-wasm"
	manifest = swapsDir + "/upstream.sha256"
	uuidDir  = "third_party/uuid-wasm"

	etreeModule = "github.com/beevik/etree"
	// etreeDir holds validate.go, which stands for the function etreeCut
	// of etreeFile, and the manifest of that upstream file.
	etreeDir      = "third_party/etree-wasm"
	etreeManifest = etreeDir + "/upstream.sha256"
	etreeFile     = "etree.go"
	etreeCut      = "validateXML"
)

func main() {
	out := flag.String("out", "", "the directory to write the copy of go-app and the wasm build's go.mod into")
	flag.Parse()
	if *out == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: goappwasm -out DIR (run from the repository's root)")
		os.Exit(2)
	}
	if err := prepare(".", *out); err != nil {
		fmt.Fprintln(os.Stderr, "goappwasm:", err)
		os.Exit(1)
	}
}

// prepare writes out's copy of go-app and its go.mod and go.sum, for the
// module rooted at root.
func prepare(root, out string) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return err
	}
	goapp := filepath.Join(out, "go-app")
	_, swaps, err := copyChecked(root, goappModule, manifest, goapp, "pkg")
	if err != nil {
		return err
	}
	for name := range swaps {
		if err := copyFile(filepath.Join(root, swapsDir, name), filepath.Join(goapp, name)); err != nil {
			return err
		}
	}
	etree, err := prepareEtree(root, out)
	if err != nil {
		return err
	}
	return writeModFiles(root, out, map[string]string{
		goappModule: goapp,
		uuidModule:  filepath.Join(root, uuidDir),
		etreeModule: etree,
	})
}

// prepareEtree writes out's copy of etree (go.mod, LICENSE and the
// package's non-test Go files), with etreeCut cut out of etreeFile and
// third_party/etree-wasm/validate.go added; it returns the copy's path.
func prepareEtree(root, out string) (string, error) {
	dst := filepath.Join(out, "etree")
	upstream, _, err := copyChecked(root, etreeModule, etreeManifest, dst, "")
	if err != nil {
		return "", err
	}
	src, err := os.ReadFile(filepath.Join(upstream, etreeFile))
	if err != nil {
		return "", err
	}
	cut, err := cutFunc(src, etreeCut)
	if err != nil {
		return "", fmt.Errorf("%s: %w", etreeFile, err)
	}
	if err := os.WriteFile(filepath.Join(dst, etreeFile), cut, 0o644); err != nil {
		return "", err
	}
	return dst, copyFile(filepath.Join(root, etreeDir, "validate.go"), filepath.Join(dst, "validate.go"))
}

// copyChecked copies module, at the version root requires, into dst (a
// fresh copy: copyModule's files, under pkgs), once every upstream file the
// manifest (a path under root) names still has its recorded SHA-256. It
// returns where upstream is and the manifest's entries.
func copyChecked(root, module, manifest, dst, pkgs string) (upstream string, sums map[string]string, err error) {
	upstream, err = moduleDir(root, module)
	if err != nil {
		return "", nil, err
	}
	sums, err = readManifest(filepath.Join(root, manifest))
	if err != nil {
		return "", nil, err
	}
	if err := checkUpstream(upstream, sums, manifest); err != nil {
		return "", nil, err
	}
	if err := os.RemoveAll(dst); err != nil {
		return "", nil, err
	}
	return upstream, sums, copyModule(upstream, dst, pkgs)
}

// cutFunc is the Go source src without the function name and its doc
// comment; the rest is byte for byte src's.
func cutFunc(src []byte, name string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv != nil || fn.Name.Name != name {
			continue
		}
		start := fn.Pos()
		if fn.Doc != nil {
			start = fn.Doc.Pos()
		}
		from, to := fset.Position(start).Offset, fset.Position(fn.End()).Offset
		return append(append([]byte(nil), src[:from]...), src[to:]...), nil
	}
	return nil, fmt.Errorf("no func %s to cut", name)
}

// moduleDir is where the go command keeps module path at the version the
// module at root requires, downloading it if need be.
func moduleDir(root, path string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", path)
	cmd.Dir = root
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	var m struct{ Dir, Version, Error string }
	if jerr := json.Unmarshal(b, &m); jerr != nil || m.Error != "" || m.Dir == "" {
		return "", fmt.Errorf("finding %s in the module cache: %v %v %s", path, err, jerr, m.Error)
	}
	return m.Dir, nil
}

// readManifest reads sha256sum's format: the SHA-256 of each upstream file
// a replacement stands for, by its path in go-app's module.
func readManifest(file string) (map[string]string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	swaps := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 || name == "" {
			return nil, fmt.Errorf("%s: %q is not a sha256sum line", file, sc.Text())
		}
		swaps[filepath.ToSlash(name)] = sum
	}
	return swaps, nil
}

// errStale is the error when an upstream module's files are not the ones
// the replacements were written against.
var errStale = errors.New("a module changed under sipcompose's wasm build")

// checkUpstream compares each upstream file with its SHA-256 recorded in
// the manifest named.
func checkUpstream(upstream string, swaps map[string]string, manifest string) error {
	dir := filepath.Dir(manifest)
	var stale []string
	for name, want := range swaps {
		b, err := os.ReadFile(filepath.Join(upstream, name))
		if err != nil {
			stale = append(stale, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		if got := sha256.Sum256(b); hex.EncodeToString(got[:]) != want {
			stale = append(stale, name+" is not the file "+dir+" was written against")
		}
	}
	if len(stale) > 0 {
		return fmt.Errorf("%w (%s):\n  %s\nCompare each with its replacement in %s, carry the change over (or drop the "+
			"replacement), then record the new SHA-256 in %s; docs/development.md, section \"app.wasm's size\", says how",
			errStale, upstream, strings.Join(stale, "\n  "), dir, manifest)
	}
	return nil
}

// copyModule copies what a build of upstream's packages reads: go.mod,
// LICENSE and every Go file but the tests, at the module's root and under
// its directory pkgs ("" for the root alone).
func copyModule(upstream, dst, pkgs string) error {
	return filepath.WalkDir(upstream, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(upstream, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			if rel != "." && (pkgs == "" || rel != pkgs && !strings.HasPrefix(rel, pkgs+"/")) {
				return fs.SkipDir
			}
			return nil
		case rel == "go.mod" || rel == "LICENSE",
			strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go"):
			return copyFile(p, filepath.Join(dst, rel))
		}
		return nil
	})
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// writeModFiles writes out/go.mod, root's go.mod with a replace directive
// for each module in replace, and out/go.sum, root's go.sum. Each file is
// rewritten only when it changes.
func writeModFiles(root, out string, replace map[string]string) error {
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.Write(mod)
	b.WriteString("\n// The wasm build's replacements, written by tools/goappwasm.\n")
	for _, path := range []string{goappModule, uuidModule, etreeModule} {
		fmt.Fprintf(&b, "replace %s => %s\n", path, replace[path])
	}
	if err := os.WriteFile(filepath.Join(out, "go.mod"), b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "go.sum"), sum, 0o644)
}
