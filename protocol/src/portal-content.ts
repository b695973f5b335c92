// The portal's editorial content (Ban biên tập): articles, pages and documents by section, their workflow
// states and versions. REST shapes of /api/portal/*; the zod schemas that check every body are in portal-content-schemas.ts
// (the '@hddt/protocol/schemas' entry point).

export type ContentKind = 'article' | 'page' | 'document';
export const CONTENT_KINDS: readonly ContentKind[] = ['article', 'page', 'document'];

/** draft → submitted → published → withdrawn; a submitted item sent back returns to draft with a comment. */
export type ContentState = 'draft' | 'submitted' | 'published' | 'withdrawn';
export const CONTENT_STATES: readonly ContentState[] = ['draft', 'submitted', 'published', 'withdrawn'];

export interface PortalSection {
  /** URL key, e.g. "nghi-quyet" (lower-case ASCII and hyphens). */
  key: string;
  kind: ContentKind;
  titleVi: string;
  titleEn: string;
  /** Sections the software ships with (the seed's list); the board adds more. */
  builtIn: boolean;
  position: number;
}

/** The sections named in the seed report (Nghị quyết 01/NQ-TTr.HĐND on the editorial board) plus news and pages. */
export const BUILT_IN_SECTIONS: readonly Omit<PortalSection, 'position' | 'builtIn'>[] = [
  { key: 'tin-tuc', kind: 'article', titleVi: 'Tin tức', titleEn: 'News' },
  { key: 'su-kien', kind: 'article', titleVi: 'Sự kiện', titleEn: 'Events' },
  { key: 'gioi-thieu', kind: 'page', titleVi: 'Giới thiệu', titleEn: 'About the council' },
  { key: 'lien-he', kind: 'page', titleVi: 'Liên hệ', titleEn: 'Contact' },
  { key: 'chuong-trinh-hanh-dong', kind: 'document', titleVi: 'Chương trình hành động', titleEn: 'Action programmes' },
  { key: 'quy-hoach', kind: 'document', titleVi: 'Quy hoạch', titleEn: 'Planning' },
  { key: 'van-ban-dieu-hanh', kind: 'document', titleVi: 'Văn bản điều hành', titleEn: 'Executive documents' },
  { key: 'thu-tuc-hanh-chinh', kind: 'document', titleVi: 'Thủ tục hành chính', titleEn: 'Administrative procedures' },
  { key: 'van-ban-qppl', kind: 'document', titleVi: 'Văn bản quy phạm pháp luật', titleEn: 'Legal normative documents' },
  { key: 'nghi-quyet', kind: 'document', titleVi: 'Nghị quyết', titleEn: 'Resolutions' },
  { key: 'ky-yeu', kind: 'document', titleVi: 'Kỷ yếu', titleEn: 'Session archive (Kỷ yếu)' },
];

export interface PortalLink {
  title: string;
  url: string;
}

/** A file kept by the portal (an attachment of an item, an image in a body, a delegate's photo). */
export interface PortalFile {
  /** Random, URL-safe ([A-Za-z0-9_-]); readers fetch it at /tep/<id>. */
  id: string;
  /** The name the file had on upload (shown to readers, used as the download name). */
  name: string;
  /** One of PORTAL_FILE_TYPES. */
  contentType: string;
  size: number;
  sha256: string;
  /** Pixel size of an image (after it was resized on upload); null for other files. */
  width: number | null;
  height: number | null;
  uploadedAt: string;
  uploadedBy: string;
}

/** The file types the portal accepts: images (resized on upload) and documents readers download. */
export const PORTAL_FILE_TYPES: Readonly<Record<string, { ext: string; image: boolean }>> = {
  'image/jpeg': { ext: 'jpg', image: true },
  'image/png': { ext: 'png', image: true },
  'application/pdf': { ext: 'pdf', image: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', image: false },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', image: false },
  'application/msword': { ext: 'doc', image: false },
  'application/vnd.ms-excel': { ext: 'xls', image: false },
  'application/zip': { ext: 'zip', image: false },
};

/** The largest file the portal accepts (before an image is resized). */
export const PORTAL_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** An uploaded image larger than this on its long side is scaled down to it (aspect kept). */
export const PORTAL_IMAGE_MAX_SIDE = 1600;
/** Images with more pixels than this are refused before they are decoded (a small file can hold a huge image). */
export const PORTAL_IMAGE_MAX_PIXELS = 50_000_000;

/** A file attached to an item (tệp đính kèm), with what the reader's list shows about it. */
export interface ContentAttachment {
  fileId: string;
  /** What the link says, e.g. "Toàn văn Nghị quyết (PDF)". */
  title: string;
  name: string;
  contentType: string;
  size: number;
}

