//go:build !wasm

package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"sipcompose/sipcompose"
)

// outputFormat is one -format of `compose`.
type outputFormat struct {
	name, help string
	render     func(sipcompose.Result) string
}

// formats are in the order usage shows them.
var formats = []outputFormat{
	{"twiml", "the <Response> TwiML to paste into Twilio (default)", func(r sipcompose.Result) string { return r.TwiML }},
	{"uri", "each target's SIP URI, one per line (the REST To value)", func(r sipcompose.Result) string { return joinLines(r.URIs) }},
	{"curl", "one curl command per target placing the call through the REST API", func(r sipcompose.Result) string { return r.Curl }},
	{"allowlist", "the firewall allow-list as a readable table", func(r sipcompose.Result) string { return r.AllowList.Table() }},
	{"cidrs", "the allow-list's source blocks, one per line", func(r sipcompose.Result) string { return r.AllowList.CIDRs() }},
	{"iptables", "the allow-list as iptables commands", func(r sipcompose.Result) string { return r.AllowList.IPTables() }},
	{"nftables", "the allow-list as a file for nft -f", func(r sipcompose.Result) string { return r.AllowList.NFTables() }},
	{"invite", "each target's INVITE as the customer's PBX receives it (CRLF line ends)", func(r sipcompose.Result) string { return r.InviteText() }},
	{"callbacks", "the parameters the customer's app gets back from Twilio", func(r sipcompose.Result) string { return r.Callbacks.Text() }},
	{"json", "the whole result: TwiML, URIs, curl, allow-list, INVITEs, callbacks, diagnostics", func(r sipcompose.Result) string {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			// A Result holds only strings, numbers and slices of them.
			panic(err)
		}
		return b.String()
	}},
}

func formatNames() string {
	names := make([]string, len(formats), len(formats)+len(programFormats))
	for i, f := range formats {
		names[i] = f.name
	}
	for _, f := range programFormats {
		names = append(names, f.name)
	}
	return strings.Join(names, "|")
}

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
	format := fs.String("format", "twiml", "what to print: "+formatNames())
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: sipcompose compose [-format FORMAT] [FILE|-]\n\n"+
			"Reads a document (JSON, see docs/document-format.md) from FILE, or from\n"+
			"standard input when FILE is - or missing, and prints it in one FORMAT:\n\n")
		for _, f := range formats {
			fmt.Fprintf(stderr, "  %-12s %s\n", f.name, f.help)
		}
		for _, f := range programFormats {
			fmt.Fprintf(stderr, "  %-12s %s\n", f.name, f.help)
		}
		fmt.Fprint(stderr, "\nDiagnostics go to standard error as 'severity code field: message'.\n"+
			"Exit status: 0 fine, 1 error diagnostics (output still printed) or unreadable\n"+
			"input, 2 usage error.\n")
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	i := slices.IndexFunc(formats, func(f outputFormat) bool { return f.name == *format })
	j := slices.IndexFunc(programFormats, func(f programFormat) bool { return f.name == *format })
	if i < 0 && j < 0 {
		fmt.Fprintf(stderr, "sipcompose: unknown format %q: use one of %s\n", *format, formatNames())
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
	if j >= 0 {
		out, err := programFormats[j].program(doc, r)
		if err != nil {
			fmt.Fprintf(stderr, "sipcompose: %s: %v\n", name, err)
			return 1
		}
		fmt.Fprint(stdout, out)
	} else {
		fmt.Fprint(stdout, formats[i].render(r))
	}
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
		fmt.Fprint(stderr, "usage: sipcompose lint [FILE|-]\n\n"+
			"Reads TwiML from FILE, or from standard input when FILE is - or missing,\n"+
			"imports its <Dial><Sip> nouns and checks them against Twilio's rules.\n"+
			"Prints one 'severity code field: message' line per finding, or\n"+
			"'no problems found'.\n"+
			"Exit status: 0 no errors (warnings allowed), 1 errors or input that is not\n"+
			"XML, 2 usage error.\n")
	}
	if code, done := parseFlags(fs, args); done {
		return code
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
	diags = append(diags, lintFindings(doc, diags)...)
	// Errors first, as Compose orders them; the import's own order (by
	// position in the TwiML) is kept within each severity.
	slices.SortStableFunc(diags, func(a, b sipcompose.Diagnostic) int {
		return a.Severity.Rank() - b.Severity.Rank()
	})
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

// lintFindings are Validate's diagnostics of an imported document, less
// those the import already reported: none when there was nothing to import
// (sipcompose.Unreadable, which the page refuses), none on a field whose
// value the import rejected, and none on the length of a <Sip> URI, which
// the import measured as written where Validate measures what compose
// would write. A bad port on one target thus still lets the others be
// checked, as the page imports them.
func lintFindings(doc sipcompose.Document, imported []sipcompose.Diagnostic) []sipcompose.Diagnostic {
	if sipcompose.Unreadable(imported) != nil {
		return nil
	}
	rejected := map[string]bool{}
	for _, d := range imported {
		// A raw & is an error of the TwiML as written, not of the value,
		// which import kept as meant.
		if d.Severity == sipcompose.SeverityError && d.Code != "parse-raw-ampersand" {
			rejected[d.Field] = true
		}
	}
	var out []sipcompose.Diagnostic
	for _, d := range sipcompose.Validate(doc) {
		if !rejected[d.Field] && !measuredAsWritten(d) {
			out = append(out, d)
		}
	}
	return out
}

// measuredAsWritten reports a length limit of a target's own URI, which
// sipcompose.Parse checks on the TwiML as written.
func measuredAsWritten(d sipcompose.Diagnostic) bool {
	return (d.Code == "headers-too-long" || d.Code == "uri-too-long") && !strings.Contains(d.Field, ".uris[")
}

// parseFlags parses args; done means the command should exit with code:
// 0 after -h printed the usage, 2 after a bad flag.
func parseFlags(fs *flag.FlagSet, args []string) (code int, done bool) {
	switch err := fs.Parse(args); {
	case errors.Is(err, flag.ErrHelp):
		return 0, true
	case err != nil:
		return 2, true
	}
	return 0, false
}

// readInput reads the one FILE argument, or standard input for none or "-".
func readInput(fs *flag.FlagSet, stdin io.Reader, stderr io.Writer) (string, []byte, int) {
	if fs.NArg() > 1 {
		// The flag package stops at the first non-flag, so a flag after
		// FILE arrives here as an extra argument.
		if slices.ContainsFunc(fs.Args()[1:], func(a string) bool { return strings.HasPrefix(a, "-") && a != "-" }) {
			fmt.Fprintf(stderr, "sipcompose %s: flags go before FILE: sipcompose %s [flags] [FILE|-]\n", fs.Name(), fs.Name())
			return "", nil, 2
		}
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
