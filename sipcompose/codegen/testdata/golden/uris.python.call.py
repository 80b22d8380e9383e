# Places the call through Twilio's REST API with twilio-python and prints its SID.
# Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SIP_PASSWORD from the environment.
# Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.
# The <Header> elements have no REST form: the REST API sends only the headers in the To URI.
import os

from twilio.rest import Client

client = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])

# The SIP URI is already percent-encoded: pass it as is; the library form-encodes it (& is sent as %26).
call = client.calls.create(
    to="sip:alice@pbx.example.com",
    from_="+14155550100",
    url="https://example.com/twiml-to-run-when-answered",
    sip_auth_username="alice",
    sip_auth_password=os.environ["SIP_PASSWORD"],
)
print(call.sid)
