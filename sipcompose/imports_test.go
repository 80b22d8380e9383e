package sipcompose

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// domainGraph is the domain's package graph: for each package under
// sipcompose/ (by its path from here), the domain packages its code may
// import. A package may import only packages below it, so the graph has
// no cycle and each package's tests see it alone; docs/development.md
// draws it. A new package gets a row here, which is the moment to decide
// where it stands: a feature beside the facade that uses it (as Diagnose
// may) lists "." in its row, and the facade never imports it.
var domainGraph = map[string][]string{
	"document":       {},
	"edge":           {},
	"internal/shell": {},
	// Stand-ins for net.ParseIP and text/tabwriter, which app.wasm
	// leaves out (issue 22).
	"internal/ipaddr":  {},
	"internal/columns": {},
	"sipuri":           {"document", "internal/ipaddr"},
	"internal/param":   {"document"},
	"resolve":          {"document", "edge", "sipuri"},
	"validate":         {"document", "edge", "resolve", "sipuri"},
	"twiml":            {"document", "internal/param", "resolve", "sipuri"},
	"codegen":          {"document", "internal/param", "internal/shell", "resolve", "sipuri"},
	"allowlist":        {"document", "edge", "internal/columns", "internal/shell", "resolve"},
	"customer":         {"document", "edge", "resolve", "sipuri"},
	"audit":            {"allowlist", "edge"},
	// Beside the facade: what a probe of the customer's endpoint means,
	// for the targets Compose gives.
	"probe": {".", "internal/shell"},
	// Diagnose, beside the facade: the capture reader and the log-line
	// recognisers at the bottom, the evidence readers on them, the
	// findings on both and on what the document makes Twilio send.
	// diagnosis is the report's types and text alone, which the page
	// shows without linking the rest (its worker makes the report).
	"capture":          {},
	"internal/logline": {},
	"diagnosis":        {"document"},
	"evidence":         {"capture", "diagnosis", "internal/logline"},
	"diagnose":         {".", "customer", "diagnosis", "edge", "evidence"},
	// The facade: what Compose, Parse and ParseURI put together.
	".": {"allowlist", "codegen", "customer", "document", "edge", "resolve", "sipuri", "twiml", "validate"},
	// The tests' shared fixtures stand on document alone, so that every
	// package's own tests can import them without a cycle.
	"internal/composetest": {"document"},
}

// testOnly are the packages only tests import: they may do I/O.
var testOnly = []string{"internal/composetest"}

// noIO are the standard packages the domain never imports: it does no I/O
// (files, processes, the network, the console) and runs unchanged in the
// browser, the CLI and the tests.
var noIO = []string{
	"embed", "io/fs", "io/ioutil", "log", "log/slog", "net/http", "net/rpc", "net/smtp", "os", "os/exec", "os/signal",
	"os/user", "path/filepath", "plugin", "runtime/cgo", "syscall", "syscall/js", "unsafe",
}

// notInThePage are the standard packages app.wasm leaves out (issue 22:
// tools/goappwasm's TestWasmCarriesNoServerCode fails when the page
// imports one). Every domain package may run in the page, so none imports
// them: the domain reads addresses with net/netip, text with plain
// scanners, tables with internal/columns.
var notInThePage = []string{"net", "regexp", "regexp/syntax", "html", "html/template", "text/template", "text/tabwriter", "mime"}

// thirdParty are the only modules the domain imports.
var thirdParty = []string{"github.com/beevik/etree"}

const domainRoot = "sipcompose/sipcompose"

