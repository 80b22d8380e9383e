package testenv

import (
	"net"
	"os/exec"
	"strings"
	"testing"
)

func TestScriptSeesOnlyItsOwnLoopback(t *testing.T) {
	out := Script(t, "ip -o link show\n", "ip")
	if got := strings.Count(strings.TrimSpace(out), "\n") + 1; got != 1 || !strings.Contains(out, "lo:") {
		t.Fatalf("want the namespace's loopback alone, got:\n%s", out)
	}
}

func TestEnterRunsTheTestInItsOwnNamespace(t *testing.T) {
	if !Enter(t) {
		return
	}
	out, err := exec.Command(LookPath(t, "ip", "apt-get install iproute2"), "-o", "link", "show").CombinedOutput()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(strings.TrimSpace(string(out)), "\n") != 0 {
		t.Fatalf("inside, want loopback alone, got:\n%s", out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("loopback is not up inside: %v", err)
	}
	l.Close()
}
