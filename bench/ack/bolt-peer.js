// Slack's bolt-js handling the same signed slash command: verify, ack at once, then answer on response_url
// (the loopback fakes), as the bot does.
// Usage: node bolt-peer.js <port> <fakesPort> <signingSecret>
'use strict';
const { App, LogLevel } = require('@slack/bolt');

const [port, fakesPort, signingSecret] = process.argv.slice(2);
const app = new App({
    signingSecret,
    token: 'xoxb-bench',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: `http://127.0.0.1:${fakesPort}/api/` },
});
app.command('/coach', async ({ ack, respond, command }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: `help for ${command.user_id}` });
});
(async () => {
    await app.start(Number(port));
    console.log(`bolt-peer on ${port}`);
})();
