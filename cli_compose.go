//go:build !wasm

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sipcompose/sipcompose"
)

// formats maps each -format of `compose` to what it prints.
var formats = map[string]func(sipcompose.Result) string{
	"twiml":     func(r sipcompose.Result) string { return r.TwiML },
	"uri":       func(r sipcompose.Result) string { return joinLines(r.URIs) },
	"curl":      func(r sipcompose.Result) string { return r.Curl },
	"allowlist": func(r sipcompose.Result) string { return r.AllowList.Table() },
	"cidrs":     func(r sipcompose.Result) string { return r.AllowList.CIDRs() },
	"iptables":  func(r sipcompose.Result) string { return r.AllowList.IPTables() },
	"nftables":  func(r sipcompose.Result) string { return r.AllowList.NFTables() },
	"json": func(r sipcompose.Result) string {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			// A Result holds only strings, numbers and slices of them.
			panic(err)
		}
		return b.String()
	},
}

const formatNames = "twiml|uri|curl|allowlist|cidrs|iptables|nftables|json"

func joinLines(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// cmdCompose reads a document (JSON) and prints one of its renderings;
// diagnostics go to stderr, and errors among them make the exit code 1
// while the output is still printed.
func cmdCompose(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compose", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "twiml", "what to print: "+formatNames)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: sipcompose compose [-format %s] [FILE|-]\n\nReads a document (JSON, see README) from FILE or standard input.\n", formatNames)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	render, ok := formats[*format]
	if !ok {
		fmt.Fprintf(stderr, "sipcompose: unknown format %q: use one of %s\n", *format, formatNames)
		return 2
	}
	name, data, code := readInput(fs, stdin, stderr)
	if code != 0 {
		return code
	}
	doc, err := sipcompose.DecodeDocument(data)
	if err != nil {
		fmt.Fprintf(stderr, "sipcompose: %s:%s\n", name, err)
		return 1
	}
	r := sipcompose.Compose(doc)
	fmt.Fprint(stdout, render(r))
	printDiagnostics(stderr, r.Diagnostics)
	if r.HasErrors() {
		return 1
	}
	return 0
}

// cmdLint reads TwiML, imports it and checks the result, printing every
// diagnostic; errors make the exit code 1.
func cmdLint(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: sipcompose lint [FILE|-]\n\nChecks TwiML from FILE or standard input against Twilio's rules for <Dial><Sip>.\n")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	name, data, code := readInput(fs, stdin, stderr)
	if code != 0 {
		return code
	}
	doc, diags := sipcompose.Parse(string(data))
	for _, d := range diags {
		// Input that is not TwiML at all is an error of the command, said
		// in one line like a bad JSON document, not a lint finding.
		if d.Code == "parse-xml" || d.Code == "parse-empty" || d.Code == "parse-too-large" {
			fmt.Fprintf(stderr, "sipcompose: %s: %s\n", name, d.Message)
			return 1
		}
	}
	if !hasErrors(diags) {
		diags = append(diags, sipcompose.Validate(doc)...)
	}
	if len(diags) == 0 {
		fmt.Fprintln(stdout, "no problems found")
		return 0
	}
	printDiagnostics(stdout, diags)
	if hasErrors(diags) {
		return 1
	}
	return 0
}

// readInput reads the one FILE argument, or standard input for none or "-".
func readInput(fs *flag.FlagSet, stdin io.Reader, stderr io.Writer) (string, []byte, int) {
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "sipcompose %s: one input at most, got %d\n", fs.Name(), fs.NArg())
		return "", nil, 2
	}
	name := fs.Arg(0)
	var data []byte
	var err error
	if name == "" || name == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(stdin, maxInput+1))
	} else {
		data, err = readFileLimited(name)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sipcompose: %v\n", err)
		return name, nil, 1
	}
	if len(data) > maxInput {
		fmt.Fprintf(stderr, "sipcompose: %s: larger than %d bytes\n", name, maxInput)
		return name, nil, 1
	}
	return name, data, 0
}

// maxInput keeps a mistaken argument (a disk image, /dev/zero) from
// filling memory.
const maxInput = 8 << 20

func readFileLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxInput+1))
}

func printDiagnostics(w io.Writer, diags []sipcompose.Diagnostic) {
	for _, d := range diags {
		field := d.Field
		if field == "" {
			field = "-"
		}
		fmt.Fprintf(w, "%s %s %s: %s\n", d.Severity, d.Code, field, d.Message)
	}
}

func hasErrors(diags []sipcompose.Diagnostic) bool {
	return sipcompose.Result{Diagnostics: diags}.HasErrors()
}
