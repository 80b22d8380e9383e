# Builds the TwiML with twilio-python's VoiceResponse and prints it.
from twilio.twiml.voice_response import VoiceResponse

response = VoiceResponse()
dial = response.dial(
    caller_id="support",
    sequential=True,
)
# The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
dial.sip("sip:a@one.example.com")
dial.sip("sip:b@two.example.com;edge=sydney-ix")
print(response)
