// A delegate's private notes and highlights over real sockets: kept for that delegate only (another delegate,
// the chair and the display cannot read or touch them by any id), bounded, refused with a reason when bad,
// kept across a restart and found again on a second tablet; never written to the event log.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTE_LIMITS, type DocumentNote, type NoteRect } from '@hddt/protocol';
import {
  chairSocket,
  delegateCards,
  delegateSocket,
  demoSession,
  displaySocket,
  createDisplay,
  startServer,
  tokenOf,
  type DelegateSocket,
  type TestServer,
} from './testing/harness';

let server: TestServer;
const sockets: { disconnect(): unknown }[] = [];
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server.dispose();
});

async function two(): Promise<{ a: DelegateSocket; b: DelegateSocket; docId: string; otherDocId: string; tokenA: string }> {
  const chair = await chairSocket(server);
  sockets.push(chair);
  const { snapshot } = await demoSession(chair);
  const [docA, docB] = snapshot.documents;
  if (!docA || !docB) throw new Error('the demo session has two documents');
  const cards = await delegateCards(server);
  const tokenA = tokenOf(cards[0]!);
  const a = await delegateSocket(server, tokenA);
  const b = await delegateSocket(server, tokenOf(cards[1]!));
  sockets.push(a, b);
  return { a, b, docId: docA.id, otherDocId: docB.id, tokenA };
}

type NewNote = { documentId: string; page: number; kind: 'note' | 'highlight'; text: string; quote?: string; rects?: NoteRect[] };

async function added(socket: DelegateSocket, payload: NewNote): Promise<DocumentNote> {
  const ack = await socket.timeout(5000).emitWithAck('note:add', payload);
  if (!ack.ok) throw new Error(`note:add ${ack.code}`);
  return ack.data;
}

const list = async (socket: DelegateSocket, documentId: string): Promise<DocumentNote[]> => {
  const ack = await socket.timeout(5000).emitWithAck('note:list', { documentId });
  if (!ack.ok) throw new Error(`note:list ${ack.code}`);
  return ack.data;
};

