package uuid

import (
	"regexp"
	"testing"
)

// TestNewString: the form and version google/uuid's NewString gives, and no
// repeats. tools/goappwasm's tests run it (this module is outside ./...).
func TestNewString(t *testing.T) {
	form := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for range 10000 {
		s := NewString()
		if !form.MatchString(s) {
			t.Fatalf("NewString() = %q, not a version 4 UUID", s)
		}
		if seen[s] {
			t.Fatalf("NewString() gave %q twice", s)
		}
		seen[s] = true
	}
}
