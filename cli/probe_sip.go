//go:build !wasm

package cli

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net/netip"
	"strings"
	"time"

	"github.com/emiago/sipgo"
	"github.com/emiago/sipgo/sip"

	"sipcompose/sipcompose/probe"
)

// probeUserAgent names the probe in its requests, so a PBX's log shows
// who asked.
const probeUserAgent = "sipcompose-probe"

// quietSipgo sends sipgo's package-wide log nowhere: a few of its
// connection warnings go there whatever a UserAgent's options say, and
// the report is the probe's only output. sipgo reads that logger without
// a lock, so this runs before sipgo starts anything.
func quietSipgo() {
	sip.SetDefaultLogger(slog.New(slog.DiscardHandler))
}

// options sends one OPTIONS to addr with the target's request URI and the
// custom headers Twilio's INVITE carries, through sipgo's SIP stack, and
// waits for its final response within timeout. Over UDP the stack
// retransmits as RFC 3261 says (after 0.5 s, 1 s, 2 s, …), so a 5 s
// timeout sends at most four packets. Over TLS the certificate is not
// checked again: the TLS step has judged it, and the question here is
// whether SIP answers behind it.
func options(ctx context.Context, addr netip.AddrPort, t probe.Target, timeout time.Duration) *probe.SIP {
	res := &probe.SIP{Addr: addr, Transport: t.Transport, Timeout: probe.Millis(timeout), UncheckedTLS: t.Transport == "tls"}
	quiet := slog.New(slog.DiscardHandler)
	ua, err := sipgo.NewUA(
		sipgo.WithUserAgent(probeUserAgent),
		sipgo.WithUserAgenTLSConfig(&tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}),
		sipgo.WithUserAgentTransportLayerOptions(sip.WithTransportLayerLogger(quiet)),
		sipgo.WithUserAgentTransactionLayerOptions(sip.WithTransactionLayerLogger(quiet)),
	)
	if err != nil {
		res.Error = err.Error()
		return res
	}
	// sipgo's UserAgent.Close leaves its layers open; close them here.
	defer ua.TransportLayer().Close()
	defer ua.TransactionLayer().Close()
	client, err := sipgo.NewClient(ua, sipgo.WithClientLogger(quiet))
	if err != nil {
		res.Error = err.Error()
		return res
	}

	var ruri sip.Uri
	if err := sip.ParseUri(t.RequestURI, &ruri); err != nil {
		res.Error = "sipgo cannot read the request URI: " + err.Error()
		return res
	}
	req := sip.NewRequest(sip.OPTIONS, ruri)
	req.SetTransport(strings.ToUpper(t.Transport))
	// Sent to the address the earlier steps chose, so sipgo resolves
	// nothing of its own; the request URI keeps the host's name, as
	// Twilio's INVITE does.
	req.SetDestination(addr.String())
	req.AppendHeader(sip.NewHeader("User-Agent", probeUserAgent))
	req.AppendHeader(sip.NewHeader("Accept", "application/sdp"))
	for _, h := range t.Headers {
		req.AppendHeader(sip.NewHeader(h.Name, h.Value))
	}
	req.SetBody(nil)

	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	start := time.Now()
	resp, err := client.Do(ctx, req)
	res.RTT = probe.Millis(time.Since(start))
	switch {
	case err != nil && (isTimeout(err) || errors.Is(err, sip.ErrTransactionTimeout)):
		res.TimedOut = true
	case err != nil:
		res.Error = err.Error()
	default:
		res.Status, res.Reason = resp.StatusCode, resp.Reason
		if h := resp.GetHeader("Server"); h != nil {
			res.Server = h.Value()
		}
		if h := resp.GetHeader("User-Agent"); h != nil {
			res.UserAgent = h.Value()
		}
	}
	return res
}
