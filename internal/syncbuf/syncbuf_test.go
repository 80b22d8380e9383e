package syncbuf

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
)

// Lines written from many goroutines all arrive whole.
func TestConcurrentWrites(t *testing.T) {
	var b Buffer
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Fprintf(&b, "line %02d\n", i)
		}()
	}
	wg.Wait()
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	sort.Strings(lines)
	if len(lines) != 50 || lines[0] != "line 00" || lines[49] != "line 49" {
		t.Fatalf("got %d lines: %q", len(lines), lines)
	}
}
