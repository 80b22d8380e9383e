//go:build !wasm

package cli

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emiago/sipgo/sip"
)

// The broken PBXs of the real-traffic tests. Addresses are the test's
// network namespace's own: Twilio's ashburn gateway and a media address
// are put on its loopback, beside the PBX's documentation address, so the
// capture reads as a real call would and nothing leaves the namespace.
const (
	liveTwilio = "54.172.60.0"
	livePBX    = "203.0.113.10"
	liveMedia  = "168.86.128.1" // the INVITE preview's c= address, port 10000
	pbxRTPPort = 20000
)

// behaviour is how a sipgo UAS answers Twilio's INVITE.
type behaviour func(u *pbx, req *sip.Request)

// pbx is a UDP SIP user agent written with sipgo's message layer: every
// request is parsed by sipgo and every response built by it.
type pbx struct {
	t      *testing.T
	conn   *net.UDPConn
	to     *net.UDPAddr
	behave behaviour
	mu     sync.Mutex
	invite *sip.Request
	acked  chan struct{}
	done   chan struct{}
	// rtp is the PBX's RTP socket; media Twilio's, which sends to it.
	rtp, media *net.UDPConn
}

func startPBX(t *testing.T, port int, behave behaviour, media *net.UDPConn) *pbx {
	conn, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.ParseIP(livePBX), Port: port})
	if err != nil {
		t.Fatal(err)
	}
	u := &pbx{t: t, conn: conn, behave: behave, acked: make(chan struct{}), done: make(chan struct{}), media: media}
	u.rtp = sink(t, livePBX, pbxRTPPort+port-5060)
	go u.serve()
	t.Cleanup(func() { conn.Close(); <-u.done })
	return u
}

func (u *pbx) serve() {
	defer close(u.done)
	buf := make([]byte, 65535)
	for {
		n, from, err := u.conn.ReadFromUDP(buf)
		if err != nil {
			return
		}
		if u.behave == nil {
			continue // silence: read and never answer
		}
		msg, err := sip.ParseMessage(append([]byte(nil), buf[:n]...))
		req, ok := msg.(*sip.Request)
		if err != nil || !ok {
			continue
		}
		u.mu.Lock()
		u.to = from
		u.mu.Unlock()
		switch req.Method {
		case sip.INVITE:
			u.mu.Lock()
			first := u.invite == nil
			if first {
				u.invite = req
			}
			u.mu.Unlock()
			if first {
				go u.behave(u, req)
			}
		case sip.ACK:
			select {
			case <-u.acked:
			default:
				close(u.acked)
			}
		case sip.CANCEL:
			u.send(sip.NewResponseFromRequest(req, 200, "OK", nil))
			u.send(sip.NewResponseFromRequest(u.invite, 487, "Request Terminated", nil))
		case sip.BYE:
			u.send(sip.NewResponseFromRequest(req, 200, "OK", nil))
		}
	}
}

func (u *pbx) send(m sip.Message) {
	u.mu.Lock()
	to := u.to
	u.mu.Unlock()
	if _, err := u.conn.WriteToUDP([]byte(m.String()), to); err != nil && !errors.Is(err, net.ErrClosed) {
		u.t.Errorf("UAS send: %v", err)
	}
}

// respond answers with code, and headers and an SDP body when given.
func respond(code int, reason string, headers map[string]string, sdp string) behaviour {
	return func(u *pbx, req *sip.Request) {
		u.send(sip.NewResponseFromRequest(req, 100, "Trying", nil))
		u.send(answer(req, code, reason, headers, sdp))
	}
}

func answer(req *sip.Request, code int, reason string, headers map[string]string, sdp string) *sip.Response {
	var body []byte
	if sdp != "" {
		body = []byte(strings.ReplaceAll(sdp, "\n", "\r\n"))
	}
	res := sip.NewResponseFromRequest(req, code, reason, body)
	for _, name := range []string{"Contact", "Min-SE", "Reason", "Warning", "Server"} {
		if v, ok := headers[name]; ok {
			res.AppendHeader(sip.NewHeader(name, v))
		}
	}
	if sdp != "" {
		res.AppendHeader(sip.NewHeader("Content-Type", "application/sdp"))
	}
	return res
}

