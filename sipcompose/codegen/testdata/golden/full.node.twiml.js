// Builds the TwiML with twilio-node's VoiceResponse and prints it.
// Reads SIP_PASSWORD from the environment.
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
  action: "/dial-done",
  method: "POST",
  timeout: 20,
  hangupOnStar: true,
  timeLimit: 3600,
  callerId: "+14155550100",
  record: "record-from-answer-dual",
  trim: "trim-silence",
  recordingStatusCallback: "https://example.com/rec",
  recordingStatusCallbackMethod: "GET",
  recordingStatusCallbackEvent: "in-progress completed",
  recordingTrack: "both",
  answerOnBridge: true,
  ringTone: "uk",
  referUrl: "https://example.com/refer?a=1&b=2",
  referMethod: "POST",
  sequential: true,
});
// The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
dial.sip(
  {
    username: "trunk",
    password: env("SIP_PASSWORD"),
    url: "https://example.com/screen",
    method: "GET",
    statusCallbackEvent: "initiated ringing answered completed",
    statusCallback: "https://example.com/status",
    statusCallbackMethod: "POST",
    machineDetection: "DetectMessageEnd",
    machineDetectionTimeout: 45,
    machineDetectionSpeechThreshold: 2400,
    machineDetectionSpeechEndThreshold: 1200,
    machineDetectionSilenceTimeout: 5000,
    amdStatusCallback: "https://example.com/amd",
    amdStatusCallbackMethod: "POST",
  },
  "sip:+14158675309@pbx.example.com:5061;transport=tls;secure=true;edge=dublin?User-to-User=0A1B2C3D%3Bencoding%3Dhex&X-Account=ACME%20%26%20Sons%20%3Cgold%3E&P-Preferred-Identity=%3Csip%3A%2B14155550100%40example%2Ecom%3E"
);
dial.sip("sip:alice@203.0.113.10;transport=tcp;region=ie1");
console.log(response.toString());
