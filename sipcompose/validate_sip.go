package sipcompose

import (
	"fmt"
	"strings"
)

// uuiName reports whether a header name is the UUI's, as SIP compares
// names: without regard to case.
func uuiName(name string) bool {
	return strings.EqualFold(name, UUIHeader) || strings.EqualFold(name, UUIHeaderXPrefix)
}

// uuiRow applies the UUI section's rules to a header row sent under the
// UUI's name, whatever its case: Twilio and the receiver see the same
// User-to-User header either way.
func (v *validator) uuiRow(field, name, value string) {
	u := parseUUI(value, strings.EqualFold(name, UUIHeaderXPrefix))
	if u.Data == "" {
		return
	}
	v.uuiRules(field, field, u, "The "+name+" header's data")
}

// sipChildren checks a target's <Uri> and <Header> children.
func (v *validator) sipChildren(p string, t Target) {
	if len(t.URIs) == 0 && len(t.HeaderElements) == 0 {
		return
	}
	v.add(SeverityInfo, "sip-children-undocumented", p,
		"Twilio's TwiML reference does not document <Uri> or <Headers> inside <Sip> yet. Twilio's helper libraries write them (twilio-go since 1.30, twilio-python since 9.10), and their doc comments are the only source: URIs are tried in priority order, and equal priorities are split by weight.")
	if len(t.URIs) > 0 {
		switch {
		case t.Host != "":
			v.add(SeverityWarning, "sip-uri-and-uris", p+".uris",
				"This <Sip> has a URI of its own (Host) and <Uri> children, and no Twilio source says how the two combine: keep one.")
		case len(t.Headers) > 0 || t.UUI.Data != "":
			v.add(SeverityError, "headers-without-uri", p+".headers",
				"The headers and UUI of this target go in its own URI, and it has none, only <Uri> children: send them as <Header> elements, or put them in each <Uri>.")
		}
	}
	for j := range t.URIs {
		v.sipURI(fmt.Sprintf("%s.uris[%d]", p, j), t.URIs[j])
	}
	v.headerElements(p, t)
}

// sipURI checks one <Uri>: its URI as ParseURI reads it and as the
// target's own URI would be checked, measured as typed (it is sent as
// typed); every finding about the URI is shown at its field.
func (v *validator) sipURI(f string, u SipURI) {
	parsed, diags := ParseURI(u.URI)
	if !(Result{Diagnostics: diags}).HasErrors() {
		r := Resolve(parsed)
		r.URI = strings.TrimSpace(u.URI)
		sub := &validator{out: diags}
		sub.target("targets[0]", parsed, r)
		diags = sub.out
	}
	for _, d := range diags {
		d.Field = f + ".uri"
		v.out = append(v.out, d)
	}
	for _, n := range []struct{ name, value string }{{"priority", u.Priority}, {"weight", u.Weight}} {
		if n.value != "" && !digits(strings.TrimSpace(n.value)) {
			v.add(SeverityWarning, "uri-number-invalid", f+"."+n.name,
				"%s %q: Twilio's helper libraries describe it as a number; write a whole number (0 or more).", n.name, n.value)
		}
	}
	v.credentials(f, u.Username, u.Password)
}

// headerElements checks the rows sent as <Header> elements by the same
// name rules as the URI's headers, case folded, duplicates counted across
// both lists and the UUI. Their values are not in the URI, so no encoding
// or URI limit applies; XML carries any character but controls.
func (v *validator) headerElements(p string, t Target) {
	seen := map[string]string{}
	if t.UUI.Data != "" {
		seen[strings.ToLower(UUIHeaderName(t.UUI))] = "also UUI"
	}
	for i, h := range t.Headers {
		if _, dup := seen[strings.ToLower(h.Name)]; h.Name != "" && !dup {
			seen[strings.ToLower(h.Name)] = fmt.Sprintf("also header %d in the URI", i+1)
		}
	}
	for i, h := range t.HeaderElements {
		f := fmt.Sprintf("%s.headerElements[%d]", p, i)
		v.text(f, "name", h.Name)
		v.text(f, "value", h.Value)
		if h.Name == "" {
			if h.Value != "" {
				v.add(SeverityError, "header-name-missing", f+".name", "This header has a value but no name: enter a name starting with X-.")
			}
			continue
		}
		v.headerName(f, h.Name)
		if uuiName(h.Name) {
			v.uuiRow(f+".value", h.Name, h.Value)
		}
		lower := strings.ToLower(h.Name)
		if also, dup := seen[lower]; dup {
			v.add(SeverityWarning, "header-duplicate", f+".name", "Header %q is sent twice (%s): keep one, or pack both values into one header.", h.Name, also)
			continue
		}
		seen[lower] = fmt.Sprintf("also <Header> element %d", i+1)
	}
}
