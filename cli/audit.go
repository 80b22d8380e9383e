//go:build !wasm

package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/audit"
)

// cmdAudit checks existing firewall rules against a document's allow-list
// and prints a verdict per required rule, then a summary line.
func cmdAudit(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	docPath := fs.String("doc", "", "the document (JSON) whose allow-list is required; default: one UDP target on the default edge")
	format := fs.String("format", "text", "what to print: text or json")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: sipcompose audit [-doc DOC.json] [-format text|json] [RULES|-]\n\n"+
			"Reads firewall rules from RULES, or from standard input when RULES is - or\n"+
			"missing: iptables-save output, iptables commands, nft list ruleset output,\n"+
			"or a plain list (CIDR [udp|tcp] [PORT|LO-HI], one a line, # comments).\n"+
			"Checks them against the allow-list of DOC.json (read as compose reads it)\n"+
			"and prints a verdict per required rule (covered, partly, missing,\n"+
			"shadowed), the rule to add in the same format for each one not covered,\n"+
			"what else it found, and a summary line.\n\n")
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit status: 0 every required rule covered, 1 anything partly, missing or\n"+
			"shadowed, or input that cannot be read or audited, 2 usage error.\n")
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if !textOrJSON(*format, stderr) {
		return 2
	}
	doc := sipcompose.Document{Targets: []sipcompose.Target{{Host: "pbx.example.com"}}}
	if *docPath != "" {
		var err error
		if doc, err = readDocument(*docPath); err != nil {
			fmt.Fprintf(stderr, "sipcompose: %v\n", err)
			return 1
		}
	}
	name, data, code := readInput(fs, stdin, stderr)
	if code != 0 {
		return code
	}
	r := sipcompose.Compose(doc)
	// The allow-list is only as right as the document: its errors (an
	// unknown edge, say) are said before the verdicts.
	for _, d := range r.Diagnostics {
		if d.Severity == sipcompose.SeverityError {
			printDiagnostics(stderr, []sipcompose.Diagnostic{d})
		}
	}
	if len(r.AllowList.Problems) > 0 {
		name = *docPath // the error is the document's, not the rules'
	}
	rep, err := audit.Check(r.AllowList, string(data))
	if err != nil {
		fmt.Fprintf(stderr, "sipcompose: %s: %v\n", name, err)
		return 1
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			panic(err) // a report holds only strings, numbers and slices of them
		}
	} else {
		printAudit(stdout, r.AllowList, rep)
	}
	if !rep.OK() {
		return 1
	}
	return 0
}

// printAudit writes the report for a person: each required rule with its
// verdict, why, and the rules it rests on; the findings; and the summary
// last, where a terminal or a script's tail shows it.
func printAudit(w io.Writer, a sipcompose.AllowList, rep audit.Report) {
	fmt.Fprintf(w, "Rules read as %s, checked against the allow-list for edges %s (IP data as of %s).\n\n",
		rep.Format, strings.Join(a.Edges, ", "), a.AsOf)
	for _, v := range rep.Verdicts {
		purpose := v.Rule.Purpose
		if v.Rule.Edge != "" {
			purpose += ", edge " + v.Rule.Edge
		}
		fmt.Fprintf(w, "%-9s %s — %s\n          %s\n", strings.ToUpper(v.Status), v.Rule.Describe(), purpose, v.Reason)
		for _, by := range v.By {
			if by.Line > 0 {
				fmt.Fprintf(w, "          line %d: %s\n", by.Line, by.Text)
			}
		}
		for _, add := range v.Add {
			fmt.Fprintf(w, "          add: %s\n", add)
		}
	}
	if where := audit.WhereToAdd(rep); where != "" {
		fmt.Fprintf(w, "\nTo cover a row, add its add: lines %s.\n", where)
	}
	if len(rep.Findings) > 0 {
		fmt.Fprintln(w)
		for _, f := range rep.Findings {
			fmt.Fprintf(w, "%s: %s\n", f.Kind, f.Message)
		}
	}
	fmt.Fprintf(w, "\n%s\n", rep.Summary)
}
