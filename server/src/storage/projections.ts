// Current-state tables. They are written from the state after each change, in the same transaction as the
// events that caused it, and can be rebuilt entirely by replaying the log (rebuildProjections).

import type { DomainEvent, CouncilState } from '../domain/types';
import { exhaustive } from '../domain/types';
import { isStateFree } from '../domain/rules/record-only';
import type { Db } from './database';

export type Ref =
  | { t: 'council' }
  | { t: 'live' }
  | { t: 'delegate'; id: string }
  | { t: 'session'; id: string }
  | { t: 'agenda'; id: string }
  | { t: 'agenda-of-session'; sessionId: string }
  | { t: 'document'; id: string }
  | { t: 'documents-of-session'; sessionId: string }
  | { t: 'motion'; id: string }
  | { t: 'motions-of-session'; sessionId: string }
  | { t: 'round'; id: string }
  | { t: 'ballot'; roundId: string; delegateId: string }
  | { t: 'secret'; roundId: string; delegateId: string }
  | { t: 'attendance'; sessionId: string; day: string; delegateId: string }
  | { t: 'speaker'; id: string }
  | { t: 'open-command'; commandId: string; roundId: string }
  | { t: 'resolution'; id: string };

/** Which rows an event changes. */
export function touchedBy(event: DomainEvent): Ref[] {
  // Facts kept only in the log (rules/record-only.ts) change no row.
  if (isStateFree(event)) return [];
  switch (event.type) {
    case 'council.initialized':
    case 'council.configured':
    case 'hall.laid-out':
      return [{ t: 'council' }];
    case 'delegate.added':
      return [{ t: 'delegate', id: event.delegate.id }];
    case 'delegate.updated':
    case 'delegate.vacated':
    case 'delegate.reseated':
      return [{ t: 'delegate', id: event.delegateId }];
    case 'session.created':
      return [{ t: 'session', id: event.session.id }, { t: 'live' }];
    case 'session.updated':
    case 'rollcall.opened':
    case 'rollcall.closed':
    case 'agenda.current-set':
      return [{ t: 'session', id: event.sessionId }];
    case 'session.selected':
    case 'session.opened':
    case 'session.closed':
      return [{ t: 'session', id: event.sessionId }, { t: 'live' }];
    case 'attendance.recorded':
      return [{ t: 'attendance', sessionId: event.sessionId, day: event.day, delegateId: event.record.delegateId }];
    case 'attendance.cleared':
      return [{ t: 'attendance', sessionId: event.sessionId, day: event.day, delegateId: event.delegateId }];
    case 'agenda.added':
      return [{ t: 'agenda', id: event.item.id }];
    case 'agenda.updated':
      return [{ t: 'agenda', id: event.itemId }];
    case 'agenda.removed':
      // Removing an item detaches its documents and motions and may clear the session's current item.
      return [{ t: 'agenda', id: event.itemId }];
    case 'agenda.reordered':
      return [{ t: 'agenda-of-session', sessionId: event.sessionId }];
    case 'document.added':
      return [{ t: 'document', id: event.document.id }];
    case 'document.updated':
    case 'document.removed':
      return [{ t: 'document', id: event.documentId }];
    case 'motion.prepared':
    case 'motion.updated':
      return [{ t: 'motion', id: event.motion.id }];
    case 'motion.removed':
      return [{ t: 'motion', id: event.motionId }];
    case 'round.opened':
      return [
        { t: 'round', id: event.roundId },
        { t: 'live' },
        ...(event.commandId ? [{ t: 'open-command' as const, commandId: event.commandId, roundId: event.roundId }] : []),
      ];
    case 'ballot.cast':
      return [{ t: 'ballot', roundId: event.roundId, delegateId: event.delegateId }];
    case 'ballot.secret-cast':
      return [{ t: 'secret', roundId: event.roundId, delegateId: event.delegateId }];
    case 'round.closed':
    case 'round.cancelled':
      return [{ t: 'round', id: event.roundId }];
    case 'round.announced':
      return [{ t: 'round', id: event.roundId }, { t: 'live' }];
    case 'resolution.adopted':
      return [{ t: 'resolution', id: event.resolution.id }];
    case 'resolution.text-attached':
      return [{ t: 'resolution', id: event.resolutionId }];
    case 'speaker.requested':
    case 'question.requested':
      return [{ t: 'speaker', id: event.entry.id }];
    case 'speaker.started':
    case 'question.answer-started':
      // Giving the floor may bring the speaker slide to the hall display.
      return [{ t: 'speaker', id: event.entryId }, { t: 'live' }];
    case 'speaker.withdrawn':
    case 'speaker.finished':
    case 'speaker.removed':
    case 'speaker.marked':
      return [{ t: 'speaker', id: event.entryId }];
    case 'speaker.reordered':
      return event.order.map((id) => ({ t: 'speaker' as const, id }));
    case 'display.changed':
      return [{ t: 'live' }];
    default:
      return exhaustive(event);
  }
}

