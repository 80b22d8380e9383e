package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// token is a run of TwiML text with its highlight class ("" for plain).
type token struct{ class, text string }

// highlightXML splits XML into classed runs for colouring: markup
// punctuation, tag names, attribute names, attribute values and text.
// Joining the runs gives back the input byte for byte, so the preview's
// text content is exactly the composed TwiML.
func highlightXML(s string) []token {
	var out []token
	emit := func(class, text string) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].class == class {
			out[n-1].text += text
			return
		}
		out = append(out, token{class, text})
	}
	for s != "" {
		lt := strings.IndexByte(s, '<')
		if lt != 0 {
			if lt < 0 {
				lt = len(s)
			}
			emit("tx", s[:lt])
			s = s[lt:]
			continue
		}
		gt := strings.IndexByte(s, '>')
		if gt < 0 {
			emit("tx", s)
			break
		}
		tag := s[:gt+1]
		s = s[gt+1:]
		// "<" or "</" or "<?", then the name, then attributes, then ">" or "/>" or "?>".
		head := 1
		for head < len(tag) && (tag[head] == '/' || tag[head] == '?') {
			head++
		}
		emit("pu", tag[:head])
		body := tag[head : len(tag)-1]
		tail := ">"
		if strings.HasSuffix(body, "/") || strings.HasSuffix(body, "?") {
			tail = body[len(body)-1:] + ">"
			body = body[:len(body)-1]
		}
		name := body
		if i := strings.IndexAny(body, " \t\n"); i >= 0 {
			name = body[:i]
		}
		emit("tn", name)
		rest := body[len(name):]
		for rest != "" {
			eq := strings.IndexByte(rest, '=')
			if eq < 0 || eq+1 >= len(rest) || (rest[eq+1] != '"' && rest[eq+1] != '\'') {
				emit("an", rest)
				break
			}
			emit("an", rest[:eq])
			emit("pu", "=")
			q := rest[eq+1]
			end := strings.IndexByte(rest[eq+2:], q)
			if end < 0 {
				emit("av", rest[eq+1:])
				break
			}
			emit("av", rest[eq+1:eq+3+end])
			rest = rest[eq+3+end:]
		}
		emit("pu", tail)
	}
	return out
}

// highlighted is XML coloured by highlightXML, laid out by outputLines.
func highlighted(s string) []app.UI { return outputLines(highlightXML(s)) }
