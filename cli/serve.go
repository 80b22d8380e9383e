//go:build !wasm

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/signal"
	"syscall"

	"sipcompose/app"
	"sipcompose/site"
	"sipcompose/static"
)

// version names the build (make passes `git describe` with
// -ldflags -X sipcompose/cli.version); it
// becomes go-app's Handler.Version, so service-worker caches change only
// when the build does.
var version = "dev"

func cmdServe(args []string, stdout, stderr io.Writer, builtSite fs.FS) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, stdout, stderr, builtSite)
}

// serve is cmdServe with the stop signal as a context, for tests.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer, builtSite fs.FS) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:8000", "listen address (host:port)")
	dir := fl.String("dir", "", "serve this exported site instead of the one built into the binary")
	quiet := fl.Bool("quiet", false, "no access log")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: sipcompose serve [-addr host:port] [-dir DIR] [-quiet]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return flagExit(err)
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "sipcompose serve: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	fsys, err := siteFS(*dir, builtSite)
	if err != nil {
		fmt.Fprintf(stderr, "sipcompose serve: %v\n", err)
		return 1
	}
	h, err := static.New(fsys, static.Options{ImmutablePrefix: site.AssetsPrefix})
	if err != nil {
		fmt.Fprintf(stderr, "sipcompose serve: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "sipcompose serve: %v\n", err)
		return 1
	}
	var log io.Writer = stderr
	if *quiet {
		log = nil
	}
	srv := static.NewServer(h, log)
	fmt.Fprintf(stdout, "sipcompose %s serving on http://%s/\n", version, ln.Addr())
	if err := static.Serve(ctx, srv, ln); err != nil {
		fmt.Fprintf(stderr, "sipcompose serve: %v\n", err)
		return 1
	}
	return 0
}

// siteFS picks what to serve: an explicit directory, else the site built
// into the binary, else ./dist from `make build`.
func siteFS(dir string, builtSite fs.FS) (fs.FS, error) {
	if dir == "" {
		if builtSite != nil {
			return builtSite, nil
		}
		dir = "dist"
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("no site at %s: run `make build` or pass -dir with an exported site", dir)
	}
	// os.Root's FS refuses symlinks that leave the directory.
	fsys := root.FS()
	if err := static.CheckSite(fsys); err != nil {
		return nil, fmt.Errorf("%s: %v", dir, err)
	}
	return fsys, nil
}

func cmdExport(args []string, stdout, stderr io.Writer, builtSite fs.FS) int {
	fl := flag.NewFlagSet("export", flag.ContinueOnError)
	fl.SetOutput(stderr)
	out := fl.String("out", "", "directory to write the static site to (replaced)")
	web := fl.String("web", "", "web directory with app.wasm, icons and CSS (default: the site built into the binary, else ./web)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: sipcompose export -out DIR [-web DIR]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return flagExit(err)
	}
	if *out == "" || fl.NArg() > 0 {
		fl.Usage()
		return 2
	}
	var err error
	if builtSite != nil && *web == "" {
		err = site.WriteFS(*out, builtSite)
	} else {
		if *web == "" {
			*web = "web"
		}
		err = site.Export(*out, app.Handler(version), *web)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sipcompose export: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return 0
}

// flagExit maps a flag parse error to an exit code: -h is a success.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}
