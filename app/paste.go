package app

import (
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/components"
	"sipcompose/sipcompose"
)

// pasteAt is where the paste area's feedback appears.
const pasteAt = "paste"

// pasteKind is what a paste into the paste area is.
type pasteKind int

const (
	pasteUnknown pasteKind = iota
	pasteTwiML
	pasteURI
	pasteLink
)

// kindOf recognises a paste: a share link holds "#doc="; TwiML starts with
// "<" (but "<sip:…>" is a SIP URI as a SIP header writes it); a SIP URI
// starts with a scheme ("sip:", "sips:", or one Twilio does not dial, which
// ParseURI names) or is a bare user@host. Anything else is not recognised.
func kindOf(text string) pasteKind {
	s := strings.TrimSpace(text)
	lower := strings.ToLower(s)
	switch {
	case strings.Contains(s, "#"+shareParam) || strings.HasPrefix(s, shareParam):
		return pasteLink
	case strings.HasPrefix(lower, "<sip:"), strings.HasPrefix(lower, "<sips:"):
		return pasteURI
	case strings.HasPrefix(s, "<"):
		return pasteTwiML
	case s == "" || strings.ContainsAny(s, " \t\r\n"):
		return pasteUnknown
	case hasScheme(lower), strings.Contains(s, "@"):
		return pasteURI
	}
	return pasteUnknown
}

// hasScheme reports whether s starts with a URI scheme and its colon.
func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 1 {
		return false
	}
	for _, c := range s[:i] {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// paste is Props.Paste: it imports what the paste area was given, with
// Undo, listing in Warnings what the way in changed or could not keep, and
// says beside the area what it did, or why it imported nothing.
func (p *page) paste(ctx goapp.Context, text string) bool {
	switch kindOf(text) {
	case pasteTwiML:
		doc, diags := sipcompose.Parse(text)
		if refused := sipcompose.Unreadable(diags); refused != nil {
			p.notifier.Say(pasteAt, "Nothing imported: "+components.Messages(refused))
			return false
		}
		// TwiML with errors is imported as far as it could be read, so it
		// can be fixed here.
		p.replace(ctx, components.Replacement{At: pasteAt, Msg: withSummary("Imported the TwiML into the form.", diags), Whole: true,
			Change: func(d *sipcompose.Document) { *d = doc }, Found: diags, From: "the import"})
	case pasteURI:
		t, diags := sipcompose.ParseURI(strings.TrimSpace(text))
		if refused := sipcompose.UnreadableURI(diags); refused != nil {
			p.notifier.Say(pasteAt, "Nothing imported: "+components.Messages(refused))
			return false
		}
		// The example is no one's: a URI replaces it whole, <Dial>
		// attributes too. Else the URI fills target 1 and keeps its <Sip>
		// attributes, as a URI pasted into its Host does.
		whole := isExample(p.doc) || len(p.doc.Targets) == 0
		p.replace(ctx, components.Replacement{At: pasteAt, Msg: withSummary("Filled SIP target 1 from the SIP URI.", diags), Whole: whole,
			Change: func(d *sipcompose.Document) {
				if whole {
					*d = sipcompose.Document{Targets: make([]sipcompose.Target, 1)}
				}
				d.Targets[0] = sipcompose.WithURI(d.Targets[0], t)
			}, Found: components.UnderTarget(0, diags), From: "the pasted SIP URI"})
	case pasteLink:
		fragment := text[strings.Index(text, shareParam):]
		doc, err := readShareFragment(strings.TrimSpace(fragment))
		if err != nil {
			p.notifier.Say(pasteAt, badLink(err)+" Nothing imported.")
			return false
		}
		p.replace(ctx, components.Replacement{At: pasteAt, Msg: openedLink, Whole: true, Change: func(d *sipcompose.Document) { *d = doc }})
		// A link is the draft at once, as when it is opened.
		p.savePendingDraft(ctx)
	default:
		p.notifier.Say(pasteAt, "Not recognised: paste TwiML (<Response>…), a SIP URI (sip:alice@pbx.example.com) or a share link (…#doc=…).")
		return false
	}
	return true
}

// withSummary is msg and, when the way in changed or could not keep
// anything, how much, by severity.
func withSummary(msg string, diags []sipcompose.Diagnostic) string {
	if len(diags) == 0 {
		return msg
	}
	return msg + " " + components.ImportSummary(diags)
}
