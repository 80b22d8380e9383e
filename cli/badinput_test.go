//go:build !wasm

package cli

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInputCorpus runs every file of testdata/badinput through
// `compose` in each format: each gets valid output with diagnostics, or one
// clear line on stderr; never a panic, never malformed XML, never a value
// split into extra headers.
func TestBadInputCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "badinput", "*.json"))
	if err != nil || len(files) < 10 {
		t.Fatalf("corpus: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			for _, format := range []string{"twiml", "uri", "curl", "json", "nftables"} {
				code, out, errOut := runInput("", "compose", "-format", format, f)
				switch {
				case code == 1 && strings.HasPrefix(errOut, "sipcompose: "):
					if lines := strings.Count(errOut, "\n"); lines != 1 || !strings.HasPrefix(errOut, "sipcompose: "+f+":") || out != "" {
						t.Errorf("%s: want one line naming the file and no output, got %q %q", format, errOut, out)
					}
				case code == 0 || code == 1:
					if format == "twiml" {
						wellFormedXML(t, out)
					}
					if code == 1 && !strings.Contains(errOut, "error ") {
						t.Errorf("%s: exit 1 without an error diagnostic: %q", format, errOut)
					}
				default:
					t.Errorf("%s: exit %d: %q", format, code, errOut)
				}
				if format == "uri" && code != 2 {
					for _, uri := range strings.Split(strings.TrimSpace(out), "\n") {
						if strings.Count(uri, "&") > strings.Count(string(mustRead(t, f)), `"name"`) {
							t.Errorf("more header separators than headers in %.200s", uri)
						}
					}
				}
			}
		})
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func wellFormedXML(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("malformed TwiML: %v\n%.500s", err, s)
		}
	}
}
