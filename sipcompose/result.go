package sipcompose

// Severity orders diagnostics: an Error means Twilio would reject or drop
// something; a Warning means it works but probably not as intended; Info is
// advice.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Diagnostic is one finding about a Document. Code is stable (tests, the UI
// and README refer to it); Field is a JSON-ish path such as
// "targets[0].headers[1].name" so the UI can show it beside the control;
// Message tells the person what to do and cites Twilio's error number where
// Twilio has one.
type Diagnostic struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Field    string   `json:"field,omitempty"`
	Message  string   `json:"message"`
}

// Result is everything the page, the CLI and the tests show for a Document.
type Result struct {
	// TwiML is the full <Response> document, ending in a newline.
	TwiML string `json:"twiml"`
	// URIs holds each target's SIP URI as sent to Twilio (the REST "To"
	// value), percent-encoded but not XML-escaped.
	URIs []string `json:"uris"`
	// Curl places the same call(s) through the REST Calls API, one command
	// per target.
	Curl string `json:"curl"`
	// AllowList is what the customer's firewall must let in.
	AllowList AllowList `json:"allowList"`
	// Diagnostics lists every finding, errors first, then by field.
	Diagnostics []Diagnostic `json:"diagnostics"`
	// Invites previews what the customer's PBX receives: one INVITE per
	// URI Twilio dials.
	Invites []Invite `json:"invites"`
	// Callbacks is what the customer's app gets back.
	Callbacks Callbacks `json:"callbacks"`
}

// HasErrors reports whether any diagnostic is an error.
func (r Result) HasErrors() bool {
	for _, d := range r.Diagnostics {
		if d.Severity == SeverityError {
			return true
		}
	}
	return false
}
