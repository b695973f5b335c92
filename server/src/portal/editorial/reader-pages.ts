// Reader pages of the editorial portal (server-rendered, no JavaScript, the portal's strict CSP): the
// documents index, a section's list, an item, the RSS feed of a section and the sitemap. Bodies are stored
// sanitised (sanitize.ts) and inserted as they are; everything else is escaped by the html tag.

import type { ContentItem, PortalSection } from '@hddt/protocol';
import { fileKindLabel, formatDateVi, formatFileSize, hallDay } from '@hddt/protocol';
import type { CouncilState } from '../../domain/types';
import { escapeXml, html, raw, type SafeHtml } from '../html';
import { href, page, type Section } from '../layout';
import { councilName } from '../pages';
import type { Lang } from '../public-data';
import { READER_TEXTS } from './reader-texts';

const sectionTitle = (s: PortalSection, lang: Lang) => (lang === 'vi' ? s.titleVi : s.titleEn);
export const itemPath = (item: Pick<ContentItem, 'id'>) => `/bai/${item.id}`;
export const sectionPath = (s: Pick<PortalSection, 'key'>) => `/chuyen-muc/${s.key}`;
const navOf = (s: PortalSection): Section => (s.kind === 'document' ? 'documents' : s.kind === 'article' ? 'news' : 'none');

function shell(state: CouncilState, lang: Lang, section: Section, path: string, title: string, description: string, body: SafeHtml): string {
  return page({ lang, title, description, councilName: councilName(state, lang), section, path, body });
}

/** Content is written in Vietnamese: marked as such on English pages (WCAG 3.1.2, language of parts). */
const contentLang = (lang: Lang) => (lang === 'en' ? raw(' lang="vi"') : '');

/** The council's time zone: a moment is dated on the council's calendar, not in UTC. */
export const councilZone = (state: CouncilState) => state.council?.timeZone ?? 'Asia/Ho_Chi_Minh';

function itemMeta(item: ContentItem, lang: Lang, timeZone: string): SafeHtml {
  const t = READER_TEXTS[lang];
  const parts: string[] = [];
  if (item.documentNumber) parts.push(`${t.number}: ${item.documentNumber}`);
  if (item.issuingBody) parts.push(`${t.issuingBody}: ${item.issuingBody}`);
  if (item.issuedOn) parts.push(`${t.issuedOn}: ${formatDateVi(item.issuedOn)}`);
  if (item.effectiveOn) parts.push(`${t.effectiveOn}: ${formatDateVi(item.effectiveOn)}`);
  if (item.publishAt) parts.push(`${t.publishedOn}: ${formatDateVi(hallDay(item.publishAt, timeZone))}`);
  return html`<p class="meta">${parts.join(' · ')}</p>`;
}

/** The title and summary for this page's language: the English ones on English pages when the board wrote them. */
function shownText(item: ContentItem, lang: Lang): { title: string; summary: string; titleLang: SafeHtml | string; summaryLang: SafeHtml | string } {
  const en = lang === 'en';
  return {
    title: (en && item.titleEn) || item.title,
    summary: (en && item.summaryEn) || item.summary,
    titleLang: en && item.titleEn ? raw(' lang="en"') : contentLang(lang),
    summaryLang: en && item.summaryEn ? raw(' lang="en"') : contentLang(lang),
  };
}

/** A document's facts on its own page, one per line: số ký hiệu, issuing body, dates; then the publication date. */
function documentFacts(item: ContentItem, lang: Lang, timeZone: string): SafeHtml {
  const t = READER_TEXTS[lang];
  const facts: [string, string][] = [];
  if (item.documentNumber) facts.push([t.number, item.documentNumber]);
  if (item.issuingBody) facts.push([t.issuingBody, item.issuingBody]);
  if (item.issuedOn) facts.push([t.issuedOn, formatDateVi(item.issuedOn)]);
  if (item.effectiveOn) facts.push([t.effectiveOn, formatDateVi(item.effectiveOn)]);
  const published = item.publishAt ? html`<p class="meta">${t.publishedOn}: ${formatDateVi(hallDay(item.publishAt, timeZone))}</p>` : '';
  if (facts.length === 0) return html`${published}`;
  return html`<dl class="facts"${lang === 'en' ? raw(' lang="en"') : ''}>${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>${published}`;
}

export function contentListItem(item: ContentItem, lang: Lang, level: 2 | 3, timeZone: string): SafeHtml {
  const shown = shownText(item, lang);
  const link = html`<a href="${href(lang, itemPath(item))}"${shown.titleLang}>${shown.title}</a>`;
  return html`<li>${level === 2 ? html`<h2 class="item">${link}</h2>` : html`<h3>${link}</h3>`}
${itemMeta(item, lang, timeZone)}${shown.summary ? html`<p${shown.summaryLang}>${shown.summary}</p>` : ''}</li>`;
}

