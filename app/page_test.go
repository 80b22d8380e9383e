package app

import (
	"encoding/json"
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
)

// TestPageStartsFromTheExample mounts the page with go-app's client tester:
// a first visit composes the example and drafts it.
func TestPageStartsFromTheExample(t *testing.T) {
	p := &page{}
	d := goapp.NewClientTester(p)
	defer d.Close()
	d.Consume()
	if want := sipcompose.Compose(exampleDocument()).TwiML; p.result.TwiML != want {
		t.Errorf("preview:\n%s\nwant\n%s", p.result.TwiML, want)
	}
	if got := p.notifier.Message(pageNotice); got != "This is an example: edit it, or paste what the customer sent into the box below." {
		t.Errorf("notice %q", got)
	}
}

// TestPageEditKeepsTheFormAndSavesTheDraft edits through the same path as
// a keystroke: the result follows, the form's snapshot does not (so inputs
// keep what is typed), and the draft is saved without the password.
func TestPageEditKeepsTheFormAndSavesTheDraft(t *testing.T) {
	p := &page{}
	d := goapp.NewClientTester(p)
	defer d.Close()
	d.Consume()
	gen := p.gen
	d.Dispatch(goapp.Dispatch{Mode: goapp.Update, Source: p, Function: func(ctx goapp.Context) {
		p.edit(ctx, false, func(doc *sipcompose.Document) {
			doc.Targets[0].Host = "typed.example.com"
			doc.Targets[0].Username, doc.Targets[0].Password = "u", "hunter2"
		})
	}})
	d.Consume()
	if p.result.URIs[0] != "sip:+14158675309@typed.example.com;transport=tls;edge=ashburn?User-to-User=0A1B2C3D%3Bencoding%3Dhex&X-customName=Bob%2CShield%2BTitle%2DManager&X-otherHeader=true" {
		t.Errorf("URI %s", p.result.URIs[0])
	}
	if p.gen != gen || p.shown.Targets[0].Host != "pbx.example.com" {
		t.Errorf("a keystroke rebuilt the form (gen %d→%d, shown host %q)", gen, p.gen, p.shown.Targets[0].Host)
	}
	var raw json.RawMessage
	d.Dispatch(goapp.Dispatch{Mode: goapp.Update, Source: p, Function: func(ctx goapp.Context) {
		if err := ctx.LocalStorage().Get(draftKey, &raw); err != nil {
			t.Error(err)
		}
	}})
	d.Consume()
	draft, err := readDraft(raw)
	if err != nil || draft.Targets[0].Host != "typed.example.com" || draft.Targets[0].Password != "" {
		t.Errorf("draft %v %+v", err, draft)
	}
}

// TestPageWordingChangeKeepsTheForm: a keystroke that only rewords a
// diagnostic (a long URI's length) leaves the form's Shape alone, so go-app
// does not re-render the whole form, while the diagnostics have the new wording.
func TestPageWordingChangeKeepsTheForm(t *testing.T) {
	p := &page{}
	d := goapp.NewClientTester(p)
	defer d.Close()
	d.Consume()
	type_ := func(v string) {
		d.Dispatch(goapp.Dispatch{Mode: goapp.Update, Source: p, Function: func(ctx goapp.Context) {
			p.edit(ctx, false, func(doc *sipcompose.Document) { doc.Targets[0].Headers[1].Value = v })
		}})
		d.Consume()
	}
	long := strings.Repeat("v", 300)
	type_(long)
	shape, before := p.shape, p.diags["targets[0].headers"]
	type_(long + "v")
	after := p.diags["targets[0].headers"]
	if len(before) == 0 || len(after) == 0 || before[0].Message == after[0].Message {
		t.Fatalf("want a reworded long-URI diagnostic, got %v then %v", before, after)
	}
	if p.shape != shape {
		t.Errorf("the shape changed with the wording:\n%s\n%s", shape, p.shape)
	}
}

// TestBlankFormSaysWhatToFill: an untouched blank form shows no errors
// beside its fields (its Host is empty, which Compose calls an error), but
// a copy of it still says it would be rejected; the first edit shows them.
func TestBlankFormSaysWhatToFill(t *testing.T) {
	p := &page{}
	d := goapp.NewClientTester(p)
	defer d.Close()
	d.Consume()
	d.Dispatch(goapp.Dispatch{Mode: goapp.Update, Source: p, Function: func(ctx goapp.Context) { p.blankForm(ctx, goapp.Event{}) }})
	d.Consume()
	if !p.blank || len(p.diags) != 0 || p.problem() != "" || p.notifier.Problem != "1 error: Twilio would reject this" {
		t.Errorf("blank form: blank %v, diags %v, shown problem %q, copy caveat %q", p.blank, p.diags, p.problem(), p.notifier.Problem)
	}
	d.Dispatch(goapp.Dispatch{Mode: goapp.Update, Source: p, Function: func(ctx goapp.Context) {
		p.edit(ctx, false, func(doc *sipcompose.Document) { doc.Targets[0].User = "support" })
	}})
	d.Consume()
	if p.blank || len(p.diags["targets[0].host"]) != 1 || p.problem() == "" {
		t.Errorf("after an edit: blank %v, diags %v", p.blank, p.diags)
	}
}
