package sipcompose

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// inNetns runs script in sh inside a network namespace of its own
// (unshare --net; with --map-root-user when not root), so the real
// iptables and nft load and dump rules without touching the machine's
// firewall. Without the tools or the namespace it skips, unless CI is
// set: there a test that cannot run fails.
func inNetns(t *testing.T, script string, tools ...string) string {
	t.Helper()
	unavailable := func(msg string) {
		t.Helper()
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	// Debian keeps iptables and nft in /usr/sbin, off a user's PATH.
	path := os.Getenv("PATH") + ":/usr/sbin:/sbin"
	t.Setenv("PATH", path)
	for _, tool := range append([]string{"unshare", "sh"}, tools...) {
		if _, err := exec.LookPath(tool); err != nil {
			unavailable("firewall test needs " + tool + ": apt-get install iptables nftables util-linux")
		}
	}
	args := []string{"--net"}
	if os.Geteuid() != 0 {
		args = append(args, "--map-root-user")
	}
	probe := exec.Command("unshare", append(args, "true")...)
	if out, err := probe.CombinedOutput(); err != nil {
		unavailable("firewall test needs a network namespace of its own (unshare --net): " + strings.TrimSpace(string(out)))
	}
	cmd := exec.Command("unshare", append(args, "sh", "-e", "-s")...)
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("in a network namespace: %v\n%s\nscript:\n%s", err, out, script)
	}
	return string(out)
}

// writeTemp writes a file for a namespace script to read.
func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := t.TempDir() + "/" + name
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
