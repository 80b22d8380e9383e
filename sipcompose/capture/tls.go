package capture

import (
	"encoding/binary"
	"net/netip"
)

// hello reads the first handshake record of a TLS stream: a ClientHello
// from the client, a ServerHello from the server. Each connection gets one
// Handshake, found by its client and server addresses.
func (d *decoder) hello(s *stream, from, to netip.AddrPort) {
	if len(s.buf) < 5 {
		return
	}
	n := int(binary.BigEndian.Uint16(s.buf[3:]))
	if len(s.buf) < 5+n {
		if 5+n > maxStreamBuf {
			s.kind, s.buf = "other", nil
		}
		return
	}
	msg := s.buf[5 : 5+n]
	s.kind, s.buf = "other", nil // the rest is encrypted or of no interest
	if len(msg) < 4+2 {
		return
	}
	typ, body := msg[0], msg[4:]
	switch typ {
	case 1: // ClientHello
		h := d.handshake(from, to, s.p)
		h.Offered = tlsVersion(helloVersion(body, true))
	case 2: // ServerHello
		h := d.handshake(to, from, s.p)
		h.Chosen = tlsVersion(helloVersion(body, false))
	}
}

func (d *decoder) handshake(client, server netip.AddrPort, p pkt) *Handshake {
	for i := range d.c.TLS {
		if h := &d.c.TLS[i]; h.Client == client && h.Server == server {
			return h
		}
	}
	d.c.TLS = append(d.c.TLS, Handshake{Packet: p.n, Time: p.time, Client: client, Server: server})
	return &d.c.TLS[len(d.c.TLS)-1]
}

// helloVersion is the version a hello names: its legacy version field, or
// in TLS 1.3 the supported_versions extension (the highest a client lists,
// the one a server picked).
func helloVersion(b []byte, client bool) uint16 {
	if len(b) < 2+32+1 {
		return 0
	}
	version := binary.BigEndian.Uint16(b)
	rest := b[2+32:]
	rest = skip(rest, 1) // session id
	if client {
		rest = skip(rest, 2) // cipher suites
		rest = skip(rest, 1) // compression methods
	} else if len(rest) >= 3 {
		rest = rest[3:] // cipher suite, compression method
	} else {
		return version
	}
	if len(rest) < 2 {
		return version
	}
	ext := rest[2:]
	if n := int(binary.BigEndian.Uint16(rest)); n < len(ext) {
		ext = ext[:n]
	}
	for len(ext) >= 4 {
		typ, n := binary.BigEndian.Uint16(ext), int(binary.BigEndian.Uint16(ext[2:]))
		if 4+n > len(ext) {
			break
		}
		data := ext[4 : 4+n]
		if typ == 43 { // supported_versions
			if !client && len(data) >= 2 {
				return binary.BigEndian.Uint16(data)
			}
			if client && len(data) >= 1 {
				list := data[1:]
				for len(list) >= 2 {
					// GREASE values (0x?a?a) are no version.
					if v := binary.BigEndian.Uint16(list); v&0x0f0f != 0x0a0a && v > version {
						version = v
					}
					list = list[2:]
				}
			}
		}
		ext = ext[4+n:]
	}
	return version
}

// skip drops a length-prefixed field whose length takes size bytes.
func skip(b []byte, size int) []byte {
	if len(b) < size {
		return nil
	}
	n := int(b[0])
	if size == 2 {
		n = int(binary.BigEndian.Uint16(b))
	}
	if size+n > len(b) {
		return nil
	}
	return b[size+n:]
}

func tlsVersion(v uint16) string {
	switch v {
	case 0x0300:
		return "SSL 3.0"
	case 0x0301:
		return "TLS 1.0"
	case 0x0302:
		return "TLS 1.1"
	case 0x0303:
		return "TLS 1.2"
	case 0x0304:
		return "TLS 1.3"
	}
	return ""
}
