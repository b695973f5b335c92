// Recomputing every announced result from what is stored. The hash chain proves that the log was not changed
// *without recomputing the hashes*; someone with the file can recompute them. What they cannot do as easily is
// keep the log consistent with itself: a ballot changed from yes to no no longer adds up to the result that
// round.closed sealed, and a secret round's totals must add up to the number of delegates who took part.
// Anchors (a log position and its hash, published when a result is announced) catch the rest: a history
// rewritten consistently, or cut short.

import type { AnchorProblem, ResultProblem, RoundResult } from '@hddt/protocol';
import { dayIn } from '../engine';
import { presentIds } from '../domain/queries';
import { Batch, applyEvent, emptyState } from '../domain/evolve';
import { computeResult, emptyTally, tallyOfBallots } from '../domain/tally';
import type { CouncilState, RoundState, Tally } from '../domain/types';
import type { Db } from '../storage/database';
import { EventLog } from '../storage/event-log';

/**
 * Whether every field the stored result has equals the recomputed one. Fields the stored result lacks are
 * skipped: a result sealed by an older version may have fewer of them, and a missing field forges nothing.
 */
function storedMatches(stored: unknown, expected: unknown): boolean {
  if (Array.isArray(stored)) {
    return Array.isArray(expected) && stored.length === expected.length && stored.every((v, i) => storedMatches(v, expected[i]));
  }
  if (stored !== null && typeof stored === 'object') {
    if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) return false;
    const e = expected as Record<string, unknown>;
    return Object.entries(stored as Record<string, unknown>).every(([k, v]) => storedMatches(v, e[k]));
  }
  return stored === expected;
}

/** The totals a secret result announces, as a tally (secret choices exist nowhere else). */
function tallyOfSecretResult(result: RoundResult): Tally {
  const tally = emptyTally();
  tally.ballots = result.participated;
  switch (result.kind) {
    case 'options':
      tally.options = { ...result.counts };
      break;
    case 'election':
      for (const c of result.candidates) tally.candidates[c.id] = c.votes;
      break;
    case 'confidence':
      for (const s of result.subjects) tally.ratings[s.id] = { ...s.counts };
      break;
  }
  return tally;
}

/** Why a secret result cannot be what `participants` delegates cast, or null. */
function secretCountProblem(result: RoundResult, participants: number, seats: number): string | null {
  const tookPart = `${participants} đại biểu tham gia / ${participants} delegates took part`;
  if (result.participated !== participants) {
    return `số phiếu công bố ${result.participated} ≠ ${tookPart}`;
  }
  switch (result.kind) {
    case 'options': {
      const sum = result.counts.yes + result.counts.no + result.counts.abstain;
      return sum === participants ? null : `tổng các lựa chọn ${sum} ≠ ${tookPart}`;
    }
    case 'election': {
      const over = result.candidates.find((c) => c.votes < 0 || c.votes > participants);
      if (over) return `${over.name}: ${over.votes} phiếu, nhiều hơn số người bỏ phiếu / more votes than voters; ${tookPart}`;
      const sum = result.candidates.reduce((n, c) => n + c.votes, 0);
      return sum <= participants * seats ? null : `tổng số phiếu bầu ${sum} > ${participants} × ${seats} chức danh / seats; ${tookPart}`;
    }
    case 'confidence': {
      const off = result.subjects.find((s) => s.counts.high + s.counts.medium + s.counts.low !== participants);
      return off ? `${off.name}: tổng ba mức ${off.counts.high + off.counts.medium + off.counts.low} ≠ ${tookPart}` : null;
    }
  }
}

/** Replays the log; at each round.closed, recomputes the result from the state just before it. */
export function checkResults(db: Db): { ok: boolean; checked: number; problems: ResultProblem[] } {
  const problems: ResultProblem[] = [];
  let checked = 0;
  const batch = new Batch();
  const draft = batch.root(emptyState());
  for (const entry of new EventLog(db).readAll()) {
    const event = entry.event;
    if (event.type === 'round.closed') {
      const state = draft as CouncilState;
      const round: RoundState | undefined = state.rounds[event.roundId];
      const motion = round ? state.motions[round.motionId] : undefined;
      const council = state.council;
      checked += 1;
      const problem = (reason: ResultProblem['reason'], detail: string) => problems.push({ roundId: event.roundId, seq: entry.seq, reason, detail });
      if (!round || !motion || !council) {
        problem('result-mismatch', 'vòng biểu quyết, nội dung hoặc hội đồng không có trong nhật ký / round, motion or council missing from the log');
      } else {
        const stored = event.result;
        const present = presentIds(state, round.sessionId, dayIn(council.timeZone, Date.parse(entry.at))).length;
        let tally: Tally;
        if (motion.mode === 'secret') {
          const countProblem = secretCountProblem(stored, Object.keys(round.participants).length, motion.seats);
          if (countProblem) problem('secret-count-mismatch', countProblem);
          tally = tallyOfSecretResult(stored);
        } else {
          tally = tallyOfBallots(round.ballots);
        }
        const expected = computeResult(council, motion, tally, round.seated, present);
        if (!storedMatches(stored, expected)) {
          problem(
            'result-mismatch',
            `kết quả đã công bố khác với kết quả tính lại từ dữ liệu lưu / the announced result differs from the one recomputed from what is stored: ` +
              `${JSON.stringify(stored)} ≠ ${JSON.stringify(expected)}`,
          );
        }
      }
    }
    applyEvent(batch, draft, event, entry.at);
  }
  batch.finish();
  return { ok: problems.length === 0, checked, problems };
}

export interface Anchor {
  seq: number;
  /** A SHA-256 in hex, or a prefix of one (at least MIN_ANCHOR_HEX characters, as shown on the hall screen). */
  hash: string;
}

export const MIN_ANCHOR_HEX = 12;

/** Parses "<seq>:<sha256 or prefix>"; null when malformed. */
export function parseAnchor(text: string): Anchor | null {
  const m = /^(\d+):([0-9a-fA-F]+)$/.exec(text.trim());
  if (!m) return null;
  const seq = Number(m[1]);
  const hash = m[2]!.toLowerCase();
  if (!Number.isSafeInteger(seq) || seq < 1 || hash.length < MIN_ANCHOR_HEX || hash.length > 64) return null;
  return { seq, hash };
}

export function checkAnchors(db: Db, anchors: readonly Anchor[]): { ok: boolean; checked: number; problems: AnchorProblem[] } {
  const at = db.prepare('SELECT hash FROM events WHERE seq = ?');
  const problems: AnchorProblem[] = [];
  for (const a of anchors) {
    const row = at.get(a.seq) as { hash: string } | undefined;
    if (!row) problems.push({ seq: a.seq, hash: a.hash, found: null });
    else if (!row.hash.startsWith(a.hash)) problems.push({ seq: a.seq, hash: a.hash, found: row.hash });
  }
  return { ok: problems.length === 0, checked: anchors.length, problems };
}

/** The short form of a log position and hash, as the hall screen shows it: "1234:0a1b2c3d4e5f6a7b". */
export function shortAnchor(seq: number, hash: string): string {
  return `${seq}:${hash.slice(0, 16)}`;
}
