# Url: a placeholder; set rest.url (or rest.twiml) to what runs when the SIP party answers.
# The <Header> elements have no REST form: the REST API sends only the headers in the To URI.
# Not as is: To, From hold TwiML Bin template tags ({{…}}), which the REST API does not fill in; it would send them as written. Put the values in first.
curl -X POST "https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Calls.json" \
  -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" \
  --data-urlencode 'To=sip:{{#e164}}{{To}}{{/e164}}@pbx.example.com;transport=tls;edge=dublin?User-to-User={{UUI}}%3Bencoding%3Dhex&X-Case={{Case}}&X-From={{From}}&X-Note=case%20{{ Case }}%2C%20from%20{{From}}' \
  --data-urlencode 'From={{#e164}}{{From}}{{/e164}}' \
  --data-urlencode 'Url=https://example.com/twiml-to-run-when-answered'
