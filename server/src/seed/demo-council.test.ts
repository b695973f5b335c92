// The demo council is consistent: everyone its session names as a member of the council — the chair, the
// secretary, the counting board, the election's candidates and the officials whose confidence is rated — is a
// delegate on its roster, under the same name, and the positions printed in the minutes are theirs.
import type { Delegate, Session } from '@hddt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, chairSocket, demoSession, staffLogin, startServer, type ChairSocket, type TestServer } from '../testing/harness';

let server: TestServer;
let chair: ChairSocket;
let roster: Delegate[] = [];
let demo: Awaited<ReturnType<typeof demoSession>>;

beforeAll(async () => {
  server = await startServer();
  const staff = await staffLogin(server);
  roster = (await api<Delegate[]>(server, 'GET', '/api/delegates', undefined, staff)).body;
  chair = await chairSocket(server, staff);
  demo = await demoSession(chair);
}, 30_000);
afterAll(async () => {
  chair?.disconnect();
  await server?.dispose();
});

function onRoster(name: string): Delegate | undefined {
  return roster.find((d) => d.fullName === name && d.seated);
}

describe('the demo council', () => {
  it('seats 31 delegates, each name once', () => {
    const seated = roster.filter((d) => d.seated);
    expect(seated).toHaveLength(31);
    expect(new Set(seated.map((d) => d.fullName)).size).toBe(31);
  });

  it('has a chair and a secretary who are delegates, with the positions they hold on the roster', () => {
    const s: Session = demo.session;
    const chairDelegate = onRoster(s.chairName);
    const secretary = onRoster(s.secretaryName);
    expect(chairDelegate, s.chairName).toBeDefined();
    expect(secretary, s.secretaryName).toBeDefined();
    expect(s.chairTitle).toBe(chairDelegate!.title);
    expect(s.secretaryTitle).toBe(secretary!.title);
    expect(s.chairName).not.toBe(s.secretaryName);
  });

  it('has a counting board of delegates who are not candidates of the secret rounds', () => {
    const board = demo.session.countingBoard ?? [];
    expect(board.length).toBeGreaterThanOrEqual(3);
    const candidates = new Set(demo.motions.flatMap((m) => m.candidates.map((c) => c.name)));
    for (const m of board) {
      expect(onRoster(m.name), m.name).toBeDefined();
      expect(candidates.has(m.name), m.name).toBe(false);
    }
  });

  it('elects and rates delegates on its roster', () => {
    const secret = demo.motions.filter((m) => m.kind === 'election' || m.kind === 'confidence');
    expect(secret.map((m) => m.kind).sort()).toEqual(['confidence', 'election']);
    for (const m of secret) {
      expect(m.candidates.length).toBeGreaterThan(0);
      for (const c of m.candidates) expect(onRoster(c.name), c.name).toBeDefined();
    }
  });

  it('invites guests who are not delegates', () => {
    const guests = demo.session.guests ?? [];
    expect(guests.length).toBeGreaterThan(0);
    for (const g of guests) expect(onRoster(g.name), g.name).toBeUndefined();
  });
});
