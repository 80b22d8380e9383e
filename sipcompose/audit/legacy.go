package audit

// legacyMedia are the per-region media blocks Twilio used before its
// 2023-2024 media migration, on UDP 10000-20000. Twilio publishes no copy:
// these come from third-party firewall files, which disagree on de1's and
// sg1's second block, so both readings are listed. They exist only so an
// audit can name rules for them as stale; nothing exports them.
var legacyMedia = []struct{ Region, CIDR string }{
	{"us1", "54.172.60.0/23"}, {"us1", "34.203.250.0/23"},
	{"us2", "54.244.51.0/24"},
	{"ie1", "54.171.127.192/26"}, {"ie1", "52.215.127.0/24"},
	{"de1", "35.156.191.128/25"}, {"de1", "3.122.181.0/24"}, {"de1", "18.195.48.0/24"},
	{"jp1", "54.65.63.192/26"}, {"jp1", "3.112.80.0/24"},
	{"sg1", "54.169.127.128/26"}, {"sg1", "3.1.77.0/24"}, {"sg1", "3.0.73.0/24"},
	{"au1", "54.252.254.64/26"}, {"au1", "3.104.90.0/24"},
	{"br1", "177.71.206.192/26"}, {"br1", "18.228.249.0/24"},
}

// legacyMediaPorts is the UDP range those blocks sent media from.
const legacyMediaPorts = "10000-20000"
