// Backup and restore: POST /api/backup copies the running database (online backup API) and the documents;
// restore refuses a database a running server holds open and another council's data (unless told), and what it puts
// back passes the integrity check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, api, startServer } from '../testing/harness';
import { councilIdOf, restoreDataDir, type BackupInfo } from './backup';
import { checkIntegrity } from './integrity';
import type { MinutesNotes } from './minutes-notes';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hddt-restore-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function councilOfDir(dir: string): string | null {
  const db = new Database(path.join(dir, 'hoi-dong.sqlite'), { readonly: true });
  try {
    return councilIdOf(db);
  } finally {
    db.close();
  }
}

describe('backup and restore', () => {
  it('backs up a running server and restores only where it is safe', async () => {
    const server = await startServer();
    cleanups.push(() => server.dispose());
    const sessions = await api<{ id: string }[]>(server, 'GET', '/api/sessions');
    const notes = await api<MinutesNotes>(server, 'PUT', `/api/sessions/${sessions.body[0]!.id}/minutes/notes`, { number: '07' });
    expect(notes.body.number).toBe('07');

    const res = await api<BackupInfo>(server, 'POST', '/api/backup');
    expect(res.status).toBe(201);
    const info = res.body;
    expect(path.dirname(info.path)).toBe(path.join(server.dataDir, 'backups'));
    expect(info.logHead.seq).toBe(server.app.engine.seq);
    expect(info.documents).toBe(4);
    expect(readdirSync(path.join(info.path, 'documents'))).toHaveLength(4);
    expect(JSON.parse(readFileSync(path.join(info.path, 'manifest.json'), 'utf8'))).toEqual(info);
    const copy = new Database(path.join(info.path, 'hoi-dong.sqlite'), { readonly: true });
    expect(checkIntegrity(copy)).toMatchObject({ ok: true, head: info.logHead });
    expect(copy.prepare('SELECT number FROM minutes_notes').get()).toEqual({ number: '07' });
    copy.close();

    // The running server's own data dir: refused (the server holds the database open).
    expect(restoreDataDir(info.path, server.dataDir)).toMatchObject({ ok: false, reason: 'target-in-use' });

    // An empty data dir: restored, intact, documents back.
    const fresh = tempDir();
    const restored = restoreDataDir(info.path, fresh);
    expect(restored).toMatchObject({ ok: true, councilId: info.councilId, logHead: info.logHead, documents: 4, previous: null });
    const db = new Database(path.join(fresh, 'hoi-dong.sqlite'), { readonly: true });
    expect(checkIntegrity(db).ok).toBe(true);
    db.close();

    // Another council's stopped data dir: refused, unless --force-other-council.
    const other = await startServer();
    cleanups.push(() => other.dispose());
    await other.stop();
    const otherCouncil = councilOfDir(other.dataDir);
    expect(otherCouncil).not.toBe(info.councilId);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/cli/restore.ts'), info.path, other.dataDir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('another council');
    expect(councilOfDir(other.dataDir)).toBe(otherCouncil);
    const forced = restoreDataDir(info.path, other.dataDir, { forceOtherCouncil: true });
    expect(forced).toMatchObject({ ok: true, councilId: info.councilId });
    expect(forced.ok && forced.previous && existsSync(forced.previous)).toBe(true);
    expect(councilOfDir(other.dataDir)).toBe(info.councilId);

    // The restored data starts as a server with the same log head.
    await other.restart();
    expect(other.app.engine.seq).toBeGreaterThanOrEqual(info.logHead.seq);
    expect(other.app.engine.state.council?.id).toBe(info.councilId);
  }, 30_000);

  it('refuses the backup and notes endpoints without the right staff session', async () => {
    const server = await startServer();
    cleanups.push(() => server.dispose());
    expect((await fetch(`${server.url}/api/backup`, { method: 'POST' })).status).toBe(401);
    const sessions = await api<{ id: string }[]>(server, 'GET', '/api/sessions');
    const login = await api(server, 'GET', '/api/auth/me');
    expect(login.status).toBe(200);
    const noCsrf = await fetch(`${server.url}/api/sessions/${sessions.body[0]!.id}/minutes/notes`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ number: '1' }),
    });
    expect(noCsrf.status).toBe(401);
    const bad = await api(server, 'PUT', `/api/sessions/${sessions.body[0]!.id}/minutes/notes`, { number: 5 });
    expect(bad.status).toBe(400);
    expect((await api(server, 'GET', '/api/sessions/nope000000/minutes')).status).toBe(404);
    expect((await api(server, 'GET', '/api/archive/search?q=')).status).toBe(400);
  }, 30_000);
});
