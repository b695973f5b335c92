// The page shell of the public portal: landmarks, language switch and a small inline stylesheet with the
// colours of ui/src/tokens.css (no web font, no JavaScript: fast on an old phone).

import { html, raw, type SafeHtml } from './html';
import type { Lang } from './public-data';
import { TEXTS } from './texts';
import { READER_TEXTS } from './editorial/reader-texts';

/** A portal path in the given language: Vietnamese at the root, English under /en. */
export function href(lang: Lang, path: string): string {
  if (lang === 'vi') return path;
  return path === '/' ? '/en/' : `/en${path}`;
}

const CSS = `
:root{--brand:#a3131b;--brand-strong:#7d0e14;--brand-soft:#fbeaea;--gold:#c9a227;--navy:#12305a;--navy-soft:#e7edf6;--bg:#f6f4ef;--surface:#fff;--surface-2:#f0ede6;--border:#d6d1c4;--text:#1b1b1b;--muted:#55524a;--focus:#1f5fd6;--yes:#17703a;--yes-soft:#e3f3e8;--no:#b3261e;--no-soft:#fbe7e5;--warn-soft:#fff3dc}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:1.0625rem/1.55 "Noto Sans","Segoe UI",Roboto,"Helvetica Neue",Arial,system-ui,sans-serif}
a{color:var(--navy);text-underline-offset:2px}
a:hover{color:var(--brand)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--surface);padding:8px 12px;z-index:2}
.skip:focus{left:8px;top:8px}
header.site{background:var(--brand);color:#fff;border-bottom:4px solid var(--gold)}
.wrap{max-width:1040px;margin:0 auto;padding:0 16px}
.top{display:flex;align-items:flex-start;justify-content:space-between;gap:12px;padding:14px 0 10px}
.brand{color:#fff;text-decoration:none;display:block}
.brand small{display:block;font-size:.8125rem;letter-spacing:.06em;text-transform:uppercase;opacity:.9}
.brand strong{display:block;font-size:1.3125rem;line-height:1.25}
.brand:hover{color:#fff}
.lang{flex:none;margin-top:2px;color:#fff;border:1px solid rgb(255 255 255 / .6);border-radius:6px;padding:6px 12px;text-decoration:none;font-size:.9375rem;white-space:nowrap}
.lang:hover{color:#fff;background:var(--brand-strong)}
nav.main ul{list-style:none;margin:0;padding:0 0 6px;display:flex;flex-wrap:wrap;gap:2px 4px}
nav.main a{display:inline-block;color:#fff;text-decoration:none;padding:10px 12px;border-radius:6px;font-weight:600;font-size:.9375rem}
nav.main a:hover,nav.main a[aria-current=page]{background:var(--brand-strong);color:#fff}
main.wrap{padding-top:24px;padding-bottom:40px}
h1{font-size:1.625rem;line-height:1.25;color:var(--brand-strong);margin:0 0 12px}
h2{font-size:1.3125rem;line-height:1.3;color:var(--navy);margin:28px 0 10px}
h3,h2.item{font-size:1.0625rem;line-height:1.4;color:var(--text);margin:0 0 4px}
p{margin:0 0 12px}
.lead{color:var(--muted)}
.card{background:var(--surface);border:1px solid var(--border);border-radius:10px;padding:16px;margin:0 0 12px}
.meta{color:var(--muted);font-size:.9375rem;margin:0}
.anchor code{word-break:break-all;font-size:.875rem}
.list{list-style:none;margin:0;padding:0}
.list>li{background:var(--surface);border:1px solid var(--border);border-radius:10px;padding:12px 16px;margin:0 0 8px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:10px;list-style:none;margin:0;padding:0}
.person{display:flex;gap:12px;align-items:center;background:var(--surface);border:1px solid var(--border);border-radius:10px;padding:12px}
.photo{flex:none;width:56px;height:70px;border-radius:6px;background:var(--navy-soft);color:var(--navy);display:flex;align-items:center;justify-content:center;font-weight:700;font-size:1.125rem}
img.photo.portrait{width:120px;height:160px;object-fit:cover;background:var(--navy-soft)}
.person+dl.facts{margin-top:16px}
.person p{margin:0;font-size:.9375rem;color:var(--muted)}
.badge{display:inline-block;font-size:.8125rem;font-weight:600;border-radius:999px;padding:2px 10px;background:var(--navy-soft);color:var(--navy)}
.badge.open{background:var(--yes-soft);color:var(--yes)}
.badge.secret{background:var(--warn-soft);color:#6b3f00}
.result{border-left:4px solid var(--yes);background:var(--yes-soft);padding:12px 16px;border-radius:6px;margin:0 0 12px}
.result.fail{border-color:var(--no);background:var(--no-soft)}
.result p{margin:0 0 6px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0 0 12px}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
ol.agenda{padding-left:1.6em;margin:0}
ol.agenda li{margin:0 0 8px}
.doc{display:flex;justify-content:space-between;gap:12px;align-items:center;flex-wrap:wrap}
.btn{display:inline-block;background:var(--navy);color:#fff;border:0;border-radius:6px;padding:12px 18px;min-height:48px;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.btn:hover{background:var(--brand);color:#fff}
.btn.ghost{background:var(--surface);color:var(--navy);border:1px solid var(--navy)}
form.search{display:flex;gap:8px;flex-wrap:wrap;margin:0 0 16px}
form.search input{flex:1 1 220px}
label{display:block;font-weight:600;margin:0 0 4px}
.hint{font-weight:400;color:var(--muted);font-size:.875rem}
input,select,textarea{width:100%;font:inherit;color:var(--text);background:var(--surface);border:1px solid #8d8778;border-radius:6px;padding:10px 12px;min-height:48px}
textarea{min-height:160px;resize:vertical}
.field{margin:0 0 16px}
.field.invalid input,.field.invalid textarea,.field.invalid select{border:2px solid var(--no)}
.err{color:var(--no);font-weight:600;font-size:.9375rem;margin:4px 0 0}
.notice{border-radius:8px;padding:12px 16px;margin:0 0 16px;font-weight:600}
.notice p{margin:0 0 4px}.notice p:last-child{margin:0}
.notice.ok{background:var(--yes-soft);color:var(--yes);border:1px solid var(--yes)}
.notice.bad{background:var(--no-soft);color:var(--no);border:1px solid var(--no)}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.two{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}
blockquote{margin:0 0 8px;padding:0 0 0 12px;border-left:3px solid var(--border)}
.files{list-style:none;padding:0;margin:0}.files li{padding:10px 0;border-bottom:1px solid var(--border)}.files li a{font-weight:600}.files .meta{white-space:nowrap}
.prose{overflow-wrap:anywhere}.prose img{max-width:100%;height:auto}.prose table{border-collapse:collapse;display:block;overflow-x:auto}.prose th,.prose td{border:1px solid var(--border);padding:6px 8px}
footer.site{border-top:1px solid var(--border);padding:16px 0 32px;color:var(--muted);font-size:.9375rem}
@media (max-width:640px){h1{font-size:1.375rem}.two{grid-template-columns:1fr}nav.main a{padding:10px 8px}dl.facts{grid-template-columns:1fr}dl.facts dd{margin:0 0 6px}}
`;

