// Builds the TwiML with twilio-node's VoiceResponse and prints it.
const { twiml } = require("twilio");

const response = new twiml.VoiceResponse();
const dial = response.dial({
  callerId: "support",
  sequential: true,
});
// The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
dial.sip("sip:a@one.example.com");
dial.sip("sip:b@two.example.com;edge=sydney-ix");
console.log(response.toString());
