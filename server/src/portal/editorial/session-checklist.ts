// After a session, the editorial board sorts the session's material into the Kỷ yếu and the document
// sections (seed: "sau mỗi Kỳ họp, Ban biên tập có nhiệm vụ sàng lọc những nội dung để chuyển sang thư mục
// lưu Kỷ yếu"). This builds that checklist from the hall's state and the portal store: every document,
// resolution, the results and the minutes, each with the portal item made from it. Nothing is public until
// the head of the board publishes it; resolutions and their results stay published by the hall's own pages.

import type { ChecklistEntry, ContentInput, SessionChecklist } from '@hddt/protocol';
import { sessionTitle } from '@hddt/protocol';
import type { CouncilState } from '../../domain/types';
import type { PortalStore } from './store';

const DOC_TYPES: Record<string, string> = {
  'to-trinh': 'Tờ trình',
  'bao-cao': 'Báo cáo',
  'bao-cao-tham-tra': 'Báo cáo thẩm tra',
  'du-thao-nghi-quyet': 'Dự thảo Nghị quyết',
};

function entriesOf(state: CouncilState, sessionId: string): Omit<ChecklistEntry, 'itemId' | 'itemState'>[] {
  const docs = Object.values(state.documents)
    .filter((d) => d.sessionId === sessionId)
    .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.title.localeCompare(b.title, 'vi'));
  const resolutions = Object.values(state.resolutions)
    .filter((r) => r.sessionId === sessionId)
    .sort((a, b) => a.number - b.number);
  const out: Omit<ChecklistEntry, 'itemId' | 'itemState'>[] = [];
  for (const d of docs) {
    out.push({
      source: `document:${d.id}`,
      kind: 'document',
      title: d.title,
      detail: `${DOC_TYPES[d.docType] ?? d.docType}${d.pages ? ` · ${d.pages} trang` : ''}`,
      confidential: d.confidential,
      automatic: false,
    });
  }
  for (const r of resolutions) {
    out.push({
      source: `resolution:${r.id}`,
      kind: 'resolution',
      title: `Nghị quyết ${r.code}: ${r.title}`,
      detail: `Thông qua ngày ${r.adoptedOn}`,
      confidential: false,
      automatic: true,
    });
  }
  out.push({
    source: `result:${sessionId}`,
    kind: 'result',
    title: 'Kết quả biểu quyết của kỳ họp',
    detail: 'Kết quả từng nội dung biểu quyết',
    confidential: false,
    automatic: true,
  });
  out.push({ source: `minutes:${sessionId}`, kind: 'minutes', title: 'Biên bản kỳ họp', detail: 'Biên bản đã ký', confidential: false, automatic: false });
  return out;
}

export async function sessionChecklist(state: CouncilState, store: PortalStore, sessionId: string): Promise<SessionChecklist | null> {
  const session = Object.prototype.hasOwnProperty.call(state.sessions, sessionId) ? state.sessions[sessionId] : undefined;
  if (!session) return null;
  const items = await store.items({ sessionId });
  const bySource = new Map(items.filter((i) => i.source).map((i) => [i.source!, i]));
  const entries: ChecklistEntry[] = entriesOf(state, sessionId).map((e) => {
    const item = bySource.get(e.source);
    return { ...e, itemId: item?.id ?? null, itemState: item?.state ?? null };
  });
  const sortable = entries.filter((e) => !e.confidential);
  return {
    sessionId,
    title: `${sessionTitle(session.number)}: ${session.title}`,
    closed: session.status === 'closed',
    entries,
    done: sortable.filter((e) => e.itemId !== null).length,
    total: sortable.length,
  };
}

/** The draft a checklist entry becomes: a document in the Kỷ yếu (or the section the board chose). */
export function checklistDraft(state: CouncilState, sessionId: string, entry: ChecklistEntry, section: string): ContentInput {
  const session = state.sessions[sessionId]!;
  const heading = `${sessionTitle(session.number)}: ${session.title}`;
  const doc = entry.kind === 'document' ? state.documents[entry.source.slice('document:'.length)] : undefined;
  const resolution = entry.kind === 'resolution' ? state.resolutions[entry.source.slice('resolution:'.length)] : undefined;
  let body = `<p>${escape(entry.detail)} — ${escape(heading)}.</p>`;
  if (doc && doc.published && !doc.confidential) body += `<p><a href="/api/documents/${doc.id}/file">Tệp PDF: ${escape(doc.title)}</a></p>`;
  if (resolution) body += `<p>Toàn văn và kết quả biểu quyết: <a href="/nghi-quyet/${resolution.id}">Nghị quyết ${escape(resolution.code)}</a>.</p>`;
  if (entry.kind === 'result') body += `<p>Kết quả biểu quyết: <a href="/ky-hop/${sessionId}">trang kỳ họp</a>.</p>`;
  return {
    kind: 'document',
    section,
    title: entry.title,
    summary: `${heading} (${session.startDate}).`,
    titleEn: null,
    summaryEn: null,
    bodyHtml: body,
    documentNumber: resolution ? resolution.code : null,
    issuedOn: resolution ? resolution.adoptedOn : null,
    effectiveOn: null,
    issuingBody: resolution ? 'Hội đồng nhân dân' : null,
    attachments: [],
    confidential: false,
    links: [],
    sessionId,
    source: entry.source,
  };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
