// Places the call through Twilio's REST API with twilio-node and prints its SID.
// Reads TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from the environment.
// Not as is: To, From hold TwiML Bin template tags ({{…}}), which the REST API does not fill in; it would send them as written. Put the values in first.
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
    to: "sip:{{#e164}}{{To}}{{/e164}}@pbx.example.com;transport=tls;edge=dublin?User-to-User={{UUI}}%3Bencoding%3Dhex&X-Case={{Case}}&X-From={{From}}&X-Note=case%20{{ Case }}%2C%20from%20{{From}}",
    from: "{{#e164}}{{From}}{{/e164}}",
    url: "https://example.com/twiml-to-run-when-answered",
  });
  console.log(call.sid);
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
