// Places the call through Twilio's REST API with twilio-node and prints its SID.
// Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SIP_PASSWORD from the environment.
// 2 targets: each call is placed on its own; <Dial> rings them in turn and bridges the first to answer.
const twilio = require("twilio");

function env(name) {
  const value = process.env[name];
  if (value === undefined) {
    throw new Error(name + " is not set");
  }
  return value;
}

const client = twilio(env("TWILIO_ACCOUNT_SID"), env("TWILIO_AUTH_TOKEN"));

async function main() {
  // The SIP URI is already percent-encoded: pass it as is; the library form-encodes it (& is sent as %26).
  const call1 = await client.calls.create({
    to: "sip:+14158675309@pbx.example.com:5061;transport=tls;secure=true;edge=dublin?User-to-User=0A1B2C3D%3Bencoding%3Dhex&X-Account=ACME%20%26%20Sons%20%3Cgold%3E&P-Preferred-Identity=%3Csip%3A%2B14155550100%40example%2Ecom%3E",
    from: "+14155550100",
    url: "https://example.com/answered",
    sipAuthUsername: "trunk",
    sipAuthPassword: env("SIP_PASSWORD"),
    timeout: 20,
    record: true,
    recordingChannels: "dual",
    recordingTrack: "both",
    recordingStatusCallback: "https://example.com/rec",
    recordingStatusCallbackMethod: "GET",
    recordingStatusCallbackEvent: ["in-progress", "completed"],
    trim: "trim-silence",
    timeLimit: 3600,
    statusCallback: "https://example.com/status",
    statusCallbackMethod: "POST",
    statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
    machineDetection: "DetectMessageEnd",
    machineDetectionTimeout: 45,
    machineDetectionSpeechThreshold: 2400,
    machineDetectionSpeechEndThreshold: 1200,
    machineDetectionSilenceTimeout: 5000,
    asyncAmd: "true",
    asyncAmdStatusCallback: "https://example.com/amd",
    asyncAmdStatusCallbackMethod: "POST",
  });
  console.log(call1.sid);
  const call2 = await client.calls.create({
    to: "sip:alice@203.0.113.10;transport=tcp;region=ie1",
    from: "+14155550100",
    url: "https://example.com/answered",
    timeout: 20,
    record: true,
    recordingChannels: "dual",
    recordingTrack: "both",
    recordingStatusCallback: "https://example.com/rec",
    recordingStatusCallbackMethod: "GET",
    recordingStatusCallbackEvent: ["in-progress", "completed"],
    trim: "trim-silence",
    timeLimit: 3600,
  });
  console.log(call2.sid);
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
