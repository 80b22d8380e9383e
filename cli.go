//go:build !wasm

package main

import (
	"fmt"
	"io"
)

const usage = `usage: sipcompose <command> [flags]

commands:
  serve    serve the PWA (default 127.0.0.1:8000)
  export   write the PWA as static files for any static host
  compose  turn a document (JSON) into TwiML, URIs, curl or an allow-list
  lint     check TwiML and print diagnostics

Run 'sipcompose <command> -h' for a command's flags.
`

// run dispatches a subcommand and returns the process exit code, so tests
// can drive the CLI without a subprocess.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmds := map[string]func([]string, io.Reader, io.Writer, io.Writer) int{
		"serve":   cmdServe,
		"export":  cmdExport,
		"compose": cmdCompose,
		"lint":    cmdLint,
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "sipcompose: unknown command %q\n%s", args[0], usage)
		return 2
	}
	return cmd(args[1:], stdin, stdout, stderr)
}
