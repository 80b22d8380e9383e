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

// atOnce runs try on each address at once and keeps what each found, with
// how long it took.
func atOnce(addrs []netip.AddrPort, try func(netip.AddrPort) probe.Dial) []probe.Dial {
	dials := make([]probe.Dial, len(addrs))
	var wg sync.WaitGroup
	for i, a := range addrs {
		wg.Go(func() {
			start := time.Now()
			dials[i] = try(a)
			dials[i].Addr, dials[i].Took = a, probe.Millis(time.Since(start))
		})
	}
	wg.Wait()
	return dials
}

// dialAll opens one TCP connection to each address at once, within
// timeout, and closes each as soon as it is made.
func dialAll(ctx context.Context, addrs []netip.AddrPort, timeout time.Duration) []probe.Dial {
	return atOnce(addrs, func(a netip.AddrPort) probe.Dial {
		conn, err := dialTCP(ctx, a, timeout)
		if err != nil {
			return probe.Dial{Result: dialResult(err), Error: sysError(err)}
		}
		conn.Close()
		return probe.Dial{Result: probe.Connected}
	})
}

// udpWait is how long a UDP keep-alive waits for an ICMP port unreachable:
// it comes back within a round trip, and a quiet port would otherwise hold
// the probe for the whole timeout.
const udpWait = time.Second

// pingAll sends each address one CRLF keep-alive (RFC 5626: a SIP stack
// ignores it or answers) from a connected UDP socket, all at once, and
// waits up to wait for what comes back: on a connected socket the kernel
// turns an ICMP port unreachable into "connection refused".
func pingAll(ctx context.Context, addrs []netip.AddrPort, wait time.Duration) []probe.Dial {
	return atOnce(addrs, func(a netip.AddrPort) probe.Dial { return ping(ctx, a, wait) })
}

func ping(ctx context.Context, a netip.AddrPort, wait time.Duration) probe.Dial {
	var d probe.Dial
	var dialer net.Dialer
	conn, err := dialer.DialContext(ctx, "udp", a.String())
	if err == nil {
		defer conn.Close()
		err = conn.SetDeadline(time.Now().Add(wait))
	}
	if err == nil {
		_, err = conn.Write([]byte("\r\n\r\n"))
	}
	if err == nil {
		_, err = conn.Read(make([]byte, 1500))
	}
	var ne net.Error
	switch {
	case err == nil:
		d.Result = probe.Answered
	case errors.As(err, &ne) && ne.Timeout():
		d.Result = probe.Quiet
	default:
		d.Result, d.Error = dialResult(err), sysError(err)
	}
	return d
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
