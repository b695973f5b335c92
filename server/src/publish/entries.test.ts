import type { BallotMode } from '@hddt/protocol';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, entryHash } from '../storage/event-log';
import { checkBatch, isPublicEntry, redact, type PublishedEntry, type RedactionLookup } from './entries';

const lookup: RedactionLookup = {
  roundMode: (id) => (({ named: 'named', anon: 'anonymous', secret: 'secret' }) as Record<string, BallotMode>)[id] ?? null,
  documentConfidential: (id) => (id === 'mat' ? true : id === 'cong-khai' ? false : null),
};

function chain(n: number, payload = (i: number) => JSON.stringify({ roundId: 'named', i })): PublishedEntry[] {
  const out: PublishedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const p = payload(seq);
    const hash = entryHash(prev, seq, '2026-07-01T08:00:00.000Z', 'system', 'round.announced', p);
    out.push({ seq, at: '2026-07-01T08:00:00.000Z', actor: 'system', type: 'round.announced', payload: p, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('what leaves the hall', () => {
  it('sends how each delegate voted only in a named vote; never in an anonymous or secret one, nor for an unknown round', () => {
    const cast = (roundId: string) => ({ roundId, delegateId: 'd1', choice: { type: 'option', option: 'yes' }, replaces: false });
    expect(isPublicEntry('ballot.cast', cast('named'), lookup)).toBe(true);
    expect(isPublicEntry('ballot.cast', cast('anon'), lookup)).toBe(false);
    expect(isPublicEntry('ballot.cast', cast('secret'), lookup)).toBe(false);
    expect(isPublicEntry('ballot.cast', cast('unknown'), lookup)).toBe(false);
    // Who took part in a secret round may leave.
    expect(isPublicEntry('ballot.secret-cast', { roundId: 'secret', delegateId: 'd1' }, lookup)).toBe(true);
  });

  it('withholds credentials, staff, security, mail, feedback, editorial bookkeeping and unknown types', () => {
    for (const type of [
      'credential.delegate-issued',
      'staff.created',
      'staff.password-reset',
      'security.refused',
      'server.restarted',
      'mail.invitations-sent',
      'feedback.updated',
      'portal.item-saved',
      'minutes.notes-saved',
      'something.new',
      // Inherited object keys are not event types.
      'constructor',
      'toString',
      // The seat layout and the chair's queue bookkeeping stay in the hall.
      'hall.laid-out',
      'speaker.reordered',
      'speaker.marked',
    ]) {
      expect(isPublicEntry(type, {}, lookup), type).toBe(false);
    }
    expect(isPublicEntry('resolution.adopted', { resolution: {} }, lookup)).toBe(true);
  });

  it('withholds confidential documents but tells the portal when a public one becomes confidential', () => {
    expect(isPublicEntry('document.added', { document: { id: 'cong-khai', confidential: false } }, lookup)).toBe(true);
    expect(isPublicEntry('document.added', { document: { id: 'mat', confidential: true } }, lookup)).toBe(false);
    // Added as public, confidential now: its title must not leave with a late resend.
    expect(isPublicEntry('document.added', { document: { id: 'mat', confidential: false } }, lookup)).toBe(false);
    expect(isPublicEntry('document.updated', { documentId: 'mat', patch: { confidential: true } }, lookup)).toBe(true);
    expect(isPublicEntry('document.updated', { documentId: 'mat', patch: { confidential: true, title: 'Tên mật' } }, lookup)).toBe(false);
    expect(isPublicEntry('document.updated', { documentId: 'mat', patch: { title: 'Tên mật' } }, lookup)).toBe(false);
    expect(isPublicEntry('document.updated', { documentId: 'cong-khai', patch: { title: 'Tên mới' } }, lookup)).toBe(true);
  });

  it('keeps the envelope and both hashes of a withheld entry, and never its payload', () => {
    const row = {
      seq: 3,
      at: 'x',
      actor: 'delegate:d1',
      type: 'ballot.cast',
      payload: JSON.stringify({ roundId: 'secret', choice: 'no' }),
      prev_hash: 'a'.repeat(64),
      hash: 'b'.repeat(64),
    };
    expect(redact(row, lookup)).toEqual({
      seq: 3,
      at: 'x',
      actor: 'delegate:d1',
      type: 'ballot.cast',
      payload: null,
      prevHash: 'a'.repeat(64),
      hash: 'b'.repeat(64),
    });
    expect(redact({ ...row, payload: '{not json' }, lookup).payload).toBeNull();
  });
});

describe('what the portal accepts', () => {
  const empty = { seq: 0, hash: GENESIS_HASH };

  it('accepts an intact chain and moves the head to its end', () => {
    const c = chain(4);
    expect(checkBatch(empty, c)).toEqual({ ok: true, head: { seq: 4, hash: c[3]!.hash } });
    expect(checkBatch({ seq: 2, hash: c[1]!.hash }, c.slice(2))).toEqual({ ok: true, head: { seq: 4, hash: c[3]!.hash } });
  });

  it('refuses a gap with 409 and says where to resume', () => {
    const c = chain(4);
    expect(checkBatch(empty, c.slice(1))).toMatchObject({ ok: false, status: 409, expectedSeq: 1, gotSeq: 2 });
    expect(checkBatch(empty, [c[0]!, c[2]!])).toMatchObject({ ok: false, status: 409, expectedSeq: 2, gotSeq: 3 });
  });

  it('refuses an altered payload, a broken link and a malformed entry with 422', () => {
    const c = chain(3);
    const altered = c.map((e) => (e.seq === 2 ? { ...e, payload: e.payload!.replace('named', 'other') } : e));
    expect(checkBatch(empty, altered)).toMatchObject({ ok: false, status: 422, seq: 2, reason: 'hash-mismatch' });
    const relinked = c.map((e) => (e.seq === 3 ? { ...e, prevHash: 'f'.repeat(64) } : e));
    expect(checkBatch(empty, relinked)).toMatchObject({ ok: false, status: 422, seq: 3, reason: 'link-mismatch' });
    expect(checkBatch({ seq: 0, hash: 'e'.repeat(64) }, c)).toMatchObject({ ok: false, status: 422, seq: 1, reason: 'link-mismatch' });
    expect(checkBatch(empty, [{ ...c[0]!, hash: 'XYZ' }])).toMatchObject({ ok: false, status: 422, reason: 'malformed' });
  });

  it('a forged hash on a withheld entry breaks the next entry', () => {
    const c = chain(3);
    const withheld = c.map((e) => (e.seq === 2 ? { ...e, payload: null, hash: 'c'.repeat(64) } : e));
    expect(checkBatch(empty, withheld)).toMatchObject({ ok: false, status: 422, seq: 3, reason: 'link-mismatch' });
    const withheldTooNext = withheld.map((e) => (e.seq === 3 ? { ...e, prevHash: 'c'.repeat(64) } : e));
    expect(checkBatch(empty, withheldTooNext)).toMatchObject({ ok: false, status: 422, seq: 3, reason: 'hash-mismatch' });
  });
});
