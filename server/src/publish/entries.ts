// What leaves the hall for the portal, and how the portal checks it. Pure: no I/O.
//
// Every log entry is sent, in order, with its position, time, actor, type and both hashes, so the portal holds
// the whole chain. The payload travels only when it is public; otherwise it is withheld (null) and the portal
// keeps the entry's hash without being able to read it. A withheld entry cannot be recomputed, but its hash is
// sealed by the next public entry, whose hash covers it (prev_hash): a forged hash breaks that next entry.
// Withheld: credentials, staff accounts, security refusals, restarts, mail, feedback, editorial bookkeeping,
// confidential documents, and how anyone voted in an anonymous or secret round (who took part may leave: the
// entry's actor and type say it; the choice never does).

import type { BallotMode } from '@hddt/protocol';
import { GENESIS_HASH, entryHash } from '../storage/event-log';

export interface PublishedEntry {
  seq: number;
  at: string;
  actor: string;
  type: string;
  /** The stored payload (JSON text) when public, else null. */
  payload: string | null;
  prevHash: string;
  hash: string;
}

export interface StoredEntry {
  seq: number;
  at: string;
  actor: string;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** What the redaction needs to know of the hall's state. */
export interface RedactionLookup {
  roundMode(roundId: string): BallotMode | null;
  documentConfidential(documentId: string): boolean | null;
}

const PUBLIC_TYPES = new Set([
  'council.initialized',
  'council.configured',
  'delegate.added',
  'delegate.updated',
  'delegate.vacated',
  'delegate.reseated',
  'session.created',
  'session.updated',
  'session.selected',
  'session.opened',
  'session.closed',
  'rollcall.opened',
  'rollcall.closed',
  'attendance.recorded',
  'attendance.cleared',
  'agenda.added',
  'agenda.updated',
  'agenda.removed',
  'agenda.reordered',
  'agenda.current-set',
  'document.added',
  'document.updated',
  'document.removed',
  'motion.prepared',
  'motion.updated',
  'motion.removed',
  'round.opened',
  'ballot.cast',
  'ballot.secret-cast',
  'round.closed',
  'round.announced',
  'resolution.adopted',
  'resolution.text-attached',
  'round.cancelled',
  'speaker.requested',
  'speaker.withdrawn',
  'speaker.started',
  'speaker.finished',
  'speaker.removed',
  'question.requested',
  'question.answer-started',
  'display.changed',
]);

/** True when the entry's payload may leave the hall. Unknown types stay home. */
export function isPublicEntry(type: string, payload: unknown, lookup: RedactionLookup): boolean {
  if (!PUBLIC_TYPES.has(type)) return false;
  const p = (payload ?? {}) as Record<string, unknown>;
  switch (type) {
    case 'ballot.cast': {
      // Only a named vote is public ballot by ballot; an unknown round is treated as secret.
      const mode = typeof p.roundId === 'string' ? lookup.roundMode(p.roundId) : null;
      return mode === 'named';
    }
    case 'document.added': {
      const doc = p.document as { id?: unknown; confidential?: unknown } | undefined;
      if (!doc || doc.confidential !== false) return false;
      return typeof doc.id === 'string' && lookup.documentConfidential(doc.id) !== true;
    }
    case 'document.updated': {
      const patch = (p.patch ?? {}) as Record<string, unknown>;
      // Marking a document confidential must reach the portal so it takes it down; the patch says only that.
      if (patch.confidential === true) return Object.keys(patch).every((k) => k === 'confidential' || k === 'published');
      return typeof p.documentId === 'string' && lookup.documentConfidential(p.documentId) === false;
    }
    case 'document.removed':
      return typeof p.documentId === 'string' && lookup.documentConfidential(p.documentId) !== true;
    default:
      return true;
  }
}

export function redact(entry: StoredEntry, lookup: RedactionLookup): PublishedEntry {
  let open: boolean;
  try {
    open = isPublicEntry(entry.type, JSON.parse(entry.payload), lookup);
  } catch {
    open = false;
  }
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    type: entry.type,
    payload: open ? entry.payload : null,
    prevHash: entry.prev_hash,
    hash: entry.hash,
  };
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };

export type BatchCheck =
  | { ok: true; head: ChainHead }
  | { ok: false; status: 409; code: 'PUBLISH_GAP'; expectedSeq: number; gotSeq: number }
  | { ok: false; status: 422; code: 'PUBLISH_CHAIN_BROKEN'; seq: number; reason: 'link-mismatch' | 'hash-mismatch' | 'malformed' };

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Checks a batch against the head the portal holds. Entries at or below the head that match what is held are
 * a harmless resend (the hall did not get the last confirmation) and are skipped by the caller; the first new
 * entry must be head+1 and every entry must link to the one before and, when its payload is present, hash to
 * its stated hash.
 */
export function checkBatch(head: ChainHead, entries: readonly PublishedEntry[]): BatchCheck {
  let prev = head;
  for (const e of entries) {
    if (!Number.isInteger(e.seq) || !HEX64.test(e.hash) || !HEX64.test(e.prevHash)) {
      return { ok: false, status: 422, code: 'PUBLISH_CHAIN_BROKEN', seq: Number(e.seq) || 0, reason: 'malformed' };
    }
    if (e.seq !== prev.seq + 1) return { ok: false, status: 409, code: 'PUBLISH_GAP', expectedSeq: prev.seq + 1, gotSeq: e.seq };
    if (e.prevHash !== prev.hash) return { ok: false, status: 422, code: 'PUBLISH_CHAIN_BROKEN', seq: e.seq, reason: 'link-mismatch' };
    if (e.payload !== null && entryHash(e.prevHash, e.seq, e.at, e.actor, e.type, e.payload) !== e.hash) {
      return { ok: false, status: 422, code: 'PUBLISH_CHAIN_BROKEN', seq: e.seq, reason: 'hash-mismatch' };
    }
    prev = { seq: e.seq, hash: e.hash };
  }
  return { ok: true, head: prev };
}
