// Builds the TwiML with twilio-node's VoiceResponse and prints it.
const { twiml } = require("twilio");

const response = new twiml.VoiceResponse();
const dial = response.dial();
console.log(response.toString());
