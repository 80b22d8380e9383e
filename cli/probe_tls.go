//go:build !wasm

package cli

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/netip"
	"slices"
	"strconv"
	"time"

	"sipcompose/sipcompose/probe"
)

// handshakes learns what TLS the target speaks, within timeout: a
// handshake offering TLS 1.2 and 1.3, as a current client does; if it
// agrees 1.3, one offering 1.2 alone (the version Twilio documents);
// if it fails, one offering 1.0 and 1.1 alone, to tell an old server
// (error 32222) from one that speaks no TLS. The certificate is read from
// whichever agreed and checked here, against env's roots, so that each
// fault (chain, name, dates, usage) is reported on its own.
func handshakes(ctx context.Context, addr netip.AddrPort, t probe.Target, timeout time.Duration, env probeEnv) *probe.TLS {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	res := &probe.TLS{Addr: addr, Roots: env.rootsName, Now: env.now()}
	state, err := handshake(ctx, addr, t.Host, tls.VersionTLS12, tls.VersionTLS13)
	switch {
	case err == nil:
		res.Version = tls.VersionName(state.Version)
		res.TLS12 = state.Version == tls.VersionTLS12
		if !res.TLS12 {
			_, err12 := handshake(ctx, addr, t.Host, tls.VersionTLS12, tls.VersionTLS12)
			res.TLS12 = err12 == nil
		}
	case isTimeout(err):
		res.Error, res.TimedOut = sysError(err), true
		return res
	default:
		res.Error = sysError(err)
		old, errOld := handshake(ctx, addr, t.Host, tls.VersionTLS10, tls.VersionTLS11)
		if errOld != nil {
			return res
		}
		res.Legacy, state = tls.VersionName(old.Version), old
	}
	if len(state.PeerCertificates) > 0 {
		res.Cert = readCert(state.PeerCertificates[0], t.Host)
		res.Chain, res.UnknownAuthority = verifyChain(state.PeerCertificates, env.roots, res.Now)
	}
	return res
}

// handshake makes one TLS handshake offering versions min to max and
// closes the connection. Certificates are not checked here but by
// verifyChain and readCert; every cipher suite Go knows for those
// versions is offered, so that a server's age, not Go's policy, decides
// whether it agrees.
func handshake(ctx context.Context, addr netip.AddrPort, host string, minVersion, maxVersion uint16) (tls.ConnectionState, error) {
	var d net.Dialer
	raw, err := d.DialContext(ctx, "tcp", addr.String())
	if err != nil {
		return tls.ConnectionState{}, err
	}
	defer raw.Close()
	conf := &tls.Config{
		MinVersion:         minVersion,
		MaxVersion:         maxVersion,
		CipherSuites:       suitesFor(minVersion, maxVersion),
		InsecureSkipVerify: true,
	}
	if _, err := netip.ParseAddr(host); err != nil {
		conf.ServerName = host // SNI, as a client naming the host sends it
	}
	conn := tls.Client(raw, conf)
	if err := conn.HandshakeContext(ctx); err != nil {
		return tls.ConnectionState{}, err
	}
	return conn.ConnectionState(), nil
}

