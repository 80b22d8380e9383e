// Package docs holds the user documentation (the Markdown beside this file;
// README.md is the front door) and the test that keeps it honest: links that
// resolve, paths that exist, a short README, and every diagnostic code the
// domain can emit on the Diagnostics page.
package docs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// root is the repository, seen from this package's directory.
const root = ".."

// maxReadmeLines is the front door's size (issue 21).
const maxReadmeLines = 150

// pages are README.md and every docs/*.md, as paths from the root.
func pages(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil || len(docs) == 0 {
		t.Fatalf("no docs/*.md found (%v)", err)
	}
	out := []string{"README.md"}
	for _, d := range docs {
		rel, _ := filepath.Rel(root, d)
		out = append(out, filepath.ToSlash(rel))
	}
	return out
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadmeIsAFrontDoor(t *testing.T) {
	if n := strings.Count(strings.TrimSuffix(read(t, "README.md"), "\n"), "\n") + 1; n > maxReadmeLines {
		t.Errorf("README.md has %d lines; the front door has at most %d: move the detail into a docs/ topic and link it", n, maxReadmeLines)
	}
}

// TestPagesStartWithTitleAndWayBack: each topic opens with its title and
// links back to the README.
func TestPagesStartWithTitleAndWayBack(t *testing.T) {
	for _, name := range pages(t) {
		if name == "README.md" {
			continue
		}
		text := read(t, name)
		if !strings.HasPrefix(text, "# ") {
			t.Errorf("%s: the first line must be its title (# …)", name)
		}
		if !slices.ContainsFunc(scan(text).links, func(l link) bool { return strings.HasPrefix(l.target, "../README.md") }) {
			t.Errorf("%s: no link back to ../README.md", name)
		}
	}
}

// TestCodeSpansEndOnTheirLine: an inline code span ends on the line it
// starts on, so that the tests below see every link and path.
func TestCodeSpansEndOnTheirLine(t *testing.T) {
	for _, name := range pages(t) {
		for _, n := range scan(read(t, name)).open {
			t.Errorf("%s:%d: an inline code span starts here and does not end on this line: break the line before it", name, n)
		}
	}
}

func TestLinksResolve(t *testing.T) {
	for _, name := range pages(t) {
		for _, l := range scan(read(t, name)).links {
			if isExternal(l.target) {
				continue
			}
			target, anchor, _ := strings.Cut(l.target, "#")
			target, err := url.PathUnescape(target)
			if err != nil {
				t.Errorf("%s:%d: link %q: %v", name, l.line, l.target, err)
				continue
			}
			file := name
			if target != "" {
				file = path.Join(path.Dir(name), target)
			}
			if strings.HasPrefix(file, "../") || path.IsAbs(file) {
				t.Errorf("%s:%d: link %q leaves the repository", name, l.line, l.target)
				continue
			}
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(file))); err != nil {
				t.Errorf("%s:%d: link %q: no file %s", name, l.line, l.target, file)
				continue
			}
			if anchor == "" {
				continue
			}
			if !strings.HasSuffix(file, ".md") {
				t.Errorf("%s:%d: link %q: an #anchor needs a Markdown file", name, l.line, l.target)
				continue
			}
			if anchors := scan(read(t, file)).anchors; !slices.Contains(anchors, anchor) {
				t.Errorf("%s:%d: link %q: %s has no heading #%s (it has: %s)", name, l.line, l.target, file, anchor, strings.Join(anchors, " "))
			}
		}
	}
}

// TestNamedPathsExist: a file or folder of the repository that the docs
// name in code (`sipcompose/attributes.go`, `cli/testdata/`) exists, so
// the docs follow a file that moves. Build outputs (.gitignore) are left
// out: a fresh clone has none.
func TestNamedPathsExist(t *testing.T) {
	ignored := gitignored(t)
	for _, name := range pages(t) {
		for _, c := range scan(read(t, name)).code {
			p := strings.TrimPrefix(c.text, "./")
			if !looksLikeRepoPath(p) || ignored(p) {
				continue
			}
			matches, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(strings.TrimSuffix(p, "/"))))
			if err != nil || len(matches) == 0 {
				t.Errorf("%s:%d: `%s` names a path that does not exist", name, c.line, c.text)
			}
		}
	}
}

// pathShape is a relative path: segments of file-name characters (and
// glob stars), separated by slashes.
var pathShape = regexp.MustCompile(`^[A-Za-z0-9_.*-]+(/[A-Za-z0-9_.*-]+)*/?$`)

// pathExts are the endings of files the docs name; a last segment with
// another dot is a Go name (`internal/testenv.Unavailable`), not a file.
var pathExts = []string{"go", "sh", "md", "in", "json", "golden", "rules", "sip", "xml", "css", "png", "txt", "js", "py", "nft", "mod", "sum"}

