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
// customer. Features that are not part of Compose are used from their own
// packages: codegen (the helper-library programs) and audit (the firewall
// audit).
package sipcompose

import (
	"sipcompose/sipcompose/document"
)

// The Document and its parts, and the Diagnostics every part of the
// domain reports about it; see package document.
type (
	Document   = document.Document
	Dial       = document.Dial
	Target     = document.Target
	Header     = document.Header
	SipURI     = document.SipURI
	UUI        = document.UUI
	REST       = document.REST
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
