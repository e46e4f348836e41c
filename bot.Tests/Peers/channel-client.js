#!/usr/bin/env node
// Acts as a *channel*: posts one Activity to a bot's messaging endpoint and prints the answer.
//
// Input (first argument, or stdin when no argument): JSON
//   {
//     "botUrl": "http://127.0.0.1:5000/api/messages",   // required
//     "activity": { "type": "message", ... },            // required
//     "mode": "channel" | "skill",                       // optional, default "channel"
//     "authorization": "Bearer <jwt>",                   // optional, channel mode: sent verbatim
//     "headers": { "x-extra": "1" },                     // optional, channel mode: extra headers
//     "timeoutMs": 15000                                  // optional
//   }
// mode "channel": the activity is posted unchanged as JSON (what Teams / the Bot Connector does);
//   sent with Content-Type application/json; charset=utf-8 and botframework-connector's User-Agent.
// mode "skill": uses botframework-connector's own BotFrameworkClient (ConfigurationBotFrameworkAuthentication
//   with no credentials => anonymous, no Authorization header). Note the SDK's skill client rewrites the
//   activity: recipient.role = "skill", relatesTo = original conversation reference, plus header
//   x-ms-conversation-id. Use it to cross-check what the JS SDK itself sends.
// Output (one line): {"status":<int>,"body":<parsed JSON | text | null>,"headers":{...}}
//   On a transport error: {"status":0,"error":"..."}. Exit code 0 unless the input is unusable (2).
'use strict';

const { ConfigurationBotFrameworkAuthentication } = require('botbuilder');
const { USER_AGENT } = require('botframework-connector/lib/auth/connectorFactoryImpl.js');

function readStdin() {
    return new Promise((resolve, reject) => {
        const chunks = [];
        process.stdin.on('data', (c) => chunks.push(c));
        process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        process.stdin.on('error', reject);
    });
}

function print(value) {
    process.stdout.write(JSON.stringify(value) + '\n');
}

async function postAsChannel(input) {
    const headers = {
        'Content-Type': 'application/json; charset=utf-8',
        Accept: 'application/json',
        'User-Agent': USER_AGENT.trim(),
        ...(input.authorization ? { Authorization: input.authorization } : {}),
        ...(input.headers || {}),
    };
    const response = await fetch(input.botUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify(input.activity),
        signal: AbortSignal.timeout(input.timeoutMs || 15000),
    });
    const text = await response.text();
    let body = null;
    if (text) {
        try {
            body = JSON.parse(text);
        } catch {
            body = text;
        }
    }
    return { status: response.status, body, headers: Object.fromEntries(response.headers.entries()) };
}

async function postAsSkill(input) {
    const auth = new ConfigurationBotFrameworkAuthentication({});
    const client = auth.createBotFrameworkClient();
    const a = input.activity;
    const conversationId = (a.conversation && a.conversation.id) || 'conversation';
    const serviceUrl = a.serviceUrl || 'http://127.0.0.1/';
    const result = await Promise.race([
        client.postActivity(undefined, undefined, input.botUrl, serviceUrl, conversationId, a),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), input.timeoutMs || 15000).unref()),
    ]);
    const body = result.body === '' || result.body === undefined ? null : result.body;
    return { status: result.status, body, headers: {} };
}

async function main() {
    const raw = process.argv[2] ?? (await readStdin());
    let input;
    try {
        input = JSON.parse(raw);
    } catch (e) {
        process.stderr.write(`channel-client: input is not JSON: ${e.message}\n`);
        process.exit(2);
    }
    if (!input || typeof input.botUrl !== 'string' || !input.activity || typeof input.activity !== 'object') {
        process.stderr.write('channel-client: expected {"botUrl":"...","activity":{...}}\n');
        process.exit(2);
    }
    try {
        print(input.mode === 'skill' ? await postAsSkill(input) : await postAsChannel(input));
    } catch (e) {
        print({ status: 0, error: String((e && (e.cause?.message || e.message)) || e) });
    }
}

main();
