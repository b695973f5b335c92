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
import type { EventType } from '../domain/types';
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

/** Where each event's payload goes: 'public' leaves the hall; 'withheld' stays home (the portal keeps only its
 * hash); 'checked' depends on the entry (see isPublicEntry). Every event type must be classified here: a new
 * type without a line is a compile error, so nothing is published, or held back, by omission. */
type Publication = 'public' | 'withheld' | 'checked';
const PUBLICATION: Readonly<Record<EventType, Publication>> = {
  'council.initialized': 'public',
  'council.configured': 'public',
  'hall.laid-out': 'withheld',
  'delegate.added': 'public',
  'delegate.updated': 'public',
  'delegate.vacated': 'public',
  'delegate.reseated': 'public',
  'session.created': 'public',
  'session.updated': 'public',
  'session.selected': 'public',
  'session.opened': 'public',
  'session.closed': 'public',
  'rollcall.opened': 'public',
  'rollcall.closed': 'public',
  'attendance.recorded': 'public',
  'attendance.cleared': 'public',
  'agenda.added': 'public',
  'agenda.updated': 'public',
  'agenda.removed': 'public',
  'agenda.reordered': 'public',
  'agenda.current-set': 'public',
  'document.added': 'checked',
  'document.updated': 'checked',
  'document.removed': 'checked',
  'motion.prepared': 'public',
  'motion.updated': 'public',
  'motion.removed': 'public',
  'round.opened': 'public',
  'ballot.cast': 'checked',
  'ballot.secret-cast': 'public',
  'round.closed': 'public',
  'round.announced': 'public',
  'resolution.adopted': 'public',
  'resolution.text-attached': 'public',
  'round.cancelled': 'public',
  'speaker.requested': 'public',
  'speaker.withdrawn': 'public',
  'speaker.started': 'public',
  'speaker.finished': 'public',
  'speaker.removed': 'public',
  'speaker.reordered': 'withheld',
  'speaker.marked': 'withheld',
  'question.requested': 'public',
  'question.answer-started': 'public',
  'display.changed': 'public',
  'credential.delegate-issued': 'withheld',
  'credential.display-issued': 'withheld',
  'credential.display-revoked': 'withheld',
  'staff.created': 'withheld',
  'staff.password-reset': 'withheld',
  'security.refused': 'withheld',
  'security.device-takeover': 'withheld',
  'server.restarted': 'withheld',
  'minutes.notes-saved': 'withheld',
  'feedback.updated': 'withheld',
  'mail.invitations-sent': 'withheld',
  'mail.guest-removed': 'withheld',
  'portal.item-saved': 'withheld',
  'portal.item-transition': 'withheld',
  'portal.section-added': 'withheld',
  'portal.delegate-profile-saved': 'withheld',
};

/** True when the entry's payload may leave the hall. Unknown types stay home. */
export function isPublicEntry(type: string, payload: unknown, lookup: RedactionLookup): boolean {
  const publication = Object.hasOwn(PUBLICATION, type) ? PUBLICATION[type as EventType] : 'withheld';
  if (publication === 'withheld') return false;
  if (publication === 'public') return true;
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
      return false;
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
