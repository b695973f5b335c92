// The portal's pages, rendered from the council state (already filtered through public-data.ts).

import type { Resolution, Session, SessionDocument } from '@hddt/protocol';
import { formatDateVi, hallDay, pathOf, sessionTitle } from '@hddt/protocol';
import { REST_ROUTES } from '@hddt/protocol/schemas';
import type { CouncilState } from '../domain/types';
import type { FeedbackItem, FormErrors } from './feedback';
import { FEEDBACK_LIMITS, HONEYPOT_FIELD } from './feedback';
import { html, raw, type SafeHtml } from './html';
import { href, page, type Section } from './layout';
import {
  announcedResult,
  announcedRounds,
  publicDocuments,
  publicResolutions,
  publicSessions,
  resultSentences,
  sessionAgenda,
  signedText,
  type Lang,
  type SearchHits,
} from './public-data';
import { TEXTS } from './texts';

export function councilName(state: CouncilState, lang: Lang): string {
  return state.council?.name[lang] || state.council?.name.vi || 'Hội đồng nhân dân';
}

function shell(state: CouncilState, lang: Lang, section: Section, path: string, title: string, description: string, body: SafeHtml, noindex = false): string {
  return page({ lang, title, description, councilName: councilName(state, lang), section, path, body, noindex });
}

const date = (iso: string) => formatDateVi(iso);
const dateRange = (s: Session) => (s.startDate === s.endDate ? date(s.startDate) : `${date(s.startDate)} – ${date(s.endDate)}`);

export function sessionHeading(s: Session, lang: Lang): string {
  return `${sessionTitle(s.number, lang)}: ${s.title}`;
}

function statusBadge(s: Session, lang: Lang): SafeHtml {
  const t = TEXTS[lang];
  const label = s.status === 'open' ? t.statusOpen : s.status === 'closed' ? t.statusClosed : t.statusDraft;
  return html`<span class="badge${s.status === 'open' ? ' open' : ''}">${label}</span>`;
}

/** A list item's heading: h2 when the list sits right under the page's h1, h3 under a section heading. */
function heading(level: 2 | 3, content: SafeHtml): SafeHtml {
  return level === 2 ? html`<h2 class="item">${content}</h2>` : html`<h3>${content}</h3>`;
}

function sessionItem(s: Session, lang: Lang, level: 2 | 3 = 3): SafeHtml {
  const t = TEXTS[lang];
  return html`<li>${heading(level, html`<a href="${href(lang, `/ky-hop/${s.id}`)}">${sessionHeading(s, lang)}</a>`)}
<p class="meta">${t.sessionTypes[s.type]} · ${dateRange(s)} · ${s.place} · ${statusBadge(s, lang)}</p></li>`;
}

/** "Nghị quyết số 01/NQ-HĐND" (the number is introduced by "số", as on the document itself). */
function resolutionHeading(r: Resolution, lang: Lang): string {
  return lang === 'vi' ? `Nghị quyết số ${r.code}` : `Resolution No. ${r.code}`;
}

function resolutionItem(r: Resolution, lang: Lang, level: 2 | 3 = 3): SafeHtml {
  const t = TEXTS[lang];
  return html`<li>${heading(level, html`<a href="${href(lang, `/nghi-quyet/${r.id}`)}">${resolutionHeading(r, lang)}</a>`)}
<p>${r.title}</p><p class="meta">${t.adoptedOn}: ${date(r.adoptedOn)}${r.normative ? html` · <span class="badge">${t.normative}</span>` : ''}</p></li>`;
}

function documentItem(d: SessionDocument, lang: Lang, link = pathOf(REST_ROUTES.documentFile, { id: d.id })): SafeHtml {
  const t = TEXTS[lang];
  return html`<li class="doc"><div><h3>${d.title}</h3><p class="meta">${t.docTypes[d.docType]}${d.pages ? ` · ${t.pages(d.pages)}` : ''} · ${Math.max(1, Math.round(d.size / 1024))} KB</p></div>
<a class="btn ghost" href="${link}" type="application/pdf">${t.download}<span class="hp"> — ${d.title}</span></a></li>`;
}

