//go:build !wasm

package static

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"testing"
	"testing/fstest"
	"time"
)

// TestSlowClientsAreCutOff opens slowloris connections that dribble their
// headers a byte at a time. Normal requests must still be answered at once,
// and the server must close every slow connection once ReadHeaderTimeout has
// passed. make soak runs it with SOAK_SLOW_CLIENTS=500.
func TestSlowClientsAreCutOff(t *testing.T) {
	n := 20
	if s := os.Getenv("SOAK_SLOW_CLIENTS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	site := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>x</title>")}, "app-worker.js": {Data: []byte("//")}}
	srv := NewServer(mustNew(site, Options{}), nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, srv, ln) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()

	closed := make(chan time.Duration, n)
	start := time.Now()
	for i := 0; i < n; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatalf("slow client %d: %v", i, err)
		}
		defer c.Close()
		go func(c net.Conn) {
			header := []byte("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + string(make([]byte, 60)))
			for _, b := range header {
				if _, err := c.Write([]byte{b}); err != nil {
					break
				}
				time.Sleep(200 * time.Millisecond)
			}
			// The server answers 408 or just closes; either way the read ends.
			io.Copy(io.Discard, c)
			closed <- time.Since(start)
		}(c)
	}

	time.Sleep(500 * time.Millisecond)
	client := &http.Client{Timeout: 2 * time.Second}
	t0 := time.Now()
	res, err := client.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatalf("a normal request failed while %d slow clients were connected: %v", n, err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || time.Since(t0) > time.Second {
		t.Errorf("normal request: %d after %v", res.StatusCode, time.Since(t0))
	}

	limit := srv.ReadHeaderTimeout + 3*time.Second
	for i := 0; i < n; i++ {
		select {
		case d := <-closed:
			if d < srv.ReadHeaderTimeout-time.Second {
				t.Errorf("a slow client was cut off after only %v", d)
			}
		case <-time.After(limit - time.Since(start)):
			t.Fatalf("%d of %d slow clients still connected after %v", n-i, n, limit)
		}
	}
}
