// Package validate checks a Document against Twilio's rules: every
// finding a Diagnostic that names its field, says what to do and cites
// Twilio's error number where Twilio has one. It reads each target's
// resolution, so it judges the URI the TwiML and the REST form write.
package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
)

// Limits from Twilio's docs (see ../shared/reference/twilio-sip-out.md).
const (
	// MaxRESTTwiML is the REST API's limit on the Twiml parameter.
	MaxRESTTwiML = 4000
)

// Document checks a Document against Twilio's rules, its targets already
// resolved. Each Diagnostic names the field it concerns and says what to
// do. The order is fixed: errors, then warnings, then advice; within each,
// by field (indices compared as numbers, so targets[2] comes before
// targets[10]), then by code.
func Document(doc document.Document, res []resolve.Resolution) []document.Diagnostic {
	v := &validator{out: []document.Diagnostic{}}
	switch n := len(doc.Targets); {
	case n == 0:
		v.add(document.SeverityError, "no-targets", "targets", "Add a SIP target: <Dial> needs at least one <Sip> to ring.")
	case n > document.MaxTargets:
		v.add(document.SeverityError, "too-many-targets", "targets",
			"%d SIP targets: Twilio accepts at most %d nouns in one <Dial> (error 13250, too many URIs). Remove %d.", n, document.MaxTargets, n-document.MaxTargets)
	case n > 1:
		v.add(document.SeverityInfo, "several-targets", "targets",
			"Several <Sip> nouns in one <Dial> need Twilio's Enhanced Programmable SIP Features; without them an account accepts only one <Sip> per <Dial>.")
	}
	v.dial(doc.Dial)
	for i, t := range doc.Targets {
		p := "targets[" + strconv.Itoa(i) + "]"
		v.target(p, t, res[i])
		v.templateREST(p, doc, t, res[i])
		if res[i].DocumentedHeaders > 0 {
			v.compacted(p, res[i])
		}
	}
	v.encoding(doc.Encoding)
	v.rest(doc.REST)
	slices.SortStableFunc(v.out, compareDiagnostics)
	return v.out
}

// validator collects the diagnostics of one document. Its checks take a
// field's path in two parts (p, the object, and name, the field) and join
// them for a diagnostic.
type validator struct {
	out []document.Diagnostic
}

func (v *validator) add(sev document.Severity, code, field, format string, args ...any) {
	v.out = append(v.out, document.Diagnostic{Code: code, Severity: sev, Field: field, Message: fmt.Sprintf(format, args...)})
}

func compareDiagnostics(a, b document.Diagnostic) int {
	if c := a.Severity.Rank() - b.Severity.Rank(); c != 0 {
		return c
	}
	if c := compareFields(a.Field, b.Field); c != 0 {
		return c
	}
	return strings.Compare(a.Code, b.Code)
}

// compareFields orders field paths as text, except that runs of digits
// compare as numbers.
func compareFields(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := len(na) - len(nb); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}

func (v *validator) method(p, name, m string) {
	if m != "" && m != "GET" && m != "POST" {
		v.add(document.SeverityError, "method-invalid", p+"."+name, "Method %q: use GET or POST (uppercase).", m)
	}
}

func (v *validator) oneOf(p, name, value string, allowed []string, code string) {
	v.text(p, name, value)
	if value != "" && !slices.Contains(allowed, value) {
		v.add(document.SeverityError, code, p+"."+name, "%q is not allowed here: use one of %s.", value, strings.Join(allowed, ", "))
	}
}

func (v *validator) events(p, name string, events, allowed []string, code string) {
	for _, e := range events {
		if !slices.Contains(allowed, e) {
			v.add(document.SeverityError, code, p+"."+name, "Event %q: use any of %s.", e, strings.Join(allowed, ", "))
		}
	}
}
