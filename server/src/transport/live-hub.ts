// Turns committed batches into what each audience receives: whole-entity patches chained by seq, fresh
// snapshots after structural changes, and each delegate's own state. Ballot and check-in bursts are
// coalesced (at most one round/attendance patch per PATCH_INTERVAL_MS) so 1,500 presses do not become
// 1,500 broadcasts to every screen in the hall.

import type { AttendanceRecord, ChairServerToClient, DelegateServerToClient, DisplayServerToClient, LivePatch, LiveSnapshot, StaffRole } from '@hddt/protocol';
import type { Namespace } from 'socket.io';
import { activeSession, presentIds, speakersOf } from '../domain/queries';
import { participationCount } from '../domain/tally';
import type { CouncilState } from '../domain/types';
import { exhaustive } from '../domain/types';
import { isStateFree } from '../domain/rules/record-only';
import { attendanceSummary, chairSnapshot, delegateMe, liveSnapshot, roundView } from '../domain/views';
import type { CommitBatch, Engine } from '../engine';

export const PATCH_INTERVAL_MS = 30;

/**
 * Progress patches are spaced more widely when thousands of screens watch (a party congress with viewers on
 * every floor): each patch is one write per screen, so 5,000 viewers at 30 ms would cost more than the vote.
 */
export function patchIntervalMs(screens: number): number {
  return Math.min(250, PATCH_INTERVAL_MS + Math.floor(screens / 25));
}

/**
 * The staff view of a round names every voter (voterIds, for the seat map), so one costs time in proportion to the
 * votes so far to build and encode, and a burst of 3,000 ballots sent it to the console with every progress patch:
 * about a sixth of the server's own work per ballot. With many voters the console gets it at most this often (the
 * displays' counts keep their pace); a status change or the last present delegate voting still goes out at once.
 */
export function staffRoundIntervalMs(voted: number): number {
  return voted < 500 ? 0 : Math.min(250, Math.floor(voted / 12));
}

type ChairNsp = Namespace<Record<string, never>, ChairServerToClient>;
type DelegateNsp = Namespace<Record<string, never>, DelegateServerToClient>;
type DisplayNsp = Namespace<Record<string, never>, DisplayServerToClient>;

interface Pending {
  rounds: Set<string>;
  /** Rounds whose status changed (opened, closed, announced, cancelled): tablets need those at once. */
  roundStatus: Set<string>;
  attendance: boolean;
  attendanceRecords: Map<string, AttendanceRecord | null>;
  speakers: boolean;
  display: boolean;
  session: boolean;
  snapshot: boolean;
  me: Set<string>;
  urgent: boolean;
}

function emptyPending(): Pending {
  return {
    rounds: new Set(),
    roundStatus: new Set(),
    attendance: false,
    attendanceRecords: new Map(),
    speakers: false,
    display: false,
    session: false,
    snapshot: false,
    me: new Set(),
    urgent: false,
  };
}

export interface StaffSocketData {
  role: 'staff';
  username: string;
  staffRole: StaffRole;
  /** Which sign-in session (by the hash of its cookie) this socket belongs to: logout ends exactly these. */
  sessionKey: string;
}

export class LiveHub {
  chair: ChairNsp | null = null;
  delegate: DelegateNsp | null = null;
  display: DisplayNsp | null = null;
  private pending = emptyPending();
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = 0;
  private readonly lastSent = { chair: 0, delegate: 0, display: 0 };
  /** delegateId → socket id of the device currently signed in with that card. */
  readonly delegateSockets = new Map<string, { socketId: string; deviceId: string | null }>();
  private presenceTimer: NodeJS.Timeout | null = null;
  /** When each round's staff view last went to the console, and the rounds whose view is being held back. */
  private readonly staffRoundSentAt = new Map<string, number>();
  private readonly staffRoundsHeld = new Set<string>();
  private staffTimer: NodeJS.Timeout | null = null;

  constructor(private readonly engine: Engine) {
    engine.onCommit((batch) => this.onCommit(batch));
  }

  private day(): string {
    return this.engine.clockNow().day;
  }

  connectedDelegateIds(): string[] {
    return [...this.delegateSockets.keys()].sort();
  }

  chairSnapshotFor(staff: { username: string; role: StaffRole }) {
    const clock = this.engine.clockNow();
    return chairSnapshot(this.engine.state, this.engine.seq, clock.now, clock.day, staff, this.connectedDelegateIds());
  }

  private readonly snapshotCache = new Map<string, LiveSnapshot>();

  /** The shared snapshot of an audience, built once per log position (a reconnect storm asks 1,500 times). */
  liveSnapshotFor(audience: 'delegate' | 'display'): LiveSnapshot {
    const clock = this.engine.clockNow();
    const key = `${audience}|${this.engine.seq}|${clock.day}`;
    const cached = this.snapshotCache.get(key);
    if (cached && cached.seq === this.engine.seq) return { ...cached, serverTime: clock.now };
    const snap = liveSnapshot(this.engine.state, this.engine.seq, clock.now, clock.day, audience);
    if (this.snapshotCache.size > 4) this.snapshotCache.clear();
    this.snapshotCache.set(key, snap);
    return snap;
  }

