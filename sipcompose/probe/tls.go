package probe

import (
	"net/netip"
	"slices"
	"strings"
	"time"
)

// TLS is what the TLS handshakes with the target found.
type TLS struct {
	Addr netip.AddrPort `json:"addr"`
	// Version is what a handshake offering TLS 1.2 and 1.3, as a current
	// client does, agreed ("TLS 1.3"); empty when it failed.
	Version string `json:"version,omitempty"`
	// TLS12 reports that the PBX accepts TLS 1.2, the version Twilio
	// documents for SIP: the first handshake agreed it, or a second one
	// offering TLS 1.2 alone did.
	TLS12 bool `json:"tls12"`
	// Error is why the first handshake failed; TimedOut that it got no
	// answer in time.
	Error    string `json:"error,omitempty"`
	TimedOut bool   `json:"timedOut,omitempty"`
	// Legacy is, when the first handshake failed, the version a handshake
	// offering only TLS 1.0 and 1.1 agreed; empty when that failed too.
	Legacy string `json:"legacy,omitempty"`
	// Cert is the server's certificate, from whichever handshake agreed.
	Cert *Cert `json:"cert,omitempty"`
	// Chain is empty when the certificate chains to a root in Roots (its
	// dates aside: Expiry is judged on its own), else why not;
	// UnknownAuthority marks a chain to no root there.
	Chain            string `json:"chain,omitempty"`
	UnknownAuthority bool   `json:"unknownAuthority,omitempty"`
	// Roots names what the chain was checked against.
	Roots string `json:"roots"`
	// Now is when the certificate's dates were judged.
	Now time.Time `json:"now"`
}

// Cert is what the probe reads from the server's certificate.
type Cert struct {
	Subject   string    `json:"subject"`
	Issuer    string    `json:"issuer"`
	DNSNames  []string  `json:"dnsNames,omitempty"`
	IPs       []string  `json:"ips,omitempty"`
	NotBefore time.Time `json:"notBefore"`
	NotAfter  time.Time `json:"notAfter"`
	// Key is its public key: "ECDSA P-256", "RSA 2048".
	Key string `json:"key"`
	// KeyUsage and ExtKeyUsage are named as in RFC 5280
	// ("digitalSignature", "serverAuth"); empty when the certificate
	// has none, which allows every use.
	KeyUsage    []string `json:"keyUsage,omitempty"`
	ExtKeyUsage []string `json:"extKeyUsage,omitempty"`
	// NameError is empty when the certificate is valid for the URI's
	// host, else why not.
	NameError  string `json:"nameError,omitempty"`
	SelfSigned bool   `json:"selfSigned,omitempty"`
}

// expiresSoon is how close an expiry earns a warning.
const expiresSoon = 30 * 24 * time.Hour

// uncheckedByTwilio is said beside each certificate failure: Twilio
// documents no certificate checks of its own for SIP out.
const uncheckedByTwilio = "Twilio does not document how it checks the PBX's certificate, but a TLS client that checks certificates, as TLS clients do by default, refuses this one."

// JudgeTLS says what the handshakes mean for Twilio. tl is nil when there
// was no TCP connection to try.
func JudgeTLS(t Target, tl *TLS) Step {
	s := step("tls")
	switch {
	case t.Transport != "tls":
		s.skip("tls-not-used", "The URI does not ask for TLS (no transport=tls or secure=true), so Twilio sends SIP unencrypted and there is no TLS to check.")
		return s
	case tl == nil:
		s.skip("tls-no-connection", "No TCP connection to try TLS on: see Reachability.")
		return s
	}
	judgeVersion(&s, tl)
	if tl.Cert != nil {
		judgeCert(&s, t, tl)
	}
	return s
}

func judgeVersion(s *Step, tl *TLS) {
	switch {
	case tl.Version != "" && tl.TLS12:
		s.saw("%s: a handshake offering TLS 1.2 and 1.3 agreed %s; TLS 1.2 is accepted.", tl.Addr, tl.Version)
		s.mean(Pass, "tls-version", "The PBX speaks TLS 1.2, the version Twilio requires by default.")
	case tl.Version != "":
		s.saw("%s: a handshake offering TLS 1.2 and 1.3 agreed %s; one offering TLS 1.2 alone failed.", tl.Addr, tl.Version)
		s.mean(Warn, "tls-13-only", "The PBX accepts TLS 1.3 but not TLS 1.2. Twilio documents TLS 1.2 for SIP and says nothing of 1.3, so its handshake may fail: enable TLS 1.2 on the PBX.")
	case tl.Legacy != "":
		s.saw("%s: a handshake offering TLS 1.2 and 1.3 failed (%s); one offering TLS 1.0 and 1.1 agreed %s.", tl.Addr, tl.Error, tl.Legacy)
		s.mean(Fail, "tls-version-old", "The PBX speaks only %s. Twilio refuses TLS below 1.2 (error 32222, TLS version not allowed) unless the account turns on Voice › Settings › General › Allow Deprecated SIP/TLS versions: upgrade the PBX to TLS 1.2.", tl.Legacy)
	case tl.TimedOut:
		s.saw("%s: the port accepted TCP but gave no TLS handshake (%s).", tl.Addr, tl.Error)
		s.mean(Fail, "tls-timeout", "No TLS handshake in time: the port may not serve TLS (a plain SIP port?), or the PBX is stuck. Twilio's call would fail the same way (warning 32011).")
	default:
		s.saw("%s: no TLS handshake with TLS 1.0 to 1.3: %s.", tl.Addr, tl.Error)
		s.mean(Fail, "tls-handshake", "The port does not complete a TLS handshake from this machine: it may not serve TLS, or it wants something no ordinary client sends. Twilio's call would fail the same way (warning 32011).")
	}
}

