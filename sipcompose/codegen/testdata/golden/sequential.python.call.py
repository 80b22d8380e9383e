# Places the call through Twilio's REST API with twilio-python and prints its SID.
# Reads TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from the environment.
# 2 targets: each call is placed on its own; <Dial> rings them in turn and bridges the first to answer.
# Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.
import os

from twilio.rest import Client

client = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])

# The SIP URI is already percent-encoded: pass it as is; the library form-encodes it (& is sent as %26).
call1 = client.calls.create(
    to="sip:a@one.example.com",
    from_="support",
    url="https://example.com/twiml-to-run-when-answered",
)
print(call1.sid)

call2 = client.calls.create(
    to="sip:b@two.example.com;edge=sydney-ix",
    from_="support",
    url="https://example.com/twiml-to-run-when-answered",
)
print(call2.sid)
