// Each delegate's public page: position, group and constituency, committees, how voters reach them, and
// their public record — speeches given in public sessions and their named votes (never practice votes,
// never anonymous or secret ballots, which store or show no link between a delegate and a choice).

import type { Delegate, DelegateProfile, VoteOption } from '@hddt/protocol';
import { formatDateVi, hallDay } from '@hddt/protocol';
import type { CouncilState } from '../../domain/types';
import { html, type SafeHtml } from '../html';
import { href, page } from '../layout';
import { councilName, sessionHeading } from '../pages';
import { publicSession, type Lang } from '../public-data';

export interface DelegateRecord {
  /** Speeches and questions (chất vấn: the person asked and the topic) in public sessions, newest first. */
  speeches: { sessionId: string; at: string; seconds: number | null; question?: { answererName: string; answererTitle: string; topic: string } }[];
  votes: { sessionId: string; question: string; at: string; option: VoteOption }[];
}

export function delegateRecord(state: CouncilState, delegateId: string): DelegateRecord {
  const speeches = Object.values(state.speakers)
    .filter((s) => s.delegateId === delegateId && s.status === 'done' && s.startedAt && publicSession(state, s.sessionId))
    .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''))
    .map((s) => ({
      sessionId: s.sessionId,
      at: s.startedAt!,
      seconds: s.endedAt ? Math.round((Date.parse(s.endedAt) - Date.parse(s.startedAt!)) / 1000) : null,
      ...(s.question ? { question: { answererName: s.question.answererName, answererTitle: s.question.answererTitle, topic: s.question.topic } } : {}),
    }));
  const votes: DelegateRecord['votes'] = [];
  for (const round of Object.values(state.rounds)) {
    const motion = state.motions[round.motionId];
    if (!motion || motion.practice || motion.mode !== 'named') continue;
    if (round.status !== 'announced' || !publicSession(state, round.sessionId)) continue;
    const ballot = round.ballots.get(delegateId);
    if (!ballot || ballot.choice.type !== 'option') continue;
    votes.push({ sessionId: round.sessionId, question: motion.question, at: round.closedAt ?? round.openedAt, option: ballot.choice.option });
  }
  votes.sort((a, b) => b.at.localeCompare(a.at));
  return { speeches, votes };
}

const T = {
  vi: {
    back: 'Danh sách đại biểu',
    position: 'Chức vụ',
    group: 'Tổ đại biểu',
    constituency: 'Đơn vị bầu cử',
    committees: 'Tham gia',
    contact: 'Liên hệ với đại biểu',
    record: 'Hoạt động tại kỳ họp',
    speeches: 'Phát biểu, chất vấn',
    noSpeeches: 'Chưa có phát biểu nào được ghi nhận tại kỳ họp công khai.',
    votes: 'Biểu quyết ghi danh',
    noVotes: 'Chưa có biểu quyết ghi danh nào được công bố.',
    minutes: (s: number) => `${Math.max(1, Math.round(s / 60))} phút`,
    question: 'Chất vấn',
    photo: 'Ảnh',
    feedback: 'Gửi ý kiến cử tri',
  },
  en: {
    back: 'All delegates',
    position: 'Position',
    group: 'Delegate group',
    constituency: 'Constituency',
    committees: 'Member of',
    contact: 'Contact for voters',
    record: 'Record in sessions',
    speeches: 'Speeches and questions',
    noSpeeches: 'No speech recorded in a public session yet.',
    votes: 'Named votes',
    noVotes: 'No named vote announced yet.',
    minutes: (s: number) => `${Math.max(1, Math.round(s / 60))} min`,
    question: 'Question to',
    photo: 'Photo',
    feedback: 'Send feedback',
  },
} as const;

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts.at(-2)?.[0] ?? '') + (parts.at(-1)?.[0] ?? '')).toUpperCase();
}

export function delegatePage(state: CouncilState, lang: Lang, d: Delegate, profile: DelegateProfile | null, record: DelegateRecord): string {
  const t = T[lang];
  const zone = state.council?.timeZone ?? 'Asia/Ho_Chi_Minh';
  const labels = state.council?.voteLabels;
  const optionLabel = (o: VoteOption) => labels?.[o]?.[lang] || labels?.[o]?.vi || o;
  const sessionName = (id: string) => {
    const s = state.sessions[id];
    return s ? sessionHeading(s, lang) : id;
  };
  const facts: [string, SafeHtml | string][] = [
    [t.position, d.title],
    [t.group, d.group],
  ];
  if (profile?.constituency) facts.push([t.constituency, profile.constituency]);
  if (profile?.committees.length) facts.push([t.committees, profile.committees.join('; ')]);
  const body = html`<p class="meta"><a href="${href(lang, '/dai-bieu')}">${t.back}</a></p>
<div class="person">${
    profile?.photoFileId
      ? html`<img class="photo portrait" src="/tep/${profile.photoFileId}" alt="${t.photo}: ${d.fullName}" width="120" height="160">`
      : html`<div class="photo" role="img" aria-label="${t.photo}: ${d.fullName}">${initials(d.fullName)}</div>`
  }
<div><h1>${d.fullName}</h1></div></div>
<dl class="facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
${profile?.contact ? html`<h2>${t.contact}</h2><p>${profile.contact}</p>` : ''}
<p><a class="btn ghost" href="${href(lang, '/y-kien')}">${t.feedback}</a></p>
<h2>${t.record}</h2>
<h3>${t.speeches}</h3>
${
  record.speeches.length
    ? html`<ul class="list">${record.speeches.map((s) => html`<li>${s.question ? html`<p><strong>${t.question}</strong> ${s.question.answererTitle ? `${s.question.answererName}, ${s.question.answererTitle}` : s.question.answererName}: ${s.question.topic}</p>` : ''}<a href="${href(lang, `/ky-hop/${s.sessionId}`)}">${sessionName(s.sessionId)}</a><p class="meta">${formatDateVi(hallDay(s.at, zone))}${s.seconds !== null ? ` · ${t.minutes(s.seconds)}` : ''}</p></li>`)}</ul>`
    : html`<p>${t.noSpeeches}</p>`
}
<h3>${t.votes}</h3>
${
  record.votes.length
    ? html`<ul class="list">${record.votes.map((v) => html`<li><p><strong>${optionLabel(v.option)}</strong> — ${v.question}</p><p class="meta"><a href="${href(lang, `/ky-hop/${v.sessionId}`)}">${sessionName(v.sessionId)}</a> · ${formatDateVi(hallDay(v.at, zone))}</p></li>`)}</ul>`
    : html`<p>${t.noVotes}</p>`
}`;
  return page({
    lang,
    title: d.fullName,
    description: `${d.fullName} — ${d.title}`,
    councilName: councilName(state, lang),
    section: 'delegates',
    path: `/dai-bieu/${d.id}`,
    body,
  });
}
