package composetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"sipcompose/internal/testenv"
)

// Shell is sh's path. Without sh the test is skipped, except under CI,
// where it fails: the curl form and the iptables script are checked by
// running them.
func Shell(t *testing.T) string {
	t.Helper()
	return testenv.LookPath(t, "sh", "the curl form is checked by running it: apt-get install dash")
}

// RunWithStub runs script in sh with only env and a PATH holding a stub
// command named name, whose body (after the #! line) is stub, and returns
// what they printed. The script's quoting is what is under test.
func RunWithStub(t *testing.T, name, stub, script string, env ...string) string {
	t.Helper()
	sh := Shell(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+stub+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(sh, "-c", script)
	cmd.Env = append([]string{"PATH=" + dir}, env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s\n%s", err, out, script)
	}
	return string(out)
}

// WriteTemp writes a file for a namespace script (testenv.Script) to read.
func WriteTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := t.TempDir() + "/" + name
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
