package testenv

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// insideEnv marks a test binary that Enter started inside a namespace.
const insideEnv = "SIPCOMPOSE_TESTENV_NETNS"

// unshareArgs are the flags that give a process a network namespace of its
// own: as root, --net; otherwise also --map-root-user, so the tools inside
// may load rules and bind raw sockets there. They stop the test with
// Unavailable where the kernel or the sandbox refuses a namespace.
func unshareArgs(t testing.TB) []string {
	t.Helper()
	LookPath(t, "unshare", "apt-get install util-linux")
	args := []string{"--net"}
	if os.Geteuid() != 0 {
		args = append(args, "--map-root-user")
	}
	probe := exec.Command("unshare", append(args, "true")...)
	if out, err := probe.CombinedOutput(); err != nil {
		Unavailable(t, "the test needs a network namespace of its own (unshare --net): "+strings.TrimSpace(string(out)))
	}
	return args
}

// Script runs script in sh -e inside a network namespace of its own and
// returns what it printed, so real firewall tools load and dump rules
// without touching the machine's. tools are the commands the script needs
// (looked up first, with /usr/sbin and /sbin on the script's PATH).
func Script(t testing.TB, script string, tools ...string) string {
	t.Helper()
	args := unshareArgs(t)
	t.Setenv("PATH", os.Getenv("PATH")+":/usr/sbin:/sbin")
	for _, tool := range append([]string{"sh"}, tools...) {
		LookPath(t, tool, "apt-get install iptables nftables")
	}
	cmd := exec.Command("unshare", append(args, "sh", "-e", "-s")...)
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("in a network namespace: %v\n%s\nscript:\n%s", err, out, script)
	}
	return string(out)
}

// Enter runs the calling test inside a network namespace of its own, with
// its loopback up, and reports whether this process is the one inside:
//
//	func TestProbe(t *testing.T) {
//		if !testenv.Enter(t) {
//			return // the test ran, and passed or failed, in the namespace
//		}
//		// here every socket is the namespace's own
//	}
//
// Outside, it re-runs the test binary under unshare with -test.run naming
// this test alone, relays its output, and fails the test if it failed. Tests
// that send real SIP traffic use it, so nothing leaves the namespace.
func Enter(t *testing.T) bool {
	t.Helper()
	if os.Getenv(insideEnv) == t.Name() {
		if out, err := exec.Command(LookPath(t, "ip", "apt-get install iproute2"), "link", "set", "lo", "up").CombinedOutput(); err != nil {
			t.Fatalf("bringing up the namespace's loopback: %v\n%s", err, out)
		}
		return true
	}
	args := unshareArgs(t)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	run := "^" + strings.ReplaceAll(t.Name(), "/", "$/^") + "$"
	cmd := exec.Command("unshare", append(args, exe, "-test.run="+run, "-test.v", "-test.count=1")...)
	cmd.Env = append(os.Environ(), insideEnv+"="+t.Name(), "PATH="+os.Getenv("PATH")+":/usr/sbin:/sbin")
	out, err := cmd.CombinedOutput()
	t.Logf("inside the network namespace:\n%s", out)
	if err != nil {
		t.Fatalf("the test failed inside its network namespace: %v", err)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()) && !strings.Contains(string(out), "--- SKIP: "+t.Name()) {
		t.Fatalf("the test did not run inside its network namespace")
	}
	return false
}
