//go:build !wasm

package app

import (
	"bytes"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// OnPreRender gives the exported index.html the page a first visit shows:
// the example document with its notice. The server has no fragment and an
// empty storage, so openInitial takes the same path as a browser with
// nothing saved, and the live page that replaces this prerender at start
// has the same content and layout. Only the server prerenders, so none of
// this is in app.wasm.
func (p *page) OnPreRender(ctx goapp.Context) {
	p.openInitial(ctx.LocalStorage(), "")
	p.shown = writableAttributes(p.shown)
}

// writableAttributes works around go-app's HTML writer, which writes an
// attribute whose value is "true" bare, as if boolean: HTML reads that as
// "", and the example's header value "true" showed empty until the app
// started. The writer does not escape "&" in attribute values, so a
// character reference passes through as written and the browser reads it
// back as "true". Only the form's inputs take their values from shown; the
// outputs are composed from the document itself.
func writableAttributes(doc sipcompose.Document) sipcompose.Document {
	js := bytes.ReplaceAll(sipcompose.EncodeDocument(doc), []byte(`"true"`), []byte(`"tru&#101;"`))
	out, err := sipcompose.DecodeDocument(js)
	if err != nil {
		return doc
	}
	return out
}
