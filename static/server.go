//go:build !wasm

package static

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// MaxHeaderBytes bounds request headers; net/http answers 431 beyond it.
const MaxHeaderBytes = 16 << 10

// shutdownGrace is how long in-flight requests (a wasm download on a slow
// link) may finish after a stop signal.
const shutdownGrace = 10 * time.Second

// NewServer wraps h in an http.Server with timeouts that keep slow or idle
// clients from holding connections, and logs one line per request to log
// (nil: no access log).
func NewServer(h http.Handler, log io.Writer) *http.Server {
	if log != nil {
		h = accessLog(h, log)
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}

// Serve runs srv on ln until ctx is done, then shuts down gracefully: it
// stops accepting, lets in-flight requests finish (up to a grace period) and
// returns nil. Any other failure is returned.
func Serve(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func accessLog(h http.Handler, log io.Writer) http.Handler {
	var mu sync.Mutex
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(log, "%s %s %s %q %d %dB %s\n",
			start.UTC().Format(time.RFC3339), r.RemoteAddr, r.Method, r.URL.RequestURI(),
			sw.status, sw.bytes, time.Since(start).Round(time.Microsecond))
	})
}
