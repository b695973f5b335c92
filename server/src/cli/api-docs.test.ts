// docs/api.md is generated from protocol's descriptions (`npm run docs:api`); this test regenerates it in memory
// and fails when the file in the repository differs, and checks that every socket event and every REST route is in it.
import { NAMESPACES } from '@hddt/protocol';
import { ALL_REST_ROUTES, CHAIR_EVENTS, DELEGATE_EVENTS, DISPLAY_EVENTS } from '@hddt/protocol/schemas';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_DOCS_PATH, renderApiDocs } from './api-docs';

describe('docs/api.md', () => {
  const fresh = renderApiDocs();

  it('is up to date with protocol (run `npm run docs:api` after changing an event, a route or a type)', () => {
    const current = readFileSync(API_DOCS_PATH, 'utf8');
    expect(current === fresh, 'docs/api.md is stale: run `npm run docs:api` and commit the result').toBe(true);
  });

  it('names every namespace, event, route and the types they carry', () => {
    for (const ns of Object.values(NAMESPACES)) expect(fresh).toContain(`## Namespace \`${ns}\``);
    for (const name of [...Object.keys(CHAIR_EVENTS), ...Object.keys(DELEGATE_EVENTS), ...Object.keys(DISPLAY_EVENTS)])
      expect(fresh).toContain(`| \`${name}\` |`);
    for (const [name, spec] of Object.entries(ALL_REST_ROUTES)) expect(fresh).toContain(`| \`${name}\` | \`${spec.method.toUpperCase()} ${spec.path}\``);
    for (const type of ['LiveSnapshot', 'PatchEnvelope', 'LivePatch', 'RoundView', 'RoundResult', 'ResultsExport', 'ErrorBody', 'HandshakeAuth']) {
      expect(fresh).toContain(`### ${type}\n`);
    }
    for (const message of ['state:snapshot', 'state:patch', 'me:update', 'auth:revoked', 'presence:update']) expect(fresh).toContain(`| \`${message}\` |`);
  });
});
