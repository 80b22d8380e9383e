package probe

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocsListEveryCode: docs/probe.md names every finding code the
// package can give, so a new verdict is documented or this fails.
func TestDocsListEveryCode(t *testing.T) {
	docs, err := os.ReadFile(filepath.Join("..", "..", "docs", "probe.md"))
	if err != nil {
		t.Fatal(err)
	}
	sources, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	finding := regexp.MustCompile(`\.(?:mean|skip)\((?:\w+, )?"([a-z0-9-]+)"`)
	n := 0
	for _, f := range sources {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range finding.FindAllSubmatch(src, -1) {
			n++
			if !strings.Contains(string(docs), "`"+string(m[1])+"`") {
				t.Errorf("docs/probe.md does not name the code %s (%s)", m[1], f)
			}
		}
	}
	if n < 40 {
		t.Errorf("found %d finding codes in the sources; the pattern no longer matches them", n)
	}
}
