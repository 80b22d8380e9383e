# Places the call through Twilio's REST API with twilio-python and prints its SID.
# Reads TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from the environment.
# Not as is: To, From hold TwiML Bin template tags ({{…}}), which the REST API does not fill in; it would send them as written. Put the values in first.
# Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.
# The <Header> elements have no REST form: the REST API sends only the headers in the To URI.
import os

from twilio.rest import Client

client = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])

# The SIP URI is already percent-encoded: pass it as is; the library form-encodes it (& is sent as %26).
call = client.calls.create(
    to="sip:{{#e164}}{{To}}{{/e164}}@pbx.example.com;transport=tls;edge=dublin?User-to-User={{UUI}}%3Bencoding%3Dhex&X-Case={{Case}}&X-From={{From}}&X-Note=case%20{{ Case }}%2C%20from%20{{From}}",
    from_="{{#e164}}{{From}}{{/e164}}",
    url="https://example.com/twiml-to-run-when-answered",
)
print(call.sid)
