package diagnose

// twilioCode is what Twilio says about one of its error or warning
// numbers, paraphrased from the fact sheet (shared/reference/
// twilio-troubleshooting.md §1): its page is
// https://www.twilio.com/docs/api/errors/<number>.
type twilioCode struct {
	number  int
	level   string // "ERROR" or "WARNING" as Twilio shows it; "" where the sheet gives none
	title   string
	meaning string
	fix     string
	// causes are Twilio's stated causes, each with the finding that
	// would confirm it ("" where no evidence can).
	causes []cause
	// policy: an account, permission or geo code that stops the call at
	// Twilio, before any INVITE (finding twilio-policy).
	policy bool
	// leg says the code is about another leg than Twilio's INVITE to the
	// PBX, and which.
	leg string
}

type cause struct {
	text, check string
}

// twilioCodes are the Twilio numbers the fact sheet covers for SIP-out.
// 32104 and 32107-32109 are deliberately absent: the 2025 dictionary has
// no entry for them (fact sheet §1.2), so they read as unknown.
var twilioCodes = []twilioCode{
	{32011, "WARNING", "Error communicating with your SIP communications infrastructure",
		"Twilio got no timely response, an error response or an invalid response from your SIP endpoint. Twilio retries, and each failed attempt raises its own alert naming the SIP URI and the response.",
		"Check the SIP URI; allow Twilio's signalling and media addresses and ports; make sure the SIP server is up; support TLS 1.2.",
		[]cause{
			{"a firewall drops SIP from Twilio's signalling gateways, or the PBX ignores unknown peers", "source-not-allowed"},
			{"the endpoint answered with an error response (such as 500)", "endpoint-rejected"},
			{"the endpoint challenged for credentials Twilio did not have", "auth-challenge-no-credentials"},
			{"the endpoint refused the call without challenging, or refused the credentials", "auth-rejected"},
			{"the INVITE went over a transport or port the PBX does not listen on, or TLS below 1.2", "transport-mismatch"},
			{"the INVITE was too large for UDP and was lost in fragments", "udp-too-large"},
			{"the SIP URI names the wrong host, user or port", "destination-not-found"},
			{"the network path is down, or the endpoint is down or in maintenance", ""},
		}, false, ""},
	{32022, "ERROR", "ACK not received from your SIP endpoint",
		"Twilio's 200 OK was not acknowledged within 32 seconds: NAT, a firewall, an ACK sent to the wrong address or with a wrong Request-URI or Route, Twilio's addresses rewritten, or packet loss.",
		"Build the ACK with the 200's Contact as Request-URI and send it to the Record-Route address; never replace Twilio's addresses.",
		[]cause{
			{"the PBX's 200 OK names a private Contact, or rewrote Twilio's Via or Record-Route", "contact-private"},
			{"a firewall or NAT drops packets from Twilio's gateways", "source-not-allowed"},
		}, false, ""},
	{32105, "WARNING", "Invalid contact header", "127.0.0.1 or localhost in the Contact makes a loop.", "Fix how the SIP stack fills the Contact.",
		[]cause{{"the PBX's Contact is loopback or private", "contact-private"}}, false, ""},
	{32102, "WARNING", "Bad SDP", "The SDP is badly formatted.", "Follow RFC 4566.", []cause{{"the PBX's SDP answer", "codec-mismatch"}}, false, ""},
	{32103, "WARNING", "Empty body", "A body was empty where one is required.", "", nil, false, ""},
	{32006, "WARNING", "Too many hops", "Max-Forwards reached 0.", "Send a Max-Forwards of at least 20.", nil, false, ""},
	{32219, "ERROR", "Redirect failed", "The PBX answered 30x and Twilio could not follow it: redirect limit, a registered endpoint, a Contact that is no valid SIP URI, a private address, a Twilio domain, or a deny-listed address.", "Fix the redirect target.", nil, false, ""},
	{32014, "WARNING", "Call terminated because no audio received", "One side sent no audio for an extended time.", "Retry; ask Support to enable voice trace.",
		[]cause{
			{"RTP from Twilio's media range does not reach the PBX, or none comes back", "media-blocked"},
			{"the PBX's SDP names a private address", "sdp-private-address"},
		}, false, ""},
	{32015, "WARNING", "Max call duration exceeded", "timeLimit or the account's limit was reached.", "Adjust timeLimit.", nil, false, ""},
	{13254, "WARNING", "Dial->Sip: SIP URI DNS does not resolve, or resolves to a non-public IP", "The DNS record is missing or private.", "Fix DNS or put a public IP in the URI.",
		[]cause{{"the URI's host", "destination-not-found"}}, false, ""},
	{32216, "ERROR", "SIP address is on a deny list", "", "Use another address.", nil, false, ""},
	{13243, "WARNING", "Dial->SIP: Invalid SIP URI", "The URI is not properly formatted.", "Check the target with sipcompose (compose or lint).", nil, false, ""},
	{32110, "WARNING", "URI is formatted incorrectly", "Invalid characters in the user, parameters or headers; the bad parts are ignored and the call may still go.", "Percent-escape punctuation in header values.",
		[]cause{{"a header Twilio dropped or cut", "header-lost"}}, false, ""},
	{32111, "WARNING", "Invalid header name", "Illegal characters in a header name; the header is omitted.", "Use letters, digits and hyphens.", []cause{{"the header never reached the PBX", "header-lost"}}, false, ""},
	{32112, "WARNING", "Invalid header value", "Illegal characters in a header value; the header is omitted.", "Percent-escape punctuation, whitespace and non-ASCII.", []cause{{"the header never reached the PBX", "header-lost"}}, false, ""},
	{32113, "WARNING", "Header name is not allowed", "The name is not X- prefixed (or is X-Twilio...) nor one of the four standard names allowed; the header is omitted.", "Use an X- prefix.", []cause{{"the header never reached the PBX", "header-lost"}}, false, ""},
	{13252, "WARNING", "Dial: Invalid header name", "Names need an x- prefix or must be User-to-User, Remote-Party-ID, P-Preferred-Identity or P-Called-Party-ID.", "", []cause{{"the header never reached the PBX", "header-lost"}}, false, ""},
	{13253, "WARNING", "Dial: Header too long", "", "", []cause{{"the header was cut or dropped", "header-lost"}}, false, ""},
	{13251, "WARNING", "Dial: Too many headers passed", "The URI must be under 255 characters and its headers under 1024; an unescaped & splits a value into headers.", "", []cause{{"headers lost or split", "header-lost"}}, false, ""},
	{21227, "WARNING", "Headers portion of the SIP URI must be under 1024 characters", "", "", []cause{{"headers dropped", "header-lost"}}, false, ""},
	{13249, "WARNING", "Dial: Invalid username or password attribute", "The <Sip> username or password is empty, malformed or mistyped.", "Fix the username and password on the <Sip>.",
		[]cause{{"the credentials Twilio answered the challenge with", "auth-rejected"}}, false, ""},
	{32106, "ERROR", "SIP: Authentication Error", "The authorization name and username do not match (calls into Twilio).", "", nil, false, "calls into Twilio, not Twilio's INVITE to your PBX"},
	{32222, "ERROR", "TLS version not allowed", "The endpoint's TLS version is below the account's minimum (TLS 1.2 by default).", "Upgrade the PBX's TLS, or allow deprecated SIP/TLS versions in Console > Voice > Settings > General.",
		[]cause{{"TLS below 1.2 on the PBX", "transport-mismatch"}}, false, ""},
	{32207, "ERROR", "Secure media not accepted", "SRTP was sent to a SIP Domain or trunk not set for secure media.", "", []cause{{"SRTP against RTP", "codec-mismatch"}}, false, ""},
	{32208, "ERROR", "Secure media required", "RTP was sent to a secure trunk.", "", []cause{{"RTP against SRTP", "codec-mismatch"}}, false, ""},
	{32209, "ERROR", "Secure transport required", "UDP or TCP was used while secure calling is on.", "", []cause{{"the transport", "transport-mismatch"}}, false, ""},
	{13246, "WARNING", "Dial: SIP dialing not enabled for this account", "Applies to <Dial><Sip> and to REST calls to sip: URIs.", "Enable SIP dialing for the account, or ask Twilio Support.", nil, true, ""},
	{21226, "", "SIP calling not enabled", "Account level.", "Enable SIP calling for the account.", nil, true, ""},
	{13244, "", "No SIP authorization", "Account level.", "Ask Twilio Support to authorise SIP for the account.", nil, true, ""},
	// The issue names 13224 among endpoint refusals; the fact sheet (§1.6)
	// lists it with Twilio's own policy codes, about a phone number on
	// another leg of the same app, and that is followed here.
	{13224, "ERROR", "Dial: Twilio does not support calling this number, or it is invalid", "The number is not E.164, or Twilio has no carrier route to it.", "Dial the number in E.164 form (+ and country code).", nil, true, "a phone-number (PSTN) leg of the same app, not the SIP leg"},
	{13225, "ERROR", "Dial: Call blocked by Twilio", "Fraud risk, regulation, or a +1 destination without a Primary Customer Profile.", "Check the account's Trust Hub profile, or ask Twilio Support.", nil, true, ""},
	{13227, "", "Geo permissions do not allow the call", "Programmable Voice and Elastic SIP Trunking have separate geo-permission settings.", "Enable the destination country in the account's Programmable Voice geo permissions (Elastic SIP Trunking has its own).", nil, true, ""},
	{21215, "", "Geo permissions do not allow the call", "Programmable Voice and Elastic SIP Trunking have separate geo-permission settings.", "Enable the destination country in the account's geo permissions.", nil, true, ""},
	{32205, "", "Geo permissions do not allow the call", "Elastic SIP Trunking's own geo-permission tab.", "Enable the destination country in the trunking geo permissions.", nil, true, ""},
	{13223, "", "Dial: Invalid phone number format", "", "Use E.164.", nil, true, "a phone-number leg"},
	{13226, "", "Dial: Invalid country code", "", "Use E.164 with a valid country code.", nil, true, "a phone-number leg"},
	{13214, "WARNING", "Dial: Invalid callerId", "For <Sip>, callerId can be letters, digits and + - _ . with no whitespace.", "Fix the <Dial callerId>.", nil, true, ""},
	{13247, "", "Invalid From (caller ID)", "Not E.164, or on a do-not-originate list.", "Use a valid caller ID.", nil, true, ""},
	{32206, "", "Invalid From (caller ID)", "Not E.164, or on a do-not-originate list.", "Use a valid caller ID.", nil, true, ""},
	{32100, "", "Trial accounts can only call verified caller IDs", "", "Verify the number or upgrade the account.", nil, true, ""},
	{32204, "", "From not verified", "", "Verify the caller ID.", nil, true, ""},
	{32203, "", "SIP: Call blocked by Twilio", "", "Ask Twilio Support why.", nil, true, ""},
	{32224, "ERROR", "Forwarded call blocked by Twilio", "Regulation: a domestic number forwarded to an international destination.", "", nil, true, ""},
	{32001, "", "Trunk CPS exceeded", "Calls per second over the trunk's limit.", "Slow down, or ask for a higher CPS.", nil, true, ""},
	{32012, "", "Parent account pooled CPS exceeded", "", "Slow down, or ask for a higher CPS.", nil, true, ""},
	{32013, "", "SIP interface CPS exceeded", "", "Slow down, or ask for a higher CPS.", nil, true, ""},
	{32201, "", "Source IP not in ACL", "Calls into Twilio (Elastic SIP Trunking termination, SIP Domains).", "", nil, false, "calls into Twilio, not Twilio's INVITE to your PBX"},
	{32202, "", "Bad credentials", "Calls into Twilio (Elastic SIP Trunking termination, SIP Domains).", "", nil, false, "calls into Twilio, not Twilio's INVITE to your PBX"},
	{32200, "", "Insufficient permissions", "Calls into Twilio.", "", nil, false, "calls into Twilio, not Twilio's INVITE to your PBX"},
	{32220, "ERROR", "Specifying an edge is not allowed when dialing registered endpoints", "Dial user@domain.sip.twilio.com, without an edge.", "Remove the edge from a Twilio SIP Domain target.", nil, false, "a device registered to a Twilio SIP Domain"},
	{32221, "ERROR", "No devices registered in the specified edge", "", "", nil, false, "a device registered to a Twilio SIP Domain"},
	{32009, "WARNING", "User not registered with the SIP Domain", "A typo, or the device is not registered.", "", nil, false, "a device registered to a Twilio SIP Domain"},
	{32002, "ERROR", "Twilio SIP Domain not found", "A typo, or the domain was not saved.", "", nil, false, "a Twilio SIP Domain"},
}

// twilioCodeOf is what the fact sheet says of Twilio's code n.
func twilioCodeOf(n int) (twilioCode, bool) {
	for _, tc := range twilioCodes {
		if tc.number == n {
			return tc, true
		}
	}
	return twilioCode{}, false
}

// codeLeg explains numbers outside the table by their range (fact sheet
// §1.7).
func codeLeg(n int) string {
	switch {
	case n >= 64000 && n < 65000:
		return "<Pay> or ConversationRelay, not SIP-out"
	case n >= 31000 && n < 32000:
		return "the Voice SDK (client) leg: 31xxx codes mirror SIP responses there, not on Twilio's INVITE to your PBX"
	}
	return ""
}
