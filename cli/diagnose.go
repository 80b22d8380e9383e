//go:build !wasm

package cli

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/capture"
	"sipcompose/sipcompose/diagnose"
	"sipcompose/sipcompose/evidence"
)

const diagnoseUsage = `usage: sipcompose diagnose [-doc DOC.json] [-format text|json] [FILE...|-]

Reads the evidence of a failing call from each FILE, or from standard input
when FILE is - or missing, each recognised by itself:
  - Twilio error and warning codes, SIP responses, DialCallStatus and the
    <Dial action> callback's parameters (form-encoded or Name: value lines);
  - SIP messages as text: raw SIP, Asterisk's pjsip logger and chan_sip debug,
    FreeSWITCH's siptrace, Kamailio's xlog of a message, tcpdump -A, sngrep;
  - pcap and pcapng captures (read as a stream: a capture of any size);
  - Twilio's JSON: Monitor and Debugger alerts, Event Streams error logs,
    Voice Insights call summaries.
Prints what was read, then each fault with its fix and the evidence it rests
on, checked against DOC.json (the call's document) or against Twilio's facts
alone. Text and JSON inputs are read up to 16 MB each.

`

// cmdDiagnose reads the evidence of a failing call and prints what went
// wrong and what to change.
func cmdDiagnose(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diagnose", flag.ContinueOnError)
	fs.SetOutput(stderr)
	docPath := fs.String("doc", "", "the document (JSON) the call was composed from; default: none, Twilio's facts alone")
	format := fs.String("format", "text", "what to print: text or json")
	fs.Usage = func() {
		fmt.Fprint(stderr, diagnoseUsage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit status: 0 no fault found, 1 faults found, 2 usage error or nothing\nreadable. See docs/diagnose.md.\n")
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "sipcompose: unknown format %q: use text or json\n", *format)
		return 2
	}
	names := fs.Args()
	if slices.ContainsFunc(names, func(a string) bool { return strings.HasPrefix(a, "-") && a != "-" }) {
		fmt.Fprintln(stderr, "sipcompose diagnose: flags go before FILE: sipcompose diagnose [flags] [FILE...|-]")
		return 2
	}
	if len(names) == 0 {
		names = []string{"-"}
	}
	var doc *sipcompose.Document
	if *docPath != "" {
		d, err := readDocument(*docPath)
		if err != nil {
			fmt.Fprintf(stderr, "sipcompose: %v\n", err)
			return 2
		}
		doc = &d
	}
	var ev evidence.Evidence
	for _, name := range names {
		if err := readEvidence(&ev, name, stdin); err != nil {
			fmt.Fprintf(stderr, "sipcompose: %v\n", err)
		}
	}
	if !ev.Readable() {
		fmt.Fprintln(stderr, "sipcompose: nothing readable:")
		for _, it := range ev.Read {
			fmt.Fprintf(stderr, "  %s: %s\n", it.Source, strings.Join(it.Problems, "; "))
		}
		return 2
	}
	r := diagnose.Check(ev, doc)
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			panic(err) // a report holds only strings, numbers and slices of them
		}
	} else {
		fmt.Fprint(stdout, r.Text())
	}
	if r.Faults() > 0 {
		return 1
	}
	return 0
}

// readEvidence adds one input: a capture streamed through capture.Reader
// (so a file of any size is never in memory whole), anything else read up
// to evidence.MaxText (and one byte more, so the reader can say it was
// larger). The error is for a file that cannot be opened.
func readEvidence(ev *evidence.Evidence, name string, stdin io.Reader) error {
	var in io.Reader = stdin
	label := "<stdin>"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return fmt.Errorf("%s: a directory, not a file", name)
		}
		in, label = f, name
	}
	br := bufio.NewReaderSize(in, 1<<20)
	head, _ := br.Peek(4)
	if capture.IsCapture(head) {
		r := capture.NewReader()
		if _, err := io.Copy(r, br); err != nil && !strings.HasPrefix(err.Error(), "corrupt capture") {
			return fmt.Errorf("%s: %v", label, err)
		}
		ev.AddCapture(label, r.Close())
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(br, evidence.MaxText+1))
	if err != nil {
		return fmt.Errorf("%s: %v", label, err)
	}
	ev.Add(evidence.Input{Name: label, Data: data})
	return nil
}
