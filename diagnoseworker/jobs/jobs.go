// Package jobs answers the page's requests that only one output tab makes
// and that need no session: the helper-library programs for a document
// (the Code tab) and the audit of pasted firewall rules against its
// allow-list (the Rules check tab). Both run in the page's worker
// (diagnoseworker) rather than in app.wasm, which then carries neither the
// programs' writers nor the rule readers: every visitor's first download,
// for two tabs most visits never open (docs/development.md, "app.wasm's
// size"). The answers are JSON the page decodes into codegen.Programs and
// audit.Report. Plain Go, tested natively.
package jobs

import (
	"encoding/json"
	"fmt"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/audit"
	"sipcompose/sipcompose/codegen"
	"sipcompose/sipcompose/document"
)

// Code is the programs in lang for the document doc (document.Encode's
// JSON), as codegen.Programs' JSON. A lang not in codegen.Langs is an
// error, not another language's programs: the Code tab picks the language
// it asks for (CodePanel.chosen).
func Code(doc []byte, lang string) ([]byte, error) {
	d, err := decode(doc)
	if err != nil {
		return nil, err
	}
	uris := sipcompose.Compose(d).URIs
	p, ok := codegen.For(d, uris, codegen.Lang(lang))
	if !ok {
		return nil, fmt.Errorf("the worker writes no programs in %q (it writes %v)", lang, codegen.Langs)
	}
	return json.Marshal(p)
}

// Audit checks the pasted rules against the allow-list of the document doc
// (document.Encode's JSON), as audit.Report's JSON. The error is
// audit.Check's message for rules that cannot be audited at all.
func Audit(doc []byte, rules string) ([]byte, error) {
	d, err := decode(doc)
	if err != nil {
		return nil, err
	}
	rep, err := audit.Check(sipcompose.Compose(d).AllowList, rules)
	if err != nil {
		return nil, err
	}
	return json.Marshal(rep)
}

func decode(doc []byte) (document.Document, error) {
	d, err := document.Decode(doc)
	if err != nil {
		return document.Document{}, fmt.Errorf("the document sent to the worker does not read: %w", err)
	}
	return d, nil
}
