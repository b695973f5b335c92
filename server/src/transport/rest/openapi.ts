// The OpenAPI 3.1 document of the REST API, built from protocol's one description of the routes
// (rest-routes.ts): paths and methods, who may call each route (as security requirements), path and query
// parameters, JSON request bodies (from their zod schemas), the media type of each answer and the error
// object. The answers' JSON shapes are TypeScript types in protocol, not schemas, so the document names the
// type and points to docs/api.md instead of giving a schema it cannot check.

import { CSRF_HEADER, ERRORS, PROTOCOL_VERSION, STAFF_COOKIE, type RouteAuth, type RouteBodyKind, type RouteSpec } from '@hddt/protocol';
import { ALL_REST_ROUTES } from '@hddt/protocol/schemas';
import { z } from 'zod';

type Json = Record<string, unknown>;

/** The media type of each kind of body. */
export const MEDIA_TYPES: Record<Exclude<RouteBodyKind, 'none'>, string> = {
  json: 'application/json',
  csv: 'text/csv',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Who may call a route, in words (the roles are checked on the server after the session cookie). */
export const AUTH_TEXT: Record<RouteAuth, string> = {
  public: 'anyone',
  staff: 'any signed-in staff member',
  secretariat: 'the secretariat',
  hall: 'the hall’s staff (chair or secretariat)',
  'staff-or-delegate': 'staff, a delegate’s card (Bearer), or anyone once the document is published in a public session',
};

/** '/api/sessions/:id/agenda' → '/api/sessions/{id}/agenda'. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1] ?? '');
}

/** The JSON Schema (2020-12, as OpenAPI 3.1 uses) of a body as the client writes it (before defaults). */
export function bodyJsonSchema(schema: z.ZodType): Json {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  void $schema;
  return rest;
}

function security(spec: RouteSpec): Json[] {
  const changes = spec.method !== 'get';
  const staff: Json = changes ? { staffCookie: [], csrfToken: [] } : { staffCookie: [] };
  switch (spec.auth) {
    case 'public':
      return [];
    case 'staff':
    case 'secretariat':
    case 'hall':
      return [staff];
    case 'staff-or-delegate':
      return [staff, { delegateCard: [] }, {}];
    default: {
      const never: never = spec.auth;
      return never;
    }
  }
}

const errorRef = { $ref: '#/components/responses/Error' };

function responses(name: string, spec: RouteSpec): Json {
  const ok: Json = {
    description:
      spec.produces === 'json'
        ? `Success. The JSON answer is the TypeScript type given for \`${name}\` in docs/api.md (protocol/src/rest-routes.ts); no JSON Schema is published for it.`
        : spec.produces === 'none'
          ? 'Success (no body).'
          : `Success: the file (${MEDIA_TYPES[spec.produces]}).`,
  };
  if (spec.produces !== 'none') {
    ok.content = { [MEDIA_TYPES[spec.produces]]: { schema: spec.produces === 'json' ? {} : { type: 'string', contentMediaType: MEDIA_TYPES[spec.produces] } } };
  }
  const out: Json = { [String(spec.status)]: ok };
  if (spec.body || spec.request || spec.query) out['400'] = errorRef;
  if (spec.auth !== 'public') {
    out['401'] = errorRef;
    out['403'] = errorRef;
  }
  if (pathParamNames(spec.path).length > 0) out['404'] = errorRef;
  out.default = errorRef;
  return out;
}

function operation(name: string, spec: RouteSpec): Json {
  const parameters: Json[] = [
    ...pathParamNames(spec.path).map((p) => ({ name: p, in: 'path', required: true, schema: { type: 'string' } })),
    ...(spec.query ?? []).map((q) => ({ name: q.name, in: 'query', required: q.required, description: q.doc, schema: { type: 'string' } })),
  ];
  const op: Json = {
    operationId: name,
    summary: spec.doc,
    description: `Who may call it: ${AUTH_TEXT[spec.auth]}.`,
    tags: [spec.path.split('/')[2] ?? 'api'],
    security: security(spec),
    responses: responses(name, spec),
  };
  if (parameters.length > 0) op.parameters = parameters;
  if (spec.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: bodyJsonSchema(spec.body) } } };
  } else if (spec.request) {
    const media = MEDIA_TYPES[spec.request];
    op.requestBody = { required: true, content: { [media]: { schema: { type: 'string', contentMediaType: media } } } };
  }
  return op;
}

const errorSchema: Json = {
  type: 'object',
  description: 'Every refusal: a code, and the message a person reads in Vietnamese and English.',
  required: ['ok', 'code', 'message', 'messageEn'],
  properties: {
    ok: { const: false },
    code: { type: 'string', enum: Object.keys(ERRORS) },
    message: { type: 'string', description: 'Vietnamese.' },
    messageEn: { type: 'string', description: 'English.' },
    fields: {
      type: 'array',
      description: 'Form validation: which field is wrong and why.',
      items: {
        type: 'object',
        required: ['path', 'message', 'messageEn'],
        properties: { path: { type: 'string' }, message: { type: 'string' }, messageEn: { type: 'string' } },
      },
    },
    rows: {
      type: 'array',
      description: 'IMPORT_INVALID only: the CSV lines refused.',
      items: {
        type: 'object',
        required: ['line', 'message', 'messageEn'],
        properties: { line: { type: 'integer' }, message: { type: 'string' }, messageEn: { type: 'string' } },
      },
    },
  },
};

/** The OpenAPI 3.1 document of every described REST route. */
export function openApiDocument(routes: Record<string, RouteSpec> = ALL_REST_ROUTES): Json {
  const paths: Record<string, Json> = {};
  for (const [name, spec] of Object.entries(routes)) {
    const path = openApiPath(spec.path);
    const item = paths[path] ?? {};
    item[spec.method] = operation(name, spec);
    paths[path] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hội đồng điện tử — REST API',
      version: `protocol ${PROTOCOL_VERSION}`,
      description:
        'The hall server’s REST API: staff sign-in, setup, documents, cards, displays and the records (minutes, Kỷ yếu, results). ' +
        'Staff sign in with POST /api/auth/login; the answer sets the session cookie and carries a CSRF token to send in the ' +
        `${CSRF_HEADER} header on every change. Live commands go over Socket.IO, described in docs/api.md.`,
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    paths,
    components: {
      securitySchemes: {
        staffCookie: { type: 'apiKey', in: 'cookie', name: STAFF_COOKIE, description: 'The staff session, set by POST /api/auth/login.' },
        csrfToken: {
          type: 'apiKey',
          in: 'header',
          name: CSRF_HEADER,
          description: 'The CSRF token from sign-in; every staff request other than GET needs it.',
        },
        delegateCard: { type: 'http', scheme: 'bearer', description: 'A delegate’s card token (documents only).' },
      },
      schemas: { Error: errorSchema },
      responses: {
        Error: { description: 'Refused: the error object.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  };
}
