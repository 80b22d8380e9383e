// Places the call through Twilio's REST API with twilio-node and prints its SID.
// Reads TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from the environment.
// 2 targets: each call is placed on its own; <Dial> rings them in turn and bridges the first to answer.
// Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.
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
    to: "sip:a@one.example.com",
    from: "support",
    url: "https://example.com/twiml-to-run-when-answered",
  });
  console.log(call1.sid);
  const call2 = await client.calls.create({
    to: "sip:b@two.example.com;edge=sydney-ix",
    from: "support",
    url: "https://example.com/twiml-to-run-when-answered",
  });
  console.log(call2.sid);
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
