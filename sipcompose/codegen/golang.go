package codegen

import (
	"strconv"
	"strings"

	"sipcompose/sipcompose/internal/param"
)

// goGetenv fails loudly where os.Getenv would hand "" to the library,
// which drops the attribute without a word.
const goGetenv = `
// mustGetenv returns the variable's value, or stops if it is not set.
func mustGetenv(name string) string {
	value, ok := os.LookupEnv(name)
	if !ok {
		log.Fatalf("%s is not set", name)
	}
	return value
}
`

// goTwiMLWrite ends the TwiML program. twiml.Voice writes a tab, CR or LF
// in an attribute as it is, which an XML parser reads as a space (found by
// the tests); etree's canonical attribute values escape them, and the
// document twiml.Voice builds is public to set that on.
const goTwiMLWrite = `	doc, response := twiml.CreateDocument()
	twiml.AddAllVerbs(response, []twiml.Element{dial})
	// Escapes tab, CR and LF in attributes, which would otherwise be read as spaces.
	doc.WriteSettings.CanonicalAttrVal = true
	xml, err := twiml.ToXML(doc)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(xml)
}
`

// goTwiML is the twilio-go program that builds the TwiML and prints it.
// Its output is gofmt's: struct fields are aligned as gofmt aligns them.
func goTwiML(m codeModel) string {
	var b strings.Builder
	b.WriteString("// Builds the TwiML with twilio-go's twiml package and prints it.\n")
	if len(m.twimlEnvs) > 0 {
		b.WriteString("// " + envSentence(m.twimlEnvs) + "\n")
	}
	b.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"log\"\n")
	if len(m.twimlEnvs) > 0 {
		b.WriteString("\t\"os\"\n")
	}
	b.WriteString("\n\t\"github.com/twilio/twilio-go/twiml\"\n)\n\n")
	b.WriteString("func main() {\n")
	fields := make([][2]string, 0, len(m.dial))
	for _, v := range m.dial {
		fields = append(fields, [2]string{upperFirst(v.Name), goTwiMLValue(v)})
	}
	if len(fields) == 0 && len(m.sips) == 0 {
		b.WriteString("\tdial := &twiml.VoiceDial{}\n")
	} else {
		b.WriteString("\tdial := &twiml.VoiceDial{\n")
		writeGoFields(&b, "\t\t", fields)
		if len(m.sips) > 0 {
			// gofmt leaves a value that spans lines out of the aligned
			// block, so its key is followed by one space.
			b.WriteString("\t\tInnerElements: []twiml.Element{\n")
			b.WriteString("\t\t\t// " + noteTwiMLURI + "\n")
			for _, sip := range m.sips {
				sf := [][2]string{{"SipUrl", quoteGo(sip.uri)}}
				for _, v := range sip.attrs {
					sf = append(sf, [2]string{upperFirst(v.Name), goTwiMLValue(v)})
				}
				b.WriteString("\t\t\t&twiml.VoiceSip{\n")
				writeGoFields(&b, "\t\t\t\t", sf)
				if sip.children() {
					writeGoSipChildren(&b, sip)
				}
				b.WriteString("\t\t\t},\n")
			}
			b.WriteString("\t\t},\n")
		}
		b.WriteString("\t}\n")
	}
	b.WriteString(goTwiMLWrite)
	if len(m.twimlEnvs) > 0 {
		b.WriteString(goGetenv)
	}
	return b.String()
}