export function homePage(state: CouncilState, lang: Lang): string {
  const t = TEXTS[lang];
  const c = state.council;
  const seated = Object.values(state.delegates).filter((d) => d.seated).length;
  const sessions = publicSessions(state).slice(0, 3);
  const resolutions = publicResolutions(state).slice(0, 5);
  const body = html`<h1>${councilName(state, lang)}</h1>
<dl class="facts">
<dt>${t.level}</dt><dd>${c ? t.levels[c.level] : ''}</dd>
<dt>${t.term}</dt><dd>${c?.term ?? ''}</dd>
<dt>${t.navDelegates}</dt><dd><a href="${href(lang, '/dai-bieu')}">${t.delegatesIntro(seated)}</a></dd>
</dl>
<section aria-labelledby="chuc-nang"><h2 id="chuc-nang">${t.functionsTitle}</h2><p>${t.functions}</p></section>
<section aria-labelledby="ky-hop-moi"><h2 id="ky-hop-moi">${t.latestSessions}</h2>
${sessions.length ? html`<ul class="list">${sessions.map((s) => sessionItem(s, lang))}</ul>` : html`<p>${t.noSessions}</p>`}
<p><a href="${href(lang, '/ky-hop')}">${t.allSessions}</a></p></section>
<section aria-labelledby="nq-moi"><h2 id="nq-moi">${t.latestResolutions}</h2>
${resolutions.length ? html`<ul class="list">${resolutions.map((r) => resolutionItem(r, lang))}</ul>` : html`<p>${t.noResolutions}</p>`}
<p><a href="${href(lang, '/nghi-quyet')}">${t.allResolutions}</a></p></section>`;
  const description = `${councilName(state, lang)} — ${t.term} ${c?.term ?? ''}. ${t.functions.slice(0, 120)}…`;
  return shell(state, lang, 'home', '/', t.portal, description, body);
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const last = parts[parts.length - 1] ?? '';
  return last.charAt(0).toLocaleUpperCase('vi');
}

export function delegatesPage(state: CouncilState, lang: Lang): string {
  const t = TEXTS[lang];
  const delegates = Object.values(state.delegates)
    .filter((d) => d.seated)
    .sort((a, b) => a.seat - b.seat);
  const body = html`<h1>${t.delegatesTitle}</h1><p class="lead">${t.delegatesIntro(delegates.length)}</p>
<ul class="grid">${delegates.map(
    (d) => html`<li class="person"><div class="photo" role="img" aria-label="${t.photo}: ${d.fullName}">${initials(d.fullName)}</div>
<div><h2 class="item"><a href="${href(lang, `/dai-bieu/${d.id}`)}">${d.fullName}</a></h2><p>${d.title}</p><p>${d.group}</p></div></li>`,
  )}</ul>`;
  return shell(state, lang, 'delegates', '/dai-bieu', t.delegatesTitle, `${t.delegatesTitle} — ${councilName(state, lang)}`, body);
}

export function sessionsPage(state: CouncilState, lang: Lang): string {
  const t = TEXTS[lang];
  const sessions = publicSessions(state);
  const body = html`<h1>${t.sessionsTitle}</h1>
${sessions.length ? html`<ul class="list">${sessions.map((s) => sessionItem(s, lang, 2))}</ul>` : html`<p>${t.noSessions}</p>`}`;
  return shell(state, lang, 'sessions', '/ky-hop', t.sessionsTitle, `${t.sessionsTitle} — ${councilName(state, lang)}`, body);
}

function agendaList(state: CouncilState, session: Session, lang: Lang): SafeHtml {
  const t = TEXTS[lang];
  const agenda = sessionAgenda(state, session.id);
  if (agenda.length === 0) return html`<p>${t.noAgenda}</p>`;
  return html`<ol class="agenda">${agenda.map((a) => html`<li>${a.title}${a.presenter ? html` <span class="meta">(${t.presenter}: ${a.presenter})</span>` : ''}</li>`)}</ol>`;
}

/** Each announced result of the session with the log anchor the hall screen showed (short) and the full one. */
function announcedResultsSection(state: CouncilState, session: Session, lang: Lang): SafeHtml | string {
  const t = TEXTS[lang];
  const rounds = announcedRounds(state, session.id);
  if (rounds.length === 0 || !state.council) return '';
  const council = state.council;
  return html`<section aria-labelledby="ket-qua-bieu-quyet"><h2 id="ket-qua-bieu-quyet">${t.announcedResults}</h2>
<ol class="list results">${rounds.map(
    ({
      round,
      motion,
      result,
      anchor,
    }) => html`<li data-round-id="${round.id}"><h3>${motion.question}${round.number > 1 ? ` (${t.revote(round.number)})` : ''}</h3>
${resultSentences(council, result, lang).map((l) => html`<p>${l}</p>`)}
<p class="meta anchor">${t.logAnchor}: <code class="break">${String(anchor.seq)}:${anchor.hash}</code></p></li>`,
  )}</ol>
<p class="meta">${t.resultNote} ${t.anchorsNote}</p></section>`;
}

