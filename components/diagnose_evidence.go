package components

import (
	"reflect"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/capture"
	"sipcompose/sipcompose/diagnose"
	"sipcompose/sipcompose/evidence"
)

// Diagnosis is the Diagnose panel's evidence and its report, which the
// page keeps while another panel is shown: the pasted text, the files read
// (diagnose_files.go reads them), and diagnose.Check's report on them
// against the document. Reading and judging the evidence are the domain's
// (packages evidence and diagnose): this holds what they return.
type Diagnosis struct {
	// text is the paste as typed; shown is the text the textarea was
	// created with, which a render never writes into (see AuditRules).
	text, shown string
	files       []evidenceFile

	// ev is read from text and files; read says whether it still is.
	ev   evidence.Evidence
	read bool
	// report is the last check, of ev against checked (nil: against
	// Twilio's facts alone); nil until there is evidence. A new check
	// makes a new report, so the panel's report component compares it by
	// pointer.
	report  *diagnose.Report
	checked *sipcompose.Document
	// waiting numbers the checks put off while someone types (soon).
	waiting int

	// reading is the file being read, queue the files picked after it,
	// notice what became of the last one that did not read (cancelled,
	// refused by the browser).
	reading *fileRead
	queue   []app.Value
	notice  string
	disp    app.Dispatcher

	// panel is the Diagnose panel while it is on the page.
	panel *DiagnosePanel
}

// evidenceFile is one file read: text as read, or a capture.
type evidenceFile struct {
	name    string
	text    []byte
	capture *capture.Capture
}

// pastedName is how the report names the pasted text.
const pastedName = "pasted text"

// setText makes text the paste, to be read at the next check.
func (d *Diagnosis) setText(text string) {
	d.text = text
	d.read = false
}

// addFile adds a file read, to be read at the next check.
func (d *Diagnosis) addFile(f evidenceFile) {
	d.files = append(d.files, f)
	d.read = false
}

// clear forgets the evidence and the report, and stops any reading.
func (d *Diagnosis) clear() {
	d.cancel()
	*d = Diagnosis{disp: d.disp, panel: d.panel}
}

// empty reports whether there is no evidence at all.
func (d *Diagnosis) empty() bool {
	return strings.TrimSpace(d.text) == "" && len(d.files) == 0
}

// check reads the evidence again if it changed and checks it against doc
// (nil: Twilio's facts alone).
func (d *Diagnosis) check(doc *sipcompose.Document) {
	d.waiting++
	if d.empty() {
		d.report, d.checked, d.read = nil, nil, true
		return
	}
	if !d.read {
		d.ev = evidence.Evidence{}
		if strings.TrimSpace(d.text) != "" {
			d.ev.Add(evidence.Input{Name: pastedName, Data: []byte(d.text)})
		}
		for _, f := range d.files {
			if f.capture != nil {
				d.ev.AddCapture(f.name, *f.capture)
			} else {
				d.ev.Add(evidence.Input{Name: f.name, Data: f.text})
			}
		}
		d.read = true
	}
	rep := diagnose.Check(d.ev, doc)
	d.report = &rep
	d.checked = nil
	if doc != nil {
		c := doc.Clone()
		d.checked = &c
	}
}

// current reports whether the report is of the evidence as it is, against
// doc.
func (d *Diagnosis) current(doc *sipcompose.Document) bool {
	if !d.read {
		return false
	}
	if d.empty() {
		return true
	}
	return (doc == nil) == (d.checked == nil) && (doc == nil || reflect.DeepEqual(*doc, *d.checked))
}

// readable reports whether anything at all was read from the evidence:
// without, the report's "no fault found" would say nothing.
func (d *Diagnosis) readable() bool { return d.ev.Readable() }
