//go:build !wasm

package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// The helper-library programs: goldens for testdata/cli/doc.json (the
// sipcompose package runs them with the real libraries).
func TestComposeProgramFormats(t *testing.T) {
	for _, tc := range []struct{ format, ext string }{
		{"node", "js"}, {"node-call", "js"}, {"python", "py"}, {"python-call", "py"}, {"go", "go"}, {"go-call", "go"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			code, out, errOut := runInput("", "compose", "-format", tc.format, filepath.Join("testdata", "cli", "doc.json"))
			if code != 0 || errOut != docWarning {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			if strings.Contains(out, "never-printed") {
				t.Errorf("the SIP password is in the program:\n%s", out)
			}
			if !strings.Contains(out, `"SIP_PASSWORD"`) {
				t.Errorf("the program does not read SIP_PASSWORD:\n%s", out)
			}
			goldenCLI(t, "doc."+tc.format+"."+tc.ext+".golden", out)
		})
	}
}

func TestComposeCallWithoutTarget(t *testing.T) {
	code, out, errOut := runInput(`{"dial":{"timeout":30}}`, "compose", "-format", "python-call")
	if code != 1 || out != "" || errOut != "sipcompose: <stdin>: the document has no target, so there is no call to place\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// A document without a target is an error, but its TwiML program is
	// printed, as its TwiML is.
	code, out, _ = runInput(`{"dial":{"timeout":30}}`, "compose", "-format", "go")
	if code != 1 || !strings.Contains(out, `Timeout: "30"`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
