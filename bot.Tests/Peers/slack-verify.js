'use strict';
// Signature oracle: @slack/bolt's own isValidSlackRequest / verifySlackRequest.
// stdin: JSON array of cases [{signingSecret, body, timestamp, signature, nowMs}]
//   timestamp / signature: the raw header strings (null = header absent); body: the raw body text.
// stdout: one JSON line, [{index, valid, error}] (error = bolt's message when it refused).
// The header is turned into a number with Number(), exactly as bolt's HTTP receivers do
// (HTTPModuleFunctions.parseAndVerifyHTTPRequest); a missing header is refused like bolt's getHeader does.
const { verifySlackRequest } = require('@slack/bolt');

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function verdict(c) {
  if (typeof c.timestamp !== 'string' || typeof c.signature !== 'string') {
    return { valid: false, error: 'header did not have the expected type (missing)' };
  }
  try {
    verifySlackRequest({
      signingSecret: c.signingSecret,
      body: c.body,
      headers: {
        'x-slack-signature': c.signature,
        'x-slack-request-timestamp': Number(c.timestamp),
      },
      nowMilliseconds: c.nowMs,
    });
    return { valid: true, error: null };
  } catch (e) {
    return { valid: false, error: String(e && e.message ? e.message : e) };
  }
}

readStdin()
  .then((text) => {
    const input = JSON.parse(text);
    const cases = Array.isArray(input) ? input : [input];
    const out = cases.map((c, index) => ({ index, ...verdict(c) }));
    process.stdout.write(JSON.stringify(out) + '\n');
  })
  .catch((e) => {
    process.stderr.write(`slack-verify.js: ${e && e.stack ? e.stack : e}\n`);
    process.exit(2);
  });
