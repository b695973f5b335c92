// GET /api/openapi.json against a whole server: a valid OpenAPI 3.1 document (checked with
// @seriousme/openapi-schema-validator against the specification's own JSON Schema) in which every route of
// protocol's description appears with its method, parameters, body schema and security; and every described
// staff route is really served (an unknown path would answer 404, a described one asks for a sign-in first).
import { ALL_REST_ROUTES, REST_ROUTES } from '@hddt/protocol/schemas';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../testing/harness';
import { openApiPath, pathParamNames } from './rest/openapi';

interface Operation {
  operationId: string;
  summary: string;
  security: Record<string, string[]>[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description?: string; content?: Record<string, unknown>; $ref?: string }>;
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
}

let server: TestServer;
let doc: Doc;

beforeAll(async () => {
  server = await startServer();
  const r = await fetch(`${server.url}${REST_ROUTES.openapi.path}`);
  expect(r.status).toBe(200);
  doc = (await r.json()) as Doc;
});
afterAll(async () => {
  await server.dispose();
});

describe('/api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc.openapi).toBe('3.1.0');
  });

  it('has every described route, with its path parameters, body schema and security', () => {
    const described = Object.entries(ALL_REST_ROUTES);
    const served = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(served.map((o) => o.operationId).sort()).toEqual(described.map(([name]) => name).sort());
    for (const [name, spec] of described) {
      const op = doc.paths[openApiPath(spec.path)]?.[spec.method];
      expect(op?.operationId, `${spec.method} ${spec.path}`).toBe(name);
      if (!op) continue;
      expect(op.summary).toBe(spec.doc);
      expect(op.parameters?.filter((p) => p.in === 'path').map((p) => p.name) ?? []).toEqual(pathParamNames(spec.path));
      expect(op.parameters?.filter((p) => p.in === 'query').map((p) => p.name) ?? []).toEqual(spec.query?.map((q) => q.name) ?? []);
      if (spec.body) expect(op.requestBody?.content['application/json']?.schema.type, name).toBe('object');
      else if (!spec.request) expect(op.requestBody, name).toBeUndefined();
      expect(op.responses[String(spec.status)], name).toBeDefined();
      expect(op.responses.default?.$ref).toBe('#/components/responses/Error');
      if (spec.auth === 'public') expect(op.security).toEqual([]);
      else expect(op.security[0]?.staffCookie, name).toEqual([]);
      if (spec.auth !== 'public' && spec.method !== 'get') expect(op.security[0]?.csrfToken, name).toEqual([]);
    }
  });

  it('describes a body from its schema and the error object with every code', () => {
    const body = doc.paths['/api/delegates/{id}/vacate']?.post?.requestBody?.content['application/json']?.schema;
    expect(body).toMatchObject({ type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 200 } } });
    expect(doc.components.schemas.Error?.properties.code?.enum).toContain('SESSION_NOT_FOUND');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['csrfToken', 'delegateCard', 'staffCookie']);
    const docx = doc.paths['/api/sessions/{id}/minutes.docx']?.get?.responses['200']?.content;
    expect(Object.keys(docx ?? {})).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
  });

  it('describes only routes the server serves: each staff route asks for a sign-in instead of answering 404', async () => {
    for (const spec of Object.values(ALL_REST_ROUTES)) {
      if (spec.auth === 'public' || spec.auth === 'staff-or-delegate') continue;
      const path = spec.path.replace(/:([A-Za-z_]\w*)/g, 'x1');
      const r = await fetch(`${server.url}${path}`, { method: spec.method.toUpperCase() });
      const body = (await r.json()) as { code: string };
      expect([r.status, body.code], `${spec.method} ${spec.path}`).toEqual([401, 'UNAUTHENTICATED']);
    }
  });
});