// writeGoSipChildren writes a VoiceSip's InnerElements: its VoiceUris and
// a VoiceHeaders of VoiceHeaders, as twilio-go names <Uri>, <Headers> and
// <Header>.
func writeGoSipChildren(b *strings.Builder, sip codeSip) {
	const in = "\t\t\t\t"
	b.WriteString(in + "InnerElements: []twiml.Element{\n")
	for _, u := range sip.uris {
		fields := [][2]string{{"SipUrl", quoteGo(u.uri)}}
		for _, v := range u.attrs {
			fields = append(fields, [2]string{upperFirst(v.Name), goTwiMLValue(v)})
		}
		b.WriteString(in + "\t&twiml.VoiceUri{\n")
		writeGoFields(b, in+"\t\t", fields)
		b.WriteString(in + "\t},\n")
	}
	if len(sip.headers) > 0 {
		b.WriteString(in + "\t&twiml.VoiceHeaders{\n")
		b.WriteString(in + "\t\tInnerElements: []twiml.Element{\n")
		for _, h := range sip.headers {
			var fields [][2]string
			for _, v := range h {
				fields = append(fields, [2]string{upperFirst(v.Name), goTwiMLValue(v)})
			}
			b.WriteString(in + "\t\t\t&twiml.VoiceHeader{\n")
			writeGoFields(b, in+"\t\t\t\t", fields)
			b.WriteString(in + "\t\t\t},\n")
		}
		b.WriteString(in + "\t\t},\n")
		b.WriteString(in + "\t},\n")
	}
	b.WriteString(in + "},\n")
}

// goTwiMLValue is a twiml struct field's value: twilio-go takes every
// attribute as a string.
func goTwiMLValue(v param.Value) string {
	switch v.Kind {
	case param.KindInt:
		return quoteGo(strconv.Itoa(v.N))
	case param.KindBool:
		return `"true"`
	case param.KindEnv:
		return "mustGetenv(" + quoteGo(v.S) + ")"
	}
	return quoteGo(v.S)
}

// writeGoFields writes keyed struct fields one a line, their values lined
// up as gofmt lines them up: each value is one line and every key is
// short, so gofmt keeps them in one aligned block.
func writeGoFields(b *strings.Builder, indent string, fields [][2]string) {
	width := 0
	for _, f := range fields {
		width = max(width, len(f[0]))
	}
	for _, f := range fields {
		b.WriteString(indent + f[0] + ":" + strings.Repeat(" ", width-len(f[0])+1) + f[1] + ",\n")
	}
}

// goCall is the twilio-go program that places the REST call(s).
func goCall(m codeModel) string {
	if len(m.calls) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("// Places the call through Twilio's REST API with twilio-go and prints its SID.\n")
	b.WriteString("// " + envSentence(append([]string{EnvAccountSID, EnvAuthToken}, m.callEnvs...)) + "\n")
	for _, n := range m.notes {
		b.WriteString("// " + n + "\n")
	}
	b.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"os\"\n\n")
	b.WriteString("\t\"github.com/twilio/twilio-go\"\n\tapi \"github.com/twilio/twilio-go/rest/api/v2010\"\n)\n\n")
	b.WriteString("func main() {\n")
	b.WriteString("\tclient := twilio.NewRestClientWithParams(twilio.ClientParams{\n")
	b.WriteString("\t\tUsername: mustGetenv(" + quoteGo(EnvAccountSID) + "),\n")
	b.WriteString("\t\tPassword: mustGetenv(" + quoteGo(EnvAuthToken) + "),\n\t})\n")
	for i, call := range m.calls {
		define := "="
		if i == 0 {
			define = ":="
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("\t// " + noteCallURI + "\n")
		}
		b.WriteString("\tparams " + define + " &api.CreateCallParams{}\n")
		for _, v := range call {
			b.WriteString("\tparams.Set" + v.Name + "(" + goCallValue(v) + ")\n")
		}
		b.WriteString("\tcall, err " + define + " client.Api.CreateCall(params)\n")
		b.WriteString("\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n")
		b.WriteString("\tfmt.Println(*call.Sid)\n")
	}
	b.WriteString("}\n")
	b.WriteString(goGetenv)
	return b.String()
}

// goCallValue is a CreateCallParams setter's argument: the setters take
// ints, a bool and string lists where the API does.
func goCallValue(v param.Value) string {
	switch v.Kind {
	case param.KindInt:
		return strconv.Itoa(v.N)
	case param.KindBool:
		return "true"
	case param.KindList:
		return "[]string{" + joinQuoted(v.List, quoteGo) + "}"
	case param.KindEnv:
		return "mustGetenv(" + quoteGo(v.S) + ")"
	}
	return quoteGo(v.S)
}
