// Kỷ yếu: every session of the term with its agenda, documents, vote rounds (practice votes left out),
// resolutions and attendance, and a search over titles and resolution numbers that ignores case and
// Vietnamese diacritics ("nghi quyet 12" finds "Nghị quyết 12/NQ-HĐND").

import type { Archive, ArchiveSession, SearchHit } from '@hddt/protocol';
import type { CouncilState } from '../domain/types';
import { sessionRecord, type LogHead, type LogTimes, type SessionRecord } from './session-record';

export type { Archive, ArchiveSession, SearchHit };

export function archiveOf(state: CouncilState, head: LogHead, times: LogTimes): Archive {
  const sessions = Object.values(state.sessions)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.number - b.number))
    .map((s) => sessionRecord(state, s.id, head, times))
    .filter((r): r is SessionRecord => r !== null)
    .map(({ logHead: _h, council: _c, ...rest }) => {
      void _h;
      void _c;
      return rest;
    });
  return {
    logHead: head,
    council: { id: state.council?.id ?? '', name: state.council?.name.vi ?? '' },
    // Sessions do not carry a term of their own: the council's current term holds them all.
    terms: [{ term: state.council?.term ?? '', sessions }],
  };
}

/** Lower case, no diacritics, đ → d: "Nghị Quyết ĐẦU TƯ" → "nghi quyet dau tu". */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchArchive(archive: Archive, query: string, limit = 100): SearchHit[] {
  const tokens = foldVi(query).split(' ').filter(Boolean);
  if (tokens.length === 0) return [];
  const hits: SearchHit[] = [];
  const match = (...texts: (string | null)[]) => {
    const hay = foldVi(texts.filter(Boolean).join(' '));
    return tokens.every((t) => hay.includes(t));
  };
  for (const term of archive.terms) {
    for (const s of term.sessions) {
      const session = `${s.session.heading} — ${s.session.title}`;
      const add = (kind: SearchHit['kind'], id: string, title: string, code: string | null = null) =>
        hits.push({ kind, id, sessionId: s.session.id, session, title, code });
      if (match(s.session.heading, s.session.title)) add('session', s.session.id, s.session.title);
      for (const item of s.items) {
        if (match(item.title)) add('item', item.id, item.title);
        for (const d of item.documents) if (match(d.title)) add('document', d.id, d.title);
      }
      for (const r of [...s.items.flatMap((i) => i.rounds), ...s.otherRounds]) {
        if (match(r.question)) add('round', r.id, r.question, r.resolutionCode);
      }
      for (const r of s.resolutions) {
        if (match(`Nghị quyết ${r.code}`, r.title)) add('resolution', r.id, r.title, r.code);
      }
    }
  }
  return hits.slice(0, limit);
}