  meFor(delegateId: string) {
    return delegateMe(this.engine.state, delegateId, this.day());
  }

  presenceChanged(): void {
    if (this.presenceTimer) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      this.chair?.emit('presence:update', { connectedDelegateIds: this.connectedDelegateIds() });
    }, 200);
  }

  private onCommit(batch: CommitBatch): void {
    const p = this.pending;
    const { before, after } = batch;
    const ballotRounds = new Set<string>();
    for (const { event } of batch.events) {
      // Facts kept only in the log (rules/record-only.ts) change nothing a client shows.
      if (isStateFree(event)) continue;
      switch (event.type) {
        case 'ballot.cast':
        case 'ballot.secret-cast': {
          // The voter's own receipt travels in the ack; others' ballots only move the progress counters.
          p.rounds.add(event.roundId);
          ballotRounds.add(event.roundId);
          break;
        }
        case 'round.opened':
        case 'round.closed':
        case 'round.announced':
        case 'round.cancelled':
          p.rounds.add(event.roundId);
          p.roundStatus.add(event.roundId);
          p.display = true;
          p.urgent = true;
          break;
        case 'attendance.recorded':
          p.attendance = true;
          p.attendanceRecords.set(event.record.delegateId, event.record);
          p.me.add(event.record.delegateId);
          this.markOpenRounds(after, p);
          break;
        case 'attendance.cleared':
          p.attendance = true;
          p.attendanceRecords.set(event.delegateId, null);
          p.me.add(event.delegateId);
          this.markOpenRounds(after, p);
          break;
        case 'speaker.requested':
        case 'speaker.withdrawn':
        case 'speaker.started':
        case 'speaker.finished':
        case 'speaker.removed':
        case 'speaker.reordered':
        case 'speaker.marked':
        case 'question.requested':
        case 'question.answer-started':
          p.speakers = true;
          p.urgent = true;
          if (event.type === 'speaker.started' || event.type === 'question.answer-started') p.display = true;
          for (const e of [...queueOf(before), ...queueOf(after)]) if (e) p.me.add(e);
          break;
        case 'display.changed':
          p.display = true;
          p.urgent = true;
          break;
        case 'session.opened':
        case 'session.closed':
        case 'rollcall.opened':
        case 'rollcall.closed':
        case 'agenda.current-set':
        case 'session.updated':
          p.session = true;
          p.attendance = true;
          p.urgent = true;
          break;
        case 'council.initialized':
        case 'council.configured':
        case 'hall.laid-out':
        case 'delegate.added':
        case 'delegate.updated':
        case 'delegate.vacated':
        case 'delegate.reseated':
        case 'session.created':
        case 'session.selected':
        case 'agenda.added':
        case 'agenda.updated':
        case 'agenda.removed':
        case 'agenda.reordered':
        case 'document.added':
        case 'document.updated':
        case 'document.removed':
        case 'motion.prepared':
        case 'motion.updated':
        case 'motion.removed':
          p.snapshot = true;
          p.urgent = true;
          break;
        case 'resolution.adopted':
        case 'resolution.text-attached':
          // Resolutions are read over REST (console, portal); no socket audience shows them.
          break;
        default:
          exhaustive(event);
      }
    }
    for (const roundId of batch.secretRounds) p.rounds.add(roundId);
    // The moment everyone present has voted is news for the hall: no waiting for the next interval.
    for (const roundId of ballotRounds) {
      const round = after.rounds[roundId];
      if (round && participationCount(round) >= presentIds(after, round.sessionId, this.day()).length) p.urgent = true;
    }
    this.schedule();
  }

  private markOpenRounds(state: CouncilState, p: Pending): void {
    for (const r of Object.values(state.rounds)) if (r.status === 'open') p.rounds.add(r.id);
  }

  private schedule(): void {
    const now = Date.now();
    const interval = patchIntervalMs((this.display?.sockets.size ?? 0) + (this.delegate?.sockets.size ?? 0) / 10);
    if (this.pending.urgent || now - this.lastFlush >= interval) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      // Let the engine finish answering the batch first; the patch follows in the same tick.
      setImmediate(() => this.flush());
      this.pending.urgent = false;
      this.lastFlush = now;
      return;
    }
    if (!this.timer) {
      this.timer = setTimeout(
        () => {
          this.timer = null;
          this.lastFlush = Date.now();
          this.flush();
        },
        interval - (now - this.lastFlush),
      );
    }
  }

  /** Emits everything pending. */
  flush(): void {
    const p = this.pending;
    this.pending = emptyPending();
    const state = this.engine.state;
    const seq = this.engine.seq;
    const day = this.day();

    if (p.snapshot) {
      this.broadcastSnapshots();
      for (const delegateId of this.delegateSockets.keys()) p.me.add(delegateId);
    } else {
      const session = activeSession(state);
      const common: LivePatch[] = [];
      const staffOnly: LivePatch[] = [];
      const tabletsOnly: LivePatch[] = [];
      const displaysOnly: LivePatch[] = [];
      for (const roundId of p.rounds) {
        const round = state.rounds[roundId];
        if (!round || round.sessionId !== session?.id) continue;
        const publicView: LivePatch = { type: 'round', round: roundView(state, round, day, 'delegate') };
        displaysOnly.push(publicView);
        // Tablets show the vote panel and the result, not the running count: they get status changes only,
        // which keeps a 1,500-tablet burst from multiplying into a million progress messages.
        if (p.roundStatus.has(roundId)) tabletsOnly.push(publicView);
        if (this.staffRoundDue(state, round, day, p.roundStatus.has(roundId))) staffOnly.push({ type: 'round', round: roundView(state, round, day, 'staff') });
      }
      if (p.attendance) {
        const attendance = attendanceSummary(state, day);
        common.push({ type: 'attendance', attendance });
        const records: AttendanceRecord[] = [];
        const removed: string[] = [];
        for (const [delegateId, record] of p.attendanceRecords) {
          if (record) records.push(record);
          else removed.push(delegateId);
        }
        staffOnly.push({ type: 'attendance', attendance, records, removedDelegateIds: removed });
      }
      if (p.speakers && session) {
        const patch: LivePatch = { type: 'speakers', speakers: speakersOf(state, session.id) };
        common.push(patch);
        staffOnly.push(patch);
      }
      if (p.display) {
        const patch: LivePatch = { type: 'display', display: state.display };
        common.push(patch);
        staffOnly.push(patch);
      }
      if (p.session && session) {
        const patch: LivePatch = { type: 'session', session };
        common.push(patch);
        staffOnly.push(patch);
      }
      for (const patch of staffOnly) this.emitPatch('chair', patch, seq);
      for (const patch of [...tabletsOnly, ...common]) this.emitPatch('delegate', patch, seq);
      for (const patch of [...displaysOnly, ...common]) this.emitPatch('display', patch, seq);
    }
    for (const delegateId of p.me) this.sendMe(delegateId);
  }

  /** Whether the console gets this round's staff view now; if not, it is held and sent when its interval is up. */
  private staffRoundDue(state: CouncilState, round: CouncilState['rounds'][string], day: string, statusChanged: boolean): boolean {
    const now = Date.now();
    const voted = participationCount(round);
    const wait =
      statusChanged || voted >= presentIds(state, round.sessionId, day).length
        ? 0
        : staffRoundIntervalMs(voted) - (now - (this.staffRoundSentAt.get(round.id) ?? 0));
    if (wait <= 0) {
      this.staffRoundSentAt.set(round.id, now);
      this.staffRoundsHeld.delete(round.id);
      return true;
    }
    this.staffRoundsHeld.add(round.id);
    this.staffTimer ??= setTimeout(() => {
      this.staffTimer = null;
      this.flushHeldStaffRounds();
    }, wait);
    return false;
  }

  private flushHeldStaffRounds(): void {
    const state = this.engine.state;
    const seq = this.engine.seq;
    const day = this.day();
    const session = activeSession(state);
    const held = [...this.staffRoundsHeld];
    this.staffRoundsHeld.clear();
    for (const roundId of held) {
      const round = state.rounds[roundId];
      if (!round || round.sessionId !== session?.id) continue;
      if (this.staffRoundDue(state, round, day, false)) this.emitPatch('chair', { type: 'round', round: roundView(state, round, day, 'staff') }, seq);
    }
  }

  private emitPatch(ns: 'chair' | 'delegate' | 'display', patch: LivePatch, seq: number): void {
    const nsp = this[ns] as DisplayNsp | null;
    if (!nsp) return;
    const envelope = { seq, prevSeq: this.lastSent[ns], serverTime: new Date().toISOString(), patch };
    this.lastSent[ns] = seq;
    nsp.emit('state:patch', envelope);
  }

  broadcastSnapshots(): void {
    const seq = this.engine.seq;
    if (this.chair) {
      for (const socket of this.chair.sockets.values()) {
        const data = socket.data as StaffSocketData;
        socket.emit('state:snapshot', this.chairSnapshotFor({ username: data.username, role: data.staffRole }));
      }
      this.lastSent.chair = seq;
    }
    if (this.delegate) {
      this.delegate.emit('state:snapshot', this.liveSnapshotFor('delegate'));
      this.lastSent.delegate = seq;
    }
    if (this.display) {
      this.display.emit('state:snapshot', this.liveSnapshotFor('display'));
      this.lastSent.display = seq;
    }
  }

  sendMe(delegateId: string): void {
    const conn = this.delegateSockets.get(delegateId);
    if (!conn || !this.delegate) return;
    const me = this.meFor(delegateId);
    if (me) this.delegate.to(conn.socketId).emit('me:update', me);
  }
}

function queueOf(state: CouncilState): (string | null)[] {
  const session = activeSession(state);
  if (!session) return [];
  return speakersOf(state, session.id)
    .filter((e) => e.status === 'waiting' || e.status === 'speaking')
    .map((e) => e.delegateId);
}
