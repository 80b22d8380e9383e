//go:build !wasm

package cli

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"sipcompose/internal/syncbuf"
)

// fakeWeb is a web/ directory whose app.wasm is not a real build, so these
// tests never need the wasm toolchain.
func fakeWeb(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("\x00asm fake"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	return runInput("", args...)
}

func TestExportAndServe(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, stderr := runCLI("export", "-out", out, "-web", fakeWeb(t))
	if code != 0 || stdout != "wrote "+out+"\n" {
		t.Fatalf("export: %d %q %q", code, stdout, stderr)
	}

	ctx, cancel := context.WithCancel(context.Background())
	var sout, serr syncbuf.Buffer
	done := make(chan int, 1)
	go func() { done <- serve(ctx, []string{"-addr", "127.0.0.1:0", "-dir", out}, &sout, &serr, nil) }()
	addr := waitFor(t, &sout, regexp.MustCompile(`serving on (http://\S+)/\n`))
	for path, want := range map[string]int{"/": 200, "/healthz": 200, "/nope": 404} {
		res, err := http.Get(addr + path)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, res.StatusCode, want)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exit %d after stop: %s", code, serr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if n := strings.Count(serr.String(), "\n"); n != 3 {
		t.Errorf("want 3 access-log lines, got:\n%s", serr.String())
	}
}

func TestServeQuiet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runCLI("export", "-out", out, "-web", fakeWeb(t)); code != 0 {
		t.Fatal(stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var sout, serr syncbuf.Buffer
	done := make(chan int, 1)
	go func() { done <- serve(ctx, []string{"-addr", "127.0.0.1:0", "-dir", out, "-quiet"}, &sout, &serr, nil) }()
	addr := waitFor(t, &sout, regexp.MustCompile(`serving on (http://\S+)/\n`))
	res, err := http.Get(addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cancel()
	<-done
	if serr.String() != "" {
		t.Errorf("-quiet still logged: %q", serr.String())
	}
}

func waitFor(t *testing.T, buf *syncbuf.Buffer, re *regexp.Regexp) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(buf.String()); m != nil {
			return m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("server never said %s; output %q", re, buf.String())
	return ""
}

func TestServeAndExportErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	notSite := t.TempDir()
	for _, tc := range []struct {
		args       []string
		code       int
		wantStderr string
	}{
		{[]string{"serve", "-dir", missing}, 1, "no site at " + missing + ": run `make build` or pass -dir with an exported site"},
		{[]string{"serve", "-dir", notSite}, 1, "no index.html: not an exported site"},
		{[]string{"serve", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "-bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"export"}, 2, "usage: sipcompose export -out DIR"},
		{[]string{"export", "-out", filepath.Join(t.TempDir(), "o"), "-web", t.TempDir()}, 1, "app.wasm not found: run `make build` first"},
		{[]string{"serve", "-h"}, 0, "usage: sipcompose serve"},
	} {
		code, _, stderr := runCLI(tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.wantStderr) {
			t.Errorf("%q: %d %q, want %d and %q", tc.args, code, stderr, tc.code, tc.wantStderr)
		}
	}
}

func TestServeBadAddr(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runCLI("export", "-out", out, "-web", fakeWeb(t)); code != 0 {
		t.Fatal(stderr)
	}
	code, _, stderr := runCLI("serve", "-addr", "127.0.0.1:-1", "-dir", out)
	if code != 1 || !strings.Contains(stderr, "sipcompose serve: listen tcp") {
		t.Errorf("bad address: %d %q", code, stderr)
	}
}
