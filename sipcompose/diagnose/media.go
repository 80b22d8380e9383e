package diagnose

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"sipcompose/sipcompose"
	"sipcompose/sipcompose/edge"
	"sipcompose/sipcompose/evidence"
)

// checkMedia: RTP from Twilio's media range not reaching the PBX, or
// flowing one way only, in a capture of an answered call; Voice Insights'
// silence (fact sheet §0.3 and §2.5: 168.86.128.0/18 on every edge since
// 2024, the old ranges retired; §2.3: Twilio's source ports are inferred;
// §4: the silence tag).
func (c *call) checkMedia() []Finding {
	var out []Finding
	for i := range c.dialogs {
		d := &c.dialogs[i]
		if f := c.mediaOf(d); f != nil {
			out = append(out, *f)
		}
	}
	var lines []Line
	silence, received, sent := false, -1, -1
	for _, p := range c.ev.Params {
		switch {
		case strings.HasSuffix(p.Name, "tags") && strings.Contains(","+p.Value+",", ",silence,"):
			silence = true
			lines = append(lines, Line{At: p.Ref.String(), Text: p.Name + "=" + p.Value})
		case strings.HasSuffix(p.Name, "inbound.packets_received"):
			received, _ = strconv.Atoi(p.Value)
			lines = append(lines, Line{At: p.Ref.String(), Text: p.Name + "=" + p.Value})
		case strings.HasSuffix(p.Name, "outbound.packets_sent"):
			sent, _ = strconv.Atoi(p.Value)
			lines = append(lines, Line{At: p.Ref.String(), Text: p.Name + "=" + p.Value})
		}
	}
	if silence || received == 0 && sent > 0 {
		out = append(out, Finding{Code: "media-blocked", Severity: sipcompose.SeverityError, Evidence: lines, TwilioErrors: []int{32014},
			Message:   "Voice Insights reports silence on the PBX's side of the call: Twilio sent audio but received none back (or none at all), which is RTP blocked between the PBX and Twilio's media range or sent to the wrong address.",
			Fix:       "Allow UDP between the PBX's RTP ports and " + edge.MediaCIDR + " (Twilio's media, source ports " + edge.MediaPorts + ") both ways, and make the PBX advertise its public address in SDP.",
			Uncertain: "Voice Insights' tag vocabulary is not fully documented; silence is read as Twilio names it."})
	}
	return out
}

