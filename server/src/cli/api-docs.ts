// Writes docs/api.md (`npm run docs:api`) from protocol's descriptions: each namespace's socket events
// (socket-events.ts: payload fields from the zod schemas, ack type, doc line), what the server sends each
// namespace (events.ts), the REST routes and exports (rest-routes.ts), and the TypeScript declarations of every
// type these name, copied from protocol's source with their comments. api-docs.test.ts fails when the file is
// stale. The type names are read from the source with the TypeScript compiler (they exist only as types).

import { CSRF_HEADER, ERRORS, NAMESPACES, PROTOCOL_VERSION, STAFF_COOKIE, type RouteSpec } from '@hddt/protocol';
import { CHAIR_EVENTS, DELEGATE_EVENTS, DISPLAY_EVENTS, PORTAL_ROUTES, RECORDS_ROUTES, REST_ROUTES, type EventSpec } from '@hddt/protocol/schemas';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import { AUTH_TEXT, MEDIA_TYPES } from '../transport/rest/openapi';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PROTOCOL_SRC = path.join(ROOT, 'protocol/src');
export const API_DOCS_PATH = path.join(ROOT, 'docs/api.md');

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
};

// ---- protocol's source, read once ----

function sourceFiles(): ts.SourceFile[] {
  return readdirSync(PROTOCOL_SRC)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => ts.createSourceFile(f, readFileSync(path.join(PROTOCOL_SRC, f), 'utf8'), ts.ScriptTarget.Latest, true));
}

/** Every exported interface and type alias of protocol, by name: its source text (with its doc comment) and file. */
function declarations(files: ts.SourceFile[]): Map<string, { text: string; file: string; node: ts.Node }> {
  const out = new Map<string, { text: string; file: string; node: ts.Node }>();
  for (const sf of files) {
    for (const st of sf.statements) {
      if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && !out.has(st.name.text)) {
        // Keep the doc comment right above the declaration, not a file header or section comment before it.
        const jsdoc = ts.getJSDocCommentsAndTags(st).filter(ts.isJSDoc);
        const start = jsdoc.length > 0 ? (jsdoc[0]?.getStart(sf) ?? st.getStart(sf)) : st.getStart(sf);
        out.set(st.name.text, { text: sf.text.slice(start, st.getEnd()), file: sf.fileName, node: st });
      }
    }
  }
  return out;
}