/** Tệp đính kèm: a download link per file with its kind and size, so readers know what they fetch. */
function attachmentsBlock(item: ContentItem, lang: Lang): SafeHtml {
  if (item.attachments.length === 0) return html``;
  const t = READER_TEXTS[lang];
  return html`<section class="attachments" aria-labelledby="tep-h"><h2 id="tep-h"${lang === 'en' ? raw(' lang="en"') : ''}>${t.attachments}</h2>
<ul class="files">${item.attachments.map(
    (a) =>
      html`<li><a href="/tep/${a.fileId}">${a.title}</a> <span class="meta" lang="${lang}">${fileKindLabel(a.contentType)}, ${formatFileSize(a.size, lang)}</span></li>`,
  )}</ul></section>`;
}

/** Liên kết đến cổng thông tin khác, in the order the board set; the address shown, so readers know where they go. */
function linksBlock(item: ContentItem, lang: Lang): SafeHtml {
  if (item.links.length === 0) return html``;
  const t = READER_TEXTS[lang];
  return html`<section class="links" aria-labelledby="lien-ket-h"><h2 id="lien-ket-h"${lang === 'en' ? raw(' lang="en"') : ''}>${t.links}</h2>
<ul class="files">${item.links.map((l) => html`<li><a href="${l.url}" rel="noopener noreferrer">${l.title}</a> <span class="meta">${hostOf(l.url)}</span></li>`)}</ul></section>`;
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};

export function documentsIndexPage(state: CouncilState, lang: Lang, sections: { section: PortalSection; count: number }[]): string {
  const t = READER_TEXTS[lang];
  const body = html`<h1>${t.documentsTitle}</h1><p class="lead">${t.documentsLead}</p>
<ul class="grid">${sections.map(
    ({ section, count }) =>
      html`<li class="card"><h2 class="item"><a href="${href(lang, sectionPath(section))}">${sectionTitle(section, lang)}</a></h2><p class="meta">${t.itemsCount(count)}</p></li>`,
  )}</ul>`;
  return shell(state, lang, 'documents', '/van-ban', t.documentsTitle, t.documentsLead, body);
}

export function sectionPage(state: CouncilState, lang: Lang, section: PortalSection, items: ContentItem[]): string {
  const t = READER_TEXTS[lang];
  const title = sectionTitle(section, lang);
  const body = html`<h1>${title}</h1>
<p><a href="/rss/${section.key}.xml" type="application/rss+xml">${t.rss}</a></p>
${items.length ? html`<ul class="list">${items.map((i) => contentListItem(i, lang, 2, councilZone(state)))}</ul>` : html`<p>${t.empty}</p>`}`;
  return shell(state, lang, navOf(section), sectionPath(section), title, title, body);
}

export function itemPage(state: CouncilState, lang: Lang, section: PortalSection, item: ContentItem): string {
  const t = READER_TEXTS[lang];
  const shown = shownText(item, lang);
  const body = html`<nav aria-label="${t.section}" class="meta"><a href="${href(lang, sectionPath(section))}">${sectionTitle(section, lang)}</a></nav>
<article${contentLang(lang)}>
<h1${shown.titleLang}>${shown.title}</h1>
${lang === 'en' ? html`<p class="meta" lang="en">${t.contentLang}</p>` : ''}
${documentFacts(item, lang, councilZone(state))}
${shown.summary ? html`<p class="lead"${shown.summaryLang}>${shown.summary}</p>` : ''}
<div class="prose">${raw(item.bodyHtml)}</div>
${attachmentsBlock(item, lang)}
${linksBlock(item, lang)}
</article>`;
  return shell(state, lang, navOf(section), itemPath(item), shown.title, shown.summary || shown.title, body);
}

/** RSS 2.0 of one section, newest first. */
export function sectionRss(state: CouncilState, section: PortalSection, items: ContentItem[], base: string): string {
  const name = councilName(state, 'vi');
  const entries = items
    .map(
      (i) => `<item>
<title>${escapeXml(i.title)}</title>
<link>${escapeXml(base + itemPath(i))}</link>
<guid isPermaLink="true">${escapeXml(base + itemPath(i))}</guid>
<pubDate>${new Date(i.publishAt ?? i.updatedAt).toUTCString()}</pubDate>
<description>${escapeXml(i.summary)}</description>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
<title>${escapeXml(`${section.titleVi} — ${name}`)}</title>
<link>${escapeXml(base + sectionPath(section))}</link>
<description>${escapeXml(`${section.titleVi} — ${name}`)}</description>
<language>vi</language>
${entries}
</channel>
</rss>
`;
}

export function sitemap(base: string, paths: { path: string; lastmod?: string }[]): string {
  const urls = paths
    .map((p) => `<url><loc>${escapeXml(base + p.path)}</loc>${p.lastmod ? `<lastmod>${p.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls}
</urlset>
`;
}

/** The content block added to the portal's search page. */
export function contentHitsBlock(items: ContentItem[], lang: Lang, timeZone: string): SafeHtml {
  if (items.length === 0) return html``;
  return html`<h2>${READER_TEXTS[lang].contentHits}</h2><ul class="list">${items.map((i) => contentListItem(i, lang, 3, timeZone))}</ul>`;
}
