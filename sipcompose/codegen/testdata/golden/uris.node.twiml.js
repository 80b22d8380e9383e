// Builds the TwiML with twilio-node's VoiceResponse and prints it.
// Reads SIP_PASSWORD and SIP_PASSWORD_2 from the environment.
const { twiml } = require("twilio");

function env(name) {
  const value = process.env[name];
  if (value === undefined) {
    throw new Error(name + " is not set");
  }
  return value;
}

const response = new twiml.VoiceResponse();
const dial = response.dial({
  callerId: "+14155550100",
  recordingConfigurationId: "JY0123",
  events: "call-progress-events",
  passports: "c2hha2Vu",
});
// The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
const sip = dial.sip(
  {
    username: "alice",
    password: env("SIP_PASSWORD"),
  },
  "sip:alice@pbx.example.com"
);
sip.uri(
  {
    priority: "1",
    weight: "10",
    username: "ua",
    password: env("SIP_PASSWORD_2"),
  },
  "sip:alice@a.example.com;transport=tls"
);
sip.uri(
  {
    priority: "1",
    weight: "5",
  },
  "sip:alice@b.example.com?X-A=1&X-B=2"
);
sip.uri(
  {
    priority: "2",
    username: "uc",
    password: env("SIP_PASSWORD"),
  },
  "sip:alice@c.example.com"
);
const sipHeaders = sip.headers();
sipHeaders.header({
  name: "X-Ticket",
  value: "42",
});
sipHeaders.header({
  name: "X-Empty",
});
console.log(response.toString());
