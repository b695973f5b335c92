// Reader-side words of the editorial portal, Vietnamese first, English second.

import type { ContentKind } from '@hddt/protocol';
import type { Lang } from '../public-data';

export const READER_TEXTS = {
  vi: {
    navNews: 'Tin tức',
    navDocuments: 'Văn bản',
    documentsTitle: 'Văn bản, tài liệu',
    documentsLead:
      'Văn bản của Hội đồng nhân dân theo chuyên mục: chương trình hành động, quy hoạch, văn bản điều hành, thủ tục hành chính, văn bản quy phạm pháp luật, nghị quyết và kỷ yếu các kỳ họp.',
    itemsCount: (n: number) => (n === 0 ? 'Chưa có bài nào.' : `${n} bài`),
    empty: 'Chuyên mục này chưa có bài nào được đăng.',
    number: 'Số ký hiệu',
    issuedOn: 'Ngày ban hành',
    effectiveOn: 'Ngày hiệu lực',
    issuingBody: 'Cơ quan ban hành',
    publishedOn: 'Ngày đăng',
    section: 'Chuyên mục',
    links: 'Liên kết đến cổng thông tin khác',
    attachments: 'Tệp đính kèm',
    rss: 'Nhận tin RSS của chuyên mục',
    contentHits: 'Tin bài và văn bản',
    kinds: { article: 'Tin bài', page: 'Trang', document: 'Văn bản' } satisfies Record<ContentKind, string>,
    contentLang: '',
  },
  en: {
    navNews: 'News',
    navDocuments: 'Documents',
    documentsTitle: 'Documents',
    documentsLead:
      "The council's documents by section: action programmes, planning, executive documents, administrative procedures, legal normative documents, resolutions and the session archive.",
    itemsCount: (n: number) => (n === 0 ? 'Nothing yet.' : `${n} item${n === 1 ? '' : 's'}`),
    empty: 'Nothing has been published in this section yet.',
    number: 'Number and symbol',
    issuedOn: 'Issued on',
    effectiveOn: 'In force from',
    issuingBody: 'Issued by',
    publishedOn: 'Published on',
    section: 'Section',
    links: 'Links to other portals',
    attachments: 'Attachments',
    rss: 'RSS feed of this section',
    contentHits: 'Articles and documents',
    kinds: { article: 'Article', page: 'Page', document: 'Document' } satisfies Record<ContentKind, string>,
    contentLang: 'Published in Vietnamese.',
  },
} as const satisfies Record<Lang, unknown>;
