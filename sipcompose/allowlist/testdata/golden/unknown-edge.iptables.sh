# No Twilio SIP allow-list yet: a SIP target names an edge or region Twilio does not know, so where its calls come from is unknown.
# SIP target 2: unknown edge "Frankfurt" (edge names are lowercase: frankfurt) — fix the edge to see its addresses.
