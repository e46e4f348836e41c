#!/usr/bin/env node
// Fake Bot Connector service for AccountCoachBot integration tests.
//
// The Bot Framework REST surface (/v3/conversations/...) is served by botbuilder's own
// ChannelServiceRoutes + a ChannelServiceHandler subclass, mounted on plain node:http through a
// tiny express-like router. Everything it receives is recorded so the C# tests can assert on it.
//
// Usage: node connector-peer.js [--require-auth] [--expect-token <token>] [--base-path <path>]
//                               [--no-stdin-watch]
//   --require-auth        every connector call must carry "Authorization: Bearer <anything>", else 401
//   --expect-token <t>    every connector call must carry exactly "Authorization: Bearer <t>", else 401
//                         (implies --require-auth)
//   --base-path <p>       mount the connector under /<p>/ (like https://smba.trafficmanager.net/amer/)
//   --no-stdin-watch      do not exit when stdin closes (for running it by hand in the background)
// Env equivalents: CONNECTOR_PEER_REQUIRE_AUTH=1, CONNECTOR_PEER_EXPECT_TOKEN, CONNECTOR_PEER_BASE_PATH.
//
// Prints exactly one first stdout line: {"port":<n>}. Logs go to stderr.
//
// Control endpoints (not Bot Framework):
//   GET  /_recorded  -> JSON array of recorded connector calls (see README.md for the entry shape)
//   GET  /_recorded?atLeast=<n>
//                    -> the same, answered once at least n calls are recorded (held open until then; the
//                       caller's own timeout is the only limit), so tests wait on arrival instead of polling
//   POST /_reset     -> clears recorded calls, the script queue, id counters and members
//   POST /_script    {"responses":[{"status":429,"headers":{"Retry-After":"1"},"body":{...},"delayMs":0}, ...]}
//                    -> appends canned responses, consumed one per connector call (FIFO), then normal behaviour
//   POST /_members   {"conversationId":"...","members":[{id,name,...}]} -> roster for GET .../members, pagedmembers
//   GET  /_health    -> {"ok":true}
'use strict';

const http = require('node:http');
const { ChannelServiceRoutes, ChannelServiceHandler, StatusCodeError } = require('botbuilder');
const { SimpleCredentialProvider, AuthenticationConfiguration, SkillValidation } = require('botframework-connector');

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
function argValue(name) {
    const i = argv.indexOf(name);
    return i >= 0 && i + 1 < argv.length ? argv[i + 1] : undefined;
}
const expectToken = argValue('--expect-token') ?? process.env.CONNECTOR_PEER_EXPECT_TOKEN ?? null;
const requireAuth = expectToken !== null || argv.includes('--require-auth') || process.env.CONNECTOR_PEER_REQUIRE_AUTH === '1';
let basePath = (argValue('--base-path') ?? process.env.CONNECTOR_PEER_BASE_PATH ?? '').replace(/^\/+|\/+$/g, '');
basePath = basePath ? '/' + basePath : '';
const watchStdin = !argv.includes('--no-stdin-watch');

// ---------------------------------------------------------------- state
const state = {
    recorded: [],
    script: [],
    members: new Map(), // conversationId -> ChannelAccount[]
    nextActivity: 1,
    nextConversation: 1,
};
let port = 0;
// Open GET /_recorded?atLeast=n requests, answered as soon as enough calls are recorded.
const recordedWaiters = new Set();
function pushRecorded(entry) {
    state.recorded.push(entry);
    for (const waiter of [...recordedWaiters]) {
        if (state.recorded.length >= waiter.atLeast) {
            recordedWaiters.delete(waiter);
            writeJson(waiter.res, 200, state.recorded);
        }
    }
}
const serviceUrl = () => `http://127.0.0.1:${port}${basePath}/`;
const newActivityId = () => `act-${state.nextActivity++}`;

// ---------------------------------------------------------------- the connector (botbuilder handler)
class RecordingConnectorHandler extends ChannelServiceHandler {
    constructor() {
        // Empty app id/password => ChannelServiceHandler treats auth as disabled (anonymous skill claim).
        super(new SimpleCredentialProvider('', ''), new AuthenticationConfiguration(), '');
    }

