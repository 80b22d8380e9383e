package sipcompose

import "strconv"

// ErrorSummary is what output panels and copy confirmations say while the
// document has errors, e.g. "1 error: Twilio would reject this"; "" when
// it has none. Output that looks right and is not must never go out
// without it.
func (r Result) ErrorSummary() string {
	n := 0
	for _, d := range r.Diagnostics {
		if d.Severity == SeverityError {
			n++
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return "1 error: Twilio would reject this"
	}
	return strconv.Itoa(n) + " errors: Twilio would reject this"
}
