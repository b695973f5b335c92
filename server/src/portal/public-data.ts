// What the public may see, decided in one place: sessions marked public, their agenda, documents that are
// published and not confidential, and resolutions adopted in public sessions with their announced result.
// Everything else does not exist for the portal (404, never 403).

import type { AgendaItem, CouncilConfig, LogHead, Motion, Resolution, RoundResult, Session, SessionDocument } from '@hddt/protocol';
import { CONFIDENCE_LEVELS, VOTE_OPTIONS, absenceSentence, countingSentence, formatDateVi, formatPercent, hallDay, participationPhrase } from '@hddt/protocol';
import type { CouncilState, RoundState } from '../domain/types';

export type Lang = 'vi' | 'en';

export function publicSessions(state: CouncilState): Session[] {
  return Object.values(state.sessions)
    .filter((s) => s.isPublic)
    .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.number - a.number);
}

export function publicSession(state: CouncilState, id: string): Session | null {
  const s = Object.prototype.hasOwnProperty.call(state.sessions, id) ? state.sessions[id] : undefined;
  return s && s.isPublic ? s : null;
}

export function isPublicDocument(state: CouncilState, doc: SessionDocument | undefined): doc is SessionDocument {
  if (!doc || !doc.published || doc.confidential) return false;
  return publicSession(state, doc.sessionId) !== null;
}

export function publicDocuments(state: CouncilState, sessionId: string): SessionDocument[] {
  return Object.values(state.documents)
    .filter((d) => d.sessionId === sessionId && isPublicDocument(state, d))
    .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.title.localeCompare(b.title, 'vi'));
}

export function sessionAgenda(state: CouncilState, sessionId: string): AgendaItem[] {
  return Object.values(state.agenda)
    .filter((a) => a.sessionId === sessionId)
    .sort((a, b) => a.order - b.order);
}

export function publicResolutions(state: CouncilState): Resolution[] {
  return Object.values(state.resolutions)
    .filter((r) => publicSession(state, r.sessionId) !== null)
    .sort((a, b) => b.adoptedOn.localeCompare(a.adoptedOn) || b.year - a.year || b.number - a.number);
}

export function publicResolution(state: CouncilState, id: string): Resolution | null {
  const r = Object.prototype.hasOwnProperty.call(state.resolutions, id) ? state.resolutions[id] : undefined;
  return r && publicSession(state, r.sessionId) ? r : null;
}

/**
 * The announced rounds of a public session (practice votes excepted), in the order they were announced, each
 * with its log anchor.
 */
export function announcedRounds(state: CouncilState, sessionId: string): { round: RoundState; motion: Motion; result: RoundResult; anchor: LogHead }[] {
  if (!publicSession(state, sessionId)) return [];
  const out: { round: RoundState; motion: Motion; result: RoundResult; anchor: LogHead }[] = [];
  for (const round of Object.values(state.rounds)) {
    const motion = state.motions[round.motionId];
    const anchor = state.resultAnchors[round.id];
    if (round.sessionId !== sessionId || round.status !== 'announced' || !round.result || !motion || motion.practice || !anchor) continue;
    out.push({ round, motion, result: round.result, anchor });
  }
  return out.sort((a, b) => a.anchor.seq - b.anchor.seq);
}

/** The announced result of the round that adopted the resolution, or null if it is not announced. */
export function announcedResult(state: CouncilState, resolution: Resolution): RoundResult | null {
  const round = state.rounds[resolution.roundId];
  if (!round || round.status !== 'announced' || !round.result) return null;
  return round.result;
}

/** The signed final text, when attached and itself public. */
export function signedText(state: CouncilState, resolution: Resolution): SessionDocument | null {
  if (!resolution.signedDocumentId) return null;
  const doc = state.documents[resolution.signedDocumentId];
  return isPublicDocument(state, doc) ? doc : null;
}

function lowerFirst(s: string, lang: Lang): string {
  return s.charAt(0).toLocaleLowerCase(lang) + s.slice(1);
}

/**
 * The official wording of an announced result, percentages of ALL seated delegates:
 * "tham gia biểu quyết 28 (90,32%); tán thành 27 (87,10%); không tán thành 0 (0%); không biểu quyết 1 (3,23%)".
 */
export function resultSentences(council: CouncilConfig, result: RoundResult, lang: Lang): string[] {
  // Secret rounds with their counting figures; absent delegates never merged with those present who did not vote.
  const counting = countingSentence(result, lang);
  return [...announcedSentences(council, result, lang), ...(counting ? [counting] : []), absenceSentence(result, lang)];
}