// pbxSDP is the PBX's answer: PCMU, at addr.
func pbxSDP(addr string, formats string) string {
	return fmt.Sprintf("v=0\no=pbx 1 1 IN IP4 %s\ns=pbx\nc=IN IP4 %s\nt=0 0\nm=audio %d RTP/AVP %s\na=sendrecv\n", addr, addr, pbxRTPPort, formats)
}

// ringing sends 100 and 180 and then nothing: Twilio cancels.
func ringing(u *pbx, req *sip.Request) {
	u.send(sip.NewResponseFromRequest(req, 100, "Trying", nil))
	u.send(sip.NewResponseFromRequest(req, 180, "Ringing", nil))
}

// noACK answers 200 with a private Contact; the ACK never comes back (it
// went to the Contact), so the 200 is sent again, and the PBX gives up
// with a BYE (after 1 s here, 32 s on a real call).
func noACK(u *pbx, req *sip.Request) {
	ok := answer(req, 200, "OK", map[string]string{"Contact": "<sip:pbx@192.168.1.20:5060>"}, pbxSDP(livePBX, "0 101"))
	u.send(sip.NewResponseFromRequest(req, 100, "Trying", nil))
	u.send(ok)
	time.Sleep(500 * time.Millisecond)
	u.send(ok)
	time.Sleep(500 * time.Millisecond)
	bye := sip.NewRequest(sip.BYE, sip.Uri{Scheme: "sip", User: "caller", Host: liveTwilio, Port: 5060})
	bye.AppendHeader(sip.NewHeader("Via", "SIP/2.0/UDP "+livePBX+":5060;branch=z9hG4bKbye1"))
	bye.AppendHeader(sip.NewHeader("From", ok.To().Value())) // the PBX's side of the dialog
	bye.AppendHeader(sip.NewHeader("To", ok.From().Value()))
	bye.AppendHeader(sip.NewHeader("Call-ID", req.CallID().Value()))
	bye.AppendHeader(sip.NewHeader("CSeq", "1 BYE"))
	bye.AppendHeader(sip.NewHeader("Max-Forwards", "70"))
	bye.AppendHeader(sip.NewHeader("Content-Length", "0"))
	u.send(bye)
}

// talking answers 200, and once ACKed sends RTP to Twilio's offer;
// twilioRTP says whether Twilio's RTP reaches the PBX.
func talking(twilioRTP bool) behaviour {
	return func(u *pbx, req *sip.Request) {
		u.send(sip.NewResponseFromRequest(req, 100, "Trying", nil))
		u.send(answer(req, 200, "OK", map[string]string{"Contact": "<sip:pbx@" + livePBX + ":5060>"}, pbxSDP(livePBX, "0 101")))
		select {
		case <-u.acked:
		case <-time.After(3 * time.Second):
			return
		}
		rtpFlow(u.rtp, &net.UDPAddr{IP: net.ParseIP(liveMedia), Port: 10000}, 25)
		if twilioRTP {
			rtpFlow(u.media, &net.UDPAddr{IP: net.ParseIP(livePBX), Port: pbxRTPPort}, 25)
		}
	}
}

// rtpFlow sends n RTP packets (PCMU, 20 ms apart in stamps, 2 ms on the
// wire to keep the test short) from conn to dst.
func rtpFlow(conn *net.UDPConn, dst *net.UDPAddr, n int) {
	pkt := make([]byte, 12+160)
	pkt[0], pkt[1] = 0x80, 0
	binary.BigEndian.PutUint32(pkt[8:], 0x5eed0000|uint32(conn.LocalAddr().(*net.UDPAddr).Port))
	for i := range n {
		binary.BigEndian.PutUint16(pkt[2:], uint16(i))
		binary.BigEndian.PutUint32(pkt[4:], uint32(i*160))
		conn.WriteToUDP(pkt, dst)
		time.Sleep(2 * time.Millisecond)
	}
}

// sink reads and drops UDP on an address: an end of an RTP flow.
func sink(t *testing.T, addr string, port int) *net.UDPConn {
	conn, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.ParseIP(addr), Port: port})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	go func() {
		buf := make([]byte, 2048)
		for {
			if _, _, err := conn.ReadFromUDP(buf); err != nil {
				return
			}
		}
	}()
	return conn
}
