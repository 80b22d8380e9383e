# Builds the TwiML with twilio-python's VoiceResponse and prints it.
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
    action="/dial-done?case={{Case}}",
    caller_id="{{#e164}}{{From}}{{/e164}}",
)
# The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
sip = dial.sip("sip:{{#e164}}{{To}}{{/e164}}@pbx.example.com;transport=tls;edge=dublin?User-to-User={{UUI}}%3Bencoding%3Dhex&X-Case={{Case}}&X-From={{From}}&X-Note=case%20{{ Case }}%2C%20from%20{{From}}")
sip_headers = sip.add_child("Headers")
sip_headers.nest(Header(
    name="X-Element",
    value="{{Case}}",
))
print(response)
