// The portal's storage seam. Everything the editorial portal reads or writes goes through PortalStore, with
// async methods so that a PostgreSQL implementation can stand behind the same interface when the portal runs
// as its own service. The SQLite implementation (sqlite-store.ts) is the default; store-contract.ts is the
// test suite every implementation must pass.

import type { ContentItem, ContentKind, ContentState, ContentTransition, ContentVersion, DelegateProfile, PortalFile, PortalSection } from '@hddt/protocol';

export interface ItemFilter {
  state?: ContentState;
  section?: string;
  kind?: ContentKind;
  sessionId?: string;
}

/**
 * One atomic change to an item: its new row, optionally a new version and a workflow transition. `expect`
 * is the version and state the writer read (compare-and-set); null creates the item. The change is refused
 * (false) when the stored item no longer matches, so two people never overwrite each other silently.
 */
export interface ItemChange {
  item: ContentItem;
  expect: { version: number; state: ContentState } | null;
  version?: ContentVersion;
  transition?: ContentTransition;
}

/** The portal files an item uses: its attachments and the images of its body (src="/tep/<id>"). */
export function referencedFileIds(item: Pick<ContentItem, 'attachments' | 'bodyHtml'>): string[] {
  const ids = new Set(item.attachments.map((a) => a.fileId));
  for (const m of item.bodyHtml.matchAll(/\/tep\/([A-Za-z0-9_-]{1,64})/g)) ids.add(m[1]!);
  return [...ids];
}

export interface SectionViews {
  section: string;
  views: number;
}

export interface PortalStore {
  sections(): Promise<PortalSection[]>;
  /** False when a section with this key exists. */
  addSection(section: Omit<PortalSection, 'position' | 'builtIn'>): Promise<boolean>;

  commit(change: ItemChange): Promise<boolean>;
  item(id: string): Promise<ContentItem | null>;
  /** Newest change first. */
  items(filter?: ItemFilter): Promise<ContentItem[]>;
  versions(itemId: string): Promise<ContentVersion[]>;
  version(itemId: string, version: number): Promise<ContentVersion | null>;
  /** Oldest first. */
  transitions(itemId: string): Promise<ContentTransition[]>;

  /** What readers may see at `nowIso`: published, due, not confidential; newest publication first. */
  publicItems(nowIso: string, filter?: { section?: string; limit?: number }): Promise<ContentItem[]>;
  /** Public items whose text (folded: lower case, no diacritics) contains every folded word. */
  searchPublic(nowIso: string, foldedWords: readonly string[], limit?: number): Promise<ContentItem[]>;

  /** Counts a page view for a section on a day; nothing about the reader is kept. */
  countView(day: string, section: string): Promise<void>;
  viewsBetween(fromDay: string, toDay: string): Promise<SectionViews[]>;
  delegateProfile(delegateId: string): Promise<DelegateProfile | null>;
  saveDelegateProfile(profile: DelegateProfile): Promise<void>;

  /** Keeps a file; false (and nothing changed) when a file with this id exists. Files are never changed. */
  saveFile(meta: PortalFile, bytes: Uint8Array): Promise<boolean>;
  /** The file's description without its bytes. */
  fileMeta(id: string): Promise<PortalFile | null>;
  file(id: string): Promise<{ meta: PortalFile; bytes: Uint8Array } | null>;
  /**
   * Whether readers may fetch the file at `nowIso`: an item that readers see (publicItems' rule) uses it
   * (referencedFileIds: attachment or body image), or it is a delegate's photo. Files of drafts and of
   * confidential documents stay private.
   */
  fileIsPublic(nowIso: string, id: string): Promise<boolean>;

  /**
   * Removes the uploads nobody uses, uploaded before `uploadedBeforeIso`, and returns their ids. A file is
   * kept while any item uses it now or ever did (every item state committed is remembered, so every version
   * stays comparable and restorable with its images and attachments), while any kept version's body shows
   * it (`/tep/<id>`), or while it is a delegate's photo. What goes is what was uploaded and never saved into
   * an item (an abandoned draft's upload, a replaced delegate photo).
   */
  removeUnusedFiles(uploadedBeforeIso: string): Promise<string[]>;

  /** Transitions in a time range (the half-year review). */
  transitionsBetween(fromIso: string, toIso: string): Promise<ContentTransition[]>;
}
