package validate

import (
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/sipuri"
)

// uuiName reports whether a header name is the UUI's, as SIP compares
// names: without regard to case.
func uuiName(name string) bool {
	return strings.EqualFold(name, sipuri.UUIHeader) || strings.EqualFold(name, sipuri.UUIHeaderXPrefix)
}

// uuiRow applies the UUI section's rules to a header row sent under the
// UUI's name, whatever its case: Twilio and the receiver see the same
// User-to-User header either way.
func (v *validator) uuiRow(row, name, value string) {
	u := sipuri.ParseUUI(value, strings.EqualFold(name, sipuri.UUIHeaderXPrefix))
	switch {
	case sipuri.HasTags(u.Data):
		v.templateFill(row, "value", u.Data, placeUUI)
		return
	case u.Data == "":
		return
	}
	field := row + ".value"
	v.uuiRules(field, field, u, "The "+name+" header's data")
}

// sipChildren checks a target's <Uri> children and says what Twilio
// documents of them and of <Header> elements, whose rows headerRows checks.
func (v *validator) sipChildren(p string, t document.Target, r resolve.Resolution) {
	if len(t.URIs) == 0 && len(t.HeaderElements) == 0 {
		return
	}
	v.add(document.SeverityInfo, "sip-children-undocumented", p,
		"Twilio's TwiML reference does not document <Uri> or <Headers> inside <Sip> yet. Twilio's helper libraries write them (twilio-go since 1.30, twilio-python since 9.10), and their doc comments are the only source: URIs are tried in priority order, and equal priorities are split by weight.")
	if len(t.URIs) > 0 {
		switch {
		case t.Host != "":
			v.add(document.SeverityWarning, "sip-uri-and-uris", p+".uris",
				"This <Sip> has a URI of its own (Host) and <Uri> children, and no Twilio source says how the two combine: keep one.")
		case len(t.Headers) > 0 || t.UUI.Data != "":
			v.add(document.SeverityError, "headers-without-uri", p+".headers",
				"The headers and UUI of this target go in its own URI, and it has none, only <Uri> children: send them as <Header> elements, or put them in each <Uri>.")
		}
	}
	for j := range t.URIs {
		v.sipURI(p+".uris["+strconv.Itoa(j)+"]", t.URIs[j], r.Children[j])
	}
}

// sipURI checks one <Uri>, c being its reading: its URI as sipuri.Parse
// reads it and as the target's own URI would be checked, measured as typed
// (it is sent as typed); every finding about the URI is shown at its
// field.
func (v *validator) sipURI(f string, u document.SipURI, c resolve.Child) {
	sub := &validator{}
	if c.Readable() {
		sub.target("targets[0]", c.Parsed, c.Resolution)
	}
	for _, found := range [][]document.Diagnostic{c.Problems, sub.out} {
		for _, d := range found {
			d.Field = f + ".uri"
			v.out = append(v.out, d)
		}
	}
	for _, n := range []struct{ name, value string }{{"priority", u.Priority}, {"weight", u.Weight}} {
		if n.value != "" && !wholeNumber(strings.TrimSpace(n.value)) {
			v.add(document.SeverityWarning, "uri-number-invalid", f+"."+n.name,
				"%s %q: Twilio's helper libraries describe it as a number; write a whole number (0 or more).", n.name, n.value)
		}
	}
	v.credentials(f, u.Username, u.Password)
}

// wholeNumber reports whether s is a run of decimal digits.
func wholeNumber(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
