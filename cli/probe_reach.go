//go:build !wasm

package cli

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"sync"
	"syscall"
	"time"

	"sipcompose/sipcompose/probe"
)

// dialAll opens one TCP connection to each address at once, within
// timeout, and closes each as soon as it is made.
func dialAll(ctx context.Context, addrs []netip.AddrPort, timeout time.Duration) []probe.Dial {
	dials := make([]probe.Dial, len(addrs))
	var wg sync.WaitGroup
	for i, a := range addrs {
		wg.Go(func() {
			start := time.Now()
			conn, err := dialTCP(ctx, a, timeout)
			dials[i] = probe.Dial{Addr: a, Result: probe.Connected, Took: probe.Millis(time.Since(start))}
			if err != nil {
				dials[i].Result, dials[i].Error = dialResult(err), sysError(err)
				return
			}
			conn.Close()
		})
	}
	wg.Wait()
	return dials
}

func dialTCP(ctx context.Context, a netip.AddrPort, timeout time.Duration) (net.Conn, error) {
	d := net.Dialer{Timeout: timeout}
	return d.DialContext(ctx, "tcp", a.String())
}

// dialResult names why a connection failed, in probe's words.
func dialResult(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return probe.Refused
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return probe.TimedOut
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return probe.Unreachable
	}
	return probe.DialError
}

// sysError is what the system said, without the addresses and the
// system call the report need not show: "connection refused".
func sysError(err error) string {
	var se *os.SyscallError
	if errors.As(err, &se) {
		return se.Err.Error()
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		return oe.Err.Error()
	}
	return err.Error()
}