export function sessionPage(state: CouncilState, session: Session, lang: Lang): string {
  const t = TEXTS[lang];
  const docs = publicDocuments(state, session.id);
  const resolutions = publicResolutions(state).filter((r) => r.sessionId === session.id);
  const body = html`<p class="meta"><a href="${href(lang, '/ky-hop')}">${t.sessionsTitle}</a></p>
<h1>${sessionHeading(session, lang)}</h1>
<dl class="facts">
<dt>${t.date}</dt><dd>${dateRange(session)}</dd>
<dt>${t.place}</dt><dd>${session.place}</dd>
<dt>${t.status}</dt><dd>${statusBadge(session, lang)}</dd>
</dl>
<section aria-labelledby="chuong-trinh"><h2 id="chuong-trinh">${t.agenda}</h2>${agendaList(state, session, lang)}</section>
<section aria-labelledby="tai-lieu"><h2 id="tai-lieu">${t.documents}</h2>
${docs.length ? html`<ul class="list">${docs.map((d) => documentItem(d, lang))}</ul>` : html`<p>${t.noDocuments}</p>`}</section>
${resolutions.length ? html`<section aria-labelledby="nghi-quyet"><h2 id="nghi-quyet">${t.resolutionsOfSession}</h2><ul class="list">${resolutions.map((r) => resolutionItem(r, lang))}</ul></section>` : ''}
${announcedResultsSection(state, session, lang)}`;
  return shell(
    state,
    lang,
    'sessions',
    `/ky-hop/${session.id}`,
    sessionHeading(session, lang),
    `${sessionHeading(session, lang)} — ${dateRange(session)}, ${session.place}`,
    body,
  );
}

export function resolutionsPage(state: CouncilState, lang: Lang): string {
  const t = TEXTS[lang];
  const list = publicResolutions(state);
  const body = html`<h1>${t.resolutionsTitle}</h1>
<form class="search" role="search" action="${href(lang, '/tim-kiem')}" method="get"><label class="hp" for="q">${t.searchLabel}</label>
<input id="q" name="q" type="search" placeholder="${t.searchLabel}"><button class="btn" type="submit">${t.searchButton}</button></form>
${list.length ? html`<ul class="list">${list.map((r) => resolutionItem(r, lang, 2))}</ul>` : html`<p>${t.noResolutions}</p>`}`;
  return shell(state, lang, 'resolutions', '/nghi-quyet', t.resolutionsTitle, `${t.resolutionsTitle} — ${councilName(state, lang)}`, body);
}

export function resolutionPage(state: CouncilState, r: Resolution, lang: Lang, answers: FeedbackItem[]): string {
  const t = TEXTS[lang];
  const session = state.sessions[r.sessionId];
  const result = announcedResult(state, r);
  const signed = signedText(state, r);
  const lines = result && state.council ? resultSentences(state.council, result, lang) : [];
  const passed = result?.kind === 'options' ? result.passed : true;
  const heading = resolutionHeading(r, lang);
  const body = html`<p class="meta"><a href="${href(lang, '/nghi-quyet')}">${t.resolutionsTitle}</a></p>
<h1>${heading}</h1>
<p class="lead">${r.title}</p>
<dl class="facts">
<dt>${t.number}</dt><dd>${r.code}${r.normative ? html` <span class="badge">${t.normative}</span>` : ''}</dd>
<dt>${t.adoptedOn}</dt><dd>${date(r.adoptedOn)}</dd>
${session ? html`<dt>${t.session}</dt><dd><a href="${href(lang, `/ky-hop/${session.id}`)}">${sessionHeading(session, lang)}</a></dd>` : ''}
</dl>
<section aria-labelledby="ket-qua"><h2 id="ket-qua">${t.result}</h2>
${lines.length ? html`<div class="result${passed ? '' : ' fail'}">${lines.map((l) => html`<p>${l}</p>`)}</div><p class="meta">${t.resultNote}</p>` : html`<p>${t.noResult}</p>`}
</section>
<section aria-labelledby="van-ban"><h2 id="van-ban">${t.signedText}</h2>
${signed ? html`<ul class="list">${documentItem(signed, lang)}</ul>` : html`<p>${t.signedPending}</p>`}</section>
${answers.length ? answersSection(answers, lang, state.council?.timeZone ?? 'Asia/Ho_Chi_Minh') : ''}
<p><a class="btn" href="${href(lang, `/y-kien?nghi-quyet=${r.id}`)}">${t.giveFeedback}</a></p>`;
  return shell(state, lang, 'resolutions', `/nghi-quyet/${r.id}`, heading, `${heading}: ${r.title}`, body);
}

