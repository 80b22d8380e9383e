package sipcompose

import (
	"os"
	"testing"
)

// writeTemp writes a file for a namespace script (testenv.Script) to read.
func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := t.TempDir() + "/" + name
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
