// Package document holds the Document a support engineer edits: the model,
// its JSON (the saved draft, the share link and the CLI's input) and the
// Diagnostics every other package reports about it. It is the bottom of the
// domain: it imports no other package of it.
package document

import "slices"

// MaxTargets is how many nouns Twilio accepts in one <Dial>.
const MaxTargets = 10

// Document is everything a person types into the form. It is also the JSON
// of the saved draft, the share link and the CLI input, so its field names
// are part of the product's interface and must not change.
//
// Header values and UUI data are stored decoded, as typed; encoding happens
// only when rendering.
type Document struct {
	Dial    Dial     `json:"dial"`
	Targets []Target `json:"targets"`
	// Encoding "compact" writes every header value and UUI in the compact
	// form (EncodingCompact). Empty means Twilio's documented form, and the
	// compact one only for a target whose headers would not fit otherwise.
	Encoding string `json:"encoding,omitempty"`
	// REST holds what only the REST form of the call needs.
	REST REST `json:"rest,omitzero"`
}

// Dial holds the SIP-relevant attributes of <Dial>. Zero values are omitted
// from the TwiML, leaving Twilio's defaults in force.
type Dial struct {
	CallerID                      string `json:"callerId,omitempty"`
	Action                        string `json:"action,omitempty"`
	Method                        string `json:"method,omitempty"`
	Timeout                       int    `json:"timeout,omitempty"`
	AnswerOnBridge                bool   `json:"answerOnBridge,omitempty"`
	Record                        string `json:"record,omitempty"`
	Sequential                    bool   `json:"sequential,omitempty"`
	HangupOnStar                  bool   `json:"hangupOnStar,omitempty"`
	TimeLimit                     int    `json:"timeLimit,omitempty"`
	RingTone                      string `json:"ringTone,omitempty"`
	Trim                          string `json:"trim,omitempty"`
	RecordingStatusCallback       string `json:"recordingStatusCallback,omitempty"`
	RecordingStatusCallbackMethod string `json:"recordingStatusCallbackMethod,omitempty"`
	// RecordingStatusCallbackEvent is a list here; TwiML joins it with spaces.
	RecordingStatusCallbackEvent []string `json:"recordingStatusCallbackEvent,omitempty"`
	RecordingTrack               string   `json:"recordingTrack,omitempty"`
	ReferURL                     string   `json:"referUrl,omitempty"`
	ReferMethod                  string   `json:"referMethod,omitempty"`
	// The three below are in Twilio's helper libraries (twilio-go 1.31's
	// VoiceDial) and kept as written: Twilio's <Dial> page lists only
	// recordingConfigurationId.
	RecordingConfigurationID string `json:"recordingConfigurationId,omitempty"`
	Events                   string `json:"events,omitempty"`
	Passports                string `json:"passports,omitempty"`
}

// EncodingCompact is Document.Encoding's one value: header values keep
// RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~) as they are.
const EncodingCompact = "compact"

// Target is one <Sip> noun: where to ring and how.
type Target struct {
	User      string `json:"user,omitempty"`
	Host      string `json:"host"`
	Port      int    `json:"port,omitempty"`
	Transport string `json:"transport,omitempty"`
	// Secure asks for SRTP (";secure=true").
	Secure bool   `json:"secure,omitempty"`
	Edge   string `json:"edge,omitempty"`
	Region string `json:"region,omitempty"`

	Headers []Header `json:"headers,omitempty"`
	// HeaderElements are sent as <Sip><Headers><Header name value/>, as
	// Twilio's helper libraries write them, rather than in the URI: their
	// values are written as typed, without percent-encoding.
	HeaderElements []Header `json:"headerElements,omitempty"`
	UUI            UUI      `json:"uui,omitzero"`
	// URIs are <Uri> children of the <Sip>, each a URI of its own, which
	// Twilio's helper libraries write instead of (or besides) the <Sip>
	// text above.
	URIs []SipURI `json:"uris,omitempty"`

	Username             string   `json:"username,omitempty"`
	Password             string   `json:"password,omitempty"`
	URL                  string   `json:"url,omitempty"`
	Method               string   `json:"method,omitempty"`
	StatusCallback       string   `json:"statusCallback,omitempty"`
	StatusCallbackEvent  []string `json:"statusCallbackEvent,omitempty"`
	StatusCallbackMethod string   `json:"statusCallbackMethod,omitempty"`

	MachineDetection                   string `json:"machineDetection,omitempty"`
	MachineDetectionTimeout            int    `json:"machineDetectionTimeout,omitempty"`
	MachineDetectionSpeechThreshold    int    `json:"machineDetectionSpeechThreshold,omitempty"`
	MachineDetectionSpeechEndThreshold int    `json:"machineDetectionSpeechEndThreshold,omitempty"`
	MachineDetectionSilenceTimeout     int    `json:"machineDetectionSilenceTimeout,omitempty"`
	AMDStatusCallback                  string `json:"amdStatusCallback,omitempty"`
	AMDStatusCallbackMethod            string `json:"amdStatusCallbackMethod,omitempty"`
}

// Header is one custom SIP header carried in the URI after "?". Value is
// decoded (as typed); it is percent-encoded only when rendered.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// SipURI is one <Sip><Uri> of Twilio's helper libraries: URIs are tried
// in priority order, and those of equal priority share calls by weight.
// URI is a SIP URI as sipuri.Parse reads it; Priority and Weight are kept as
// written, since Twilio documents no range for them.
type SipURI struct {
	URI      string `json:"uri"`
	Priority string `json:"priority,omitempty"`
	Weight   string `json:"weight,omitempty"`
	Username string `json:"username,omitempty"`
	Password string `json:"password,omitempty"`
}

// UUI is the User-to-User header. Data is stored as typed; with the "hex"
// encoding it must be hex digits (see TextToHex).
type UUI struct {
	Data string `json:"data,omitempty"`
	// Encoding is the RFC 7433 encoding parameter; "" means hex, the only
	// encoding Twilio documents.
	Encoding string `json:"encoding,omitempty"`
	// XPrefix sends the header as X-User-to-User instead of User-to-User.
	XPrefix bool `json:"xPrefix,omitempty"`
}

// REST holds the parts of the REST Calls request that have no TwiML
// counterpart: what Twilio runs once the SIP party answers. When both are
// empty the curl form points Url at a placeholder and says so.
type REST struct {
	URL   string `json:"url,omitempty"`
	TwiML string `json:"twiml,omitempty"`
}

// Clone returns a deep copy of d, so an edit of one never shows in the
// other.
func (d Document) Clone() Document {
	out := d
	out.Dial.RecordingStatusCallbackEvent = slices.Clone(d.Dial.RecordingStatusCallbackEvent)
	out.Targets = slices.Clone(d.Targets)
	for i := range out.Targets {
		out.Targets[i].Headers = slices.Clone(d.Targets[i].Headers)
		out.Targets[i].StatusCallbackEvent = slices.Clone(d.Targets[i].StatusCallbackEvent)
		out.Targets[i].HeaderElements = slices.Clone(d.Targets[i].HeaderElements)
		out.Targets[i].URIs = slices.Clone(d.Targets[i].URIs)
	}
	return out
}
