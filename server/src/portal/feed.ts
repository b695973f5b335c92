// Atom feed of the public resolutions (newest first).

import type { CouncilState } from '../domain/types';
import { escapeXml as x } from './html';
import { councilName } from './pages';
import { announcedResult, publicResolutions, resultSentences } from './public-data';

export function resolutionsFeed(state: CouncilState, base: string): string {
  const list = publicResolutions(state).slice(0, 100);
  const updated = list.reduce((max, r) => (r.adoptedOn > max ? r.adoptedOn : max), '1970-01-01');
  const entries = list.map((r) => {
    const result = announcedResult(state, r);
    const summary = [r.title, ...(result && state.council ? resultSentences(state.council, result, 'vi') : [])].join(' ');
    const link = `${base}/nghi-quyet/${r.id}`;
    return `  <entry>
    <id>${x(link)}</id>
    <title>${x(`Nghị quyết số ${r.code}: ${r.title}`)}</title>
    <link rel="alternate" type="text/html" href="${x(link)}"/>
    <updated>${r.adoptedOn}T00:00:00Z</updated>
    <summary>${x(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <id>${x(`${base}/nghi-quyet`)}</id>
  <title>${x(`Nghị quyết — ${councilName(state, 'vi')}`)}</title>
  <link rel="self" type="application/atom+xml" href="${x(`${base}/feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${x(`${base}/nghi-quyet`)}"/>
  <author><name>${x(councilName(state, 'vi'))}</name></author>
  <updated>${updated}T00:00:00Z</updated>
${entries.join('\n')}
</feed>
`;
}