/** The type argument written in `<helper><T>()(…)` for each property of an exported object literal. */
function typeArguments(files: ts.SourceFile[], objectName: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const sf of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === objectName && node.initializer) {
        let init: ts.Expression = node.initializer;
        while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)) init = init.expression;
        if (ts.isObjectLiteralExpression(init)) {
          for (const prop of init.properties) {
            if (!ts.isPropertyAssignment(prop)) continue;
            const key = ts.isStringLiteral(prop.name) || ts.isIdentifier(prop.name) ? prop.name.text : prop.name.getText(sf);
            const call = prop.initializer;
            if (ts.isCallExpression(call) && ts.isCallExpression(call.expression)) {
              const arg = call.expression.typeArguments?.[0];
              if (arg) out.set(key, arg.getText(sf).replace(/\s+/g, ' '));
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

interface ServerMessage {
  name: string;
  payload: string;
  doc: string;
}

/** The members of a ServerToClient interface in events.ts: event name, payload type, doc comment. */
function serverMessages(files: ts.SourceFile[], interfaceName: string): ServerMessage[] {
  for (const sf of files) {
    for (const st of sf.statements) {
      if (!ts.isInterfaceDeclaration(st) || st.name.text !== interfaceName) continue;
      return st.members.filter(ts.isPropertySignature).map((m) => {
        const name = ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : m.name.getText(sf);
        const fn = m.type && ts.isFunctionTypeNode(m.type) ? m.type : undefined;
        const payload = fn?.parameters[0]?.type?.getText(sf).replace(/\s+/g, ' ') ?? '';
        const doc = ts
          .getJSDocCommentsAndTags(m)
          .filter(ts.isJSDoc)
          .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
          .join(' ');
        return { name, payload, doc };
      });
    }
  }
  throw new Error(`no interface ${interfaceName} in protocol`);
}

/** The identifiers a type's text names (Foo, Bar[] , Record<string, Baz> → Foo, Bar, Baz, Record). */
function namesIn(text: string): string[] {
  return [...text.matchAll(/\b[A-Z][A-Za-z0-9]*\b/g)].map((m) => m[0]);
}

/** The type names a declaration refers to. */
function referencedNames(node: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isTypeReferenceNode(n)) out.push(ts.isIdentifier(n.typeName) ? n.typeName.text : n.typeName.left.getText());
    if (ts.isExpressionWithTypeArguments(n) && ts.isIdentifier(n.expression)) out.push(n.expression.text);
    if (ts.isTypeQueryNode(n)) out.push(n.exprName.getText());
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

// ---- payloads from their zod schemas ----

function brief(s: JsonSchema | undefined): string {
  if (!s) return 'unknown';
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(brief).join(' \\| ');
  const type = Array.isArray(s.type) ? s.type.join(' \\| ') : s.type;
  if (type === 'array') return `${brief(s.items)}[]`;
  if (type === 'object') {
    if (s.properties && Object.keys(s.properties).length > 0) return `{ ${fields(s)} }`;
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return `Record<string, ${brief(s.additionalProperties)}>`;
    return '{}';
  }
  return type === 'integer' ? 'integer' : (type ?? 'unknown');
}

function fields(s: JsonSchema): string {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {})
    .map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${brief(v)}`)
    .join(', ');
}

/** A payload schema in one line: its fields as a client writes them (optional ones marked '?'). */
function payloadText(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const alts = json.anyOf ?? json.oneOf;
  // An optional payload (`schema.optional()`): the object may be left out.
  const obj = alts?.find((a) => a.type === 'object') ?? json;
  const optional = alts?.some((a) => a.type === undefined && !a.anyOf) ?? false;
  const text = obj.properties && Object.keys(obj.properties).length > 0 ? `{ ${fields(obj)} }` : '{}';
  return optional ? `${text} (may be omitted)` : text;
}

// ---- the document ----

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string): string => `\`${s.replace(/\\\|/g, '|')}\``;

function eventsTable(events: Record<string, EventSpec>, acks: Map<string, string>): string[] {
  const lines = ['| event | payload | ack `data` | what it does |', '|---|---|---|---|'];
  for (const [name, spec] of Object.entries(events)) {
    const ack = acks.get(name) ?? '?';
    lines.push(`| \`${name}\` | ${cell(code(payloadText(spec.payload)))} | ${cell(code(ack))} | ${cell(spec.doc)} |`);
  }
  return lines;
}

function messagesTable(messages: ServerMessage[]): string[] {
  const lines = ['| event | payload | when |', '|---|---|---|'];
  for (const m of messages) lines.push(`| \`${m.name}\` | ${cell(code(m.payload))} | ${cell(m.doc || '—')} |`);
  return lines;
}

function routeBody(spec: RouteSpec): string {
  if (spec.body) return code(payloadText(spec.body));
  if (spec.request) return MEDIA_TYPES[spec.request];
  return '—';
}

function routeAnswer(spec: RouteSpec, type: string | undefined): string {
  if (spec.produces === 'json') return code(type ?? '?');
  if (spec.produces === 'none') return '—';
  return MEDIA_TYPES[spec.produces];
}

function routesTable(routes: Record<string, RouteSpec>, answers: Map<string, string>): string[] {
  const lines = ['| name | method and path | who | body | answer | what it does |', '|---|---|---|---|---|---|'];
  for (const [name, spec] of Object.entries(routes)) {
    const query = spec.query?.length ? ` (query: ${spec.query.map((q) => `\`${q.name}\`${q.required ? '' : '?'}`).join(', ')})` : '';
    lines.push(
      `| \`${name}\` | \`${spec.method.toUpperCase()} ${spec.path}\`${spec.status === 201 ? ' → 201' : ''} | ${AUTH_TEXT[spec.auth]} | ${cell(routeBody(spec))}${query} | ${cell(routeAnswer(spec, answers.get(name)))} | ${cell(spec.doc)} |`,
    );
  }
  return lines;
}

