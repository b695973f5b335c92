// The public live page (/truc-tiep, /en/truc-tiep): the session in progress as the hall display shows it —
// the current agenda item, the vote in progress (open or closed; counts only when the display's view carries
// them: after closing, or live interim totals the chair chose for a non-secret vote), and the results announced
// so far. Rendered on the server, so the page works without JavaScript; with it, live.js swaps in the same
// fragment as each update arrives. Never anything of a closed (non-public) session.

import type { RoundView } from '@hddt/protocol';
import type { CouncilState } from '../../domain/types';
import { liveSnapshot } from '../../domain/views';
import { html, type SafeHtml } from '../html';
import { href, page } from '../layout';
import { councilName } from '../pages';
import { publicSession, resultSentences, sessionAgenda, type Lang } from '../public-data';

export const LIVE_PATH = '/truc-tiep';
export const LIVE_SCRIPT_PATH = '/truc-tiep/live.js';

const T = {
  vi: {
    title: 'Trực tiếp kỳ họp',
    description: 'Theo dõi trực tiếp kỳ họp: nội dung đang thảo luận, biểu quyết và kết quả đã công bố.',
    noSession: 'Hiện không có kỳ họp công khai nào đang diễn ra.',
    current: 'Nội dung đang thảo luận',
    noCurrent: 'Chưa bắt đầu nội dung nào.',
    vote: 'Biểu quyết',
    open: 'Đang biểu quyết',
    closed: 'Đã kết thúc biểu quyết, chờ công bố kết quả',
    voted: (v: number, n: number) => `${v}/${n} đại biểu đã biểu quyết`,
    interim: 'Kết quả tạm thời',
    announced: 'Kết quả đã công bố',
    none: 'Chưa có kết quả nào được công bố.',
    practice: 'Biểu quyết thử (không tính kết quả)',
    refresh: 'Tải lại trang',
    updated: (seq: number) => `Cập nhật đến mục ${seq} của sổ ghi.`,
    live: 'Trang tự cập nhật khi có thay đổi.',
  },
  en: {
    title: 'Live session',
    description: 'Follow the session live: the item under discussion, votes and announced results.',
    noSession: 'No public session is in progress.',
    current: 'Item under discussion',
    noCurrent: 'No item has started yet.',
    vote: 'Vote',
    open: 'Voting in progress',
    closed: 'Voting closed, result to be announced',
    voted: (v: number, n: number) => `${v} of ${n} delegates have voted`,
    interim: 'Interim totals',
    announced: 'Announced results',
    none: 'No result has been announced yet.',
    practice: 'Practice vote (not counted)',
    refresh: 'Reload the page',
    updated: (seq: number) => `Up to log entry ${seq}.`,
    live: 'This page updates itself when anything changes.',
  },
} as const;

