package document

import "slices"

// Severity orders diagnostics: an Error means Twilio would reject or drop
// something; a Warning means it works but probably not as intended; Info is
// advice.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Rank orders severities as every list of diagnostics shows them: errors
// (0), then warnings (1), then advice (2).
func (s Severity) Rank() int {
	switch s {
	case SeverityError:
		return 0
	case SeverityWarning:
		return 1
	}
	return 2
}

// Diagnostic is one finding about a Document. Code is stable (tests, the UI
// and docs/diagnostics.md refer to it); Field is a JSON-ish path such as
// "targets[0].headers[1].name" so the UI can show it beside the control;
// Message tells the person what to do and cites Twilio's error number where
// Twilio has one.
type Diagnostic struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Field    string   `json:"field,omitempty"`
	Message  string   `json:"message"`
}

// HasErrors reports whether any of diags is an error.
func HasErrors(diags []Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == SeverityError {
			return true
		}
	}
	return false
}

// WithCodes is the diagnostics among diags whose code is one of codes, in
// their order.
func WithCodes(diags []Diagnostic, codes ...string) []Diagnostic {
	var out []Diagnostic
	for _, d := range diags {
		if slices.Contains(codes, d.Code) {
			out = append(out, d)
		}
	}
	return out
}
