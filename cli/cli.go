//go:build !wasm

// Package cli is sipcompose's command line: serve and export the PWA,
// compose and lint documents, audit firewall rules, probe the customer's
// SIP endpoint, diagnose failing calls. The entry point (main.go) only calls Run.
package cli

import (
	"fmt"
	"io"
	"io/fs"
)

const usage = `usage: sipcompose <command> [flags]

commands:
  serve    serve the PWA (default 127.0.0.1:8000)
  export   write the PWA as static files for any static host
  compose  turn a document (JSON) into TwiML, URIs, curl or an allow-list
  lint     check TwiML and print diagnostics
  audit    check existing firewall rules against a document's allow-list
  probe    probe the customer's SIP endpoint as Twilio will meet it: DNS,
           port, TLS and a SIP OPTIONS, from this machine (docs/probe.md)
  diagnose name the fault in a failing call's evidence (codes, SIP, pcap,
           Twilio's JSON) and the change to make (docs/diagnose.md)

Run 'sipcompose <command> -h' for a command's flags.
`

// Run dispatches a subcommand and returns the process exit code, so tests
// can drive the CLI without a subprocess. builtSite is the exported PWA
// built into the binary (nil when there is none); serve and export use it.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer, builtSite fs.FS) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmds := map[string]func([]string, io.Reader, io.Writer, io.Writer) int{
		"serve": func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
			return cmdServe(args, stdout, stderr, builtSite)
		},
		"export": func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
			return cmdExport(args, stdout, stderr, builtSite)
		},
		"compose":  cmdCompose,
		"lint":     cmdLint,
		"audit":    cmdAudit,
		"probe":    cmdProbe,
		"diagnose": cmdDiagnose,
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
