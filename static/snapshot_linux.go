//go:build linux

package static

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// newSnapshot returns an anonymous in-memory file for the large bodies and
// a path that opens it again. Each request opens its own file description
// because Linux's sendfile(2), which net/http uses for an *os.File, reads
// from and moves the file's shared offset.
func newSnapshot() (*os.File, string, error) {
	fd, err := unix.MemfdCreate("sipcompose-site", unix.MFD_CLOEXEC)
	if err != nil {
		return nil, "", err
	}
	f := os.NewFile(uintptr(fd), "sipcompose-site")
	reopen := fmt.Sprintf("/proc/self/fd/%d", fd)
	g, err := os.Open(reopen)
	if err != nil {
		f.Close()
		return nil, "", err
	}
	g.Close()
	return f, reopen, nil
}
