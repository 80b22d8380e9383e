//go:build !wasm

package cli

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"time"

	"sipcompose/sipcompose/probe"
)

// probeEnv is how the probe meets the network. The command uses the
// machine's resolver and root store; tests run the same code against a
// DNS server and a CA of their own, inside a network namespace, by
// handing runProbe another probeEnv. There is no flag for either, so the
// real command's checks cannot be weakened from its command line.
type probeEnv struct {
	resolver *net.Resolver
	// roots is nil for the machine's root store; rootsName says which
	// roots the report checked the chain against.
	roots     *x509.CertPool
	rootsName string
	now       func() time.Time
}

var machineEnv = probeEnv{
	resolver:  net.DefaultResolver,
	rootsName: "this machine's root store (public CAs, as a stand-in for those Twilio trusts)",
	now:       time.Now,
}

// Bounds that keep a probe polite and finite whatever it is given.
const (
	defaultProbeTimeout = 5 * time.Second
	maxProbeTimeout     = time.Minute
	minProbeTimeout     = 100 * time.Millisecond
	// maxProbeTargets is twice the 10 nouns Twilio rings in one <Dial>,
	// room for a few <Uri> children.
	maxProbeTargets = 20
	// stepsPerTarget bounds one target's time at this many timeouts: DNS,
	// reachability, TLS and SIP, each bounded by -timeout.
	stepsPerTarget = 4
)

func cmdProbe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	quietSipgo()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return runProbe(ctx, args, stdout, stderr, machineEnv)
}

// runProbe is the probe command with its network environment given.
func runProbe(ctx context.Context, args []string, stdout, stderr io.Writer, env probeEnv) int {
	fs := flag.NewFlagSet("probe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	docPath := fs.String("doc", "", "probe every URI Twilio dials for this document (JSON)")
	timeout := fs.Duration("timeout", defaultProbeTimeout, "how long each step of a target may take (DNS, connect, TLS, SIP), at most "+maxProbeTimeout.String())
	format := fs.String("format", "text", "what to print: text or json")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: sipcompose probe [-doc DOC.json] [-timeout 5s] [-format text|json] [SIPURI…]\n\n"+
			"Probes the customer's SIP endpoint as Twilio will meet it, for each URI\n"+
			"Twilio dials for DOC.json or for each SIPURI given: DNS (public addresses,\n"+
			"SRV), the port on the URI's transport (Twilio's 5060/5061 defaults), TLS\n"+
			"(version, chain, name, dates, key usage) and a SIP OPTIONS carrying the\n"+
			"document's custom headers. It says what each step saw and what it means\n"+
			"for Twilio. The probe comes from this machine, not from Twilio's\n"+
			"addresses: see docs/probe.md for what that does and does not prove.\n\n")
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit status: 0 no step failed (warnings allowed), 1 a step failed,\n"+
			"2 usage error (a bad flag, URI or document target).\n")
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if !textOrJSON(*format, stderr) {
		return 2
	}
	if *timeout < minProbeTimeout || *timeout > maxProbeTimeout {
		fmt.Fprintf(stderr, "sipcompose probe: -timeout %s: use %s to %s\n", *timeout, minProbeTimeout, maxProbeTimeout)
		return 2
	}
	targets, code := probeTargets(fs, *docPath, stderr)
	if code != 0 {
		return code
	}

	// However the steps go, the run ends by this deadline.
	ctx, cancel := context.WithTimeout(ctx, time.Duration(len(targets)*stepsPerTarget)*(*timeout)+time.Second)
	defer cancel()
	text := *format == "text"
	if text {
		fmt.Fprintf(stdout, "%s\n", wrap(probe.FromThisMachine, 78, ""))
	}
	reports := make([]probe.Report, len(targets))
	for i, t := range targets {
		reports[i] = probe.Judge(t, observe(ctx, t, *timeout, env))
		if text {
			// As each target is done, so a slow one is not waited on
			// in silence.
			printTarget(stdout, reports[i])
		}
	}
	if text {
		fmt.Fprintf(stdout, "\n%s\n", probe.Summary(reports))
	} else {
		writeJSON(stdout, probeJSON{From: probe.FromThisMachine, Targets: reports, Summary: probe.Summary(reports), OK: probe.OK(reports)})
	}
	if !probe.OK(reports) {
		return 1
	}
	return 0
}

