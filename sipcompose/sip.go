package sipcompose

import (
	"sipcompose/sipcompose/edge"
	"sipcompose/sipcompose/sipuri"
)

// Edge is one Twilio edge that sends SIP; see package edge.
type Edge = edge.Edge

// Edges returns Twilio's edges in the order a picker shows them.
func Edges() []Edge { return edge.All() }

// LookupEdge finds an edge by its ";edge=" name.
func LookupEdge(name string) (Edge, bool) { return edge.Lookup(name) }

// BuildURI renders t as the SIP URI Twilio dials (see sipuri.Build).
func BuildURI(t Target) string { return sipuri.Build(t) }

// PercentEncode is the SIP step of rendering a header value or UUI data.
func PercentEncode(s string) string { return sipuri.PercentEncode(s) }

// TextToHex turns text into the uppercase hex of its UTF-8 bytes, for
// hex-encoded UUI.
func TextToHex(s string) string { return sipuri.TextToHex(s) }