describe('private notes on documents', () => {
  it('are the delegate’s own: another delegate cannot list, change or delete them by any id', async () => {
    const { a, b, docId, otherDocId } = await two();
    const note = await added(a, { documentId: docId, page: 2, kind: 'note', text: 'Hỏi lại số liệu ngân sách trang 2' });
    const mark = await added(a, {
      documentId: docId,
      page: 1,
      kind: 'highlight',
      text: '',
      quote: 'Hội đồng nhân dân',
      rects: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.03 }],
    });
    expect(note).toMatchObject({ documentId: docId, page: 2, kind: 'note', text: 'Hỏi lại số liệu ngân sách trang 2', quote: '', rects: [] });
    expect(mark).toMatchObject({ kind: 'highlight', quote: 'Hội đồng nhân dân', rects: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.03 }] });
    // Ordered by page.
    expect((await list(a, docId)).map((n) => n.id)).toEqual([mark.id, note.id]);
    expect(await list(a, otherDocId)).toEqual([]);

    expect(await list(b, docId)).toEqual([]);
    for (const id of [note.id, mark.id]) {
      expect(await b.timeout(5000).emitWithAck('note:update', { noteId: id, text: 'sửa trộm' })).toMatchObject({ ok: false, code: 'NOTE_NOT_FOUND' });
      expect(await b.timeout(5000).emitWithAck('note:remove', { noteId: id })).toMatchObject({ ok: false, code: 'NOTE_NOT_FOUND' });
    }
    // B's own note on the same document stays apart from A's.
    const bNote = await added(b, { documentId: docId, page: 2, kind: 'note', text: 'Ghi chú của B' });
    expect((await list(b, docId)).map((n) => n.id)).toEqual([bNote.id]);
    expect(await a.timeout(5000).emitWithAck('note:remove', { noteId: bNote.id })).toMatchObject({ ok: false, code: 'NOTE_NOT_FOUND' });
    const aList = await list(a, docId);
    expect(aList).toHaveLength(2);
    expect(aList.find((n) => n.id === note.id)?.text).toBe('Hỏi lại số liệu ngân sách trang 2');

    // The chair's and the display's sockets have no such events.
    const chair = await chairSocket(server);
    sockets.push(chair);
    const display = await createDisplay(server);
    const screen = await displaySocket(server, display.token);
    sockets.push(screen);
    const chairAck = await (chair as unknown as DelegateSocket).timeout(5000).emitWithAck('note:list', { documentId: docId });
    expect(chairAck).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT' });
    const displayAck = await (screen as unknown as DelegateSocket).timeout(5000).emitWithAck('note:list', { documentId: docId });
    expect(displayAck).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT' });
  });

  it('can be edited and deleted by their author', async () => {
    const { a, docId } = await two();
    const note = await added(a, { documentId: docId, page: 1, kind: 'note', text: 'Bản đầu' });
    const edited = await a.timeout(5000).emitWithAck('note:update', { noteId: note.id, text: 'Bản đã sửa' });
    expect(edited).toMatchObject({ ok: true, data: { id: note.id, text: 'Bản đã sửa', createdAt: note.createdAt } });
    expect(await a.timeout(5000).emitWithAck('note:remove', { noteId: note.id })).toEqual({ ok: true, data: { noteId: note.id } });
    expect(await list(a, docId)).toEqual([]);
    expect(await a.timeout(5000).emitWithAck('note:remove', { noteId: note.id })).toMatchObject({ ok: false, code: 'NOTE_NOT_FOUND' });
  });

  it('refuses bad input with a reason in Vietnamese and English, and bounds their number', async () => {
    const { a, docId } = await two();
    const refused = async (payload: object) => {
      const ack = await a.timeout(5000).emitWithAck('note:add', payload as never);
      expect(ack.ok).toBe(false);
      return ack as Extract<typeof ack, { ok: false }>;
    };
    const empty = await refused({ documentId: docId, page: 1, kind: 'note', text: '   ' });
    expect(empty.code).toBe('BAD_REQUEST');
    expect(empty.message).toMatch(/không hợp lệ/);
    expect(empty.messageEn).toMatch(/not valid/);
    expect((await refused({ documentId: docId, page: 1, kind: 'note', text: 'x'.repeat(NOTE_LIMITS.text + 1) })).code).toBe('BAD_REQUEST');
    expect((await refused({ documentId: docId, page: 0, kind: 'note', text: 'trang 0' })).code).toBe('BAD_REQUEST');
    expect((await refused({ documentId: docId, page: 1, kind: 'highlight', text: '', rects: [] })).code).toBe('BAD_REQUEST');
    expect((await refused({ documentId: docId, page: 1, kind: 'highlight', text: '', rects: [{ x: 0.8, y: 0, w: 0.5, h: 0.1 }] })).code).toBe('BAD_REQUEST');
    expect((await refused({ documentId: docId, page: 1, kind: 'note', text: 'a', delegateId: 'someone-else' })).code).toBe('BAD_REQUEST');
    expect((await refused({ documentId: 'no-such-document', page: 1, kind: 'note', text: 'a' })).code).toBe('DOCUMENT_NOT_FOUND');

    const note = await added(a, { documentId: docId, page: 1, kind: 'note', text: 'giữ' });
    const blank = await a.timeout(5000).emitWithAck('note:update', { noteId: note.id, text: '  ' });
    expect(blank).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
      fields: [{ path: 'text', message: expect.stringMatching(/trống/), messageEn: expect.stringMatching(/empty/) }],
    });

    // The limit per document: fill up to it directly, then the next one through the socket is refused.
    const delegateId = (await delegateCards(server))[0]!.delegateId;
    for (let i = 1; i < NOTE_LIMITS.perDocument; i++) {
      server.app.services.notes.add(
        delegateId,
        `fill-${i}`,
        { documentId: docId, page: 1, kind: 'note', text: `n${i}`, quote: '', rects: [] },
        new Date().toISOString(),
      );
    }
    const over = await refused({ documentId: docId, page: 1, kind: 'note', text: 'một ghi chú quá nhiều' });
    expect(over.code).toBe('NOTE_LIMIT');
    expect(over.message).toMatch(/500/);
    expect(over.messageEn).toMatch(/500/);
  });

  it('survive a restart, follow the delegate to a second tablet, and stay out of the event log', async () => {
    const { a, docId, tokenA } = await two();
    const note = await added(a, { documentId: docId, page: 3, kind: 'note', text: 'Ghi chú riêng không vào sổ ghi' });
    await server.restart();
    const again = await delegateSocket(server, tokenA);
    sockets.push(again);
    expect(await list(again, docId)).toEqual([note]);
    // Another device with the same card (a takeover) sees the same notes.
    const second = await delegateSocket(server, tokenA, { takeover: true });
    sockets.push(second);
    expect(await list(second, docId)).toEqual([note]);

    await server.stop();
    const db = new Database(path.join(server.dataDir, 'hoi-dong.sqlite'), { readonly: true });
    try {
      const events = db.prepare('SELECT payload FROM events').all() as { payload: string }[];
      expect(events.length).toBeGreaterThan(0);
      expect(events.some((e) => e.payload.includes('Ghi chú riêng'))).toBe(false);
    } finally {
      db.close();
    }
  });
});
