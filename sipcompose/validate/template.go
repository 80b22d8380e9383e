package validate

import (
	"slices"
	"strconv"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/sipuri"
)

// binParams say what a TwiML Bin fills the request parameters Twilio
// sends with, for the Bin of an incoming call (a <Dial> Bin is one):
// Twilio's voice webhook parameters.
var binParams = map[string]string{
	"To":            "the request's To: the number the caller dialed (for a call to a SIP Domain, a whole SIP URI)",
	"Called":        "the request's Called: the number the caller dialed (for a call to a SIP Domain, a whole SIP URI)",
	"From":          "the request's From: the caller's number (for a call from a SIP Domain or a client, a SIP URI or client:name)",
	"Caller":        "the request's Caller: the caller's number (for a call from a SIP Domain or a client, a SIP URI or client:name)",
	"CallSid":       "the call's SID (CA…)",
	"AccountSid":    "the account's SID (AC…)",
	"ForwardedFrom": "the number the call was forwarded from, when the carrier says",
}

// numberParams are the parameters whose value is a phone number, or a
// SIP URI or client:name for a call that is not from or to a phone.
var numberParams = []string{"To", "Called", "From", "Caller"}

// standIn is s as the rules check it: template tags filled with a stand-in.
func standIn(s string) string { return sipuri.StandIn(s) }

// templateText says, of a field holding TwiML Bin template tags, what the
// Bin fills each with, and names the forms Twilio documents no support for
// in Bins, or that no TwiML can carry.
// Its field is p+"."+name, joined only for a template: most fields have
// none.
func (v *validator) templateText(p, name, s string) {
	if !strings.Contains(s, "{{") {
		return
	}
	field := p + "." + name
	tags := sipuri.Tags(s)
	if len(tags) > 0 {
		v.add(document.SeverityInfo, "template", field,
			"A TwiML Bin template, which the Bin fills in before Twilio reads the TwiML, so every output here keeps it as typed. It fills %s.", fillWords(tags))
	}
	// The first tag of each kind Twilio does not document, so a pasted
	// value of thousands says so once.
	first := map[sipuri.TagKind]sipuri.Tag{}
	var open []sipuri.Tag
	var stray *sipuri.Tag
	for _, tg := range tags {
		switch tg.Kind {
		case sipuri.TagTriple, sipuri.TagComment, sipuri.TagPartial:
			if _, seen := first[tg.Kind]; !seen {
				first[tg.Kind] = tg
			}
		case sipuri.TagSection, sipuri.TagInverted:
			open = append(open, tg)
		case sipuri.TagClose:
			i := len(open) - 1
			for i >= 0 && open[i].Name != tg.Name {
				i--
			}
			if i >= 0 {
				open = open[:i]
			} else if stray == nil {
				stray = &tg
			}
		}
	}
	if tg, ok := first[sipuri.TagTriple]; ok {
		v.add(document.SeverityWarning, "template-unsupported", field,
			"%s is Mustache's unescaped form, which Twilio's TwiML Bins docs do not mention: Mustache writes its value's & and < raw, so a value holding one would make the TwiML malformed, and Twilio would reject it (error 12100). Write {{%s}}, which Mustache escapes.", tg.Text, tg.Name)
	}
	if tg, ok := first[sipuri.TagComment]; ok {
		v.add(document.SeverityWarning, "template-unsupported", field,
			"%s is a Mustache comment, which Twilio's TwiML Bins docs do not mention: Mustache drops it, so the Bin probably writes nothing for it.", tg.Text)
	}
	if tg, ok := first[sipuri.TagPartial]; ok {
		v.add(document.SeverityWarning, "template-unsupported", field,
			"%s includes another template, which a TwiML Bin does not have (Twilio's docs mention no partials): the Bin writes nothing for it, or rejects the template.", tg.Text)
	}
	if stray != nil {
		v.add(document.SeverityWarning, "template-unsupported", field,
			"%s closes a section this field does not open: Mustache cannot render it, and Twilio does not say what a TwiML Bin does with it.", stray.Text)
	}
	if len(open) > 0 {
		v.add(document.SeverityWarning, "template-unsupported", field,
			"%s has no {{/%s}} in this field: Mustache cannot render an unclosed section, and Twilio does not say what a TwiML Bin does with it.", open[0].Text, open[0].Name)
	}
	if bad := notTags(s, tags); bad != "" {
		v.add(document.SeverityWarning, "template-unsupported", field,
			"%s looks like a TwiML Bin template tag but is not one a Bin fills here: a tag is {{Name}}, a name of letters, digits and _ . - (Mustache's {{&Name}} and {{=…=}} cannot be written in TwiML, whose XML needs & as &amp;). It is sent as typed text, percent-encoded in a URI.", bad)
	}
}

