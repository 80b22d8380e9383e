# Twilio SIP allow-list for edges frankfurt; IP data as of 2026-06-22 from https://www.twilio.com/docs/sip-trunking/ip-addresses ; https://www.twilio.com/docs/voice/api/sip-interconnect
# -A appends: if your INPUT chain ends in DROP or REJECT, use -I INPUT instead.
iptables -A INPUT -s 35.156.191.128/30 -p tcp --dport 5061 -m comment --comment 'sipcompose: SIP signaling from Twilio (TLS), edge frankfurt' -j ACCEPT
iptables -A INPUT -s 168.86.128.0/18 -p udp --sport 10000:60000 -m comment --comment 'sipcompose: RTP media from Twilio (every edge)' -j ACCEPT