/** The live fragment: the same markup on the server-rendered page and in each live update. */
export function liveFragment(state: CouncilState, seq: number, nowIso: string, lang: Lang): SafeHtml {
  const t = T[lang];
  const snap = liveSnapshot(state, seq, nowIso, nowIso.slice(0, 10), 'display');
  const session = snap.session && publicSession(state, snap.session.id) ? snap.session : null;
  if (!session || !state.council) return html`<p>${t.noSession}</p><p class="meta">${t.updated(seq)}</p>`;
  const council = state.council;
  const item = session.currentItemId ? sessionAgenda(state, session.id).find((a) => a.id === session.currentItemId) : undefined;
  const motions = new Map(snap.motions.map((m) => [m.id, m]));
  const question = (r: RoundView) => motions.get(r.motionId)?.question ?? '';
  const practice = (r: RoundView) => motions.get(r.motionId)?.practice === true;
  // The vote in progress: the latest round still open or closed but not yet announced.
  const active = [...snap.rounds].reverse().find((r) => r.status === 'open' || r.status === 'closed');
  const announced = snap.rounds.filter((r) => r.status === 'announced' && r.result && !practice(r));
  return html`<h2>${session.title}</h2>
<section aria-labelledby="noi-dung-hien-tai"><h3 id="noi-dung-hien-tai">${t.current}</h3>
<p class="current-item">${item ? item.title : t.noCurrent}</p></section>
${
  active
    ? html`<section aria-labelledby="bieu-quyet" data-round-id="${active.id}" data-status="${active.status}"><h3 id="bieu-quyet">${t.vote}: ${question(active)}</h3>
${practice(active) ? html`<p class="meta">${t.practice}</p>` : ''}
<p class="status"><strong>${active.status === 'open' ? t.open : t.closed}</strong> — ${t.voted(active.voted, active.present)}</p>
${active.result ? html`${active.status === 'open' ? html`<p class="meta">${t.interim}</p>` : ''}${resultSentences(council, active.result, lang).map((l) => html`<p>${l}</p>`)}` : ''}
</section>`
    : ''
}
<section aria-labelledby="ket-qua-cong-bo"><h3 id="ket-qua-cong-bo">${t.announced}</h3>
${
  announced.length === 0
    ? html`<p>${t.none}</p>`
    : html`<ol class="list results">${announced.map(
        (r) =>
          html`<li data-round-id="${r.id}"><h4>${question(r)}${r.resolutionCode ? ` — ${r.resolutionCode}` : ''}</h4>${resultSentences(council, r.result!, lang).map((l) => html`<p>${l}</p>`)}</li>`,
      )}</ol>`
}
</section>
<p class="meta">${t.updated(seq)}</p>`;
}

/** The whole page: the fragment, a refresh link for readers without JavaScript, and the live script (self only). */
export function livePage(state: CouncilState, seq: number, nowIso: string, lang: Lang): string {
  const t = T[lang];
  const body = html`<h1>${t.title}</h1>
<div id="truc-tiep" data-seq="${String(seq)}" data-lang="${lang}" aria-live="polite">${liveFragment(state, seq, nowIso, lang)}</div>
<p><a class="button" href="${href(lang, LIVE_PATH)}">${t.refresh}</a> <span class="meta" id="truc-tiep-trang-thai">${t.live}</span></p>`;
  const markup = page({ lang, title: t.title, description: t.description, councilName: councilName(state, lang), section: 'none', path: LIVE_PATH, body });
  // The layout has no script slot: the two scripts (same origin, so the strict CSP allows them) go before </body>.
  return markup.replace('</body>', `<script src="/socket.io/socket.io.min.js" defer></script><script src="${LIVE_SCRIPT_PATH}" defer></script></body>`);
}

/** The script the live page loads: connects to /truc-tiep with its last seq, replaces the fragment on each update. */
export const LIVE_SCRIPT = `'use strict';
(function () {
  var box = document.getElementById('truc-tiep');
  var status = document.getElementById('truc-tiep-trang-thai');
  if (!box || typeof io !== 'function') return;
  var lang = box.getAttribute('data-lang') === 'en' ? 'en' : 'vi';
  var seq = Number(box.getAttribute('data-seq')) || 0;
  var socket = io('/truc-tiep', { auth: function (cb) { cb({ seq: seq, lang: lang }); }, transports: ['websocket', 'polling'] });
  function take(update) {
    if (!update || typeof update.seq !== 'number' || update.seq < seq) return;
    seq = update.seq;
    box.setAttribute('data-seq', String(seq));
    var frag = update.html && update.html[lang];
    if (typeof frag === 'string') box.innerHTML = frag;
  }
  socket.on('live:update', take);
  socket.on('connect', function () { if (status) status.textContent = lang === 'en' ? 'Live: connected.' : 'Trực tiếp: đã kết nối.'; });
  socket.on('disconnect', function () { if (status) status.textContent = lang === 'en' ? 'Reconnecting…' : 'Đang kết nối lại…'; });
})();
`;
