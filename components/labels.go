package components

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// fieldNames is what the form calls each field, registered by the
// controls as they render: a message names a field with the words on the
// screen, never by its path.
type fieldNames struct {
	label, control map[string]string // by field path
}

func (s *DiagStore) name(field, label, control string) {
	if s.names.label == nil {
		s.names = fieldNames{label: map[string]string{}, control: map[string]string{}}
	}
	s.names.label[field] = label
	s.names.control[field] = control
}

// fieldControl is the id of the control of the field at path, "" when
// the form has none.
func (s *DiagStore) fieldControl(path string) string { return s.names.control[path] }

// rowNames names a list's rows as the form does.
var rowNames = map[string]string{
	"targets": "SIP target", "headers": "Header", "headerElements": "<Header> element", "uris": "<Uri>",
}

var sectionNames = map[string]string{"dial": "<Dial> options", "rest": "REST call options"}

// FieldLabel is how the form names the field at path, e.g. "SIP target 2
// › Host" for targets[1].host: the sections and rows it sits in, then its
// control's label.
func (s *DiagStore) FieldLabel(path string) string {
	var parts []string
	steps := strings.Split(path, ".")
	for _, step := range steps[:len(steps)-1] {
		if m := matchRowPath(step); m != nil && rowNames[m[1]] != "" {
			n, _ := strconv.Atoi(m[2])
			parts = append(parts, rowNames[m[1]]+" "+strconv.Itoa(n+1))
		} else if name := sectionNames[step]; name != "" {
			parts = append(parts, name)
		}
	}
	if label := s.names.label[path]; label != "" {
		parts = append(parts, label)
	} else if m := matchRowPath(steps[len(steps)-1]); m != nil && rowNames[m[1]] != "" {
		n, _ := strconv.Atoi(m[2])
		parts = append(parts, rowNames[m[1]]+" "+strconv.Itoa(n+1))
	}
	return strings.Join(parts, " › ")
}

// fieldLink names a field as the form does (label) and, when clicked,
// takes focus to its control (opening a collapsed section on the way).
func fieldLink(label, control string) app.UI {
	if label == "" {
		return nil
	}
	if control == "" {
		return app.Span().Class("where").Text(label)
	}
	// A button, not a link: go-app takes a link's click as navigation. The
	// control is read from the button when clicked: go-app keeps a
	// button's first click handler when the list re-renders.
	return app.Button().Type("button").Class("where", "field-link").DataSet("control", control).Text(label).
		OnClick(func(ctx app.Context, e app.Event) {
			FocusControl(ctx.JSSrc().Get("dataset").Get("control").String())
		})
}

// FocusControl focuses the element id, first opening any collapsed
// section it is in (where it could not take focus).
func FocusControl(id string) {
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	for d := el.Call("closest", "details"); d.Truthy(); d = d.Get("parentElement").Call("closest", "details") {
		d.Set("open", true)
	}
	if el.Get("tabIndex").Int() < 0 && !el.Call("matches", "input, select, textarea, button").Bool() {
		el.Call("setAttribute", "tabindex", "-1")
	}
	el.Call("focus")
}