// probeTargets reads what to probe: the document's URIs, or the URIs
// given; anything it cannot probe is a usage error, said in one line.
func probeTargets(fs *flag.FlagSet, docPath string, stderr io.Writer) ([]probe.Target, int) {
	uris := fs.Args()
	if slices.ContainsFunc(uris, func(a string) bool { return strings.HasPrefix(a, "-") }) {
		fmt.Fprintln(stderr, "sipcompose probe: flags go before the URIs: sipcompose probe [flags] [SIPURI…]")
		return nil, 2
	}
	var targets []probe.Target
	switch {
	case docPath != "" && len(uris) > 0:
		fmt.Fprintln(stderr, "sipcompose probe: give -doc or SIP URIs, not both")
		return nil, 2
	case docPath != "":
		doc, err := readDocument(docPath)
		if err != nil {
			fmt.Fprintf(stderr, "sipcompose: %v\n", err)
			return nil, 2
		}
		if targets, err = probe.Targets(doc); err != nil {
			fmt.Fprintf(stderr, "sipcompose probe: %s: %v\n", docPath, err)
			return nil, 2
		}
	case len(uris) == 0:
		fmt.Fprintln(stderr, "sipcompose probe: nothing to probe: give -doc DOC.json or one or more SIP URIs (sipcompose probe -h)")
		return nil, 2
	default:
		for i, u := range uris {
			t, err := probe.ParseTarget(u, "URI "+strconv.Itoa(i+1))
			if err != nil {
				fmt.Fprintf(stderr, "sipcompose probe: %s: %v\n", u, err)
				return nil, 2
			}
			targets = append(targets, t)
		}
	}
	if len(targets) > maxProbeTargets {
		fmt.Fprintf(stderr, "sipcompose probe: %d URIs to probe: at most %d in one run (Twilio rings at most 10 targets in one <Dial>)\n", len(targets), maxProbeTargets)
		return nil, 2
	}
	return targets, 0
}

// observe runs a target's steps in order, each bounded by timeout, and
// each only where the one before left something to go on.
func observe(ctx context.Context, t probe.Target, timeout time.Duration, env probeEnv) probe.Observations {
	var o probe.Observations
	o.DNS = lookup(ctx, t, timeout, env.resolver)
	addrs := probe.Dialable(t, o.DNS)
	if len(addrs) == 0 {
		return o
	}
	o.Reach = &probe.Reach{Timeout: probe.Millis(timeout)}
	if t.Transport == "udp" {
		o.Reach.Timeout = probe.Millis(min(timeout, udpWait))
		o.Reach.Dials = pingAll(ctx, addrs, min(timeout, udpWait))
	} else {
		o.Reach.Dials = dialAll(ctx, addrs, timeout)
	}
	if t.Transport == "tls" {
		for _, d := range o.Reach.Dials {
			if d.Result == probe.Connected {
				o.TLS = handshakes(ctx, d.Addr, t, timeout, env)
				break
			}
		}
	}
	if addr, ok := probe.SIPAddr(t, o); ok {
		o.SIP = options(ctx, addr, t, timeout)
	}
	return o
}

// probeJSON is the -format json report.
type probeJSON struct {
	From    string         `json:"from"`
	Targets []probe.Report `json:"targets"`
	Summary string         `json:"summary"`
	OK      bool           `json:"ok"`
}

// printTarget writes one target's report for a person: how Twilio
// reaches it, then each step with what was seen and what it means.
func printTarget(w io.Writer, r probe.Report) {
	t := r.Target
	fmt.Fprintf(w, "\n%s: %s\n  %s\n", t.Label, t.URI, t.Describe())
	for _, n := range t.Notes {
		fmt.Fprintf(w, "%s\n", wrap(n, 78, "  "))
	}
	for _, s := range r.Steps {
		fmt.Fprintf(w, "\n  %-4s  %s\n", strings.ToUpper(string(s.Status)), s.Title())
		for _, saw := range s.Saw {
			fmt.Fprintf(w, "%s\n", wrap("saw: "+saw, 78, "        "))
		}
		for _, m := range s.Means {
			fmt.Fprintf(w, "%s\n", wrap(string(m.Status)+": "+m.Message+" ["+m.Code+"]", 78, "        "))
		}
	}
}

// wrap breaks s into lines of at most width characters (longer words
// stay whole), each starting with indent.
func wrap(s string, width int, indent string) string {
	var lines []string
	line := indent
	for _, word := range strings.Fields(s) {
		if len(line) > len(indent) && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	return strings.Join(append(lines, line), "\n")
}

// writeJSON writes v as indented JSON, with <, > and & as they are.
func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // a report holds only strings, numbers, times and slices of them
	}
}
