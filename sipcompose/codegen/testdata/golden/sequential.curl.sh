# 2 targets: each command places its own call; <Dial> rings them in turn and bridges the first to answer.
# Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.
curl -X POST "https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Calls.json" \
  -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" \
  --data-urlencode 'To=sip:a@one.example.com' \
  --data-urlencode 'From=support' \
  --data-urlencode 'Url=https://example.com/twiml-to-run-when-answered'

# Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.
curl -X POST "https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Calls.json" \
  -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" \
  --data-urlencode 'To=sip:b@two.example.com;edge=sydney-ix' \
  --data-urlencode 'From=support' \
  --data-urlencode 'Url=https://example.com/twiml-to-run-when-answered'
