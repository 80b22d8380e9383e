package evidence

import (
	"net/netip"
	"strconv"
	"strings"
)

// SDP is what a session description says about audio: where it wants it
// sent and in which formats.
type SDP struct {
	// Addr is the c= address of the audio (its own c=, else the
	// session's); empty when there is none or it is a name.
	Addr string `json:"addr,omitempty"`
	// Port and Proto are from the audio m= line ("RTP/AVP", "RTP/SAVP");
	// Port 0 means the stream is refused.
	Port  int    `json:"port"`
	Proto string `json:"proto,omitempty"`
	// Formats are the payload types offered, in order; Codecs their
	// names ("PCMU/8000"), from rtpmap or the static table.
	Formats []int    `json:"formats,omitempty"`
	Codecs  []string `json:"codecs,omitempty"`
	Crypto  bool     `json:"crypto,omitempty"`
	// Direction is sendrecv, sendonly, recvonly or inactive.
	Direction string `json:"direction"`
}

// staticCodecs are RFC 3551's static payload types seen on calls.
var staticCodecs = []struct {
	pt   int
	name string
}{{0, "PCMU/8000"}, {3, "GSM/8000"}, {4, "G723/8000"}, {8, "PCMA/8000"}, {9, "G722/8000"}, {18, "G729/8000"}}

func staticCodec(pt int) string {
	for _, c := range staticCodecs {
		if c.pt == pt {
			return c.name
		}
	}
	return ""
}

// SDP reads the message's body as SDP, when it is one with an audio
// stream.
func (m Message) SDP() (SDP, bool) {
	ct := strings.ToLower(m.Header("Content-Type"))
	if !strings.Contains(ct, "application/sdp") && !strings.HasPrefix(m.Body, "v=0") {
		return SDP{}, false
	}
	var s SDP
	var sessionAddr string
	s.Direction = "sendrecv"
	rtpmap := map[int]string{}
	inAudio, seenAudio := false, false
	for line := range strings.Lines(m.Body) {
		line = strings.TrimRight(line, "\r\n")
		key, value, ok := strings.Cut(line, "=")
		if !ok || len(key) != 1 {
			continue
		}
		switch key {
		case "m":
			f := strings.Fields(value)
			inAudio = len(f) >= 3 && f[0] == "audio" && !seenAudio
			if inAudio {
				seenAudio = true
				s.Port, _ = strconv.Atoi(f[1])
				s.Proto = f[2]
				for _, pt := range f[3:] {
					if n, err := strconv.Atoi(pt); err == nil {
						s.Formats = append(s.Formats, n)
					}
				}
			}
		case "c":
			f := strings.Fields(value)
			if len(f) == 3 {
				addr, _, _ := strings.Cut(f[2], "/") // a multicast TTL
				if !seenAudio {
					sessionAddr = addr
				} else if inAudio {
					s.Addr = addr
				}
			}
		case "a":
			if !seenAudio || inAudio {
				name, arg, _ := strings.Cut(value, ":")
				switch name {
				case "rtpmap":
					pt, codec, _ := strings.Cut(arg, " ")
					if n, err := strconv.Atoi(pt); err == nil {
						rtpmap[n] = strings.TrimSpace(codec)
					}
				case "crypto":
					s.Crypto = true
				case "sendrecv", "sendonly", "recvonly", "inactive":
					s.Direction = name
				}
			}
		}
	}
	if !seenAudio {
		return SDP{}, false
	}
	if s.Addr == "" {
		s.Addr = sessionAddr
	}
	if _, err := netip.ParseAddr(s.Addr); err != nil {
		s.Addr = ""
	}
	for _, pt := range s.Formats {
		name := rtpmap[pt]
		if name == "" {
			name = staticCodec(pt)
		}
		if name == "" {
			name = "payload " + strconv.Itoa(pt)
		}
		s.Codecs = append(s.Codecs, name)
	}
	return s, true
}

// HasG711 reports whether PCMU or PCMA is among the formats: what Twilio
// supports by default.
func (s SDP) HasG711() bool {
	for _, c := range s.Codecs {
		if u := strings.ToUpper(c); strings.HasPrefix(u, "PCMU/") || strings.HasPrefix(u, "PCMA/") {
			return true
		}
	}
	return false
}