func judgeCert(s *Step, t Target, tl *TLS) {
	c := tl.Cert
	names := append(slices.Clone(c.DNSNames), c.IPs...)
	self := ""
	if c.SelfSigned {
		self = ", self-signed"
	}
	s.saw("Certificate %s, issued by %s%s, for %s; valid %s to %s; key %s.",
		c.Subject, c.Issuer, self, orNone(names), day(c.NotBefore), day(c.NotAfter), c.Key)
	s.saw("Key usage: %s; extended key usage: %s.", orAny(c.KeyUsage), orAny(c.ExtKeyUsage))

	switch {
	case tl.Chain == "":
		s.mean(Pass, "tls-chain", "The chain verifies against %s.", tl.Roots)
	case tl.UnknownAuthority:
		s.mean(Fail, "tls-chain-untrusted", "The certificate does not chain to a root in %s: it is self-signed, from a private CA, or the PBX does not send its intermediates. %s Use a certificate from a public CA and send the whole chain.", tl.Roots, uncheckedByTwilio)
	default:
		s.mean(Fail, "tls-chain-invalid", "The chain does not verify: %s. %s", tl.Chain, uncheckedByTwilio)
	}

	if c.NameError == "" {
		s.mean(Pass, "tls-name", "The certificate is valid for %s.", t.Host)
	} else {
		s.mean(Fail, "tls-name-mismatch", "The certificate is not valid for %s, the URI's host (%s). %s Put a name the certificate carries in the URI, or get one for %s.", t.Host, c.NameError, uncheckedByTwilio, t.Host)
	}

	switch left := c.NotAfter.Sub(tl.Now); {
	case tl.Now.Before(c.NotBefore):
		s.mean(Fail, "tls-not-yet-valid", "The certificate is valid only from %s. %s", day(c.NotBefore), uncheckedByTwilio)
	case left < 0:
		s.mean(Fail, "tls-expired", "The certificate expired on %s. %s Renew it.", day(c.NotAfter), uncheckedByTwilio)
	case left < expiresSoon:
		s.mean(Warn, "tls-expires-soon", "The certificate expires on %s, in %d days: renew it before Twilio's calls start failing.", day(c.NotAfter), int(left.Hours()/24))
	default:
		s.mean(Pass, "tls-dates", "The certificate is within its dates (until %s).", day(c.NotAfter))
	}
	judgeUsage(s, c)
}

// judgeUsage checks the uses the certificate allows against what Twilio,
// as the TLS client, needs of a server: server authentication, and a key
// that may sign the handshake.
func judgeUsage(s *Step, c *Cert) {
	ok := true
	if len(c.ExtKeyUsage) > 0 && !slices.Contains(c.ExtKeyUsage, "serverAuth") && !slices.Contains(c.ExtKeyUsage, "any") {
		ok = false
		s.mean(Fail, "tls-eku-no-server", "The certificate's extended key usage (%s) does not include serverAuth, so a TLS client refuses it as a server's certificate. Get a certificate for TLS servers.", strings.Join(c.ExtKeyUsage, ", "))
	}
	if len(c.KeyUsage) > 0 && !slices.Contains(c.KeyUsage, "digitalSignature") {
		ok = false
		s.mean(Warn, "tls-key-usage", "The certificate's key usage (%s) lacks digitalSignature, which the key exchanges of TLS 1.2 (ECDHE) and TLS 1.3 need; strict clients refuse it.", strings.Join(c.KeyUsage, ", "))
	}
	if ok {
		s.mean(Pass, "tls-usage", "The certificate may serve TLS: server authentication and handshake signatures are allowed.")
	}
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

func orNone(names []string) string {
	if len(names) == 0 {
		return "no names"
	}
	return strings.Join(names, ", ")
}

func orAny(uses []string) string {
	if len(uses) == 0 {
		return "none (any use)"
	}
	return strings.Join(uses, ", ")
}
