// The editorial service: applies the pure workflow rules to the PortalStore, keeps every version, and puts
// each save and transition in the tamper-evident log (ids, states and SHA-256 of the text, never the text).
// The store write comes first (it is a compare-and-set); its witness is appended to the log right after.

import { createHash } from 'node:crypto';
import type {
  ContentAttachment,
  DelegateProfile,
  ContentEdit,
  ContentInput,
  ContentItem,
  ContentTransition,
  ContentVersion,
  ErrorCode,
  StaffRole,
} from '@hddt/protocol';
import type { Actor, DomainEvent } from '../../domain/types';
import type { ExecResult } from '../../engine';
import { sanitizeBody } from './sanitize';
import type { PortalStore } from './store';
import { checkEdit, canWrite, decideTransition, type TransitionRequest } from './workflow';

export type EditorialResult<T> = { ok: true; value: T } | { ok: false; code: ErrorCode };

export interface EditorialDeps {
  store: PortalStore;
  record: (events: DomainEvent[], actor: Actor) => Promise<ExecResult>;
  nowMs: () => number;
  newId: () => string;
}

export interface Editor {
  username: string;
  role: StaffRole;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const actorOf = (e: Editor): Actor => ({ kind: 'staff', username: e.username, role: e.role });

export class Editorial {
  constructor(private readonly deps: EditorialDeps) {}

  private now(): string {
    return new Date(this.deps.nowMs()).toISOString();
  }

  private async sectionOk(kind: ContentInput['kind'], key: string): Promise<boolean> {
    const s = (await this.deps.store.sections()).find((x) => x.key === key);
    return !!s && s.kind === kind;
  }

  private versionOf(item: ContentItem, at: string, by: string): ContentVersion {
    return {
      itemId: item.id,
      version: item.version,
      savedAt: at,
      savedBy: by,
      title: item.title,
      summary: item.summary,
      bodyHtml: item.bodyHtml,
      bodySha256: sha256(item.bodyHtml),
    };
  }

  private savedEvent(item: ContentItem): DomainEvent {
    return {
      type: 'portal.item-saved',
      itemId: item.id,
      version: item.version,
      kind: item.kind,
      section: item.section,
      titleSha256: sha256(item.title),
      bodySha256: sha256(item.bodyHtml),
    };
  }

  /** The attachments as stored: each uploaded file's name, type and size filled in from the store. */
  private async attachmentsOf(list: ContentInput['attachments']): Promise<EditorialResult<ContentAttachment[]>> {
    const out: ContentAttachment[] = [];
    for (const a of list) {
      const meta = await this.deps.store.fileMeta(a.fileId);
      if (!meta) return { ok: false, code: 'FILE_NOT_FOUND' };
      out.push({ fileId: meta.id, title: a.title.normalize('NFC'), name: meta.name, contentType: meta.contentType, size: meta.size });
    }
    return { ok: true, value: out };
  }

  async create(editor: Editor, input: ContentInput): Promise<EditorialResult<ContentItem>> {
    if (!canWrite(editor.role)) return { ok: false, code: 'FORBIDDEN' };
    if (!(await this.sectionOk(input.kind, input.section))) return { ok: false, code: 'BAD_REQUEST' };
    const attachments = await this.attachmentsOf(input.attachments);
    if (!attachments.ok) return attachments;
    const at = this.now();
    const doc = input.kind === 'document';
    const item: ContentItem = {
      id: this.deps.newId(),
      kind: input.kind,
      section: input.section,
      state: 'draft',
      title: input.title.normalize('NFC'),
      summary: input.summary.normalize('NFC'),
      titleEn: input.titleEn?.normalize('NFC') ?? null,
      summaryEn: input.summaryEn?.normalize('NFC') ?? null,
      bodyHtml: sanitizeBody(input.bodyHtml),
      documentNumber: doc ? input.documentNumber : null,
      issuedOn: doc ? input.issuedOn : null,
      effectiveOn: doc ? input.effectiveOn : null,
      issuingBody: doc ? (input.issuingBody?.normalize('NFC') ?? null) : null,
      attachments: attachments.value,
      confidential: doc ? input.confidential : false,
      links: input.links,
      sessionId: input.sessionId,
      source: input.source,
      version: 1,
      reviewComment: null,
      publishAt: null,
      createdAt: at,
      createdBy: editor.username,
      updatedAt: at,
      updatedBy: editor.username,
    };
    if (!(await this.deps.store.commit({ item, expect: null, version: this.versionOf(item, at, editor.username) }))) return { ok: false, code: 'CONFLICT' };
    const logged = await this.deps.record([this.savedEvent(item)], actorOf(editor));
    if (!logged.ok) return { ok: false, code: logged.code };
    return { ok: true, value: item };
  }