    async authenticate(authHeader) {
        if (requireAuth) {
            const m = /^Bearer (.+)$/.exec(authHeader || '');
            if (!m) throw new StatusCodeError(401, JSON.stringify({ message: 'Authorization has been denied for this request.', reason: 'Missing or malformed bearer token.' }));
            if (expectToken !== null && m[1] !== expectToken) throw new StatusCodeError(401, JSON.stringify({ message: 'Authorization has been denied for this request.', reason: 'Unexpected bearer token.' }));
        }
        return super.authenticate(requireAuth ? '' : authHeader);
    }

    async onSendToConversation(_claims, _conversationId, _activity) {
        return { id: newActivityId() };
    }

    async onReplyToActivity(_claims, _conversationId, _activityId, _activity) {
        return { id: newActivityId() };
    }

    async onUpdateActivity(_claims, _conversationId, activityId, _activity) {
        return { id: activityId };
    }

    async onDeleteActivity(_claims, _conversationId, _activityId) {
        // 200, empty body
    }

    async onCreateConversation(_claims, parameters) {
        const id = `a:conv-${state.nextConversation++}`;
        const members = [...((parameters && parameters.members) || [])];
        state.members.set(id, members);
        const response = { id, serviceUrl: serviceUrl() };
        if (parameters && parameters.activity) response.activityId = newActivityId();
        return response;
    }

    async onGetConversationMembers(_claims, conversationId) {
        return state.members.get(conversationId) || [];
    }

    async onGetConversationMember(_claims, userId, conversationId) {
        const m = (state.members.get(conversationId) || []).find((x) => x.id === userId);
        if (!m) throw new StatusCodeError(404, JSON.stringify({ error: { code: 'MemberNotFoundInConversation', message: 'The member was not found.' } }));
        return m;
    }

    async onGetConversationPagedMembers(_claims, conversationId, pageSize, continuationToken) {
        const all = state.members.get(conversationId) || [];
        const start = continuationToken ? parseInt(continuationToken, 10) || 0 : 0;
        const size = pageSize && pageSize > 0 ? pageSize : 200;
        const members = all.slice(start, start + size);
        const next = start + size < all.length ? String(start + size) : undefined;
        return next ? { members, continuationToken: next } : { members };
    }

    async onSendConversationHistory(_claims, _conversationId, _transcript) {
        return { id: `history-${state.nextActivity++}` };
    }

    async onUploadAttachment(_claims, _conversationId, _attachmentUpload) {
        return { id: `attachment-${state.nextActivity++}` };
    }
}

// ---------------------------------------------------------------- tiny express-like router
// Maps ChannelServiceRoutes' registrations (method + '/v3/...:param' path) to regexes; literal
// segments beat :params so POST .../activities/history is not taken for replyToActivity.
const OPS = {
    'POST /v3/conversations/:conversationId/activities': 'sendToConversation',
    'POST /v3/conversations/:conversationId/activities/:activityId': 'replyToActivity',
    'PUT /v3/conversations/:conversationId/activities/:activityId': 'updateActivity',
    'DELETE /v3/conversations/:conversationId/activities/:activityId': 'deleteActivity',
    'GET /v3/conversations/:conversationId/activities/:activityId/members': 'getActivityMembers',
    'POST /v3/conversations': 'createConversation',
    'GET /v3/conversations': 'getConversations',
    'GET /v3/conversations/:conversationId/members': 'getConversationMembers',
    'GET /v3/conversations/:conversationId/members/:memberId': 'getConversationMember',
    'GET /v3/conversations/:conversationId/pagedmembers': 'getConversationPagedMembers',
    'DELETE /v3/conversations/:conversationId/members/:memberId': 'deleteConversationMember',
    'POST /v3/conversations/:conversationId/activities/history': 'sendConversationHistory',
    'POST /v3/conversations/:conversationId/attachments': 'uploadAttachment',
};
const ACTIVITY_OPS = new Set(['sendToConversation', 'replyToActivity', 'updateActivity']);

