package sipcompose

import (
	"strconv"
	"strings"
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
	writeNodeObject(&b, m.dial, "", func(v codeValue) string { return v.name })
	b.WriteString(");\n")
	if len(m.sips) > 0 {
		b.WriteString("// " + noteTwiMLURI + "\n")
	}
	for _, sip := range m.sips {
		if len(sip.attrs) == 0 {
			b.WriteString("dial.sip(" + quoteJS(sip.uri) + ");\n")
			continue
		}
		b.WriteString("dial.sip(\n  ")
		writeNodeObject(&b, sip.attrs, "  ", func(v codeValue) string { return v.name })
		b.WriteString(",\n  " + quoteJS(sip.uri) + "\n);\n")
	}
	b.WriteString("console.log(response.toString());\n")
	return b.String()
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
		writeNodeObject(&b, call, "  ", func(v codeValue) string { return lowerFirst(v.name) })
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
func writeNodeObject(b *strings.Builder, vs []codeValue, indent string, key func(codeValue) string) {
	if len(vs) == 0 {
		return
	}
	b.WriteString("{\n")
	for _, v := range vs {
		b.WriteString(indent + "  " + key(v) + ": " + nodeValue(v) + ",\n")
	}
	b.WriteString(indent + "}")
}

func nodeValue(v codeValue) string {
	switch v.kind {
	case kindInt:
		return strconv.Itoa(v.n)
	case kindBool:
		return "true"
	case kindList:
		return "[" + joinQuoted(v.list, quoteJS) + "]"
	case kindEnv:
		return "env(" + quoteJS(v.s) + ")"
	}
	return quoteJS(v.s)
}

// callName names the result of each call: call, or call1, call2… when
// there are several.
func callName(i, n int) string {
	if n == 1 {
		return "call"
	}
	return "call" + strconv.Itoa(i+1)
}