// looksLikeRepoPath says whether code names a path in the repository: it
// has a slash, starts at a top-level entry, and ends in a folder's slash
// (`cli/testdata/`) or a file with a known ending. A package path
// (`internal/testenv`) is left alone: the domain's packages are drawn
// before some of them exist.
func looksLikeRepoPath(code string) bool {
	if !strings.Contains(code, "/") || !pathShape.MatchString(code) {
		return false
	}
	first, _, _ := strings.Cut(code, "/")
	if _, err := os.Stat(filepath.Join(root, first)); err != nil && !strings.HasPrefix(first, ".") {
		return false // a MIME type, text/javascript, or a URL path
	}
	if strings.HasSuffix(code, "/") {
		return true
	}
	last := path.Base(code)
	i := strings.LastIndex(last, ".")
	return i >= 0 && slices.Contains(pathExts, last[i+1:])
}

// gitignored reports whether a path is under one of .gitignore's anchored
// patterns (/bin/, /dist/, /web/app.wasm, …).
func gitignored(t *testing.T) func(string) bool {
	var patterns []string
	for _, line := range strings.Split(read(t, ".gitignore"), "\n") {
		if p, ok := strings.CutPrefix(strings.TrimSpace(line), "/"); ok {
			patterns = append(patterns, strings.TrimSuffix(p, "/"))
		}
	}
	return func(p string) bool {
		segs := strings.Split(strings.TrimSuffix(p, "/"), "/")
		for _, pat := range patterns {
			n := strings.Count(pat, "/") + 1
			if n > len(segs) {
				continue
			}
			if ok, _ := path.Match(pat, strings.Join(segs[:n], "/")); ok {
				return true
			}
		}
		return false
	}
}

func isExternal(target string) bool {
	if strings.HasPrefix(target, "//") {
		return true
	}
	scheme, _, ok := strings.Cut(target, ":")
	return ok && scheme != "" && !strings.ContainsAny(scheme, "/#.")
}

// A Markdown page as this test reads it: its links, the anchors its
// headings make, and its inline code, each outside fenced code blocks.
type page struct {
	links   []link
	anchors []string
	code    []span
	// open are the lines where an inline code span starts and does not
	// end: this test reads a page line by line.
	open []int
}

type link struct {
	target string
	line   int
}

type span struct {
	text string
	line int
}

var (
	mdLink  = regexp.MustCompile(`!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)
	htmlRef = regexp.MustCompile(`<(?:img|a|source)\b[^>]*?\s(?:src|href)="([^"]+)"`)
	htmlID  = regexp.MustCompile(`<[a-z]+\b[^>]*?\s(?:id|name)="([^"]+)"`)
	heading = regexp.MustCompile(`^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	fence   = regexp.MustCompile("^\\s*(```|~~~)")
)

func scan(text string) page {
	var p page
	seen := map[string]int{}
	inFence := ""
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		if m := fence.FindStringSubmatch(line); m != nil {
			switch {
			case inFence == "":
				inFence = m[1]
			case inFence == m[1]:
				inFence = ""
			}
			continue
		}
		if inFence != "" {
			continue
		}
		prose, code, ok := splitCode(line)
		if !ok {
			p.open = append(p.open, n)
		}
		for _, c := range code {
			p.code = append(p.code, span{c, n})
		}
		for _, m := range mdLink.FindAllStringSubmatch(prose, -1) {
			p.links = append(p.links, link{m[1], n})
		}
		for _, m := range htmlRef.FindAllStringSubmatch(prose, -1) {
			p.links = append(p.links, link{m[1], n})
		}
		for _, m := range htmlID.FindAllStringSubmatch(prose, -1) {
			p.anchors = append(p.anchors, m[1])
		}
		if m := heading.FindStringSubmatch(line); m != nil {
			slug := slugify(m[2])
			if k := seen[slug]; k > 0 {
				p.anchors = append(p.anchors, slug+"-"+strconv.Itoa(k))
			} else {
				p.anchors = append(p.anchors, slug)
			}
			seen[slug]++
		}
	}
	return p
}

// splitCode separates a line's inline code spans from the rest: prose has
// each span replaced by a space. ok is false when a span does not end on
// the line.
func splitCode(line string) (prose string, code []string, ok bool) {
	var b strings.Builder
	for {
		i := strings.IndexByte(line, '`')
		if i < 0 {
			b.WriteString(line)
			return b.String(), code, true
		}
		ticks := len(line[i:]) - len(strings.TrimLeft(line[i:], "`"))
		rest := line[i+ticks:]
		j := closingRun(rest, ticks)
		if j < 0 {
			b.WriteString(line)
			return b.String(), code, false
		}
		b.WriteString(line[:i])
		b.WriteByte(' ')
		code = append(code, strings.TrimSpace(rest[:j]))
		line = rest[j+ticks:]
	}
}

