package codegen

import (
	"fmt"
	"slices"
	"strings"

	"sipcompose/sipcompose/document"
	"sipcompose/sipcompose/internal/param"
	"sipcompose/sipcompose/internal/shell"
	"sipcompose/sipcompose/resolve"
	"sipcompose/sipcompose/sipuri"
)

// PlaceholderRESTURL is what the curl form asks Twilio to fetch when the
// document says nothing about what runs once the SIP party answers.
const PlaceholderRESTURL = "https://example.com/twiml-to-run-when-answered"

// Environment variables the curl form reads, so secrets are never printed.
const (
	EnvAccountSID  = "TWILIO_ACCOUNT_SID"
	EnvAuthToken   = "TWILIO_AUTH_TOKEN"
	EnvSIPPassword = "SIP_PASSWORD"
)

// Curl writes one curl command per target that places the same call
// through the REST Calls API. Every value is single-quoted for POSIX sh and
// form-encoded by curl (--data-urlencode), so "&" in a URI's headers is
// sent as %26, as Twilio asks. The account SID, auth token and SIP password
// come from environment variables and are never printed.
func Curl(doc document.Document, res []resolve.Resolution) string {
	var b strings.Builder
	// A command is its URI and a few hundred bytes besides (more with
	// long URLs): making room once saves copying the text every time it
	// outgrows its buffer (a dozen times for 10 targets).
	size := 0
	for _, r := range res {
		size += len(r.URI) + 512
	}
	b.Grow(size)
	if len(res) > 1 {
		// The REST API has no multi-target call; say so rather than let the
		// commands pass for the same <Dial>.
		fmt.Fprintf(&b, "# %d targets: each command places its own call; <Dial> rings them %s and bridges the first to answer.\n",
			len(res), dialMode(doc.Dial))
	}
	for i, r := range res {
		if i > 0 {
			b.WriteByte('\n')
		}
		writeCurlCommand(&b, doc, doc.Targets[i], r)
	}
	return b.String()
}

func dialMode(d document.Dial) string {
	if d.Sequential {
		return "in turn"
	}
	return "together"
}

// Separators of a curl command: each argument group on its own line.
const (
	curlFirstLine = `curl -X POST "https://api.twilio.com/2010-04-01/Accounts/$` + EnvAccountSID + `/Calls.json"`
	curlAuthLine  = `-u "$` + EnvAccountSID + `:$` + EnvAuthToken + `"`
	curlNextLine  = " \\\n  "
)

// Comments on values the curl form has to make up.
const (
	curlFromComment = "# From: set Caller ID; any letters, digits and + - _ . fill the SIP From user.\n"
	curlURLComment  = "# Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.\n"
	// Fixed text, not the record value: a line break in it would end the
	// comment and start a command.
	curlRingingComment        = "# Record: the REST API records from answer; recording from ringing has no REST form.\n"
	curlFirstURIComment       = "# To: the first <Uri>. The REST API dials one URI, so the other <Uri>s and their priority and weight are TwiML only.\n"
	curlHeaderElementsComment = "# The <Header> elements have no REST form: the REST API sends only the headers in the To URI.\n"
)

// templateComment says which parameters of a REST call hold TwiML Bin
// template tags, which the REST API does not fill in: the call would send
// "{{To}}" as written. It names the parameters, never their values, so
// nothing typed can end the comment.
func templateComment(call []param.Value) string {
	var names []string
	for _, v := range call {
		if sipuri.HasTags(v.S) || slices.ContainsFunc(v.List, sipuri.HasTags) {
			names = append(names, v.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "Not as is: " + strings.Join(names, ", ") + " hold TwiML Bin template tags ({{…}}), which the REST API does not fill in; it would send them as written. Put the values in first."
}

// writeCurlCommand writes one command: its comments first, then the
// arguments. The comments depend only on the document, so they are
// decided before any field is written. r is t's resolution.
func writeCurlCommand(b *strings.Builder, doc document.Document, t document.Target, r resolve.Resolution) {
	d := doc.Dial
	if d.CallerID == "" {
		b.WriteString(curlFromComment)
	}
	if doc.REST.URL == "" && doc.REST.TwiML == "" {
		b.WriteString(curlURLComment)
	}
	if recording(d.Record) && strings.Contains(d.Record, "ringing") {
		b.WriteString(curlRingingComment)
	}
	uri, bare := r.URI, r.ChildrenAlone()
	if bare {
		uri = r.Children[0].Resolution.URI
		b.WriteString(curlFirstURIComment)
	}
	if len(param.NamedHeaders(t.HeaderElements)) > 0 {
		b.WriteString(curlHeaderElementsComment)
	}
	call := restParams(&doc, &t, uri, bare)
	if c := templateComment(call); c != "" {
		b.WriteString("# " + c + "\n")
	}
	b.WriteString(curlFirstLine + curlNextLine + curlAuthLine)
	for _, v := range call {
		switch v.Kind {
		case param.KindEnv:
			// Double quotes, so sh reads the secret from the variable.
			b.WriteString(curlNextLine + `--data-urlencode "` + v.Name + `=$` + v.S + `"`)
		case param.KindList:
			// One field per item, as the REST API takes a list.
			for _, e := range v.List {
				writeCurlField(b, v.Name, e)
			}
		default:
			writeCurlField(b, v.Name, v.Text())
		}
	}
	b.WriteByte('\n')
}

// writeCurlField writes one form field, single-quoted for sh.
func writeCurlField(b *strings.Builder, name, value string) {
	b.WriteString(curlNextLine + "--data-urlencode '" + name + "=")
	shell.WriteQuoted(b, value)
	b.WriteByte('\'')
}

// recording reports whether a <Dial record> value records the call.
func recording(record string) bool {
	return strings.HasPrefix(record, "record-") || record == "true"
}