export type Section = 'home' | 'news' | 'documents' | 'delegates' | 'sessions' | 'resolutions' | 'feedback' | 'search' | 'none';

export interface PageOptions {
  lang: Lang;
  title: string;
  description: string;
  councilName: string;
  section: Section;
  /** This page's path without the language prefix (for the language switch). */
  path: string;
  body: SafeHtml;
  noindex?: boolean;
}

export function page(o: PageOptions): string {
  const t = TEXTS[o.lang];
  const other: Lang = o.lang === 'vi' ? 'en' : 'vi';
  const nav: [Section, string, string][] = [
    ['home', '/', t.navHome],
    ['news', '/chuyen-muc/tin-tuc', READER_TEXTS[o.lang].navNews],
    ['documents', '/van-ban', READER_TEXTS[o.lang].navDocuments],
    ['delegates', '/dai-bieu', t.navDelegates],
    ['sessions', '/ky-hop', t.navSessions],
    ['resolutions', '/nghi-quyet', t.navResolutions],
    ['feedback', '/y-kien', t.navFeedback],
    ['search', '/tim-kiem', t.navSearch],
  ];
  const fullTitle = o.section === 'home' ? `${o.councilName} — ${t.portal}` : `${o.title} — ${o.councilName}`;
  return (
    '<!doctype html>\n' +
    html`<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${o.description}">
${o.noindex ? raw('<meta name="robots" content="noindex, nofollow">') : ''}
<link rel="alternate" type="application/atom+xml" title="${t.feed}" href="/feed.xml">
<link rel="alternate" hreflang="${other}" href="${href(other, o.path)}">
<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip" href="#noi-dung">${t.skip}</a>
<header class="site">
<div class="wrap">
<div class="top">
<a class="brand" href="${href(o.lang, '/')}"><small>${t.portal}</small><strong>${o.councilName}</strong></a>
<a class="lang" href="${href(other, o.path)}" lang="${other}" hreflang="${other}">${t.otherLang}</a>
</div>
<nav class="main" aria-label="${t.mainNav}"><ul>
${nav.map(([key, path, label]) => html`<li><a href="${href(o.lang, path)}"${o.section === key ? raw(' aria-current="page"') : ''}>${label}</a></li>`)}
</ul></nav>
</div>
</header>
<main id="noi-dung" class="wrap" tabindex="-1">
${o.body}
</main>
<footer class="site"><div class="wrap"><p>${t.footer} <a href="/feed.xml">${t.feed}</a></p></div></footer>
</body>
</html>
`.value
  );
}