function announcedSentences(council: CouncilConfig, result: RoundResult, lang: Lang): string[] {
  const n = result.seated;
  const pct = (c: number) => formatPercent(c, n, lang);
  const head =
    lang === 'vi'
      ? `Có mặt ${result.present}/${n}; ${participationPhrase(result.kind, 'vi')} ${result.participated} (${pct(result.participated)})`
      : `Present ${result.present}/${n}; ${participationPhrase(result.kind, 'en')} ${result.participated} (${pct(result.participated)})`;
  switch (result.kind) {
    case 'options': {
      const parts = VOTE_OPTIONS.map((o) => `${lowerFirst(council.voteLabels[o][lang], lang)} ${result.counts[o]} (${pct(result.counts[o])})`);
      const verdict =
        lang === 'vi'
          ? result.passed
            ? `Kết quả: THÔNG QUA (cần ít nhất ${result.required}/${n} đại biểu tán thành).`
            : `Kết quả: KHÔNG THÔNG QUA (cần ít nhất ${result.required}/${n} đại biểu tán thành).`
          : result.passed
            ? `Result: ADOPTED (at least ${result.required} of ${n} delegates in favour needed).`
            : `Result: NOT ADOPTED (at least ${result.required} of ${n} delegates in favour needed).`;
      return [`${head}; ${parts.join('; ')}.`, verdict];
    }
    case 'election': {
      const lines = [
        lang === 'vi'
          ? `${head}; số người cần bầu: ${result.seats}; số phiếu cần để trúng cử: ${result.required}/${n}.`
          : `${head}; posts to fill: ${result.seats}; votes needed to be elected: ${result.required} of ${n}.`,
      ];
      for (const c of result.candidates) {
        const verdict =
          lang === 'vi'
            ? c.elected
              ? 'trúng cử'
              : c.tied
                ? 'bằng phiếu, phải bầu lại'
                : 'không trúng cử'
            : c.elected
              ? 'elected'
              : c.tied
                ? 'tied, re-vote needed'
                : 'not elected';
        lines.push(`${c.name}: ${c.votes} ${lang === 'vi' ? 'phiếu' : 'votes'} (${pct(c.votes)}) — ${verdict}.`);
      }
      return lines;
    }
    case 'confidence': {
      const lines = [`${head}.`];
      for (const s of result.subjects) {
        const parts = CONFIDENCE_LEVELS.map((l) => `${lowerFirst(council.confidenceLabels[l][lang], lang)} ${s.counts[l]} (${pct(s.counts[l])})`);
        lines.push(`${s.name}: ${parts.join('; ')}.`);
      }
      return lines;
    }
  }
}

/** Loose Vietnamese-aware folding for search: lower case, no diacritics, đ → d. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

export interface SearchHits {
  resolutions: Resolution[];
  sessions: Session[];
  documents: SessionDocument[];
}

/** Search by number ("12/NQ-HĐND", "12"), title words, or date (2026-07-05 or 05/07/2026). */
export function searchPublic(state: CouncilState, query: string): SearchHits {
  const q = fold(query).slice(0, 200);
  if (q.length === 0) return { resolutions: [], sessions: [], documents: [] };
  const words = q.split(/\s+/).filter(Boolean);
  const matches = (...fields: string[]) => {
    const hay = fold(fields.join(' \u0001 '));
    return words.every((w) => hay.includes(w));
  };
  const resolutions = publicResolutions(state).filter(
    (r) => matches(r.code, String(r.number), r.title, r.adoptedOn, formatDateVi(r.adoptedOn)) || fold(r.code) === q || String(r.number) === q,
  );
  const sessions = publicSessions(state).filter((s) =>
    matches(s.title, `ky hop thu ${s.number}`, String(s.number), s.startDate, s.endDate, formatDateVi(s.startDate), formatDateVi(s.endDate), s.place),
  );
  const documents = publicSessions(state)
    .flatMap((s) => publicDocuments(state, s.id))
    .filter((d) =>
      matches(
        d.title,
        hallDay(d.uploadedAt, state.council?.timeZone ?? 'Asia/Ho_Chi_Minh'),
        formatDateVi(hallDay(d.uploadedAt, state.council?.timeZone ?? 'Asia/Ho_Chi_Minh')),
      ),
    );
  return { resolutions, sessions, documents };
}
