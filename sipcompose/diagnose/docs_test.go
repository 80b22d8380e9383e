package diagnose

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// findingCodes are the codes the package's findings can have: the Code of
// every Finding literal in its non-test files, each a string literal (a
// code built any other way fails the test, so none is missed).
func findingCodes(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	codes := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if id, ok := lit.Type.(*ast.Ident); !ok || id.Name != "Finding" {
				return true
			}
			for _, e := range lit.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if key, isIdent := kv.Key.(*ast.Ident); !ok || !isIdent || key.Name != "Code" {
					continue
				}
				s, ok := kv.Value.(*ast.BasicLit)
				code, err := strconv.Unquote(valueOf(s))
				if !ok || err != nil {
					t.Errorf("%s: a finding's code is not a string literal", fset.Position(kv.Pos()))
					continue
				}
				codes[code] = fset.Position(kv.Pos()).String()
			}
			return true
		})
	}
	if len(codes) < 17 {
		t.Errorf("found %d finding codes in the sources; Diagnose has 17", len(codes))
	}
	return codes
}

func valueOf(s *ast.BasicLit) string {
	if s == nil || s.Kind != token.STRING {
		return ""
	}
	return s.Value
}

// TestDocsListEveryFinding: docs/diagnose.md has a section (### code)
// under "Findings" for every code a finding can have, and none for a code
// no finding has.
func TestDocsListEveryFinding(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "diagnose.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, findings, ok := strings.Cut(string(doc), "\n## Findings\n")
	if !ok {
		t.Fatal(`docs/diagnose.md has no "## Findings" section`)
	}
	findings, _, _ = strings.Cut(findings, "\n## ")
	documented := map[string]bool{}
	for line := range strings.Lines(findings) {
		if heading, ok := strings.CutPrefix(line, "### "); ok {
			code, _, _ := strings.Cut(strings.TrimSpace(heading), " ")
			documented[code] = true
		}
	}
	codes := findingCodes(t)
	for code, at := range codes {
		if !documented[code] {
			t.Errorf("docs/diagnose.md has no section (### %s) for the finding code %s (%s)", code, code, at)
		}
	}
	for code := range documented {
		if _, ok := codes[code]; !ok {
			t.Errorf("docs/diagnose.md documents %s, which no finding has", code)
		}
	}
}

// TestCausesNameFindings: each cause of a Twilio code is checked by a
// finding Diagnose can give, and says what to paste to confirm it.
func TestCausesNameFindings(t *testing.T) {
	codes := findingCodes(t)
	for _, tc := range twilioCodes {
		number := tc.number
		for _, k := range tc.causes {
			if k.check == "" {
				continue
			}
			if _, ok := codes[k.check]; !ok {
				t.Errorf("%d: cause %q is checked by %s, which no finding has", number, k.text, k.check)
			}
			if howToCheck(k.check) == "" {
				t.Errorf("%d: cause %q: howToCheck says nothing for %s", number, k.text, k.check)
			}
		}
	}
	for _, p := range pasteToConfirm {
		if _, ok := codes[p.check]; !ok {
			t.Errorf("pasteToConfirm names %s, which no finding has", p.check)
		}
	}
	if tc, _ := twilioCodeOf(32011); !slices.ContainsFunc(tc.causes, func(k cause) bool { return k.check == "source-not-allowed" }) {
		t.Error("the test reads no causes")
	}
}