const routes = [];
function addRoute(method, path, handler) {
    const relative = path.slice(basePath.length);
    const op = OPS[`${method} ${relative}`] || `${method} ${relative}`;
    const names = [];
    const segments = path.split('/').filter(Boolean);
    const pattern = segments
        .map((s) => {
            if (s.startsWith(':')) {
                names.push(s.slice(1));
                return '/([^/]+)';
            }
            return '/' + s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
    routes.push({
        method, op, handler, names,
        regex: new RegExp('^' + pattern + '/?$'),
        specificity: segments.map((s) => (s.startsWith(':') ? '0' : '1')).join(''),
    });
    routes.sort((a, b) => (a.specificity < b.specificity ? 1 : a.specificity > b.specificity ? -1 : 0));
}
const server = {
    get: (p, h) => addRoute('GET', p, h),
    post: (p, h) => addRoute('POST', p, h),
    put: (p, h) => addRoute('PUT', p, h),
    delete: (p, h) => addRoute('DELETE', p, h),
};
new ChannelServiceRoutes(new RecordingConnectorHandler()).register(server, basePath);

function match(method, pathname) {
    for (const r of routes) {
        if (r.method !== method) continue;
        const m = r.regex.exec(pathname);
        if (!m) continue;
        const params = {};
        try {
            r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
        } catch {
            continue; // malformed %-escape
        }
        return { route: r, params };
    }
    return null;
}

// ---------------------------------------------------------------- HTTP plumbing
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}

function writeJson(res, status, value, headers = {}) {
    const text = value === undefined ? '' : JSON.stringify(value);
    res.writeHead(status, { ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}), ...headers });
    res.end(text);
}

function tryParse(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    } catch (e) {
        return { ok: false, error: e.message };
    }
}