  async edit(editor: Editor, id: string, edit: ContentEdit): Promise<EditorialResult<ContentItem>> {
    const current = await this.deps.store.item(id);
    if (!current) return { ok: false, code: 'CONTENT_NOT_FOUND' };
    const allowed = checkEdit(editor.role, current);
    if (!allowed.ok) return allowed;
    if (edit.baseVersion !== current.version) return { ok: false, code: 'CONFLICT' };
    if (!(await this.sectionOk(current.kind, edit.section))) return { ok: false, code: 'BAD_REQUEST' };
    const attachments = await this.attachmentsOf(edit.attachments);
    if (!attachments.ok) return attachments;
    const at = this.now();
    const doc = current.kind === 'document';
    const item: ContentItem = {
      ...current,
      state: allowed.value,
      section: edit.section,
      title: edit.title.normalize('NFC'),
      summary: edit.summary.normalize('NFC'),
      titleEn: edit.titleEn?.normalize('NFC') ?? null,
      summaryEn: edit.summaryEn?.normalize('NFC') ?? null,
      bodyHtml: sanitizeBody(edit.bodyHtml),
      documentNumber: doc ? edit.documentNumber : null,
      issuedOn: doc ? edit.issuedOn : null,
      effectiveOn: doc ? edit.effectiveOn : null,
      issuingBody: doc ? (edit.issuingBody?.normalize('NFC') ?? null) : null,
      attachments: attachments.value,
      confidential: doc ? edit.confidential : false,
      links: edit.links,
      sessionId: edit.sessionId,
      source: current.source,
      version: current.version + 1,
      publishAt: null,
      updatedAt: at,
      updatedBy: editor.username,
    };
    const ok = await this.deps.store.commit({
      item,
      expect: { version: current.version, state: current.state },
      version: this.versionOf(item, at, editor.username),
    });
    if (!ok) return { ok: false, code: 'CONFLICT' };
    const logged = await this.deps.record([this.savedEvent(item)], actorOf(editor));
    if (!logged.ok) return { ok: false, code: logged.code };
    return { ok: true, value: item };
  }

  async transition(editor: Editor, id: string, request: TransitionRequest): Promise<EditorialResult<ContentItem>> {
    const current = await this.deps.store.item(id);
    if (!current) return { ok: false, code: 'CONTENT_NOT_FOUND' };
    const at = this.now();
    const decided = decideTransition(editor.role, current, request, at);
    if (!decided.ok) return decided;
    const { from, to, comment, publishAt } = decided.value;
    const item: ContentItem = {
      ...current,
      state: to,
      reviewComment: request.action === 'send-back' ? comment : request.action === 'submit' ? null : current.reviewComment,
      publishAt: to === 'published' ? publishAt : to === 'withdrawn' ? current.publishAt : null,
      updatedAt: at,
      updatedBy: editor.username,
    };
    const transition: ContentTransition = { itemId: id, at, by: editor.username, from, to, action: request.action, comment, version: current.version };
    const ok = await this.deps.store.commit({ item, expect: { version: current.version, state: current.state }, transition });
    if (!ok) return { ok: false, code: 'CONFLICT' };
    const logged = await this.deps.record(
      [
        {
          type: 'portal.item-transition',
          itemId: id,
          action: request.action,
          from,
          to,
          version: current.version,
          commentSha256: comment ? sha256(comment) : null,
          publishAt,
        },
      ],
      actorOf(editor),
    );
    if (!logged.ok) return { ok: false, code: logged.code };
    return { ok: true, value: item };
  }

  /** Delegate profiles are public facts the head of the board keeps (the roster keeps name and position). */
  async saveDelegateProfile(
    editor: Editor,
    delegateId: string,
    input: Pick<DelegateProfile, 'constituency' | 'committees' | 'contact'>,
  ): Promise<EditorialResult<DelegateProfile>> {
    if (editor.role !== 'board-head') return { ok: false, code: 'FORBIDDEN' };
    const before = await this.deps.store.delegateProfile(delegateId);
    const profile: DelegateProfile = {
      delegateId,
      photoFileId: before?.photoFileId ?? null,
      constituency: input.constituency.normalize('NFC'),
      committees: input.committees.map((c) => c.normalize('NFC')),
      contact: input.contact.normalize('NFC'),
      updatedAt: this.now(),
      updatedBy: editor.username,
    };
    await this.deps.store.saveDelegateProfile(profile);
    const text = JSON.stringify([profile.constituency, profile.committees, profile.contact]);
    const logged = await this.deps.record([{ type: 'portal.delegate-profile-saved', delegateId, sha256: sha256(text) }], actorOf(editor));
    if (!logged.ok) return { ok: false, code: logged.code };
    return { ok: true, value: profile };
  }

  /** Sets (or with null removes) a delegate's photo: a portal file kept by saveFile, an image. */
  async setDelegatePhoto(editor: Editor, delegateId: string, photo: { id: string; sha256: string } | null): Promise<EditorialResult<DelegateProfile>> {
    if (editor.role !== 'board-head') return { ok: false, code: 'FORBIDDEN' };
    const before = await this.deps.store.delegateProfile(delegateId);
    const profile: DelegateProfile = {
      delegateId,
      constituency: before?.constituency ?? '',
      committees: before?.committees ?? [],
      contact: before?.contact ?? '',
      photoFileId: photo?.id ?? null,
      updatedAt: this.now(),
      updatedBy: editor.username,
    };
    await this.deps.store.saveDelegateProfile(profile);
    const text = JSON.stringify([profile.constituency, profile.committees, profile.contact, photo?.sha256 ?? null]);
    const logged = await this.deps.record([{ type: 'portal.delegate-profile-saved', delegateId, sha256: sha256(text) }], actorOf(editor));
    if (!logged.ok) return { ok: false, code: logged.code };
    return { ok: true, value: profile };
  }

  async addSection(editor: Editor, section: { key: string; kind: ContentInput['kind']; titleVi: string; titleEn: string }): Promise<EditorialResult<true>> {
    if (editor.role !== 'board-head') return { ok: false, code: 'FORBIDDEN' };
    if (!(await this.deps.store.addSection(section))) return { ok: false, code: 'SECTION_EXISTS' };
    const logged = await this.deps.record([{ type: 'portal.section-added', key: section.key, kind: section.kind }], actorOf(editor));
    if (!logged.ok) return { ok: false, code: logged.code };
    return { ok: true, value: true };
  }
}
