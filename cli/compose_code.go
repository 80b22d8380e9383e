//go:build !wasm

package cli

import (
	"errors"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/codegen"
)

// programFormat is a -format that prints a helper-library program, made
// from the document by codegen.For.
type programFormat struct {
	name, help string
	program    func(sipcompose.Document, sipcompose.Result) (string, error)
}

// programFormats: node, python and go build the TwiML with that helper
// library and print it; node-call, python-call and go-call place the REST
// call(s).
var programFormats = func() []programFormat {
	library := map[codegen.Lang]string{
		codegen.LangNode:   "twilio-node",
		codegen.LangPython: "twilio-python",
		codegen.LangGo:     "twilio-go",
	}
	var out []programFormat
	for _, lang := range codegen.Langs {
		out = append(out,
			programFormat{string(lang), "a program building this TwiML with " + library[lang] + " and printing it", codeProgram(lang, false)},
			programFormat{string(lang) + "-call", "a program placing the REST call(s) with " + library[lang], codeProgram(lang, true)})
	}
	return out
}()

func codeProgram(lang codegen.Lang, call bool) func(sipcompose.Document, sipcompose.Result) (string, error) {
	return func(doc sipcompose.Document, r sipcompose.Result) (string, error) {
		p, _ := codegen.For(doc, r.URIs, lang)
		if !call {
			return p.TwiML, nil
		}
		if p.Call == "" {
			return "", errors.New("the document has no target, so there is no call to place")
		}
		return p.Call, nil
	}
}
