'use strict';
// Block Kit shape oracle: type-checks rendered Slack messages and modals against Slack's own TypeScript
// definitions (@slack/types, the package behind @slack/bolt and @slack/web-api), with the TypeScript
// compiler, in memory, offline. Catches unknown block/element types, misspelt or extra properties
// (excess-property checks on the discriminated unions), wrong value types and missing required fields.
// It does not know length limits: those are checked on the C# side (BlockKitRules).
//
// stdin : {"messages": [{text, blocks?}, ...], "modals": [{type:"modal", ...}, ...]}
// stdout: [{"kind":"message"|"modal","index":i,"errors":["TS2353: Object literal may only specify ..."]}]
//         one entry per input; empty errors = the object fits the types. Exit 0; unreadable input → exit 2.
const path = require('node:path');
const ts = require('typescript');

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function check(input) {
  const items = [
    ...(input.messages || []).map((value, index) => ({ kind: 'message', index, value })),
    ...(input.modals || []).map((value, index) => ({ kind: 'modal', index, value })),
  ];
  // Header lines, then exactly one declaration per line so a diagnostic's line names its item.
  const header = [
    "import type { KnownBlock, ModalView } from '@slack/types';",
    // What chat.postMessage takes besides channel, for the fields we send (text is the fallback).
    'type Message = { text: string; blocks?: KnownBlock[] };',
  ];
  const lines = items.map((item, i) =>
    `export const item${i}: ${item.kind === 'message' ? 'Message' : 'ModalView'} = ${JSON.stringify(item.value)};`);
  const source = header.concat(lines).join('\n');

  const fileName = path.join(__dirname, '__blocks_check__.ts');
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: [],
  };
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) =>
    path.resolve(name) === fileName
      ? ts.createSourceFile(name, source, languageVersion, true)
      : getSourceFile(name, languageVersion, onError, shouldCreate);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === fileName || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === fileName ? source : readFile(name));

  const program = ts.createProgram([fileName], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const results = items.map((item) => ({ kind: item.kind, index: item.index, errors: [] }));
  const general = [];
  for (const d of diagnostics) {
    const message = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    if (d.file && path.resolve(d.file.fileName) === fileName && d.start !== undefined) {
      const line = d.file.getLineAndCharacterOfPosition(d.start).line - header.length;
      if (line >= 0 && line < results.length) {
        results[line].errors.push(message);
        continue;
      }
    }
    general.push(message);
  }
  if (general.length > 0) {
    // The harness itself is broken (e.g. @slack/types not found): fail every item loudly.
    for (const r of results) r.errors.push(...general.map((g) => `Harness: ${g}`));
  }
  return results;
}

readStdin()
  .then((text) => process.stdout.write(JSON.stringify(check(JSON.parse(text))) + '\n'))
  .catch((e) => {
    process.stderr.write(`validate-blocks.js: ${e && e.stack ? e.stack : e}\n`);
    process.exit(2);
  });
