//go:build !wasm

package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
)

// go-app v9.8.0 writes a viewport that forbids zooming, which fails WCAG
// 1.4.4 (people who need larger text cannot pinch-zoom); the pages are
// published with a zoomable one instead.
const (
	lockedViewport   = `width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover`
	zoomableViewport = `width=device-width, initial-scale=1, viewport-fit=cover`
)

// booleanAttrs are HTML's boolean attributes: present means true, whatever
// the value. go-app's prerender writes a false one as name="false", so an
// <details open="false"> is open, an <input checked="false"> checked and the
// last <option selected="false"> selected, until the app replaces the page.
var booleanAttrs = map[string]bool{
	"allowfullscreen": true, "async": true, "autofocus": true, "autoplay": true, "checked": true,
	"controls": true, "default": true, "defer": true, "disabled": true, "formnovalidate": true,
	"hidden": true, "inert": true, "ismap": true, "itemscope": true, "loop": true, "multiple": true,
	"muted": true, "nomodule": true, "novalidate": true, "open": true, "playsinline": true,
	"readonly": true, "required": true, "reversed": true, "selected": true,
}

// fixPages corrects what go-app's generator gets wrong in every page.
func fixPages(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fixed, err := fixPage(b)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if err := os.WriteFile(p, fixed, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// fixPage rewrites one go-app page into the HTML a browser reads as the
// page the app renders:
//   - go-app indents: an element with more than one child gets a newline
//     before each child and before its end tag. The live page has no such
//     text nodes, and they are not harmless: in a <pre> (the TwiML preview)
//     every one shows as a blank line, and between inline elements they
//     read as spaces. They are taken out again, which is exact because
//     go-app writes them by that one rule;
//   - false boolean attributes are dropped (see booleanAttrs);
//   - go-app closes a void element it knows no better of (<wbr></wbr>):
//     the end tag, which HTML has no use for, is dropped;
//   - og:url goes: go-app fills it with the export's temporary loopback
//     server (http://127.0.0.1:NNNNN/), and where the site will be hosted
//     is not known here; so do the metas go-app leaves empty (author,
//     keywords, og:image);
//   - the viewport allows zooming;
//   - the prerendered page (the body's first element) is inert: it shows
//     the form at first paint, but go-app replaces it with the live page
//     when the wasm starts, and anything typed into it would be lost.
func fixPage(page []byte) ([]byte, error) {
	z := html.NewTokenizer(bytes.NewReader(page))
	// stack[0] is the document; each open element collects its content.
	stack := []*element{{}}
	inBody, marked, zoomable := false, false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if !errors.Is(z.Err(), io.EOF) {
				return nil, z.Err()
			}
			break
		}
		top := stack[len(stack)-1]
		raw := bytes.Clone(z.Raw())
		switch tt {
		case html.TextToken:
			top.content = append(top.content, piece{text: true, raw: raw})
			continue
		case html.EndTagToken:
			name, _ := z.TagName()
			if voidElements[string(name)] && top.tag != string(name) {
				continue
			}
			if len(stack) == 1 || top.tag != string(name) {
				return nil, fmt.Errorf("unexpected </%s>: go-app's page is not well nested", name)
			}
			stack = stack[:len(stack)-1]
			body, err := top.unindented()
			if err != nil {
				return nil, err
			}
			done := append(append(top.start, body...), raw...)
			parent := stack[len(stack)-1]
			parent.content = append(parent.content, piece{raw: done})
			continue
		case html.StartTagToken, html.SelfClosingTagToken:
		default:
			top.content = append(top.content, piece{raw: raw})
			continue
		}
		tok := z.Token()
		attrs := tok.Attr[:0]
		changed := false
		for _, a := range tok.Attr {
			// go-app quotes attribute values with strconv.Quote, which is
			// not HTML: a backslash means an escape the browser misreads.
			if strings.Contains(a.Val, `\`) {
				return nil, fmt.Errorf("<%s %s=%q>: go-app wrote a Go-escaped attribute value, which HTML misreads", tok.Data, a.Key, a.Val)
			}
			if booleanAttrs[a.Key] && a.Val == "false" {
				changed = true
				continue
			}
			attrs = append(attrs, a)
		}
		tok.Attr = attrs
		switch {
		case tok.Data == "meta" && (attr(tok, "property") == "og:url" || hasAttr(tok, "content") && attr(tok, "content") == ""):
			continue
		case tok.Data == "meta" && attr(tok, "name") == "viewport":
			if attr(tok, "content") != lockedViewport {
				return nil, errors.New("go-app's viewport meta changed; update site.fixPage")
			}
			setAttr(&tok, "content", zoomableViewport)
			zoomable, changed = true, true
		case tok.Data == "body":
			inBody = true
		case inBody && !marked:
			tok.Attr = append(tok.Attr, html.Attribute{Key: "inert"})
			marked, changed = true, true
		}
		if changed {
			raw = []byte(tok.String())
		}
		if tt == html.SelfClosingTagToken || voidElements[tok.Data] {
			top.content = append(top.content, piece{raw: raw})
			continue
		}
		stack = append(stack, &element{tag: tok.Data, start: raw})
	}
	if len(stack) != 1 {
		return nil, fmt.Errorf("<%s> is never closed", stack[len(stack)-1].tag)
	}
	if !zoomable || !marked {
		return nil, errors.New("go-app's page layout changed (no viewport meta or no prerendered body): update site.fixPage")
	}
	var out bytes.Buffer
	for _, p := range stack[0].content {
		out.Write(p.raw)
	}
	return out.Bytes(), nil
}

// voidElements have no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// element is an open element of the page: its start tag as written and
// its content so far, each text run and child element as written.
type element struct {
	tag     string
	start   []byte
	content []piece
}

type piece struct {
	text bool
	raw  []byte
}

// unindented is the element's content without go-app's indentation: with
// more than one child, a newline precedes each child and the end tag, so a
// text run is "\n" between two elements, or "\n" + text + "\n" around a
// text child. (go-app writes a single child as it is, and no element here
// has two text children in a row.)
func (e *element) unindented() ([]byte, error) {
	var out []byte
	elems, texts := 0, 0
	for _, p := range e.content {
		if p.text {
			texts++
		} else {
			elems++
		}
	}
	indented := elems > 0 && elems+texts > 1
	for _, p := range e.content {
		switch {
		case !p.text || !indented:
			out = append(out, p.raw...)
		case string(p.raw) == "\n":
		case len(p.raw) >= 2 && p.raw[0] == '\n' && p.raw[len(p.raw)-1] == '\n':
			out = append(out, p.raw[1:len(p.raw)-1]...)
		default:
			return nil, fmt.Errorf("<%s>: text %q is not indented as go-app indents", e.tag, p.raw)
		}
	}
	// HTML drops one newline right after <pre> or <textarea>; the live
	// page's text keeps it.
	if (e.tag == "pre" || e.tag == "textarea") && len(out) > 0 && out[0] == '\n' {
		out = append([]byte{'\n'}, out...)
	}
	return out, nil
}

func hasAttr(t html.Token, key string) bool {
	for _, a := range t.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func attr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func setAttr(t *html.Token, key, val string) {
	for i := range t.Attr {
		if t.Attr[i].Key == key {
			t.Attr[i].Val = val
		}
	}
}
