// Package sipcompose is the domain of the tool, as the page and the CLI
// see it: the Document a support engineer edits, Compose, which turns it
// into the TwiML, the SIP URIs, the REST/curl request, the IP allow-list,
// the diagnostics and the customer's side, and Parse and ParseURI, which
// read what people paste. It does no I/O and knows nothing of the UI, so
// the CLI, the browser and the tests all see the same bytes for the same
// document.
//
// It is a facade over packages with one job each (docs/development.md
// draws their graph): document (the model, its JSON, the diagnostics),
// edge, sipuri, resolve, validate, twiml, codegen, allowlist, audit and
// customer. Features that are not part of Compose (the helper-library
// programs, the firewall audit) are used from their own packages.
package sipcompose

import (
	"sipcompose/sipcompose/allowlist"
	"sipcompose/sipcompose/customer"
	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/edge"
	"sipcompose/sipcompose/sipuri"
	"sipcompose/sipcompose/twiml"
)

// The Document and its parts; see package document.
type (
	Document = document.Document
	Dial     = document.Dial
	Target   = document.Target
	Header   = document.Header
	SipURI   = document.SipURI
	UUI      = document.UUI
	REST     = document.REST
)

// Diagnostics, as every part of the domain reports them.
type (
	Diagnostic = document.Diagnostic
	Severity   = document.Severity
)

const (
	SeverityError   = document.SeverityError
	SeverityWarning = document.SeverityWarning
	SeverityInfo    = document.SeverityInfo
)

const (
	// MaxTargets is how many nouns Twilio accepts in one <Dial>.
	MaxTargets = document.MaxTargets
	// EncodingCompact is Document.Encoding's one value.
	EncodingCompact = document.EncodingCompact
)

// DecodeDocument reads a Document from JSON strictly (see document.Decode).
func DecodeDocument(data []byte) (Document, error) { return document.Decode(data) }

// EncodeDocument writes doc as indented JSON (see document.Encode).
func EncodeDocument(doc Document) []byte { return document.Encode(doc) }

// WithoutSecrets is a deep copy of doc with every SIP password cleared.
func WithoutSecrets(doc Document) Document { return document.WithoutSecrets(doc) }

// Edge is one Twilio edge that sends SIP; see package edge.
type Edge = edge.Edge

// Edges returns Twilio's edges in the order a picker shows them.
func Edges() []Edge { return edge.All() }

// LookupEdge finds an edge by its ";edge=" name.
func LookupEdge(name string) (Edge, bool) { return edge.Lookup(name) }

// ParseURI reads one SIP URI as Twilio accepts it into a Target, with
// header values decoded back to what a person typed (see sipuri.Parse).
func ParseURI(uri string) (Target, []Diagnostic) { return sipuri.Parse(uri) }

// UnreadableURI is the diagnostics of ParseURI that say the text is no SIP
// URI at all, or none when a target was read from it.
func UnreadableURI(diags []Diagnostic) []Diagnostic { return sipuri.Unreadable(diags) }

// WithURI returns t with its URI parts taken from u, keeping t's <Sip>
// attributes: what pasting a URI into a target means.
func WithURI(t, u Target) Target { return sipuri.WithURI(t, u) }

// BuildURI renders t as the SIP URI Twilio dials (see sipuri.Build).
func BuildURI(t Target) string { return sipuri.Build(t) }

// PercentEncode is the SIP step of rendering a header value or UUI data.
func PercentEncode(s string) string { return sipuri.PercentEncode(s) }

// TextToHex turns text into the uppercase hex of its UTF-8 bytes, for
// hex-encoded UUI.
func TextToHex(s string) string { return sipuri.TextToHex(s) }

// Parse reads TwiML (as pasted from a console or written by Compose) into a
// Document; what it cannot keep is named in a Diagnostic (see twiml.Parse).
func Parse(text string) (Document, []Diagnostic) { return twiml.Parse(text) }

// Unreadable is the diagnostics of Parse that say it read nothing worth
// importing, or none when it read a document.
func Unreadable(diags []Diagnostic) []Diagnostic { return twiml.Unreadable(diags) }

// AllowList is what the customer's firewall must let in; see package
// allowlist.
type AllowList = allowlist.List

// Rule is one block of addresses of an AllowList.
type Rule = allowlist.Rule

// Invite previews one INVITE the customer's PBX receives; see package
// customer.
type Invite = customer.Invite

// Callbacks is what the customer's app gets back from Twilio.
type Callbacks = customer.Callbacks
