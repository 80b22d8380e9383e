package codegen

import (
	"strconv"
	"strings"

	"sipcompose/sipcompose/internal/param"
)

// pythonTwiML is the twilio-python program that builds the TwiML and
// prints it. It runs on Debian's python3-twilio 7.7.1 as on today's
// release: attributes that 7.7.1's sip() does not name go through its
// **kwargs, which spell them the same way.
func pythonTwiML(m codeModel) string {
	var b strings.Builder
	b.WriteString("# Builds the TwiML with twilio-python's VoiceResponse and prints it.\n")
	if len(m.twimlEnvs) > 0 {
		b.WriteString("# " + envSentence(m.twimlEnvs) + "\n")
		b.WriteString("import os\n\n")
	}
	if m.sipChildren() {
		b.WriteString("from twilio.twiml import TwiML\n")
	}
	b.WriteString("from twilio.twiml.voice_response import VoiceResponse\n\n")
	if m.sipChildren() {
		b.WriteString(pythonChildren)
	}
	b.WriteString("response = VoiceResponse()\n")
	b.WriteString("dial = response.dial(")
	writePythonArgs(&b, "", m.dial, false)
	b.WriteString(")\n")
	if len(m.sips) > 0 {
		b.WriteString("# " + noteTwiMLURI + "\n")
	}
	for i, sip := range m.sips {
		name := sipName(i, len(m.sips))
		if sip.children() {
			b.WriteString(name + " = ")
		}
		b.WriteString("dial.sip(")
		writePythonArgs(&b, quotePython(sip.uri), sip.attrs, false)
		b.WriteString(")\n")
		for _, u := range sip.uris {
			b.WriteString(name + ".add_child(")
			writePythonArgs(&b, `"Uri", `+quotePython(u.uri), u.attrs, false)
			b.WriteString(")\n")
		}
		if len(sip.headers) > 0 {
			b.WriteString(name + "_headers = " + name + ".add_child(\"Headers\")\n")
		}
		for _, h := range sip.headers {
			b.WriteString(name + "_headers.nest(Header(")
			writePythonArgs(&b, "", h, false)
			b.WriteString("))\n")
		}
	}
	b.WriteString("print(response)\n")
	return b.String()
}

// pythonChildren explains, in the program, how it writes <Uri> and
// <Header>: python3-twilio 7.7.1's Sip has no uri() or headers(), so they
// go through TwiML's public add_child and nest, which today's release
// writes the same way.
const pythonChildren = `# python3-twilio 7.7.1's Sip has no uri() or headers() methods: <Uri> and
# <Headers> are added with TwiML.add_child, and <Header> is a TwiML of its
# own because add_child's own name and value parameters would take its
# attributes.
class Header(TwiML):
    pass


`

// pythonCall is the twilio-python program that places the REST call(s).
func pythonCall(m codeModel) string {
	if len(m.calls) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("# Places the call through Twilio's REST API with twilio-python and prints its SID.\n")
	b.WriteString("# " + envSentence(append([]string{EnvAccountSID, EnvAuthToken}, m.callEnvs...)) + "\n")
	for _, n := range m.notes {
		b.WriteString("# " + n + "\n")
	}
	b.WriteString("import os\n\nfrom twilio.rest import Client\n\n")
	b.WriteString(PythonClientLine + "\n")
	for i, call := range m.calls {
		name := callName(i, len(m.calls))
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("# " + noteCallURI + "\n")
		}
		b.WriteString(name + " = client.calls.create(")
		writePythonArgs(&b, "", call, true)
		b.WriteString(")\n")
		b.WriteString("print(" + name + ".sid)\n")
	}
	return b.String()
}

// PythonClientLine is the line of the twilio-python call program that
// makes the client; a test passes its own HTTP client by extending it.
const PythonClientLine = `client = Client(os.environ["` + EnvAccountSID + `"], os.environ["` + EnvAuthToken + `"])`

// writePythonArgs writes a call's arguments, one a line: first, if not
// empty, then the keyword arguments. rest says they are REST parameters,
// whose booleans are sent as the string "true": python3-twilio 7.7.1
// passes a bool on as "True".
func writePythonArgs(b *strings.Builder, first string, vs []param.Value, rest bool) {
	if first == "" && len(vs) == 0 {
		return
	}
	if first != "" && len(vs) == 0 {
		b.WriteString(first)
		return
	}
	b.WriteString("\n")
	if first != "" {
		b.WriteString("    " + first + ",\n")
	}
	for _, v := range vs {
		name := snake(v.Name)
		if name == "from" {
			name = "from_"
		}
		b.WriteString("    " + name + "=" + pythonValue(v, rest) + ",\n")
	}
}

func pythonValue(v param.Value, rest bool) string {
	switch v.Kind {
	case param.KindInt:
		return strconv.Itoa(v.N)
	case param.KindBool:
		if rest {
			return `"true"`
		}
		return "True"
	case param.KindList:
		return "[" + joinQuoted(v.List, quotePython) + "]"
	case param.KindEnv:
		return "os.environ[" + quotePython(v.S) + "]"
	}
	return quotePython(v.S)
}
