# Builds the TwiML with twilio-python's VoiceResponse and prints it.
# Reads SIP_PASSWORD and SIP_PASSWORD_2 from the environment.
import os

from twilio.twiml import TwiML
from twilio.twiml.voice_response import VoiceResponse

# python3-twilio 7.7.1's Sip has no uri() or headers() methods: <Uri> and
# <Headers> are added with TwiML.add_child, and <Header> is a TwiML of its
# own because add_child's own name and value parameters would take its
# attributes.
class Header(TwiML):
    pass


response = VoiceResponse()
dial = response.dial(
    caller_id="+14155550100",
    recording_configuration_id="JY0123",
    events="call-progress-events",
    passports="c2hha2Vu",
)
# The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
sip = dial.sip(
    "sip:alice@pbx.example.com",
    username="alice",
    password=os.environ["SIP_PASSWORD"],
)
sip.add_child(
    "Uri", "sip:alice@a.example.com;transport=tls",
    priority="1",
    weight="10",
    username="ua",
    password=os.environ["SIP_PASSWORD_2"],
)
sip.add_child(
    "Uri", "sip:alice@b.example.com?X-A=1&X-B=2",
    priority="1",
    weight="5",
)
sip.add_child(
    "Uri", "sip:alice@c.example.com",
    priority="2",
    username="uc",
    password=os.environ["SIP_PASSWORD"],
)
sip_headers = sip.add_child("Headers")
sip_headers.nest(Header(
    name="X-Ticket",
    value="42",
))
sip_headers.nest(Header(
    name="X-Empty",
))
print(response)
