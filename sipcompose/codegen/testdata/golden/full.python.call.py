# Places the call through Twilio's REST API with twilio-python and prints its SID.
# Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SIP_PASSWORD from the environment.
# 2 targets: each call is placed on its own; <Dial> rings them in turn and bridges the first to answer.
import os

from twilio.rest import Client

client = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])

# The SIP URI is already percent-encoded: pass it as is; the library form-encodes it (& is sent as %26).
call1 = client.calls.create(
    to="sip:+14158675309@pbx.example.com:5061;transport=tls;secure=true;edge=dublin?User-to-User=0A1B2C3D%3Bencoding%3Dhex&X-Account=ACME%20%26%20Sons%20%3Cgold%3E&P-Preferred-Identity=%3Csip%3A%2B14155550100%40example%2Ecom%3E",
    from_="+14155550100",
    url="https://example.com/answered",
    sip_auth_username="trunk",
    sip_auth_password=os.environ["SIP_PASSWORD"],
    timeout=20,
    record="true",
    recording_channels="dual",
    recording_track="both",
    recording_status_callback="https://example.com/rec",
    recording_status_callback_method="GET",
    recording_status_callback_event=["in-progress", "completed"],
    trim="trim-silence",
    time_limit=3600,
    status_callback="https://example.com/status",
    status_callback_method="POST",
    status_callback_event=["initiated", "ringing", "answered", "completed"],
    machine_detection="DetectMessageEnd",
    machine_detection_timeout=45,
    machine_detection_speech_threshold=2400,
    machine_detection_speech_end_threshold=1200,
    machine_detection_silence_timeout=5000,
    async_amd="true",
    async_amd_status_callback="https://example.com/amd",
    async_amd_status_callback_method="POST",
)
print(call1.sid)

call2 = client.calls.create(
    to="sip:alice@203.0.113.10;transport=tcp;region=ie1",
    from_="+14155550100",
    url="https://example.com/answered",
    timeout=20,
    record="true",
    recording_channels="dual",
    recording_track="both",
    recording_status_callback="https://example.com/rec",
    recording_status_callback_method="GET",
    recording_status_callback_event=["in-progress", "completed"],
    trim="trim-silence",
    time_limit=3600,
)
print(call2.sid)
