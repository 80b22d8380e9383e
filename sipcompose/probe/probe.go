// Package probe says what the observations of `sipcompose probe` mean for
// a call Twilio places to the customer's SIP endpoint: which URIs to probe
// and how Twilio applies their defaults, and a verdict for each step (DNS,
// reachability, TLS, SIP OPTIONS) tied to Twilio's own error numbers. It
// does no I/O: the CLI looks, this package judges, so every verdict is a
// plain function of plain facts, the same in a test as on a live network.
package probe

import "fmt"

// Status is the outcome of a step or of one finding in it.
type Status string

const (
	// Pass: what Twilio needs was seen.
	Pass Status = "pass"
	// Warn: it may work, but something needs a person's eye; the probe's
	// exit status stays 0.
	Warn Status = "warn"
	// Fail: what was seen would stop Twilio's call, or nothing proves it
	// would work; the probe exits 1.
	Fail Status = "fail"
	// Skip: the step did not run (the transport has no such step, or an
	// earlier one left nothing to go on); Means says why.
	Skip Status = "skip"
)

// rank orders statuses from best to worst, Skip counting as nothing.
func (s Status) rank() int {
	switch s {
	case Pass:
		return 1
	case Warn:
		return 2
	case Fail:
		return 3
	}
	return 0
}

// worst is the worse of two statuses.
func worst(a, b Status) Status {
	if b.rank() > a.rank() {
		return b
	}
	return a
}

// Finding is one thing a step's observations mean for Twilio. Code is
// stable (tests and the docs name it); Message cites Twilio's error
// number where Twilio has one.
type Finding struct {
	Status  Status `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Step is one step of a target's probe: what was seen, and what it means.
type Step struct {
	// Name is "dns", "reach", "tls" or "sip".
	Name   string    `json:"step"`
	Status Status    `json:"status"`
	Saw    []string  `json:"saw"`
	Means  []Finding `json:"means"`
}

// Title is the step's name for a person.
func (s Step) Title() string {
	switch s.Name {
	case "dns":
		return "DNS"
	case "reach":
		return "Reachability"
	case "tls":
		return "TLS"
	case "sip":
		return "SIP OPTIONS"
	}
	return s.Name
}

// step starts a step; add findings with mean, and facts with saw.
func step(name string) Step {
	return Step{Name: name, Saw: []string{}, Means: []Finding{}}
}

func (s *Step) saw(format string, args ...any) {
	s.Saw = append(s.Saw, fmt.Sprintf(format, args...))
}

func (s *Step) mean(status Status, code, format string, args ...any) {
	s.Means = append(s.Means, Finding{Status: status, Code: code, Message: fmt.Sprintf(format, args...)})
	s.Status = worst(s.Status, status)
}

// skip marks the step as not run, and says why.
func (s *Step) skip(code, format string, args ...any) {
	s.mean(Skip, code, format, args...)
	if s.Status == "" {
		s.Status = Skip
	}
}

// Report is one target's probe: its steps, in order.
type Report struct {
	Target Target `json:"target"`
	Steps  []Step `json:"steps"`
}

// Status is the worst status of the report's steps.
func (r Report) Status() Status {
	s := Skip
	for _, st := range r.Steps {
		s = worst(s, st.Status)
	}
	return s
}

// FromThisMachine is said at the top of every report: what a probe from
// here can and cannot prove about Twilio's call.
const FromThisMachine = "This probe comes from this machine, not from Twilio's addresses. " +
	"A PBX that trusts only Twilio's signaling addresses (as it should) may answer this machine with 403 or with nothing at all: " +
	"that proves neither that Twilio's call will fail nor that it will work. " +
	"What the probe does prove: how the host resolves, whether the port and TLS answer from here, and whether a SIP stack answers OPTIONS from here. " +
	"To check the PBX's firewall for Twilio's addresses, compare its rules with `sipcompose audit`."

// Summary is the last line of a run: how many targets passed, warned and
// failed, and the exit status that follows.
func Summary(reports []Report) string {
	var passed, warned, failed int
	for _, r := range reports {
		switch r.Status() {
		case Fail:
			failed++
		case Warn:
			warned++
		default:
			passed++
		}
	}
	noun := "targets"
	if len(reports) == 1 {
		noun = "target"
	}
	s := fmt.Sprintf("%d %s probed: %d passed, %d with warnings, %d failed.", len(reports), noun, passed, warned, failed)
	if failed > 0 {
		return s + " Exit status 1."
	}
	return s + " Exit status 0."
}

// OK reports whether no step of any report failed: the probe's exit
// status is 0.
func OK(reports []Report) bool {
	for _, r := range reports {
		if r.Status() == Fail {
			return false
		}
	}
	return true
}