function refKey(ref: Ref): string {
  switch (ref.t) {
    case 'council':
    case 'live':
      return ref.t;
    case 'ballot':
    case 'secret':
      return `${ref.t}|${ref.roundId}|${ref.delegateId}`;
    case 'attendance':
      return `${ref.t}|${ref.sessionId}|${ref.day}|${ref.delegateId}`;
    case 'agenda-of-session':
    case 'documents-of-session':
    case 'motions-of-session':
      return `${ref.t}|${ref.sessionId}`;
    case 'open-command':
      return `${ref.t}|${ref.commandId}`;
    default:
      return `${ref.t}|${ref.id}`;
  }
}

/** Each row once, however many events of a batch touched it. */
export function dedupeRefs(refs: readonly Ref[]): Ref[] {
  const seen = new Set<string>();
  const out: Ref[] = [];
  for (const ref of refs) {
    const key = refKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}

const b = (v: boolean): number => (v ? 1 : 0);

export class ProjectionWriter {
  private readonly s;

  constructor(db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      council: p('INSERT INTO council (id, config) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET config = excluded.config'),
      live: p(
        `INSERT INTO live (id, active_session_id, display_mode, display_round_id) VALUES (1, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET active_session_id = excluded.active_session_id,
           display_mode = excluded.display_mode, display_round_id = excluded.display_round_id`,
      ),
      delegate: p(`INSERT OR REPLACE INTO delegates (id, seat, full_name, title, grp, seated, vacated_reason) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      delDelegate: p('DELETE FROM delegates WHERE id = ?'),
      session: p(
        `INSERT OR REPLACE INTO sessions (id, number, title, type, start_date, end_date, place, is_public, status,
           opened_at, closed_at, rollcall_open, current_item_id, chair_name, secretary_name, start_time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      agenda: p('INSERT OR REPLACE INTO agenda_items (id, session_id, ord, title, presenter) VALUES (?, ?, ?, ?, ?)'),
      delAgenda: p('DELETE FROM agenda_items WHERE id = ?'),
      document: p(
        `INSERT OR REPLACE INTO documents (id, session_id, item_id, title, doc_type, confidential, published, file_name,
           mime_type, size, sha256, pages, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      delDocument: p('DELETE FROM documents WHERE id = ?'),
      motion: p(
        `INSERT OR REPLACE INTO motions (id, session_id, item_id, question, kind, mode, interim, duration_sec, candidates,
           seats, practice, resolution, normative) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      delMotion: p('DELETE FROM motions WHERE id = ?'),
      round: p(
        `INSERT OR REPLACE INTO rounds (id, motion_id, session_id, number, status, opened_at, closes_at, closed_at,
           cancelled_reason, seated, allow_change, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      ballot: p('INSERT OR REPLACE INTO ballots (round_id, delegate_id, choice, cast_at, changes) VALUES (?, ?, ?, ?, ?)'),
      secret: p('INSERT OR IGNORE INTO secret_participation (round_id, delegate_id) VALUES (?, ?)'),
      attendance: p(`INSERT OR REPLACE INTO attendance (session_id, day, delegate_id, status, at, by_whom, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      delAttendance: p('DELETE FROM attendance WHERE session_id = ? AND day = ? AND delegate_id = ?'),
      speaker: p(
        `INSERT OR REPLACE INTO speakers (id, session_id, delegate_id, name, status, requested_at, started_at, ended_at, limit_sec, title)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      openCommand: p('INSERT OR IGNORE INTO open_commands (command_id, round_id) VALUES (?, ?)'),
      resolution: p(
        `INSERT OR REPLACE INTO resolutions (id, number, year, code, normative, title, adopted_on, session_id, item_id,
           motion_id, round_id, signed_document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  write(state: CouncilState, refs: Iterable<Ref>): void {
    for (const ref of refs) this.writeOne(state, ref);
  }

  private writeOne(state: CouncilState, ref: Ref): void {
    const s = this.s;
    switch (ref.t) {
      case 'council':
        if (state.council) s.council.run(JSON.stringify(state.council));
        return;
      case 'live':
        s.live.run(state.activeSessionId, state.display.mode, state.display.roundId);
        return;
      case 'delegate': {
        const d = state.delegates[ref.id];
        if (!d) s.delDelegate.run(ref.id);
        else s.delegate.run(d.id, d.seat, d.fullName, d.title, d.group, b(d.seated), d.vacatedReason);
        return;
      }
      case 'session': {
        const x = state.sessions[ref.id];
        if (!x) return;
        s.session.run(
          x.id,
          x.number,
          x.title,
          x.type,
          x.startDate,
          x.endDate,
          x.place,
          b(x.isPublic),
          x.status,
          x.openedAt,
          x.closedAt,
          b(x.rollCallOpen),
          x.currentItemId,
          x.chairName,
          x.secretaryName,
          x.startTime ?? null,
        );
        return;
      }
      case 'agenda': {
        const a = state.agenda[ref.id];
        if (!a) {
          s.delAgenda.run(ref.id);
          // Detached documents/motions and the session's current item changed too.
          for (const d of Object.values(state.documents)) this.writeOne(state, { t: 'document', id: d.id });
          for (const m of Object.values(state.motions)) this.writeOne(state, { t: 'motion', id: m.id });
          for (const x of Object.values(state.sessions)) this.writeOne(state, { t: 'session', id: x.id });
        } else s.agenda.run(a.id, a.sessionId, a.order, a.title, a.presenter);
        return;
      }
      case 'agenda-of-session':
        for (const a of Object.values(state.agenda)) {
          if (a.sessionId === ref.sessionId) this.writeOne(state, { t: 'agenda', id: a.id });
        }
        return;
      case 'document': {
        const d = state.documents[ref.id];
        if (!d) s.delDocument.run(ref.id);
        else
          s.document.run(
            d.id,
            d.sessionId,
            d.itemId,
            d.title,
            d.docType,
            b(d.confidential),
            b(d.published),
            d.fileName,
            d.mimeType,
            d.size,
            d.sha256,
            d.pages,
            d.uploadedAt,
          );
        return;
      }
      case 'documents-of-session':
        for (const d of Object.values(state.documents)) {
          if (d.sessionId === ref.sessionId) this.writeOne(state, { t: 'document', id: d.id });
        }
        return;
      case 'motion': {
        const m = state.motions[ref.id];
        if (!m) s.delMotion.run(ref.id);
        else
          s.motion.run(
            m.id,
            m.sessionId,
            m.itemId,
            m.question,
            m.kind,
            m.mode,
            m.interim,
            m.durationSec,
            JSON.stringify(m.candidates),
            m.seats,
            b(m.practice),
            b(m.resolution),
            b(m.normative),
          );
        return;
      }
      case 'motions-of-session':
        for (const m of Object.values(state.motions)) {
          if (m.sessionId === ref.sessionId) this.writeOne(state, { t: 'motion', id: m.id });
        }
        return;
      case 'round': {
        const r = state.rounds[ref.id];
        if (!r) return;
        s.round.run(
          r.id,
          r.motionId,
          r.sessionId,
          r.number,
          r.status,
          r.openedAt,
          r.closesAt,
          r.closedAt,
          r.cancelledReason,
          r.seated,
          b(r.allowChange),
          r.result ? JSON.stringify(r.result) : null,
        );
        // The running totals of an open secret round are never written: see docs/security.md.
        return;
      }
      case 'ballot': {
        const ballot = state.rounds[ref.roundId]?.ballots.get(ref.delegateId);
        if (ballot) s.ballot.run(ref.roundId, ref.delegateId, JSON.stringify(ballot.choice), ballot.at, ballot.changes);
        return;
      }
      case 'secret': {
        // Who took part, nothing else: the choice stays in memory (the round's running totals) until the close.
        if (!state.rounds[ref.roundId]) return;
        s.secret.run(ref.roundId, ref.delegateId);
        return;
      }
      case 'attendance': {
        const rec = state.attendance[ref.sessionId]?.[ref.day]?.[ref.delegateId];
        if (!rec) s.delAttendance.run(ref.sessionId, ref.day, ref.delegateId);
        else s.attendance.run(ref.sessionId, ref.day, rec.delegateId, rec.status, rec.at, rec.by, rec.reason);
        return;
      }
      case 'speaker': {
        const e = state.speakers[ref.id];
        if (!e) return;
        s.speaker.run(e.id, e.sessionId, e.delegateId, e.name, e.status, e.requestedAt, e.startedAt, e.endedAt, e.limitSec, e.title ?? '');
        return;
      }
      case 'open-command':
        s.openCommand.run(ref.commandId, ref.roundId);
        return;
      case 'resolution': {
        const r = state.resolutions[ref.id];
        if (!r) return;
        s.resolution.run(
          r.id,
          r.number,
          r.year,
          r.code,
          b(r.normative),
          r.title,
          r.adoptedOn,
          r.sessionId,
          r.itemId,
          r.motionId,
          r.roundId,
          r.signedDocumentId,
        );
        return;
      }
      default:
        exhaustive(ref);
    }
  }

  /** Writes every entity of the state (used to rebuild the tables from a replay). */
  writeAll(state: CouncilState): void {
    this.writeOne(state, { t: 'council' });
    this.writeOne(state, { t: 'live' });
    for (const id of Object.keys(state.delegates)) this.writeOne(state, { t: 'delegate', id });
    for (const id of Object.keys(state.sessions)) this.writeOne(state, { t: 'session', id });
    for (const id of Object.keys(state.agenda)) this.writeOne(state, { t: 'agenda', id });
    for (const id of Object.keys(state.documents)) this.writeOne(state, { t: 'document', id });
    for (const id of Object.keys(state.motions)) this.writeOne(state, { t: 'motion', id });
    for (const [id, r] of Object.entries(state.rounds)) {
      this.writeOne(state, { t: 'round', id });
      for (const delegateId of r.ballots.keys()) this.writeOne(state, { t: 'ballot', roundId: id, delegateId });
      for (const delegateId of Object.keys(r.participants)) this.writeOne(state, { t: 'secret', roundId: id, delegateId });
    }
    for (const [sessionId, days] of Object.entries(state.attendance)) {
      for (const [day, records] of Object.entries(days)) {
        for (const delegateId of Object.keys(records)) this.writeOne(state, { t: 'attendance', sessionId, day, delegateId });
      }
    }
    for (const id of Object.keys(state.speakers)) this.writeOne(state, { t: 'speaker', id });
    for (const [commandId, roundId] of Object.entries(state.openCommands)) {
      this.writeOne(state, { t: 'open-command', commandId, roundId });
    }
    for (const id of Object.keys(state.resolutions)) this.writeOne(state, { t: 'resolution', id });
  }
}

export const PROJECTION_TABLES = [
  'council',
  'live',
  'delegates',
  'sessions',
  'agenda_items',
  'documents',
  'motions',
  'rounds',
  'ballots',
  'secret_participation',
  'attendance',
  'speakers',
  'open_commands',
  'resolutions',
] as const;

/** All projection rows, in a stable order, for comparisons (replay test, verify). */
export function dumpProjections(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of PROJECTION_TABLES) {
    out[table] = db
      .prepare(`SELECT * FROM ${table}`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort()
      .map((json) => JSON.parse(json) as unknown);
  }
  return out;
}