/** docs/api.md as a string (deterministic: the test compares it with the file). */
export function renderApiDocs(): string {
  const files = sourceFiles();
  const decls = declarations(files);
  const namespaces = [
    {
      role: 'chair',
      events: CHAIR_EVENTS,
      object: 'CHAIR_EVENTS',
      messages: 'ChairServerToClient',
      who: 'the chair console: staff signed in (the session cookie is sent with the handshake)',
    },
    {
      role: 'delegate',
      events: DELEGATE_EVENTS,
      object: 'DELEGATE_EVENTS',
      messages: 'DelegateServerToClient',
      who: 'a delegate’s tablet: `auth.token` is the card token from the QR sign-in link',
    },
    {
      role: 'display',
      events: DISPLAY_EVENTS,
      object: 'DISPLAY_EVENTS',
      messages: 'DisplayServerToClient',
      who: 'a hall display: `auth.token` is the display token from its pairing link (`/display/#token=…`)',
    },
  ] as const;
  const restAnswers = typeArguments(files, 'REST_ROUTES');
  const recordAnswers = typeArguments(files, 'RECORDS_ROUTES');
  const portalAnswers = typeArguments(files, 'PORTAL_ROUTES');

  const named = new Set<string>();
  const out: string[] = [
    '# API of the hall server',
    '',
    '<!-- Generated by `npm run docs:api` (server/src/cli/api-docs.ts) from protocol/src/socket-events.ts, events.ts and',
    '     rest-routes.ts. Do not edit by hand: a test fails when this file is stale. -->',
    '',
    'Everything a broadcaster’s overlay, a council’s other system or a new client needs to talk to the hall server, without',
    'reading its code. The live session runs over [Socket.IO](https://socket.io/docs/v4/) 4, one namespace per kind of',
    'client; setup, files and records over REST (JSON unless said otherwise). The server also serves this REST API as an',
    'OpenAPI 3.1 document at `GET /api/openapi.json`.',
    '',
    `Protocol version: **${PROTOCOL_VERSION}**. Types below are TypeScript, copied from \`protocol/src\`; times are ISO 8601`,
    'strings, ids are strings.',
    '',
    '## Connecting',
    '',
    '```ts',
    `import { io } from 'socket.io-client';`,
    `const socket = io('https://hall.example/display', { auth: { protocolVersion: ${PROTOCOL_VERSION}, token } });`,
    '```',
    '',
    '- The handshake’s `auth` is a `HandshakeAuth`. A wrong `protocolVersion` is refused with `PROTOCOL_MISMATCH`; a',
    '  refused connection’s `connect_error` carries `data: ConnectErrorData` (code and the vi/en message).',
    '- Every client→server event takes a payload and an acknowledgement callback (use `emitWithAck`). The ack is',
    '  `{ ok: true, data }` or `{ ok: false, code, message, messageEn, fields? }` (`Ack<T>`): a command is acknowledged',
    '  only after it is committed to the log. An unknown event name is refused with `UNKNOWN_EVENT`.',
    '- Mirroring the live state: ask `session:sync` for a snapshot (its `seq` is the log position it reflects), then apply',
    '  each `state:patch` envelope: one whose `seq` is below yours is old (ignore it); one whose `prevSeq` is beyond your',
    '  `seq` means you missed one (ask `session:sync` again); otherwise the patched entity replaces the old one whole and',
    '  your `seq` becomes the envelope’s. `protocol/src/patches.ts` (`applyLiveEnvelope`) is this rule in code.',
    '- A connection dropped and restored: ask `session:sync` again. `serverTime` in snapshots and envelopes lets a',
    '  countdown (`RoundView.closesAt`) stay right with a skewed local clock.',
    '',
    '### The display feed (for overlays)',
    '',
    'A paired display (Chuẩn bị › Màn hình, or `POST /api/displays`) gives a link ending in `#token=…`; connect to',
    '`/display` with that token. The display namespace carries exactly what the hall screen shows: `LiveSnapshot` and its',
    '`state:patch` envelopes (`LivePatch`: a round, the attendance summary, the speaker queue, what the screen shows, the',
    'session). A vote’s counts are in `RoundView.result`, present once the round closes, or while open when the chair',
    'chose live totals; a secret ballot never carries a choice. `round:board` gives the named board of a named vote.',
    'At most four sockets may use one display token at once (`TOKEN_IN_USE`).',
    '',
  ];

  for (const ns of namespaces) {
    const acks = typeArguments(files, ns.object);
    const messages = serverMessages(files, ns.messages);
    for (const a of acks.values()) namesIn(a).forEach((n) => named.add(n));
    for (const m of messages) namesIn(m.payload).forEach((n) => named.add(n));
    out.push(`## Namespace \`${NAMESPACES[ns.role]}\``, '', `Who connects: ${ns.who}.`, '', '### Client → server (with ack)', '');
    out.push(...eventsTable(ns.events, acks), '', '### Server → client', '', ...messagesTable(messages), '');
  }

  for (const a of [...restAnswers.values(), ...recordAnswers.values(), ...portalAnswers.values()]) namesIn(a).forEach((n) => named.add(n));
  for (const n of ['HandshakeAuth', 'ConnectErrorData', 'Ack', 'ErrorBody', 'FieldError']) named.add(n);

  out.push(
    '## REST',
    '',
    `Staff sign in with \`POST /api/auth/login\`: the answer sets the \`${STAFF_COOKIE}\` cookie and carries a CSRF token to send`,
    `in the \`${CSRF_HEADER}\` header on every request other than GET (from the same origin). A refusal is an \`ErrorBody\``,
    '(`{ ok: false, code, message, messageEn, fields? }`) with the HTTP status of its code. A body field the schema does',
    'not name is refused. `?` marks an optional field; “may be omitted”: the whole body may be left out.',
    '',
    '### Setup, sign-in, documents, cards, displays, staff',
    '',
    ...routesTable(REST_ROUTES, restAnswers),
    '',
    '### Records and exports',
    '',
    'Every answer here names the log entry it was made from in the `X-Log-Head` header (`<seq>:<sha-256>`; the JSON',
    'answers also in their `logHead`), so a copy can later be checked against the log (`npm run verify`). Practice votes',
    'are never in the records. Files are sent as attachments with an ASCII file name.',
    '',
    ...routesTable(RECORDS_ROUTES, recordAnswers),
    '',
    '### The portal’s back office: voter feedback, e-mail, invitations',
    '',
    ...routesTable(PORTAL_ROUTES, portalAnswers),
    '',
    'Not in this description yet (see their routers): the editorial board’s portal API (`server/src/portal/editorial/`),',
    'the public portal pages, `/health` and `/metrics` (`server/src/transport/metrics.ts`).',
    '',
    '## Error codes',
    '',
    '| code | message (vi) | message (en) |',
    '|---|---|---|',
    ...Object.entries(ERRORS).map(([c, [vi, en]]) => `| \`${c}\` | ${cell(vi)} | ${cell(en)} |`),
    '',
    '## Types',
    '',
  );

  // Every type named above, and every protocol type those refer to, in alphabetical order.
  const seen = new Set<string>();
  const queue = [...named].filter((n) => decls.has(n));
  while (queue.length > 0) {
    const n = queue.shift()!;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const r of referencedNames(decls.get(n)!.node)) if (decls.has(r) && !seen.has(r)) queue.push(r);
  }
  for (const n of [...seen].sort()) {
    const d = decls.get(n)!;
    out.push(`### ${n}`, '', `From \`protocol/src/${d.file}\`:`, '', '```ts', d.text, '```', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(API_DOCS_PATH, renderApiDocs());
  console.log(`wrote ${path.relative(process.cwd(), API_DOCS_PATH)}`);
}
