// Bodies from the rich-text editor are sanitised here, on the server, before they are stored: the browser's
// editor is a convenience, not a boundary. sanitize-html (pinned) with an allow-list that matches what the
// console's editor produces; no scripts, styles, event handlers, iframes or foreign images (the portal's CSP
// allows images from this server only). Images stay only when they are the portal's own files (/tep/<id>,
// uploaded and resized through the editor), and always carry an alt attribute (empty: decorative).

import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
    'code',
    'pre',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  // Images only from this server's own paths (the CSP's img-src 'self').
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^\/tep\/[A-Za-z0-9_-]{1,64}$/.test(frame.attribs.src ?? ''),
  transformTags: {
    // Links that leave the portal open safely; h1 is the page's own title, so bodies start at h2.
    a: (tagName, attribs) => ({ tagName, attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs }),
    h1: 'h2',
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, alt: (attribs.alt ?? '').trim() } }),
  },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
};
OPTIONS.allowedAttributes = { ...(OPTIONS.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'rel'] };

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html.normalize('NFC'), OPTIONS).trim();
}