export interface ContentItem {
  id: string;
  kind: ContentKind;
  section: string;
  state: ContentState;
  title: string;
  summary: string;
  /** The English title and summary readers of the English pages see; null: the Vietnamese one is shown. */
  titleEn: string | null;
  summaryEn: string | null;
  /** Sanitised on the server (sanitize-html); safe to insert into a page. */
  bodyHtml: string;
  /** Số hiệu of a document, e.g. "12/NQ-HĐND"; null for articles and pages. */
  documentNumber: string | null;
  /** Ngày ban hành (YYYY-MM-DD) of a document. */
  issuedOn: string | null;
  /** Ngày có hiệu lực (YYYY-MM-DD) of a document; null when not stated. */
  effectiveOn: string | null;
  /** Cơ quan ban hành of a document, e.g. "HĐND đặc khu Côn Đảo"; null for articles and pages. */
  issuingBody: string | null;
  /** Tệp đính kèm, in the order readers see them. */
  attachments: ContentAttachment[];
  /** Tài liệu mật: can never be submitted or published. */
  confidential: boolean;
  links: PortalLink[];
  /** The session whose Kỷ yếu this belongs to, when it came from the session checklist. */
  sessionId: string | null;
  /** What the item was made from on the session checklist: "document:<id>", "resolution:<id>", "minutes:<sessionId>". */
  source: string | null;
  version: number;
  /** The head of the board's comment when the item was last sent back. */
  reviewComment: string | null;
  /** When the published item becomes visible to readers (scheduled publishing); null until published. */
  publishAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface ContentVersion {
  itemId: string;
  version: number;
  savedAt: string;
  savedBy: string;
  title: string;
  summary: string;
  bodyHtml: string;
  bodySha256: string;
}

export interface ContentTransition {
  itemId: string;
  at: string;
  by: string;
  from: ContentState;
  to: ContentState;
  action: ContentAction;
  comment: string | null;
  version: number;
}

export type ContentAction = 'submit' | 'send-back' | 'publish' | 'unpublish';

export interface DiffLine {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface ChecklistEntry {
  source: string;
  kind: 'document' | 'resolution' | 'result' | 'minutes';
  title: string;
  detail: string;
  confidential: boolean;
  /** Resolutions and their results are published automatically (the hall's portal pages). */
  automatic: boolean;
  /** The portal item made from it, if any, and its state. */
  itemId: string | null;
  itemState: ContentState | null;
}

export interface SessionChecklist {
  sessionId: string;
  title: string;
  closed: boolean;
  entries: ChecklistEntry[];
  /** Entries sorted (an item exists) over entries to sort. */
  done: number;
  total: number;
}

/** What the portal shows about a delegate beyond the hall's roster (which keeps name, position and group). */
export interface DelegateProfile {
  delegateId: string;
  /** Đơn vị bầu cử. */
  constituency: string;
  /** Ban, tổ đại biểu the delegate sits on. */
  committees: string[];
  /** How voters reach the delegate (office address, phone, e-mail, reception days). */
  contact: string;
  /** The portal file holding the delegate's photo (an image resized on upload); null: no photo. */
  photoFileId: string | null;
  updatedAt: string;
  updatedBy: string;
}

export const EDITORIAL_API = {
  sections: '/api/portal/sections',
  items: '/api/portal/items',
  item: (id: string) => `/api/portal/items/${id}`,
  transition: (id: string) => `/api/portal/items/${id}/transition`,
  versions: (id: string) => `/api/portal/items/${id}/versions`,
  diff: (id: string, from: number, to: number) => `/api/portal/items/${id}/diff?from=${from}&to=${to}`,
  sessionChecklist: (sessionId: string) => `/api/portal/sessions/${sessionId}/checklist`,
  checklistDraft: (sessionId: string) => `/api/portal/sessions/${sessionId}/checklist/draft`,
  delegateProfile: (delegateId: string) => `/api/portal/delegates/${delegateId}/profile`,
  delegatePhoto: (delegateId: string) => `/api/portal/delegates/${delegateId}/photo`,
  files: '/api/portal/files',
  file: (id: string) => `/api/portal/files/${id}`,
  review: (from: string, to: string, format: 'json' | 'pdf' | 'xlsx') => `/api/portal/review.${format}?from=${from}&to=${to}`,
} as const;

/** What readers and editors call a file of this type: "PDF", "Word (DOCX)", "Excel (XLSX)", "JPEG"… */
export function fileKindLabel(contentType: string): string {
  switch (contentType) {
    case 'application/pdf':
      return 'PDF';
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return 'Word (DOCX)';
    case 'application/msword':
      return 'Word (DOC)';
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return 'Excel (XLSX)';
    case 'application/vnd.ms-excel':
      return 'Excel (XLS)';
    case 'image/jpeg':
      return 'JPEG';
    case 'image/png':
      return 'PNG';
    case 'application/zip':
      return 'ZIP';
    default:
      return contentType;
  }
}

/** A file's size for people: "820 KB", "1,2 MB" (a comma in Vietnamese, a point in English). */
export function formatFileSize(bytes: number, lang: 'vi' | 'en'): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const text = (bytes / 1024 / 1024).toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text} MB`;
}