// Restify/express-like response shim for ChannelServiceRoutes (it calls send() before status() for
// some ops, so buffer everything until end()).
function makeRes(nodeRes, onEnd) {
    let status = 200;
    let body;
    let ended = false;
    return {
        status(code) { status = code; return this; },
        send(b) { body = b; return this; },
        header(name, value) { nodeRes.setHeader(name, value); return this; },
        setHeader(name, value) { nodeRes.setHeader(name, value); return this; },
        end() {
            if (ended) return;
            ended = true;
            onEnd(status, body);
            if (body === undefined || body === null) {
                nodeRes.writeHead(status);
                nodeRes.end();
            } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
                // handleError sends err.message; our handler puts ErrorResponse JSON there
                const parsed = typeof body === 'string' ? tryParse(body) : { ok: false };
                nodeRes.writeHead(status, { 'Content-Type': parsed.ok ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8' });
                nodeRes.end(body);
            } else {
                nodeRes.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
                nodeRes.end(JSON.stringify(body));
            }
        },
    };
}

async function handleControl(req, res, url) {
    const pathname = url.pathname;
    if (req.method === 'GET' && pathname === '/_recorded') {
        const atLeast = Number.parseInt(url.searchParams.get('atLeast') ?? '0', 10) || 0;
        if (state.recorded.length >= atLeast) return writeJson(res, 200, state.recorded);
        const waiter = { atLeast, res };
        recordedWaiters.add(waiter);
        res.on('close', () => recordedWaiters.delete(waiter)); // answered, or the caller gave up
        return undefined;
    }
    if (req.method === 'GET' && pathname === '/_health') return writeJson(res, 200, { ok: true, port, serviceUrl: serviceUrl(), requireAuth });
    if (req.method === 'POST' && pathname === '/_reset') {
        await readBody(req);
        state.recorded = [];
        state.script = [];
        state.members.clear();
        state.nextActivity = 1;
        state.nextConversation = 1;
        return writeJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && pathname === '/_script') {
        const parsed = tryParse(await readBody(req));
        const responses = parsed.ok && parsed.value && (Array.isArray(parsed.value) ? parsed.value : parsed.value.responses);
        if (!Array.isArray(responses) || responses.some((r) => !r || !Number.isInteger(r.status))) {
            return writeJson(res, 400, { error: 'expected {"responses":[{"status":<int>,"headers"?:{},"body"?:any,"delayMs"?:int}]}' });
        }
        state.script.push(...responses);
        return writeJson(res, 200, { queued: state.script.length });
    }
    if (req.method === 'POST' && pathname === '/_members') {
        const parsed = tryParse(await readBody(req));
        if (!parsed.ok || !parsed.value || typeof parsed.value.conversationId !== 'string' || !Array.isArray(parsed.value.members)) {
            return writeJson(res, 400, { error: 'expected {"conversationId":"...","members":[...]}' });
        }
        state.members.set(parsed.value.conversationId, parsed.value.members);
        return writeJson(res, 200, { ok: true });
    }
    return writeJson(res, 404, { error: `unknown control endpoint ${req.method} ${pathname}` });
}

async function handle(req, res) {
    const url = new URL(req.url, 'http://127.0.0.1');
    // Use the raw (still %-escaped) path so ids containing '/' escaped as %2F stay one segment.
    const rawPath = req.url.split('?')[0];
    if (url.pathname.startsWith('/_')) return handleControl(req, res, url);

    const found = match(req.method, rawPath);
    if (!found) {
        await readBody(req);
        return writeJson(res, 404, { error: { code: 'NotFound', message: `No connector route for ${req.method} ${rawPath}` } });
    }
    const { route, params } = found;
    const text = ['POST', 'PUT'].includes(req.method) ? await readBody(req) : (await readBody(req), '');
    const parsed = text ? tryParse(text) : { ok: true, value: undefined };

    const entry = {
        op: route.op,
        method: req.method,
        path: rawPath,
        conversationId: params.conversationId ?? null,
        activityId: params.activityId ?? null,
        activity: null,
        parameters: null,
        authorization: req.headers.authorization ?? null,
        status: 0,
        response: null,
        scripted: false,
        at: new Date().toISOString(),
    };
    if (parsed.ok && parsed.value !== undefined) {
        if (ACTIVITY_OPS.has(route.op)) entry.activity = parsed.value;
        else if (route.op === 'createConversation') {
            entry.parameters = parsed.value;
            entry.activity = (parsed.value && parsed.value.activity) || null;
        } else entry.parameters = parsed.value;
    } else if (!parsed.ok) {
        entry.parameters = { rawBody: text };
    }

    const scripted = state.script.shift();
    if (scripted) {
        if (scripted.delayMs > 0) await new Promise((r) => setTimeout(r, scripted.delayMs));
        entry.status = scripted.status;
        entry.scripted = true;
        entry.response = scripted.body ?? null;
        pushRecorded(entry);
        const headers = { ...(scripted.headers || {}) };
        if (scripted.body === undefined || scripted.body === null) {
            res.writeHead(scripted.status, headers);
            return res.end();
        }
        const isString = typeof scripted.body === 'string';
        res.writeHead(scripted.status, {
            'Content-Type': isString ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
            ...headers,
        });
        return res.end(isString ? scripted.body : JSON.stringify(scripted.body));
    }

    const record = (status, body) => {
        entry.status = status;
        entry.response = body === undefined ? null : typeof body === 'string' ? (tryParse(body).ok ? JSON.parse(body) : body) : body;
        pushRecorded(entry);
    };
    if (['POST', 'PUT'].includes(req.method) && (!parsed.ok || parsed.value === undefined || parsed.value === null)) {
        const err = { error: { code: 'BadSyntax', message: parsed.ok ? 'Empty request body.' : `Invalid JSON: ${parsed.error}` } };
        record(400, err);
        return writeJson(res, 400, err);
    }

    // Hand a fresh copy to botbuilder (its validator mutates timestamps into Dates).
    const shimReq = { headers: req.headers, params, query: Object.fromEntries(url.searchParams), body: parsed.value === undefined ? undefined : JSON.parse(text) };
    const shimRes = makeRes(res, record);
    try {
        route.handler(shimReq, shimRes, () => {});
    } catch (e) {
        shimRes.status(500).send(String(e && e.message)).end();
    }
}

const httpServer = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
        process.stderr.write(`connector-peer: ${e && e.stack}\n`);
        if (!res.headersSent) writeJson(res, 500, { error: { code: 'PeerError', message: String(e && e.message) } });
        else res.end();
    });
});
httpServer.keepAliveTimeout = 5000;

process.on('unhandledRejection', (e) => process.stderr.write(`connector-peer: unhandled rejection ${e && e.stack}\n`));
function shutdown() {
    httpServer.close();
    process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
if (watchStdin) {
    process.stdin.on('end', shutdown);
    process.stdin.on('close', shutdown);
    process.stdin.on('error', shutdown);
    process.stdin.resume();
}

httpServer.listen(0, '127.0.0.1', () => {
    port = httpServer.address().port;
    process.stdout.write(JSON.stringify({ port }) + '\n');
    process.stderr.write(`connector-peer: listening on ${serviceUrl()} (requireAuth=${requireAuth})\n`);
});
