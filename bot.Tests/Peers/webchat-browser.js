#!/usr/bin/env node
// Drives the bot's playground page in Debian's chromium with playwright-core (no browser download).
//
// Input (stdin): JSON
//   {
//     "url": "http://127.0.0.1:5000/",            // the page
//     "executablePath": "/usr/bin/chromium",      // required: the browser to drive
//     "locale": "en-US",                          // optional: the browser's language
//     "steps": [                                  // in order
//       { "say": "help", "expect": "Promises" },  // type in Web Chat's send box, press Enter, wait for the text
//       { "click": "Done", "expect": "Well done",  // press the last button with that name, wait for the text,
//         "gone": "Due now" }                      // and (optional) for this text to leave the page
//     ],
//     "screenshot": "/tmp/playground.png",        // optional: full-page screenshot at the end
//     "timeoutMs": 20000,                         // optional: per step
//     "connectDelayMs": 2000                      // optional: hold the page's Direct Line connect this long, as a
//                                                 //   busy machine does (the send box shows before it is connected)
//   }
// Output (one line): {"ok":true,"transcript":"<text of Web Chat's transcript>"} or {"ok":false,"error":"...","transcript":"..."}.
// Exit 0 when the input is usable (the result says whether the steps passed), 2 when it is not.
'use strict';

const { chromium } = require('playwright-core');

function readStdin() {
    return new Promise((resolve, reject) => {
        const chunks = [];
        process.stdin.on('data', (c) => chunks.push(c));
        process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        process.stdin.on('error', reject);
    });
}

async function transcriptText(page) {
    return page.locator('#webchat').innerText().catch(() => '');
}

// Web Chat ignores Enter until its Direct Line connection is up, and keeps the text in the box: on a busy machine the
// page can show the send box before that. It empties the box once it takes the message, and an Enter on an empty box
// sends nothing, so pressing again while the text is still there cannot send it twice.
async function say(page, sendBox, text, timeout) {
    await sendBox.fill(text);
    const deadline = Date.now() + timeout;
    for (;;) {
        await sendBox.press('Enter');
        await page.waitForTimeout(500);
        if (await sendBox.inputValue() !== text) return;
        if (Date.now() > deadline) throw new Error(`Web Chat did not take "${text}" in ${timeout} ms: still not connected?`);
    }
}

async function main() {
    let input;
    try {
        input = JSON.parse(await readStdin());
        if (!input.url || !input.executablePath || !Array.isArray(input.steps)) throw new Error('url, executablePath and steps are required');
    } catch (e) {
        process.stderr.write(`bad input: ${e.message}\n`);
        process.exit(2);
    }
    const timeout = input.timeoutMs || 20000;
    const browser = await chromium.launch({ executablePath: input.executablePath, headless: true });
    let page;
    try {
        const context = await browser.newContext({ locale: input.locale || 'en-US', viewport: { width: 900, height: 900 } });
        page = await context.newPage();
        page.setDefaultTimeout(timeout);
        if (input.connectDelayMs) {
            // Direct Line's connect with a known conversation: GET …/conversations/{id}?watermark=
            await page.route(/\/conversations\/[^/?]+(\?.*)?$/, async (route) => {
                await new Promise((resolve) => setTimeout(resolve, input.connectDelayMs));
                await route.continue();
            });
        }
        await page.goto(input.url);
        const sendBox = page.locator('[data-id="webchat-sendbox-input"]');
        await sendBox.waitFor();
        for (const step of input.steps) {
            if (step.say !== undefined) {
                await say(page, sendBox, step.say, timeout);
            } else if (step.click !== undefined) {
                await page.getByRole('button', { name: step.click, exact: true }).last().click();
            }
            if (step.expect) await page.getByText(step.expect, { exact: false }).last().waitFor();
            if (step.gone) await page.getByText(step.gone, { exact: false }).first().waitFor({ state: 'detached' });
        }
        if (input.screenshot) await page.screenshot({ path: input.screenshot, fullPage: true });
        process.stdout.write(JSON.stringify({ ok: true, transcript: await transcriptText(page) }) + '\n');
    } catch (e) {
        const transcript = page ? await transcriptText(page) : '';
        if (page && input.screenshot) await page.screenshot({ path: input.screenshot, fullPage: true }).catch(() => {});
        process.stdout.write(JSON.stringify({ ok: false, error: String(e && e.message || e), transcript }) + '\n');
    } finally {
        await browser.close();
    }
}

main().catch((e) => {
    process.stderr.write(String(e && e.stack || e) + '\n');
    process.exit(1);
});
