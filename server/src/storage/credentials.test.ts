// Card and display tokens are stored as hashes only: nothing in the database file or in a backup signs in,
// and migration 0007 hashes the tokens stored in clear by earlier versions without breaking issued cards.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '@hddt/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { api, createDisplay, delegateCards, delegateSocket, displaySocket, startServer, tokenOf } from '../testing/harness';
import { Credentials } from './credentials';
import { openDatabase } from './database';
import { sql as m0001 } from './migrations/0001-init';
import { sql as m0002 } from './migrations/0002-resolutions';
import { sql as m0003 } from './migrations/0003-minutes';
import { sql as m0004 } from './migrations/0004-speaker-title';
import { sql as m0005 } from './migrations/0005-portal';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('stored tokens', () => {
  it('neither the database files nor a backup hold a card or display token; values read from a backup do not sign in', async () => {
    const server = await startServer();
    cleanups.push(() => server.dispose());
    const cards = await delegateCards(server);
    const display = await createDisplay(server);
    const backup = await api<BackupInfo>(server, 'POST', '/api/backup');
    expect(backup.status).toBe(201);
    server.app.db.pragma('wal_checkpoint(TRUNCATE)');

    const secrets = [...cards.map(tokenOf), display.token];
    for (const file of filesUnder(server.dataDir).filter((f) => /sqlite/.test(f))) {
      const bytes = readFileSync(file).toString('latin1');
      for (const secret of secrets) expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
    }
    // Whatever the backup holds for a card or a display is refused by the live server.
    const copy = new Database(path.join(backup.body.path, 'hoi-dong.sqlite'), { readonly: true });
    try {
      const stored = (copy.prepare('SELECT * FROM delegate_tokens').all() as Record<string, string>[]).flatMap((r) => Object.values(r));
      const displays = (copy.prepare('SELECT * FROM display_devices').all() as Record<string, string>[]).flatMap((r) => Object.values(r));
      for (const value of [...stored, ...displays].filter((v) => typeof v === 'string' && v.length >= 20)) {
        await expect(delegateSocket(server, value)).rejects.toMatchObject({ data: { code: expect.stringMatching(/TOKEN_INVALID|BAD_REQUEST/) } });
        await expect(displaySocket(server, value)).rejects.toMatchObject({ data: { code: expect.stringMatching(/TOKEN_INVALID|BAD_REQUEST/) } });
      }
    } finally {
      copy.close();
    }
    // The real cards still work.
    (await delegateSocket(server, tokenOf(cards[0]!))).disconnect();
    (await displaySocket(server, display.token)).disconnect();
  });

  it('the card list carries no links; issuing is the one answer that does', async () => {
    const server = await startServer();
    cleanups.push(() => server.dispose());
    const before = await api<{ issuedAt: string | null; signInUrl?: string }[]>(server, 'GET', '/api/cards');
    expect(before.body.every((c) => c.issuedAt === null && c.signInUrl === undefined)).toBe(true);
    const issued = await api<{ signInUrl: string }[]>(server, 'POST', '/api/cards/issue', { scope: 'missing' });
    expect(issued.body).toHaveLength(before.body.length);
    const after = await api<{ issuedAt: string | null; signInUrl?: string }[]>(server, 'GET', '/api/cards');
    expect(after.body.every((c) => c.issuedAt !== null && c.signInUrl === undefined)).toBe(true);
    expect((await api<unknown[]>(server, 'POST', '/api/cards/issue', { scope: 'missing' })).body).toEqual([]);
  });

  it('migration 0007 hashes tokens stored in clear; cards already handed out keep working', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hddt-migrate-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'hoi-dong.sqlite');
    const old = new Database(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const [version, sql] of [m0001, m0002, m0003, m0004, m0005].entries()) {
      old.exec(sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(version + 1, `000${version + 1}`, '2026-01-01T00:00:00Z');
    }
    const card = 'Q1ZsT2tHbW9yZWNsZWFydG9rZW4wMTIz';
    const screen = 'ZGlzcGxheWNsZWFydG9rZW4wMTIzNDU2';
    old.prepare('INSERT INTO delegate_tokens (delegate_id, token, issued_at) VALUES (?, ?, ?)').run('d1', card, '2026-01-01T00:00:00Z');
    old.prepare('INSERT INTO display_devices (id, name, token, created_at) VALUES (?, ?, ?, ?)').run('s1', 'Màn hình', screen, '2026-01-01T00:00:00Z');
    old.close();

    const db = openDatabase(file);
    try {
      const creds = new Credentials(db);
      expect(creds.delegateIdForToken(card)).toBe('d1');
      expect(creds.displayForToken(screen)?.id).toBe('s1');
      const rows = JSON.stringify([db.prepare('SELECT * FROM delegate_tokens').all(), db.prepare('SELECT * FROM display_devices').all()]);
      expect(rows).not.toContain(card);
      expect(rows).not.toContain(screen);
      expect(creds.delegateIdForToken(JSON.parse(rows)[0][0].token_sha256)).toBeNull();
    } finally {
      db.close();
    }
  });
});