/** `more`: hits from the editorial portal (articles and documents by section), listed first. */
export function searchPage(state: CouncilState, lang: Lang, query: string, hits: SearchHits | null, more?: { count: number; block: SafeHtml }): string {
  const t = TEXTS[lang];
  const count = (hits ? hits.resolutions.length + hits.sessions.length + hits.documents.length : 0) + (more?.count ?? 0);
  const body = html`<h1>${t.searchTitle}</h1>
<form class="search" role="search" method="get" action="${href(lang, '/tim-kiem')}">
<label class="hp" for="q">${t.searchLabel}</label>
<input id="q" name="q" type="search" value="${query}" placeholder="${t.searchLabel}" maxlength="200">
<button class="btn" type="submit">${t.searchButton}</button></form>
${
  hits
    ? html`<p role="status">${count ? t.searchCount(count) : t.searchNone}</p>
${more?.block ?? ''}
${hits.resolutions.length ? html`<h2>${t.resolutionsTitle}</h2><ul class="list">${hits.resolutions.map((r) => resolutionItem(r, lang))}</ul>` : ''}
${hits.sessions.length ? html`<h2>${t.sessionsTitle}</h2><ul class="list">${hits.sessions.map((s) => sessionItem(s, lang))}</ul>` : ''}
${hits.documents.length ? html`<h2>${t.documents}</h2><ul class="list">${hits.documents.map((d) => documentItem(d, lang))}</ul>` : ''}`
    : ''
}`;
  const path = query ? `/tim-kiem?q=${encodeURIComponent(query)}` : '/tim-kiem';
  return shell(state, lang, 'search', path, query ? `${t.searchTitle}: ${query}` : t.searchTitle, t.searchLabel, body, Boolean(query));
}

function answersSection(items: FeedbackItem[], lang: Lang, timeZone: string): SafeHtml {
  const t = TEXTS[lang];
  return html`<section aria-labelledby="da-tra-loi"><h2 id="da-tra-loi">${t.answered}</h2>
<ul class="list">${items.map(
    (f) => html`<li><h3>${f.topic}</h3><p class="meta">${t.from} ${f.area} · ${date(hallDay(f.createdAt, timeZone))}</p>
<blockquote><p><strong>${t.question}:</strong> ${f.text}</p></blockquote>
<p><strong>${t.answer}:</strong> ${f.answer ?? ''}</p></li>`,
  )}</ul></section>`;
}

export interface FeedbackView {
  values: Record<string, string>;
  errors: FormErrors;
  notice: { kind: 'ok' | 'bad'; text: string; detail?: string } | null;
}

