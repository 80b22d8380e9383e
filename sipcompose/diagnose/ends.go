package diagnose

import (
	"time"

	"sipcompose/sipcompose/evidence"
)

// A capture stopped early, or cut short (a truncated file), ends before the
// call does: what comes after its end is unknown, not absent. The checks
// that conclude from something missing (a final response, RTP one way)
// first ask whether the evidence shows the call's end (a CANCEL, a final
// response, a BYE) or lasted long enough to show what is missing.

// mediaSettle is how long after its first RTP packet one way a capture
// must go on before the other way's silence means anything: both ends send
// RTP from the answer on, 20 ms a packet (inferred from RFC 3551's 20 ms
// packets; no Twilio figure).
const mediaSettle = 2 * time.Second

// evidenceEnd is the time of the last packet or timed line read from
// source; zero when nothing in it is timed.
func (c *call) evidenceEnd(source string) time.Time {
	var end time.Time
	for _, m := range c.ev.Messages {
		if m.Ref.Source == source && m.Time.After(end) {
			end = m.Time
		}
	}
	for _, f := range c.ev.Flows {
		if f.Ref.Source == source && f.Last.After(end) {
			end = f.Last
		}
	}
	return end
}

// endsWithin says how long the evidence m came from lasts after m, when
// that is less than d; ok is false when it lasts d or more, or when m is
// not timed.
func (c *call) endsWithin(m *evidence.Message, d time.Duration) (after time.Duration, ok bool) {
	if m.Time.IsZero() {
		return 0, false
	}
	after = c.evidenceEnd(m.Ref.Source).Sub(m.Time)
	return after, after < d
}

// dialTimeout is how long Twilio rings before it gives up: the document's
// <Dial timeout>, 30 s by default (twilio-sip-out.md).
func (c *call) dialTimeout() time.Duration {
	if c.doc != nil && c.doc.Dial.Timeout > 0 {
		return time.Duration(c.doc.Dial.Timeout) * time.Second
	}
	return 30 * time.Second
}