// fillWords says what the Bin fills tags with.
func fillWords(tags []sipuri.Tag) string {
	var words []string
	seen := map[string]bool{}
	inE164 := false
	for _, tg := range tags {
		var w string
		switch {
		case tg.Kind == sipuri.TagSection && tg.Name == "e164":
			w, inE164 = "{{#e164}}…{{/e164}} with the phone number in what it holds (Twilio's e164 function)", true
		case tg.Kind == sipuri.TagClose && tg.Name == "e164":
			inE164 = false
		case tg.Kind == sipuri.TagSection || tg.Kind == sipuri.TagInverted:
			w = tg.Text + "…{{/" + tg.Name + "}} with what it holds when " + tg.Name + " is " + map[bool]string{true: "set", false: "not set"}[tg.Kind == sipuri.TagSection]
		case tg.Kind == sipuri.TagVariable || tg.Kind == sipuri.TagTriple:
			w = tg.Text + " with " + paramWords(tg.Name)
			if inE164 {
				w = ""
			}
		}
		if w != "" && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	switch {
	case len(words) == 0:
		return "nothing"
	case len(words) > maxWords:
		return strings.Join(words[:maxWords], "; ") + "; and " + strconv.Itoa(len(words)-maxWords) + " more"
	}
	return strings.Join(words, "; ")
}

// maxWords is how many tags a message describes.
const maxWords = 4

// paramWords says what a Bin fills a parameter's tag with.
func paramWords(name string) string {
	if w, ok := binParams[name]; ok {
		return w
	}
	if header, ok := strings.CutPrefix(name, "SipHeader_"); ok {
		return "the " + header + " header of the SIP INVITE, for a call that reached a SIP Domain"
	}
	return "the request's " + name + " parameter: a query parameter of the Bin's URL (…?" + name + "=…) or one Twilio sends, empty if there is none"
}

// notTags is the first "{{" of s that starts no tag and is inside none,
// with what follows it, or "". tags are s's, in order.
func notTags(s string, tags []sipuri.Tag) string {
	for i := 0; ; {
		k := strings.Index(s[i:], "{{")
		if k < 0 {
			return ""
		}
		at := i + k
		for len(tags) > 0 && tags[0].At+len(tags[0].Text) <= at {
			tags = tags[1:]
		}
		if len(tags) == 0 || at < tags[0].At {
			end := strings.Index(s[at:], "}}")
			if end < 0 || end > 40 {
				end = min(len(s)-at, 12)
			} else {
				end += 2
			}
			return s[at : at+end]
		}
		i = at + 2
	}
}

// Where in a URI (or the TwiML) a tag stands, for what its filled value
// must be.
type place int

const (
	placeUser place = iota
	placeHost
	placeHeaderName
	placeHeaderValue
	placeUUI
	placeCallerID
)

// templateFill warns where the value a Bin fills in would need an
// encoding the Bin does not give it, or a shape the field cannot check:
// a Bin writes a value as the request has it, never percent-encoded.
// (Whether it HTML-escapes it, as Mustache and Handlebars do, Twilio does
// not document; with escaping, Twilio's XML reader gives the value back as
// it was, so either way the URI holds the raw value.)
// Its field is p+"."+name, joined only for a template.
func (v *validator) templateFill(p, name, s string, where place) {
	if !strings.Contains(s, "{{") {
		return
	}
	tags := sipuri.Tags(s)
	if len(tags) == 0 {
		return
	}
	field := p + "." + name
	var numbers, others []string // variables outside e164, by kind of value
	inE164 := false
	for _, tg := range tags {
		switch {
		case tg.Kind == sipuri.TagSection && tg.Name == "e164":
			inE164 = true
		case tg.Kind == sipuri.TagClose && tg.Name == "e164":
			inE164 = false
		case tg.Kind != sipuri.TagVariable && tg.Kind != sipuri.TagTriple, inE164:
		case slices.Contains(numberParams, tg.Name):
			numbers = append(numbers, tg.Text)
		default:
			others = append(others, tg.Text)
		}
	}
	switch where {
	case placeHost:
		v.add(document.SeverityWarning, "template-encoding", field,
			"The host is filled in by the TwiML Bin, so it cannot be checked here: the value must be a host name or IP address, as the request has it.")
	case placeHeaderName:
		v.add(document.SeverityWarning, "template-encoding", field,
			"The TwiML Bin fills this header name as the request has it, so it cannot be checked here: Twilio passes on only X- names of letters, digits and hyphens (errors 13252, 32113).")
	case placeUUI:
		v.add(document.SeverityWarning, "template-encoding", field,
			"The TwiML Bin fills the UUI data as the request has it, so it cannot be checked here: with encoding=hex it must be hex digits (error 32112).")
	case placeUser:
		if len(numbers) > 0 {
			v.add(document.SeverityWarning, "template-encoding", field,
				"%s is a number such as +14155551212, which the user part takes as it is; but for a call to or from a SIP Domain or a client it is a whole SIP URI (sip:…@…) or client:name, which breaks this URI (error 13243). {{#e164}}%s{{/e164}}, Twilio's e164 function, takes the number out.", numbers[0], numbers[0])
		}
		if len(others) > 0 {
			v.add(document.SeverityWarning, "template-encoding", field,
				"The TwiML Bin writes %s's value as the request has it, not percent-encoded: a space, @, :, ;, ? or & in it breaks this URI (error 13243).", others[0])
		}
	case placeHeaderValue:
		if len(numbers) > 0 || len(others) > 0 || slices.ContainsFunc(tags, func(tg sipuri.Tag) bool { return tg.Name == "e164" }) {
			v.add(document.SeverityWarning, "template-encoding", field,
				"The TwiML Bin writes the value%s as the request has it, not percent-encoded, where Twilio asks for every character but letters and digits in a header value to be (a + as %%2B, a space as %%20). A phone number's + reaches Twilio raw, which Twilio does not document (some receivers read a raw + as a space); a space, ; or & breaks the header (errors 32112, 13251). Pass values the Bin fills already percent-encoded.", valueOf(numbers, others))
		}
	case placeCallerID:
		if len(numbers) > 0 {
			v.add(document.SeverityWarning, "template-encoding", field,
				"%s is a number for a call from a phone, but a SIP URI or client:name for a call from a SIP Domain or a client, which a callerId for <Sip> cannot be (letters, digits and + - _ . only). {{#e164}}%s{{/e164}}, Twilio's e164 function, takes the number out.", numbers[0], numbers[0])
		} else if len(others) > 0 {
			v.add(document.SeverityWarning, "template-encoding", field,
				"The TwiML Bin fills %s as the request has it, so it cannot be checked here: a callerId for <Sip> takes letters, digits and + - _ . only.", others[0])
		}
	}
}

func valueOf(numbers, others []string) string {
	all := slices.Concat(numbers, others)
	if len(all) == 0 {
		return ""
	}
	return " of " + all[0]
}

// templateREST says that the REST form of a target sends its template tags
// as written: the REST API fills no template, unlike a TwiML Bin.
func (v *validator) templateREST(p string, doc document.Document, t document.Target, r resolve.Resolution) {
	if !strings.Contains(r.URI, "{{") && !anyTemplate(doc, t) {
		return
	}
	uri := resolve.RESTURIs([]resolve.Resolution{r})[0]
	params := []struct{ name, value string }{
		{"To", uri}, {"From", doc.Dial.CallerID}, {"Url", doc.REST.URL}, {"Twiml", doc.REST.TwiML},
		{"SipAuthUsername", t.Username}, {"StatusCallback", t.StatusCallback}, {"AsyncAmdStatusCallback", t.AMDStatusCallback},
		{"RecordingStatusCallback", doc.Dial.RecordingStatusCallback},
	}
	var sent []string
	for _, prm := range params {
		if sipuri.HasTags(prm.value) {
			sent = append(sent, prm.name+"="+prm.value)
		}
	}
	if len(sent) > 0 {
		v.add(document.SeverityWarning, "template-rest", p,
			"The REST API fills no TwiML Bin template: the curl command and the REST programs would send %s as written. Put the values in before running them; the TwiML is for a Bin.", strings.Join(sent, ", "))
	}
}

// anyTemplate reports whether a field of the REST form besides To might
// hold a template tag.
func anyTemplate(doc document.Document, t document.Target) bool {
	for _, s := range []string{doc.Dial.CallerID, doc.REST.URL, doc.REST.TwiML, t.Username, t.StatusCallback, t.AMDStatusCallback, doc.Dial.RecordingStatusCallback} {
		if strings.Contains(s, "{{") {
			return true
		}
	}
	return len(t.URIs) > 0
}