// closingRun is where s has its first run of exactly n backticks, which
// ends a code span opened by n, or -1.
func closingRun(s string, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j
	}
	return -1
}

// slugify is GitHub's anchor for a heading: the text as shown, lower case,
// punctuation dropped, each space a hyphen.
func slugify(h string) string {
	h = mdLink.ReplaceAllStringFunc(h, func(s string) string {
		return s[strings.Index(s, "[")+1 : strings.Index(s, "]")]
	})
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestEveryDiagnosticCodeIsDocumented: the codes in the first column of
// the Diagnostics page's tables are exactly the codes the domain's code
// (sipcompose/ and every package under it) can emit.
func TestEveryDiagnosticCodeIsDocumented(t *testing.T) {
	emitted := emittedCodes(t, filepath.Join(root, "sipcompose"))
	documented := map[string]int{}
	for i, line := range strings.Split(read(t, "docs/diagnostics.md"), "\n") {
		cells := strings.Split(line, "|")
		if !strings.HasPrefix(line, "|") || len(cells) < 3 {
			continue
		}
		_, codes, _ := splitCode(cells[1])
		for _, c := range codes {
			documented[c] = i + 1
		}
	}
	for _, c := range slices.Sorted(maps.Keys(emitted)) {
		if _, ok := documented[c]; !ok {
			t.Errorf("diagnostic code %q (%s) is not in a table of docs/diagnostics.md: add a row that says what it means", c, emitted[c])
		}
	}
	for _, c := range slices.Sorted(maps.Keys(documented)) {
		if _, ok := emitted[c]; !ok {
			t.Errorf("docs/diagnostics.md:%d: %q is documented but no code under sipcompose/ emits it", documented[c], c)
		}
	}
}

// TestCodeFinderSeesEveryWay: emittedCodes finds the codes of each way the
// domain passes one to a Diagnostic today, so an empty or partial result
// cannot pass unseen.
func TestCodeFinderSeesEveryWay(t *testing.T) {
	emitted := emittedCodes(t, filepath.Join(root, "sipcompose"))
	for code, how := range map[string]string{
		"no-targets":           "a literal passed to the validator's add",
		"record-invalid":       "a literal passed on through a parameter named code (oneOf)",
		"header-name-reserved": "a literal returned by a function whose result is the code (droppedName)",
		"parse-xml":            "a literal passed to the TwiML parser's add",
		"uri-angle-brackets":   "a literal passed to a closure (parseURI's add)",
	} {
		if _, ok := emitted[code]; !ok {
			t.Errorf("the code finder missed %q, %s", code, how)
		}
	}
	if len(emitted) < 80 {
		t.Errorf("the code finder found %d codes; the domain has more than 80", len(emitted))
	}
}

// emittedCodes is every diagnostic code the non-test Go code under dir can
// emit, with where. It follows each Diagnostic literal's Code back to
// string literals: through the parameters of the functions that pass it on
// (to every call of them), through local variables (to what is assigned),
// and through functions whose result is assigned (to what they return). A
// code copied from another Diagnostic (d.Code) adds none. Any other source
// of a code fails the test, naming where, rather than being missed.
func emittedCodes(t *testing.T, dir string) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	dirs := map[*ast.File]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		files = append(files, f)
		dirs[f] = filepath.Dir(p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	f := codeFinder{t: t, fset: fset, files: files, dirs: dirs, codes: map[string]string{}, params: map[*ast.Object]param{},
		decls: map[string][]*ast.FuncDecl{}, done: map[param]bool{}}
	f.index()
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || lastName(lit.Type) != "Diagnostic" {
				return true
			}
			for i, e := range lit.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Code" {
						f.code(kv.Value)
					}
				} else if i == 0 {
					f.code(e)
				}
			}
			return true
		})
	}
	return f.codes
}

// A param is one parameter of a named function (a func, a method, or a
// func literal assigned to a name).
type param struct {
	fn    string
	ft    *ast.FuncType
	index int
	dir   string // the package's folder: an unexported function is called only there
}

type codeFinder struct {
	t      *testing.T
	fset   *token.FileSet
	files  []*ast.File
	dirs   map[*ast.File]string
	codes  map[string]string
	params map[*ast.Object]param
	decls  map[string][]*ast.FuncDecl
	done   map[param]bool
}

