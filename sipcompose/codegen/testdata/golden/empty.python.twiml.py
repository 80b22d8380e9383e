# Builds the TwiML with twilio-python's VoiceResponse and prints it.
from twilio.twiml.voice_response import VoiceResponse

response = VoiceResponse()
dial = response.dial()
print(response)