// mediaOf checks the RTP of one answered call in a capture.
func (c *call) mediaOf(d *dialog) *Finding {
	inv := d.invites[0]
	if inv.Format != "capture" {
		return nil
	}
	offer, ok := inv.SDP()
	ok200 := d.answers(200)
	if !ok || len(ok200) == 0 {
		return nil
	}
	answer, ok := ok200[0].SDP()
	if !ok || answer.Port == 0 {
		return nil
	}
	pbxAddr, err := netip.ParseAddr(answer.Addr)
	if err != nil || private(pbxAddr) && !sameHost(pbxAddr, inv.Dst) {
		return nil // sdp-private-address says why
	}
	pbx := netip.AddrPortFrom(pbxAddr, uint16(answer.Port)).String()
	twilio := ""
	if a, err := netip.ParseAddr(offer.Addr); err == nil {
		twilio = netip.AddrPortFrom(a, uint16(offer.Port)).String()
	}
	var in, back *evidence.Flow
	for k := range c.ev.Flows {
		f := &c.ev.Flows[k]
		if f.Ref.Source != inv.Ref.Source {
			continue
		}
		switch {
		case f.Dst == pbx && in == nil:
			in = f
		case (f.Dst == twilio || f.Src == pbx) && back == nil:
			back = f
		}
	}
	lines := []Line{sdpLine(inv, offer), sdpLine(ok200[0], answer)}
	// RTP one way only, in a capture that ends right after it began and
	// before the call did (no BYE in it).
	if one := in; (in == nil) != (back == nil) && len(d.byes) == 0 {
		if one == nil {
			one = back
		}
		if shown := c.evidenceEnd(inv.Ref.Source).Sub(one.First); shown < mediaSettle {
			return &Finding{Code: "media-blocked", Severity: sipcompose.SeverityInfo, Evidence: append(lines, flowLine(one)),
				Message: fmt.Sprintf("RTP flows %s → %s, and the capture ends %.1f s after its first packet, before any RTP the other way: too soon to tell one-way audio from audio that had not started yet.", one.Src, one.Dst, shown.Seconds()),
				Fix:     "Capture a few seconds of the answered call, both ways (tcpdump -i any -w call.pcap host <Twilio's address> or net " + edge.MediaCIDR + ")."}
		}
	}
	fix := "Allow UDP from " + edge.MediaCIDR + " (Twilio's media, source ports " + edge.MediaPorts + ") to the PBX's RTP port " + strconv.Itoa(answer.Port) + " and its whole RTP range; the pre-2024 per-region media ranges no longer carry Twilio's audio. A capture on the PBX's host sees packets before the host's own firewall: if they are missing here, a firewall upstream (a cloud security group, an edge router) drops them."
	switch {
	case in == nil && back != nil:
		lines = append(lines, flowLine(back))
		return &Finding{Code: "media-blocked", Severity: sipcompose.SeverityError, Evidence: lines, TwilioErrors: []int{32014},
			Message:   fmt.Sprintf("Audio flows one way: the PBX sent %d RTP packets to Twilio (%s), and none came from Twilio's media range to the PBX's %s. The caller is heard, the PBX's side hears nothing.", back.Packets, back.Dst, pbx),
			Fix:       fix,
			Uncertain: "Twilio documents " + edge.MediaPorts + " as the ports of its own media addresses; that its RTP toward the PBX comes from them is inferred."}
	case in != nil && back == nil:
		lines = append(lines, flowLine(in))
		return &Finding{Code: "media-blocked", Severity: sipcompose.SeverityError, Evidence: lines, TwilioErrors: []int{32014},
			Message: fmt.Sprintf("Audio flows one way: Twilio sent %d RTP packets to the PBX's %s, and the PBX sent none back to %s.", in.Packets, pbx, or(twilio, "Twilio")),
			Fix:     "Make the PBX send its RTP to the address and port of Twilio's offer, and allow UDP out to " + edge.MediaCIDR + "."}
	case in == nil && back == nil && len(c.ev.Flows) == 0:
		return &Finding{Code: "media-blocked", Severity: sipcompose.SeverityInfo, Evidence: lines,
			Message: "The call was answered but the capture holds no RTP at all, either way. Either no audio flowed, or the capture was filtered to SIP (port 5060).",
			Fix:     "Capture without a port filter (tcpdump -i any -w call.pcap host <Twilio's address> or net " + edge.MediaCIDR + ") to see the audio; if it is missing, " + fix}
	}
	if in != nil && !mediaRange.Contains(mustAddr(in.Src)) && !sameHost(mustAddr(in.Src), inv.Src) {
		return &Finding{Code: "media-blocked", Severity: sipcompose.SeverityInfo, Evidence: append(lines, flowLine(in)),
			Message: "The RTP reaching the PBX comes from " + in.Src + ", outside Twilio's media range " + edge.MediaCIDR + ": this capture may be behind a NAT or a media relay.",
			Fix:     "Make sure the firewall allows " + edge.MediaCIDR + ", not only the address seen here."}
	}
	return nil
}

// sameHost: a lab capture where both ends share an address.
func sameHost(a netip.Addr, hostPort string) bool {
	h, ok := host(hostPort)
	return ok && h == a
}

func mustAddr(hp string) netip.Addr {
	a, _ := host(hp)
	return a
}

func flowLine(f *evidence.Flow) Line {
	kind := "UDP"
	if f.RTP {
		kind = "RTP"
	}
	return Line{At: f.Ref.String(), Text: fmt.Sprintf("%s %s → %s: %d packets, %s to %s", kind, f.Src, f.Dst, f.Packets, f.First.Format("15:04:05.000"), f.Last.Format("15:04:05.000"))}
}
