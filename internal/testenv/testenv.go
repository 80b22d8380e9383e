// Package testenv says what a test may rely on from the machine: a tool on
// PATH, a network namespace of its own. A test that cannot run is skipped on
// a developer's machine but fails under CI (the CI variable is set), where
// `make test` has installed every tool and a missing one is a broken build.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// Unavailable stops the test because something it needs is missing: a
// failure under CI, a skip elsewhere. msg says what to install.
func Unavailable(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// LookPath is tool's path, looked up on PATH and in /usr/sbin and /sbin,
// where Debian keeps iptables, nft, tcpdump and kamailio, off a user's PATH.
// A missing tool stops the test with Unavailable and install as the hint.
func LookPath(t testing.TB, tool, install string) string {
	t.Helper()
	if p, err := exec.LookPath(tool); err == nil {
		return p
	}
	for _, dir := range []string{"/usr/sbin", "/sbin"} {
		p := dir + "/" + tool
		if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			return p
		}
	}
	Unavailable(t, "the test needs "+tool+": "+install)
	return ""
}
