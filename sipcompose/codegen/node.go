package codegen

import (
	"strconv"
	"strings"

	"sipcompose/sipcompose/internal/param"
)

// nodeEnv fails loudly where process.env would hand undefined to the
// library, which drops the attribute without a word.
const nodeEnv = `function env(name) {
  const value = process.env[name];
  if (value === undefined) {
    throw new Error(name + " is not set");
  }
  return value;
}
`

// nodeTwiML is the twilio-node program that builds the TwiML and prints it.
func nodeTwiML(m codeModel) string {
	var b strings.Builder
	b.WriteString("// Builds the TwiML with twilio-node's VoiceResponse and prints it.\n")
	if len(m.twimlEnvs) > 0 {
		b.WriteString("// " + envSentence(m.twimlEnvs) + "\n")
	}
	b.WriteString("const { twiml } = require(\"twilio\");\n\n")
	if len(m.twimlEnvs) > 0 {
		b.WriteString(nodeEnv + "\n")
	}
	b.WriteString("const response = new twiml.VoiceResponse();\n")
	b.WriteString("const dial = response.dial(")
	writeNodeObject(&b, m.dial, "", func(v param.Value) string { return v.Name })
	b.WriteString(");\n")
	if len(m.sips) > 0 {
		b.WriteString("// " + noteTwiMLURI + "\n")
	}
	for i, sip := range m.sips {
		name := sipName(i, len(m.sips))
		if sip.children() {
			b.WriteString("const " + name + " = ")
		}
		writeNodeCall(&b, "dial.sip", sip.attrs, sip.uri)
		for _, u := range sip.uris {
			writeNodeCall(&b, name+".uri", u.attrs, u.uri)
		}
		if len(sip.headers) > 0 {
			b.WriteString("const " + name + "Headers = " + name + ".headers();\n")
		}
		for _, h := range sip.headers {
			b.WriteString(name + "Headers.header(")
			writeNodeObject(&b, h, "", func(v param.Value) string { return v.Name })
			b.WriteString(");\n")
		}
	}
	b.WriteString("console.log(response.toString());\n")
	return b.String()
}

// writeNodeCall writes a builder call that takes an attributes object and
// a text, as dial.sip and sip.uri do.
func writeNodeCall(b *strings.Builder, fn string, attrs []param.Value, text string) {
	if len(attrs) == 0 {
		b.WriteString(fn + "(" + quoteJS(text) + ");\n")
		return
	}
	b.WriteString(fn + "(\n  ")
	writeNodeObject(b, attrs, "  ", func(v param.Value) string { return v.Name })
	b.WriteString(",\n  " + quoteJS(text) + "\n);\n")
}

// sipName names the variable of a <Sip> with children: sip, or sip1,
// sip2… when there are several.
func sipName(i, n int) string {
	if n == 1 {
		return "sip"
	}
	return "sip" + strconv.Itoa(i+1)
}

// nodeCall is the twilio-node program that places the REST call(s).
func nodeCall(m codeModel) string {
	if len(m.calls) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("// Places the call through Twilio's REST API with twilio-node and prints its SID.\n")
	b.WriteString("// " + envSentence(append([]string{EnvAccountSID, EnvAuthToken}, m.callEnvs...)) + "\n")
	for _, n := range m.notes {
		b.WriteString("// " + n + "\n")
	}
	b.WriteString("const twilio = require(\"twilio\");\n\n")
	b.WriteString(nodeEnv + "\n")
	b.WriteString(NodeClientLine + "\n\n")
	b.WriteString("async function main() {\n")
	for i, call := range m.calls {
		name := callName(i, len(m.calls))
		if i == 0 {
			b.WriteString("  // " + noteCallURI + "\n")
		}
		b.WriteString("  const " + name + " = await client.calls.create(")
		writeNodeObject(&b, call, "  ", func(v param.Value) string { return lowerFirst(v.Name) })
		b.WriteString(");\n")
		b.WriteString("  console.log(" + name + ".sid);\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("main().catch((err) => {\n  console.error(err.message);\n  process.exitCode = 1;\n});\n")
	return b.String()
}

// NodeClientLine is the line of the twilio-node call program that makes
// the client; a test passes its own HTTP client by extending it.
const NodeClientLine = `const client = twilio(env("` + EnvAccountSID + `"), env("` + EnvAuthToken + `"));`

// writeNodeObject writes an object literal, one property a line, indented
// by indent; key names each property.
func writeNodeObject(b *strings.Builder, vs []param.Value, indent string, key func(param.Value) string) {
	if len(vs) == 0 {
		return
	}
	b.WriteString("{\n")
	for _, v := range vs {
		b.WriteString(indent + "  " + key(v) + ": " + nodeValue(v) + ",\n")
	}
	b.WriteString(indent + "}")
}

func nodeValue(v param.Value) string {
	switch v.Kind {
	case param.KindInt:
		return strconv.Itoa(v.N)
	case param.KindBool:
		return "true"
	case param.KindList:
		return "[" + joinQuoted(v.List, quoteJS) + "]"
	case param.KindEnv:
		return "env(" + quoteJS(v.S) + ")"
	}
	return quoteJS(v.S)
}

// callName names the result of each call: call, or call1, call2… when
// there are several.
func callName(i, n int) string {
	if n == 1 {
		return "call"
	}
	return "call" + strconv.Itoa(i+1)
}
