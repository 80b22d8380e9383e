package evidence

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Dialog is the messages of one Call-ID: the call's timeline.
type Dialog struct {
	CallID string `json:"callId"`
	// Messages index Evidence.Messages, in time order where every one of
	// them has a time, else in the order read.
	Messages []int `json:"messages"`
}

// dialogs groups messages by Call-ID, in the order each Call-ID first
// appears.
func dialogs(msgs []Message) []Dialog {
	var out []Dialog
	at := map[string]int{}
	for i, m := range msgs {
		id := m.CallID()
		k, ok := at[id]
		if !ok {
			k = len(out)
			at[id] = k
			out = append(out, Dialog{CallID: id})
		}
		out[k].Messages = append(out[k].Messages, i)
	}
	for _, d := range out {
		timed := !slices.ContainsFunc(d.Messages, func(i int) bool { return msgs[i].Time.IsZero() })
		if timed {
			sort.SliceStable(d.Messages, func(i, j int) bool { return msgs[d.Messages[i]].Time.Before(msgs[d.Messages[j]].Time) })
		}
	}
	return out
}

// Timeline is the dialog as lines a person reads: when, who to whom, what.
func (ev Evidence) Timeline(d Dialog) []string {
	var out []string
	for _, i := range d.Messages {
		out = append(out, ev.Messages[i].Summary())
	}
	return out
}

// Summary is the message in one line: time, sender → receiver, start
// line, and where it was read.
func (m Message) Summary() string {
	var b strings.Builder
	if !m.Time.IsZero() {
		b.WriteString(m.Time.Format("15:04:05.000"))
		b.WriteString("  ")
	}
	if m.Src != "" || m.Dst != "" {
		b.WriteString(orHost(m.Src))
		b.WriteString(" → ")
		b.WriteString(orHost(m.Dst))
		b.WriteString("  ")
	}
	b.WriteString(m.StartLine())
	if !m.Request() {
		if _, method := m.CSeq(); method != "" {
			b.WriteString(" (" + method + ")")
		}
	}
	fmt.Fprintf(&b, "  [%s]", m.Ref)
	return b.String()
}

// orHost names an end a log leaves unnamed: the host that wrote the log.
func orHost(addr string) string {
	if addr == "" {
		return "(this host)"
	}
	return addr
}