export function feedbackPage(state: CouncilState, lang: Lang, view: FeedbackView, answers: FeedbackItem[]): string {
  const t = TEXTS[lang];
  const v = (k: string) => view.values[k] ?? '';
  const fieldBlock = (key: keyof typeof FEEDBACK_LIMITS, label: string, kind: 'input' | 'textarea', autocomplete?: string) => {
    const err = view.errors[key];
    const errId = `${key}-loi`;
    const hintId = `${key}-goi-y`;
    const describedBy = err ? `${hintId} ${errId}` : hintId;
    const common = html`id="${key}" name="${key}" maxlength="${FEEDBACK_LIMITS[key]}" required aria-describedby="${describedBy}"${err ? raw(' aria-invalid="true"') : ''}`;
    return html`<div class="field${err ? ' invalid' : ''}"><label for="${key}">${label} <span class="hint" id="${hintId}">(${t.fRequired}, ${t.fMax(FEEDBACK_LIMITS[key])})</span></label>
${kind === 'textarea' ? html`<textarea ${common} rows="8">${v(key)}</textarea>` : html`<input ${common} type="text" value="${v(key)}"${autocomplete ? html` autocomplete="${autocomplete}"` : ''}>`}
${err ? html`<p class="err" id="${errId}">${err[lang]}</p>` : ''}</div>`;
  };
  const sessions = publicSessions(state);
  const resolutions = publicResolutions(state);
  const about = v('resolutionId') ? `r:${v('resolutionId')}` : v('sessionId') ? `s:${v('sessionId')}` : '';
  const hasErrors = Object.keys(view.errors).length > 0;
  const body = html`<h1>${t.feedbackTitle}</h1>
<p class="lead">${t.feedbackIntro}</p>
${view.notice ? html`<div class="notice ${view.notice.kind}" role="${view.notice.kind === 'ok' ? 'status' : 'alert'}"><p>${view.notice.text}</p>${view.notice.detail ? html`<p>${view.notice.detail}</p>` : ''}</div>` : ''}
${hasErrors ? html`<div class="notice bad" role="alert"><p>${t.fErrors}</p></div>` : ''}
<form method="post" action="${href(lang, '/y-kien')}" class="card" novalidate>
<div class="two">${fieldBlock('name', t.fName, 'input', 'name')}${fieldBlock('contact', t.fContact, 'input', 'email')}</div>
<div class="two">${fieldBlock('area', t.fArea, 'input', 'address-level3')}${fieldBlock('topic', t.fTopic, 'input')}</div>
<div class="field"><label for="about">${t.fAbout}</label>
<select id="about" name="about"><option value="">${t.fAboutNone}</option>
${resolutions.length ? html`<optgroup label="${t.resolutionsTitle}">${resolutions.map((r) => html`<option value="r:${r.id}"${about === `r:${r.id}` ? raw(' selected') : ''}>${r.code} — ${r.title}</option>`)}</optgroup>` : ''}
${sessions.length ? html`<optgroup label="${t.sessionsTitle}">${sessions.map((s) => html`<option value="s:${s.id}"${about === `s:${s.id}` ? raw(' selected') : ''}>${sessionHeading(s, lang)}</option>`)}</optgroup>` : ''}
</select></div>
${fieldBlock('text', t.fText, 'textarea')}
<div class="hp" aria-hidden="true"><label for="${HONEYPOT_FIELD}">${t.fHoneypot}</label><input id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off" value=""></div>
<button class="btn" type="submit">${t.fSend}</button>
</form>
${answers.length ? answersSection(answers, lang, state.council?.timeZone ?? 'Asia/Ho_Chi_Minh') : html`<h2>${t.answered}</h2><p>${t.noAnswered}</p>`}`;
  return shell(state, lang, 'feedback', '/y-kien', t.feedbackTitle, t.feedbackIntro, body);
}

export function notFoundPage(state: CouncilState, lang: Lang, path = '/'): string {
  const t = TEXTS[lang];
  const body = html`<h1>${t.notFoundTitle}</h1><p>${t.notFound}</p><p><a href="${href(lang, '/')}">${t.backHome}</a></p>`;
  return shell(state, lang, 'none', path, t.notFoundTitle, t.notFound, body, true);
}

export interface InvitationView {
  name: string;
  session: Session;
  documents: { doc: SessionDocument; link: string | null }[];
  /** The image whose fetch counts the page as read (absent in the secretariat's preview). */
  beacon: string | null;
}

export function invitationPage(state: CouncilState, view: InvitationView, token: string, lang: Lang): string {
  const t = TEXTS[lang];
  const s = view.session;
  const body = html`<p class="meta">${t.inviteTitle}</p>
<h1>${sessionHeading(s, lang)}</h1>
<p>${t.inviteHello(view.name)}</p>
<dl class="facts"><dt>${t.date}</dt><dd>${s.startTime ? `${lang === 'vi' ? 'lúc' : 'at'} ${s.startTime}, ` : ''}${dateRange(s)}</dd><dt>${t.place}</dt><dd>${s.place}</dd></dl>
<section aria-labelledby="chuong-trinh"><h2 id="chuong-trinh">${t.agenda}</h2>${agendaList(state, s, lang)}</section>
<section aria-labelledby="tai-lieu"><h2 id="tai-lieu">${t.inviteDocs}</h2>
${
  view.documents.length
    ? html`<ul class="list">${view.documents.map(({ doc, link }) =>
        link
          ? documentItem(doc, lang, link)
          : html`<li class="doc"><div><h3>${doc.title}</h3><p class="meta">${t.docTypes[doc.docType]}</p></div><span class="badge secret">${t.confidentialDoc}</span></li>`,
      )}</ul>`
    : html`<p>${t.noDocuments}</p>`
}</section>
${view.beacon ? html`<img src="${view.beacon}" alt="" width="1" height="1">` : ''}`;
  return shell(state, lang, 'none', `/moi/${token}`, `${t.inviteTitle}: ${sessionHeading(s, lang)}`, t.inviteTitle, body, true);
}
