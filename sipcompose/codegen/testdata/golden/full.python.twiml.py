# Builds the TwiML with twilio-python's VoiceResponse and prints it.
# Reads SIP_PASSWORD from the environment.
import os

from twilio.twiml.voice_response import VoiceResponse

response = VoiceResponse()
dial = response.dial(
    action="/dial-done",
    method="POST",
    timeout=20,
    hangup_on_star=True,
    time_limit=3600,
    caller_id="+14155550100",
    record="record-from-answer-dual",
    trim="trim-silence",
    recording_status_callback="https://example.com/rec",
    recording_status_callback_method="GET",
    recording_status_callback_event="in-progress completed",
    recording_track="both",
    answer_on_bridge=True,
    ring_tone="uk",
    refer_url="https://example.com/refer?a=1&b=2",
    refer_method="POST",
    sequential=True,
)
# The SIP URI is already percent-encoded: pass it as is, with & raw. The library writes &amp;; writing &amp; here would send &amp;amp;.
dial.sip(
    "sip:+14158675309@pbx.example.com:5061;transport=tls;secure=true;edge=dublin?User-to-User=0A1B2C3D%3Bencoding%3Dhex&X-Account=ACME%20%26%20Sons%20%3Cgold%3E&P-Preferred-Identity=%3Csip%3A%2B14155550100%40example%2Ecom%3E",
    username="trunk",
    password=os.environ["SIP_PASSWORD"],
    url="https://example.com/screen",
    method="GET",
    status_callback_event="initiated ringing answered completed",
    status_callback="https://example.com/status",
    status_callback_method="POST",
    machine_detection="DetectMessageEnd",
    machine_detection_timeout=45,
    machine_detection_speech_threshold=2400,
    machine_detection_speech_end_threshold=1200,
    machine_detection_silence_timeout=5000,
    amd_status_callback="https://example.com/amd",
    amd_status_callback_method="POST",
)
dial.sip("sip:alice@203.0.113.10;transport=tcp;region=ie1")
print(response)