// TestImportsFollowTheGraph reads the imports of every package under
// sipcompose/ (every non-test file, whatever its build tags) and fails on
// one the graph does not allow: a domain package not below it, I/O, the
// UI (go-app, syscall/js) or a module other than etree.
func TestImportsFollowTheGraph(t *testing.T) {
	imports := packageImports(t, ".")
	for pkg := range domainGraph {
		if _, ok := imports[pkg]; !ok {
			t.Errorf("the graph names %s, which has no Go files", pkg)
		}
	}
	for pkg, paths := range imports {
		allowed, ok := domainGraph[pkg]
		if !ok {
			t.Errorf("package %s is not in domainGraph (imports_test.go): add its row, importing only packages below it", pkg)
			continue
		}
		for _, path := range paths {
			if msg := importProblem(pkg, path, allowed); msg != "" {
				t.Errorf("%s imports %q: %s", pkgName(pkg), path, msg)
			}
		}
	}
}

// importProblem says why pkg may not import path, or "".
func importProblem(pkg, path string, allowed []string) string {
	if rel, ok := strings.CutPrefix(path, domainRoot+"/"); ok {
		if !slices.Contains(allowed, rel) {
			return "not below it in the domain's graph (see domainGraph)"
		}
		return ""
	}
	if path == domainRoot {
		if !slices.Contains(allowed, ".") {
			return "only a package beside the facade, with \".\" in its row, imports it; the packages it puts together never do"
		}
		return ""
	}
	if slices.Contains(testOnly, pkg) {
		return ""
	}
	if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") || first == "sipcompose" {
		if !slices.Contains(thirdParty, path) {
			return "the domain imports no module but " + strings.Join(thirdParty, ", ") + " (never go-app, no UI)"
		}
		return ""
	}
	if slices.Contains(noIO, path) || strings.HasPrefix(path, "net/http/") || strings.HasPrefix(path, "syscall/") {
		return "the domain does no I/O and knows nothing of the browser"
	}
	if slices.Contains(notInThePage, path) || strings.HasPrefix(path, "crypto/") || path == "crypto" {
		return "the page's app.wasm leaves it out (docs/development.md, \"app.wasm's size\"), and the domain runs in the page"
	}
	return ""
}

// packageImports maps each package directory under root (by its path
// from root, "." for root itself) to the paths its non-test files import.
func packageImports(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		for _, spec := range f.Imports {
			p, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			if !slices.Contains(out[dir], p) {
				out[dir] = append(out[dir], p)
			}
		}
		if _, ok := out[dir]; !ok {
			out[dir] = []string{}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func pkgName(dir string) string {
	if dir == "." {
		return domainRoot
	}
	return domainRoot + "/" + dir
}

// TestImportProblem pins the rules themselves, so the graph test cannot
// pass by allowing everything: each case is "package imports path" and
// whether it is refused.
func TestImportProblem(t *testing.T) {
	cases := map[string]bool{
		"resolve sipcompose/sipcompose/sipuri":                    false,
		"sipuri sipcompose/sipcompose/resolve":                    true,
		"document sipcompose/sipcompose":                          true,
		"twiml github.com/beevik/etree":                           false,
		"customer github.com/maxence-charriere/go-app/v9/pkg/app": true,
		"edge syscall/js":                                         true,
		"audit os":                                                true,
		"codegen os/exec":                                         true,
		"allowlist net/http":                                      true,
		"allowlist net/http/httptest":                             true,
		"sipuri net/url":                                          false,
		"internal/composetest os/exec":                            false,
		"internal/composetest sipcompose/sipcompose/twiml":        true,
		"evidence regexp":                                         true,
		"diagnose net":                                            true,
		"capture crypto/sha256":                                   true,
		"capture net/netip":                                       false,
	}
	for c, bad := range cases {
		pkg, path, _ := strings.Cut(c, " ")
		if refused := importProblem(pkg, path, domainGraph[pkg]) != ""; refused != bad {
			t.Errorf("%s: refused %v, want %v", c, refused, bad)
		}
	}
	// A feature beside the facade imports it only with "." in its row.
	if importProblem("diagnose", domainRoot, []string{".", "customer"}) != "" || importProblem("diagnose", domainRoot, []string{"customer"}) == "" {
		t.Error(`a package beside the facade imports it when, and only when, its row has "."`)
	}
}
