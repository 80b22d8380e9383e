package components

import "sipcompose/sipcompose"

// diagnoseView is the Diagnose worker's reply to a check as the panel
// renders it: diagnoseworker/session.Reply and diagnose.Report, decoded
// from their JSON into the fields the panel shows. The page links none of
// Diagnose's packages (docs/diagnose.md, "The Diagnose worker"); a test
// decodes a real reply into this, so the two cannot drift apart.
type diagnoseView struct {
	// Report is nil when there is no evidence.
	Report *reportView `json:"report"`
	// Text is what Copy report copies; Summary the report's last line.
	Text    string `json:"text"`
	Summary string `json:"summary"`
	Faults  int    `json:"faults"`
	// Readable: anything at all was read from the evidence.
	Readable bool `json:"readable"`
}

type reportView struct {
	Read      []readView     `json:"read"`
	Against   string         `json:"against"`
	Findings  []findingView  `json:"findings"`
	Codes     []codeView     `json:"codes"`
	Timelines []timelineView `json:"timelines"`
}

// readView is what was read from one input: Kinds is empty when nothing
// was.
type readView struct {
	Source   string   `json:"source"`
	Kinds    []string `json:"kinds"`
	Problems []string `json:"problems"`
}

type findingView struct {
	Code      string              `json:"code"`
	Severity  sipcompose.Severity `json:"severity"`
	Message   string              `json:"message"`
	Fix       string              `json:"fix"`
	Field     string              `json:"field"`
	Evidence  []evidenceLine      `json:"evidence"`
	Uncertain string              `json:"uncertain"`
}

type evidenceLine struct {
	At   string `json:"at"`
	Text string `json:"text"`
}

type codeView struct {
	Number  int         `json:"number"`
	At      string      `json:"at"`
	Level   string      `json:"level"`
	Title   string      `json:"title"`
	Meaning string      `json:"meaning"`
	Leg     string      `json:"leg"`
	Fix     string      `json:"fix"`
	Source  string      `json:"source"`
	Causes  []causeView `json:"causes"`
}

type causeView struct {
	Text   string `json:"text"`
	Status string `json:"status"`
	Why    string `json:"why"`
}

type timelineView struct {
	CallID string   `json:"callId"`
	Lines  []string `json:"lines"`
}