// index names every function's parameters, so a code passed on through
// one can be followed to the calls.
func (f *codeFinder) index() {
	var dir string
	named := func(name string, ft *ast.FuncType) {
		i := 0
		for _, field := range ft.Params.List {
			if len(field.Names) == 0 {
				i++
			}
			for _, id := range field.Names {
				if id.Obj != nil {
					f.params[id.Obj] = param{name, ft, i, dir}
				}
				i++
			}
		}
	}
	for _, file := range f.files {
		dir = f.dirs[file]
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				named(n.Name.Name, n.Type)
				f.decls[n.Name.Name] = append(f.decls[n.Name.Name], n)
			case *ast.AssignStmt:
				for i, r := range n.Rhs {
					if lit, ok := r.(*ast.FuncLit); ok && i < len(n.Lhs) {
						if id, ok := n.Lhs[i].(*ast.Ident); ok {
							named(id.Name, lit.Type)
						}
					}
				}
			case *ast.ValueSpec:
				for i, v := range n.Values {
					if lit, ok := v.(*ast.FuncLit); ok && i < len(n.Names) {
						named(n.Names[i].Name, lit.Type)
					}
				}
			}
			return true
		})
	}
}

func (f *codeFinder) fail(n ast.Node, format string, args ...any) {
	f.t.Helper()
	f.t.Errorf("%s: "+format+"; docs_test follows a diagnostic code only through string literals, parameters, local variables and functions that return literals", append([]any{f.fset.Position(n.Pos())}, args...)...)
}

// code follows an expression that is a Diagnostic's Code.
func (f *codeFinder) code(e ast.Expr) {
	f.t.Helper()
	switch e := e.(type) {
	case *ast.BasicLit:
		f.literal(e)
	case *ast.SelectorExpr:
		if e.Sel.Name != "Code" {
			f.fail(e, "a diagnostic code taken from .%s", e.Sel.Name)
		}
	case *ast.Ident:
		if e.Obj == nil {
			f.fail(e, "code %s is not declared in its file", e.Name)
			return
		}
		if p, ok := f.params[e.Obj]; ok {
			f.passedOn(p)
			return
		}
		switch e.Obj.Decl.(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			f.assigned(e.Obj)
		default:
			f.fail(e, "cannot tell where code %s comes from", e.Name)
		}
	default:
		f.fail(e, "a diagnostic code that is not a literal, a parameter or a variable")
	}
}

func (f *codeFinder) literal(lit *ast.BasicLit) {
	s, err := strconv.Unquote(lit.Value)
	if lit.Kind != token.STRING || err != nil {
		f.fail(lit, "a diagnostic code that is not a string")
		return
	}
	if _, ok := f.codes[s]; !ok {
		f.codes[s] = f.fset.Position(lit.Pos()).String()
	}
}

// passedOn follows a code parameter to every call of its function.
func (f *codeFinder) passedOn(p param) {
	if f.done[p] {
		return
	}
	f.done[p] = true
	for _, file := range f.files {
		if f.dirs[file] != p.dir && !ast.IsExported(p.fn) {
			continue // another package's function of the same name
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || lastName(call.Fun) != p.fn || !fits(p.ft, call) {
				return true
			}
			f.code(call.Args[p.index])
			return true
		})
	}
}

// fits says whether a call's arguments fit the function ft, which tells
// apart two methods of one name (the validator's add and a rule set's).
func fits(ft *ast.FuncType, call *ast.CallExpr) bool {
	n, variadic := 0, false
	for _, field := range ft.Params.List {
		n += max(1, len(field.Names))
		_, variadic = field.Type.(*ast.Ellipsis)
	}
	return len(call.Args) == n || variadic && call.Ellipsis == token.NoPos && len(call.Args) >= n-1
}

// assigned follows a local variable to each value assigned to it.
func (f *codeFinder) assigned(obj *ast.Object) {
	for _, file := range f.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Obj == obj {
						if len(n.Rhs) != len(n.Lhs) {
							f.fail(n, "code %s is one of several results", id.Name)
							continue
						}
						f.value(n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if id.Obj == obj && i < len(n.Values) {
						f.value(n.Values[i])
					}
				}
			}
			return true
		})
	}
}

// value follows what is assigned to a code variable: a literal, or a call
// of a function that returns literals.
func (f *codeFinder) value(e ast.Expr) {
	switch e := e.(type) {
	case *ast.BasicLit:
		f.literal(e)
	case *ast.CallExpr:
		decls := f.decls[lastName(e.Fun)]
		if len(decls) == 0 {
			f.fail(e, "a diagnostic code returned by a function not found under sipcompose/")
		}
		for _, d := range decls {
			ast.Inspect(d.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					for _, r := range n.Results {
						if lit, ok := r.(*ast.BasicLit); ok && lit.Value == `""` {
							continue // no diagnostic
						}
						f.value(r)
					}
				}
				return true
			})
		}
	default:
		f.code(e)
	}
}

// lastName is the name an expression ends in, its package or receiver
// aside: add for v.add, Diagnostic for document.Diagnostic.
func lastName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}
