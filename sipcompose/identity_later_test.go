package sipcompose

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"sipcompose/sipcompose/codegen"
	"sipcompose/sipcompose/internal/param"
)

// identityLaterDigests are TestOutputIdentity's check for what came after
// a8ce760: documents that also use <Uri> children, <Headers> elements
// and <Dial>'s helper-library attributes, with the INVITE previews, the
// callbacks and the helper-library programs hashed too. The rewrite
// was compared with 4a285cc, the last commit before it, over all 20,000
// documents; the digests were then recomputed for the intended changes
// TestOutputIdentity names (issue 12's UUI rows and compact headers,
// c803b3c's fixed Record comment), and for the helper-library programs
// writing <Uri>, <Headers> and <Dial>'s helper-library attributes (which
// they had left out): of the 20,000 documents' digests exactly the 17,448
// that use one of these changed. The allow-list is left out for the same
// reason as there.
//
// One more difference is intended: at 4a285cc a target whose <Headers>
// rows all lack a name got a line break and indent appended to its <Sip>
// text, inside the URI Twilio reads. The rewrite writes none
// (TestSipTextHasNoIndentForUnnamedHeaderElements), so those targets'
// rows are dropped before the outputs writeOutputs hashes; the previews
// and programs still get the document as it is.
//
// Issue 13's <Header> element names changed the digests once more: the
// elements now get the URI header rows' rules in full ("X-" alone, "X-X-…",
// the UUI under both its names) and their findings of Twilio's name rules
// say that Twilio documents those only for URI headers; writeOutputs now
// hashes the prefix findings on elements. The per-document dumps before
// and after (SIPCOMPOSE_IDENTITY_LATER_DUMP) differ in exactly 12,678 of
// the 20,000 documents (1,273 of the first 2,000), every one of them among
// the 13,515 (1,346) that have <Header> rows.
//
// And once more when the REST programs stopped sending an empty item of
// StatusCallbackEvent or RecordingStatusCallbackEvent as an empty field,
// which the curl form had always left out: the dumps differ in exactly
// 2,129 of the 20,000 documents (220 of the first 2,000), every one of
// them among the 5,180 (529) with an empty item in one of those lists
// (the others send no such list: no recording, or no target).
//
// Issue 23's findings changed them as they changed TestOutputIdentity's
// (see identityDigests): the dumps differ in exactly the 16,297 of the
// 20,000 documents (1,632 of the first 2,000) whose diagnostics hold a
// placeholder, header-value-encoded, a host-invalid naming a placeholder,
// or an edge or region suggestion (also in a <Uri>'s URI), and in no
// other. The previews, callbacks and programs are the same: they read only
// whether a target has errors, and these findings add none (the reworded
// ones were errors already).
var identityLaterDigests = map[int]string{
	2_000:  "53bae0b8347f307fcfbbec26c3999421557d74a97181155151c12ff26870a6e5",
	20_000: "c3a578960cbcd586bd847d5c1c39651bc8036668a6911a53e7dc412ef73d787f",
}

// With SIPCOMPOSE_IDENTITY_LATER_DUMP=FILE it writes one line per document
// (index, digest, and "headerElements" when the document has any), as
// TestOutputIdentity's dump does, so two revisions can be diffed and a
// change meant for one feature shown to touch only the documents that use
// it.
func TestOutputIdentityLater(t *testing.T) {
	n := identityCount()
	dump := identityDump(t, "SIPCOMPOSE_IDENTITY_LATER_DUMP")
	all := sha256.New()
	rng := rand.New(rand.NewPCG(14, 2026))
	for i, doc := range identityDocs(n) {
		withLaterFields(rng, &doc)
		one := sha256.New()
		writeOutputs(one, withoutUnnamedHeaderElements(doc))
		r := Compose(doc)
		s := func(v string) { fmt.Fprintf(one, "%d:%s,", len(v), v) }
		s(r.InviteText())
		s(r.Callbacks.Text())
		s(previewsAsRecorded(r.Invites))
		for _, p := range codegen.All(doc, r.URIs) {
			s(p.TwiML)
			s(p.Call)
		}
		sum := one.Sum(nil)
		all.Write(sum)
		fmt.Fprintf(dump, "%d %x%s\n", i, sum, usesHeaderElements(doc))
	}
	if got := hex.EncodeToString(all.Sum(nil)); got != identityLaterDigests[n] {
		t.Errorf("outputs over %d random/hostile documents with later fields hash to %s, want %s", n, got, identityLaterDigests[n])
	}
}

// withLaterFields sets, on some documents, the fields added after a8ce760.
func withLaterFields(rng *rand.Rand, doc *Document) {
	pick := func(pool []string) string { return pool[rng.IntN(len(pool))] }
	if rng.IntN(3) == 0 {
		doc.Dial.RecordingConfigurationID = pick(idText)
		doc.Dial.Events = pick(idText)
		doc.Dial.Passports = pick(idText)
	}
	for i := range doc.Targets {
		t := &doc.Targets[i]
		// Copies share their slices: give each target its own.
		t.URIs, t.HeaderElements = nil, nil
		if rng.IntN(4) == 0 {
			for range 1 + rng.IntN(3) {
				t.URIs = append(t.URIs, SipURI{URI: pick(idLaterURIs), Priority: pick(idText), Weight: pick(idText), Username: pick(idText), Password: pick(idText)})
			}
			if rng.IntN(2) == 0 {
				t.User, t.Host = "", ""
			}
		}
		if rng.IntN(4) == 0 {
			for range 1 + rng.IntN(3) {
				t.HeaderElements = append(t.HeaderElements, Header{Name: pick(idHeaderNames), Value: pick(idText)})
			}
		}
	}
}

var idLaterURIs = append([]string{
	"sip:alice@pbx.example.com", "sip:bob@203.0.113.10:5070;transport=tls;edge=dublin?X-A=1&X-B=2",
	"sips:c@[2001:db8::1];region=de1", "sip:d@e;edge=Frankfurt", "tel:+1", "sip:", "sip:x@acme.sip.twilio.com;edge=tokyo",
}, idHostile...)

// withoutUnnamedHeaderElements is doc with the <Headers> rows of every
// target that has rows but none with a name removed.
func withoutUnnamedHeaderElements(doc Document) Document {
	doc = doc.Clone()
	for i := range doc.Targets {
		if t := &doc.Targets[i]; len(t.HeaderElements) > 0 && len(param.NamedHeaders(t.HeaderElements)) == 0 {
			t.HeaderElements = nil
		}
	}
	return doc
}

// usesHeaderElements marks, in the dump, a document with <Header> rows.
func usesHeaderElements(doc Document) string {
	for _, t := range doc.Targets {
		if len(t.HeaderElements) > 0 {
			return " headerElements"
		}
	}
	return ""
}

// previewsAsRecorded is the previews in Go syntax as the digests were
// recorded, when the one sipcompose package held their types: since
// issue 21 they live in package customer, and %#v names a type by its
// package.
func previewsAsRecorded(invites []Invite) string {
	return strings.NewReplacer(
		"[]customer.Invite{", "[]sipcompose.Invite{",
		"customer.Invite{", "sipcompose.Invite{",
		"[]customer.InviteHeader{", "[]sipcompose.InviteHeader{",
		"customer.InviteHeader{", "sipcompose.InviteHeader{",
		"customer.HeaderReturn{", "sipcompose.HeaderReturn{",
	).Replace(fmt.Sprintf("%#v", invites))
}