// suitesFor is every TLS 1.0-1.2 cipher suite Go implements that some
// version from min to max allows (TLS 1.3's are not configurable).
func suitesFor(minVersion, maxVersion uint16) []uint16 {
	var ids []uint16
	for _, s := range append(tls.CipherSuites(), tls.InsecureCipherSuites()...) {
		if slices.ContainsFunc(s.SupportedVersions, func(v uint16) bool { return v >= minVersion && v <= maxVersion }) {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}

// verifyChain checks that the chain leads to one of roots (nil: the
// machine's), whatever the leaf's dates and uses: those are judged on
// their own, so a leaf that expired is checked at the last moment it was
// valid (and one not yet valid at its first), when the rest of its chain
// most likely was too.
func verifyChain(certs []*x509.Certificate, roots *x509.CertPool, now time.Time) (problem string, unknownAuthority bool) {
	leaf := certs[0]
	at := now
	switch {
	case at.After(leaf.NotAfter):
		at = leaf.NotAfter
	case at.Before(leaf.NotBefore):
		at = leaf.NotBefore
	}
	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	_, err := leaf.Verify(x509.VerifyOptions{
		Roots:         roots,
		Intermediates: inter,
		CurrentTime:   at,
		KeyUsages:     []x509.ExtKeyUsage{x509.ExtKeyUsageAny},
	})
	if err == nil {
		return "", false
	}
	var ua x509.UnknownAuthorityError
	return err.Error(), errors.As(err, &ua)
}

// readCert is what the report shows of the leaf, and whether it names
// host.
func readCert(c *x509.Certificate, host string) *probe.Cert {
	pc := &probe.Cert{
		Subject:     c.Subject.String(),
		Issuer:      c.Issuer.String(),
		DNSNames:    c.DNSNames,
		NotBefore:   c.NotBefore,
		NotAfter:    c.NotAfter,
		Key:         keyName(c.PublicKey),
		KeyUsage:    keyUsages(c.KeyUsage),
		ExtKeyUsage: extKeyUsages(c),
		SelfSigned:  bytes.Equal(c.RawIssuer, c.RawSubject) && c.CheckSignatureFrom(c) == nil,
	}
	for _, ip := range c.IPAddresses {
		pc.IPs = append(pc.IPs, ip.String())
	}
	if err := c.VerifyHostname(host); err != nil {
		pc.NameError = err.Error()
	}
	return pc
}

func keyName(k any) string {
	switch k := k.(type) {
	case *ecdsa.PublicKey:
		return "ECDSA " + k.Curve.Params().Name
	case *rsa.PublicKey:
		return "RSA " + strconv.Itoa(k.N.BitLen())
	case ed25519.PublicKey:
		return "Ed25519"
	}
	return "of an unknown kind"
}

// keyUsageNames are RFC 5280's names, in its bit order.
var keyUsageNames = []struct {
	bit  x509.KeyUsage
	name string
}{
	{x509.KeyUsageDigitalSignature, "digitalSignature"},
	{x509.KeyUsageContentCommitment, "contentCommitment"},
	{x509.KeyUsageKeyEncipherment, "keyEncipherment"},
	{x509.KeyUsageDataEncipherment, "dataEncipherment"},
	{x509.KeyUsageKeyAgreement, "keyAgreement"},
	{x509.KeyUsageCertSign, "keyCertSign"},
	{x509.KeyUsageCRLSign, "cRLSign"},
	{x509.KeyUsageEncipherOnly, "encipherOnly"},
	{x509.KeyUsageDecipherOnly, "decipherOnly"},
}

func keyUsages(u x509.KeyUsage) []string {
	var names []string
	for _, k := range keyUsageNames {
		if u&k.bit != 0 {
			names = append(names, k.name)
		}
	}
	return names
}

var extKeyUsageNames = map[x509.ExtKeyUsage]string{
	x509.ExtKeyUsageAny:             "any",
	x509.ExtKeyUsageServerAuth:      "serverAuth",
	x509.ExtKeyUsageClientAuth:      "clientAuth",
	x509.ExtKeyUsageCodeSigning:     "codeSigning",
	x509.ExtKeyUsageEmailProtection: "emailProtection",
	x509.ExtKeyUsageTimeStamping:    "timeStamping",
	x509.ExtKeyUsageOCSPSigning:     "OCSPSigning",
}

func extKeyUsages(c *x509.Certificate) []string {
	var names []string
	for _, u := range c.ExtKeyUsage {
		name, ok := extKeyUsageNames[u]
		if !ok {
			name = "other (" + strconv.Itoa(int(u)) + ")"
		}
		names = append(names, name)
	}
	for _, oid := range c.UnknownExtKeyUsage {
		names = append(names, oid.String())
	}
	return names
}
