#!/usr/bin/env node
// Validates Adaptive Cards with Microsoft's own `adaptivecards` renderer package (parse + validate,
// no DOM), targeting the version Teams supports for bot-sent cards (1.5 by default).
//
// stdin : a JSON array of Adaptive Card objects (a single object is accepted too)
// args  : [--target 1.5]
// stdout: [{"index":0,"errors":["Parse/UnknownElementType: Unknown element type \"Bogus\". ..."]}, ...]
//         each error is "<phase>/<ValidationEvent name>: <message>"; phase is Parse or Validation from
//         adaptivecards, or Harness for the few checks added here (see below). Empty errors = valid.
// exit  : 0 always (the C# side asserts); unreadable input is reported as index -1.
//
// adaptivecards@3 must be loaded from its UMD bundle: its lib/ entry is ESM without "type":"module".
'use strict';

const AC = require('adaptivecards/dist/adaptivecards.js');

const argv = process.argv.slice(2);
const ti = argv.indexOf('--target');
const targetText = ti >= 0 && ti + 1 < argv.length ? argv[ti + 1] : '1.5';

function out(value) {
    process.stdout.write(JSON.stringify(value) + '\n');
}

function describe(phaseEnum, phase, event, message) {
    const phaseName = phaseEnum[phase] ?? String(phase);
    const eventName = AC.ValidationEvent[event] ?? String(event);
    return `${phaseName}/${eventName}: ${message}`;
}

function validateCard(json, target) {
    const errors = [];
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
        return [`Harness/MissingCardType: expected a card object, got ${json === null ? 'null' : Array.isArray(json) ? 'array' : typeof json}`];
    }
    // adaptivecards silently defaults a missing version to 1.0; Teams' schema requires it.
    if (json.version === undefined || json.version === null || json.version === '') {
        errors.push('Harness/PropertyCantBeNull: Property "version" must be set on the AdaptiveCard.');
    }
    const card = new AC.AdaptiveCard();
    // Teams' own host config allows six actions in a card's actions (the package's default is five).
    card.hostConfig = new AC.HostConfig({ actions: { maxActions: 6 } });
    const context = new AC.SerializationContext(target);
    try {
        card.parse(json, context);
    } catch (e) {
        errors.push(`Harness/Other: parse threw ${e && e.message}`);
        return errors;
    }
    for (let i = 0; i < context.eventCount; i++) {
        const e = context.getEventAt(i);
        errors.push(describe(AC.ValidationPhase, e.phase, e.event, e.message));
    }
    // Reject cards declaring a version newer than the target (default maxVersion is 1.6 = latest).
    card.maxVersion = target;
    const results = card.validateProperties();
    for (const e of results.validationEvents) {
        errors.push(describe(AC.ValidationPhase, e.phase, e.event, e.message));
    }
    // adaptivecards only notices a wrong type, not a missing one.
    if (json.type !== 'AdaptiveCard' && !errors.some((x) => x.includes('/MissingCardType:'))) {
        errors.push('Harness/MissingCardType: Property "type" must be "AdaptiveCard".');
    }
    return errors;
}

function main(text) {
    const target = AC.Version.parse(targetText, new AC.SerializationContext());
    if (!target || !target.isValid) {
        out([{ index: -1, errors: [`Harness/Other: invalid --target "${targetText}"`] }]);
        return;
    }
    let input;
    try {
        input = JSON.parse(text);
    } catch (e) {
        out([{ index: -1, errors: [`Harness/Other: stdin is not JSON: ${e.message}`] }]);
        return;
    }
    const cards = Array.isArray(input) ? input : [input];
    out(cards.map((card, index) => ({ index, errors: validateCard(card, target) })));
}

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
    try {
        main(Buffer.concat(chunks).toString('utf8'));
    } catch (e) {
        out([{ index: -1, errors: [`Harness/Other: ${e && e.stack}`] }]);
    }
    process.exitCode = 0;
});
