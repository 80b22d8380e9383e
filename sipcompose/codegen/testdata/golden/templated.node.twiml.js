// Builds the TwiML with twilio-node's VoiceResponse and prints it.
const { twiml } = require("twilio");

const response = new twiml.VoiceResponse();
const dial = response.dial({
  action: "/dial-done?case={{Case}}",
  callerId: "{{#e164}}{{From}}{{/e164}}",
});
// The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
const sip = dial.sip("sip:{{#e164}}{{To}}{{/e164}}@pbx.example.com;transport=tls;edge=dublin?User-to-User={{UUI}}%3Bencoding%3Dhex&X-Case={{Case}}&X-From={{From}}&X-Note=case%20{{ Case }}%2C%20from%20{{From}}");
const sipHeaders = sip.headers();
sipHeaders.header({
  name: "X-Element",
  value: "{{Case}}",
});
console.log(response.toString());
