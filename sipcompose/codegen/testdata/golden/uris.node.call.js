// Places the call through Twilio's REST API with twilio-node and prints its SID.
// Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SIP_PASSWORD from the environment.
// Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.
// The <Header> elements have no REST form: the REST API sends only the headers in the To URI.
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
  const call = await client.calls.create({
    to: "sip:alice@pbx.example.com",
    from: "+14155550100",
    url: "https://example.com/twiml-to-run-when-answered",
    sipAuthUsername: "alice",
    sipAuthPassword: env("SIP_PASSWORD"),
  });
  console.log(call.sid);
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
