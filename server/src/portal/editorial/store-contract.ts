// The contract every PortalStore implementation must pass, written against the interface only. Run it with a
// factory: portalStoreContract('SQLite', async () => ({ store, dispose })). A PostgreSQL store runs the same.

import type { ContentItem, ContentTransition, ContentVersion, PortalFile } from '@hddt/protocol';
import { describe, expect, it } from 'vitest';
import { fold } from '../public-data';
import type { PortalStore } from './store';

export type StoreFactory = () => Promise<{ store: PortalStore; dispose: () => Promise<void> }>;

const T0 = '2026-07-01T08:00:00.000Z';

export function sampleItem(over: Partial<ContentItem> = {}): ContentItem {
  return {
    id: 'it1',
    kind: 'article',
    section: 'tin-tuc',
    state: 'draft',
    title: 'Kỳ họp thứ Tư thông qua nghị quyết về ngân sách',
    summary: 'Hội đồng nhân dân đặc khu Côn Đảo đã thông qua 5 nghị quyết.',
    titleEn: null,
    summaryEn: null,
    bodyHtml: '<p>Sáng nay, kỳ họp đã thông qua <strong>Nghị quyết</strong> về dự toán ngân sách.</p>',
    documentNumber: null,
    issuedOn: null,
    effectiveOn: null,
    issuingBody: null,
    attachments: [],
    confidential: false,
    links: [{ title: 'Cổng HĐND tỉnh', url: 'https://hdnd.example.vn/' }],
    sessionId: null,
    source: null,
    version: 1,
    reviewComment: null,
    publishAt: null,
    createdAt: T0,
    createdBy: 'bientap',
    updatedAt: T0,
    updatedBy: 'bientap',
    ...over,
  };
}

export function sampleFile(over: Partial<PortalFile> = {}): PortalFile {
  return {
    id: 'f1',
    name: 'Nghị quyết 12.pdf',
    contentType: 'application/pdf',
    size: 5,
    sha256: 'ab'.repeat(32),
    width: null,
    height: null,
    uploadedAt: T0,
    uploadedBy: 'bientap',
    ...over,
  };
}

const versionOf = (i: ContentItem, at = T0): ContentVersion => ({
  itemId: i.id,
  version: i.version,
  savedAt: at,
  savedBy: i.updatedBy,
  title: i.title,
  summary: i.summary,
  bodyHtml: i.bodyHtml,
  bodySha256: `sha-${i.version}`,
});

export function portalStoreContract(name: string, factory: StoreFactory): void {
  describe(`PortalStore contract: ${name}`, () => {
    async function withStore(run: (store: PortalStore) => Promise<void>): Promise<void> {
      const { store, dispose } = await factory();
      try {
        await run(store);
      } finally {
        await dispose();
      }
    }

    it('ships the seed sections and adds new ones once', () =>
      withStore(async (store) => {
        const keys = (await store.sections()).map((s) => s.key);
        for (const k of [
          'chuong-trinh-hanh-dong',
          'quy-hoach',
          'van-ban-dieu-hanh',
          'thu-tuc-hanh-chinh',
          'van-ban-qppl',
          'nghi-quyet',
          'ky-yeu',
          'tin-tuc',
          'gioi-thieu',
          'lien-he',
        ]) {
          expect(keys).toContain(k);
        }
        expect(await store.addSection({ key: 'giam-sat', kind: 'document', titleVi: 'Giám sát', titleEn: 'Oversight' })).toBe(true);
        expect(await store.addSection({ key: 'giam-sat', kind: 'document', titleVi: 'Khác', titleEn: 'Other' })).toBe(false);
        const added = (await store.sections()).find((s) => s.key === 'giam-sat');
        expect(added).toMatchObject({ titleVi: 'Giám sát', builtIn: false });
        expect(added!.position).toBeGreaterThan(11);
      }));

    it('creates an item once and reads it back whole', () =>
      withStore(async (store) => {
        const item = sampleItem();
        expect(await store.commit({ item, expect: null, version: versionOf(item) })).toBe(true);
        expect(await store.commit({ item, expect: null, version: versionOf(item) })).toBe(false);
        expect(await store.item('it1')).toEqual(item);
        expect(await store.item('nope')).toBeNull();
        expect(await store.versions('it1')).toEqual([versionOf(item)]);
      }));

    it('refuses a change based on a stale version or state (compare-and-set) and keeps every version', () =>
      withStore(async (store) => {
        const v1 = sampleItem();
        await store.commit({ item: v1, expect: null, version: versionOf(v1) });
        const v2 = { ...v1, version: 2, title: 'Tiêu đề mới', updatedAt: '2026-07-01T09:00:00.000Z' };
        expect(await store.commit({ item: v2, expect: { version: 1, state: 'draft' }, version: versionOf(v2) })).toBe(true);
        const stale = { ...v1, version: 2, title: 'Ghi đè' };
        expect(await store.commit({ item: stale, expect: { version: 1, state: 'draft' }, version: versionOf(stale) })).toBe(false);
        expect(await store.commit({ item: stale, expect: { version: 2, state: 'submitted' } })).toBe(false);
        expect((await store.item('it1'))!.title).toBe('Tiêu đề mới');
        expect((await store.versions('it1')).map((v) => v.version)).toEqual([1, 2]);
        expect((await store.version('it1', 1))!.title).toBe(v1.title);
        expect(await store.version('it1', 9)).toBeNull();
      }));

    it('keeps transitions in order, with the reviewer comment', () =>
      withStore(async (store) => {
        const item = sampleItem();
        await store.commit({ item, expect: null, version: versionOf(item) });
        const steps: [ContentTransition, ContentItem][] = [];
        const t1: ContentTransition = {
          itemId: 'it1',
          at: '2026-07-01T09:00:00.000Z',
          by: 'bientap',
          from: 'draft',
          to: 'submitted',
          action: 'submit',
          comment: null,
          version: 1,
        };
        const t2: ContentTransition = {
          itemId: 'it1',
          at: '2026-07-01T10:00:00.000Z',
          by: 'truongban',
          from: 'submitted',
          to: 'draft',
          action: 'send-back',
          comment: 'Bổ sung số liệu.',
          version: 1,
        };
        steps.push([t1, { ...item, state: 'submitted' }], [t2, { ...item, state: 'draft', reviewComment: 'Bổ sung số liệu.' }]);
        let prev = item;
        for (const [t, next] of steps) {
          expect(await store.commit({ item: next, expect: { version: prev.version, state: prev.state }, transition: t })).toBe(true);
          prev = next;
        }
        expect(await store.transitions('it1')).toEqual([t1, t2]);
        expect((await store.item('it1'))!.reviewComment).toBe('Bổ sung số liệu.');
        expect(await store.transitionsBetween('2026-07-01T09:30:00.000Z', '2026-07-02T00:00:00.000Z')).toEqual([t2]);
      }));

    it('shows readers only published, due, non-confidential items, newest first', () =>
      withStore(async (store) => {
        const items = [
          sampleItem({ id: 'a', state: 'published', publishAt: '2026-07-01T08:00:00.000Z' }),
          sampleItem({ id: 'b', state: 'published', publishAt: '2026-07-02T08:00:00.000Z', section: 'su-kien' }),
          sampleItem({ id: 'later', state: 'published', publishAt: '2026-08-01T08:00:00.000Z' }),
          sampleItem({ id: 'draft', state: 'draft' }),
          sampleItem({ id: 'gone', state: 'withdrawn', publishAt: '2026-07-01T08:00:00.000Z' }),
          sampleItem({
            id: 'secret',
            kind: 'document',
            section: 'van-ban-dieu-hanh',
            state: 'published',
            confidential: true,
            publishAt: '2026-07-01T08:00:00.000Z',
          }),
        ];
        for (const item of items) await store.commit({ item, expect: null });
        const now = '2026-07-15T00:00:00.000Z';
        expect((await store.publicItems(now)).map((i) => i.id)).toEqual(['b', 'a']);
        expect((await store.publicItems(now, { section: 'tin-tuc' })).map((i) => i.id)).toEqual(['a']);
        expect((await store.publicItems('2026-08-02T00:00:00.000Z')).map((i) => i.id)).toEqual(['later', 'b', 'a']);
        expect((await store.publicItems(now, { limit: 1 })).map((i) => i.id)).toEqual(['b']);
      }));

    it('searches public items by folded words: "nghi quyet ngan sach" finds "Nghị quyết … ngân sách"', () =>
      withStore(async (store) => {
        await store.commit({ item: sampleItem({ id: 'p', state: 'published', publishAt: T0 }), expect: null });
        await store.commit({ item: sampleItem({ id: 'd', state: 'draft' }), expect: null });
        await store.commit({
          item: sampleItem({
            id: 'n',
            state: 'published',
            publishAt: T0,
            kind: 'document',
            section: 'nghi-quyet',
            title: 'Về đầu tư công',
            bodyHtml: '<p>Số 12/NQ-HĐND</p>',
            summary: '',
            documentNumber: '12/NQ-HĐND',
          }),
          expect: null,
        });
        const now = '2026-07-15T00:00:00.000Z';
        const words = (q: string) => fold(q).split(' ');
        expect((await store.searchPublic(now, words('nghi quyet ngan sach'))).map((i) => i.id)).toEqual(['p']);
        expect((await store.searchPublic(now, words('DỰ TOÁN'))).map((i) => i.id)).toEqual(['p']);
        expect((await store.searchPublic(now, words('12/nq-hdnd'))).map((i) => i.id)).toEqual(['n']);
        expect(await store.searchPublic(now, words('100%_'))).toEqual([]);
        expect(await store.searchPublic(now, [])).toEqual([]);
      }));

    it('counts page views per section and day, nothing else', () =>
      withStore(async (store) => {
        await store.countView('2026-07-01', 'tin-tuc');
        await store.countView('2026-07-01', 'tin-tuc');
        await store.countView('2026-07-02', 'nghi-quyet');
        await store.countView('2027-01-01', 'tin-tuc');
        expect(await store.viewsBetween('2026-07-01', '2026-12-31')).toEqual([
          { section: 'nghi-quyet', views: 1 },
          { section: 'tin-tuc', views: 2 },
        ]);
      }));

    it('keeps one profile per delegate, replaced whole on save', () =>
      withStore(async (store) => {
        expect(await store.delegateProfile('d1')).toBeNull();
        const p = {
          delegateId: 'd1',
          constituency: 'Đơn vị bầu cử số 1',
          committees: ['Ban Pháp chế'],
          contact: 'Trụ sở HĐND, thứ Năm hằng tuần',
          photoFileId: null,
          updatedAt: T0,
          updatedBy: 'truongban',
        };
        await store.saveDelegateProfile(p);
        expect(await store.delegateProfile('d1')).toEqual(p);
        await store.saveDelegateProfile({ ...p, committees: [], contact: '', photoFileId: 'photo1' });
        expect(await store.delegateProfile('d1')).toEqual({ ...p, committees: [], contact: '', photoFileId: 'photo1' });
      }));

    it('reads back a document’s issuing body, dates, English title and attachments', () =>
      withStore(async (store) => {
        const item = sampleItem({
          kind: 'document',
          section: 'nghi-quyet',
          documentNumber: '12/NQ-HĐND',
          issuedOn: '2026-07-01',
          effectiveOn: '2026-07-15',
          issuingBody: 'HĐND đặc khu Côn Đảo',
          titleEn: 'Resolution on the 2027 budget',
          summaryEn: 'The council adopted the budget.',
          attachments: [{ fileId: 'f1', title: 'Toàn văn (PDF)', name: 'NQ 12.pdf', contentType: 'application/pdf', size: 5 }],
        });
        await store.commit({ item, expect: null, version: versionOf(item) });
        expect(await store.item('it1')).toEqual(item);
        const edited = { ...item, version: 2, effectiveOn: null, issuingBody: null, titleEn: null, summaryEn: null, attachments: [] };
        expect(await store.commit({ item: edited, expect: { version: 1, state: 'draft' } })).toBe(true);
        expect(await store.item('it1')).toEqual(edited);
      }));

    it('keeps files once, whole, byte for byte', () =>
      withStore(async (store) => {
        const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
        const meta = sampleFile({ size: bytes.length });
        expect(await store.fileMeta('f1')).toBeNull();
        expect(await store.file('f1')).toBeNull();
        expect(await store.saveFile(meta, bytes)).toBe(true);
        expect(await store.saveFile({ ...meta, name: 'khác.pdf' }, new Uint8Array([1]))).toBe(false);
        expect(await store.fileMeta('f1')).toEqual(meta);
        const got = await store.file('f1');
        expect(got!.meta).toEqual(meta);
        expect(Array.from(got!.bytes)).toEqual(Array.from(bytes));
        const image = sampleFile({ id: 'img', name: 'anh.jpg', contentType: 'image/jpeg', width: 1600, height: 900 });
        await store.saveFile(image, new Uint8Array([0xff, 0xd8]));
        expect(await store.fileMeta('img')).toEqual(image);
      }));

    it('lets readers fetch a file only while a public item uses it or it is a delegate’s photo', () =>
      withStore(async (store) => {
        for (const id of ['att', 'img', 'draft-only', 'secret', 'photo', 'loose']) await store.saveFile(sampleFile({ id }), new Uint8Array([1]));
        const now = '2026-07-15T00:00:00.000Z';
        const attachment = (fileId: string) => ({ fileId, title: 'Tệp', name: 'a.pdf', contentType: 'application/pdf', size: 1 });
        const pub = sampleItem({
          id: 'pub',
          state: 'published',
          publishAt: T0,
          attachments: [attachment('att')],
          bodyHtml: '<p><img src="/tep/img" alt="Toàn cảnh kỳ họp"></p>',
        });
        await store.commit({ item: pub, expect: null });
        await store.commit({ item: sampleItem({ id: 'dr', attachments: [attachment('draft-only')] }), expect: null });
        await store.commit({
          item: sampleItem({
            id: 'sec',
            kind: 'document',
            section: 'van-ban-dieu-hanh',
            state: 'published',
            publishAt: T0,
            confidential: true,
            attachments: [attachment('secret')],
          }),
          expect: null,
        });
        await store.saveDelegateProfile({
          delegateId: 'd1',
          constituency: '',
          committees: [],
          contact: '',
          photoFileId: 'photo',
          updatedAt: T0,
          updatedBy: 'truongban',
        });
        expect(await store.fileIsPublic(now, 'att')).toBe(true);
        expect(await store.fileIsPublic(now, 'img')).toBe(true);
        expect(await store.fileIsPublic(now, 'photo')).toBe(true);
        expect(await store.fileIsPublic(now, 'draft-only')).toBe(false);
        expect(await store.fileIsPublic(now, 'secret')).toBe(false);
        expect(await store.fileIsPublic(now, 'loose')).toBe(false);
        expect(await store.fileIsPublic(now, 'missing')).toBe(false);
        // Not yet due, then withdrawn: private again; an edit that drops the image drops it from the public set.
        expect(await store.fileIsPublic('2026-06-01T00:00:00.000Z', 'att')).toBe(false);
        const withdrawn = { ...pub, state: 'withdrawn' as const };
        await store.commit({ item: withdrawn, expect: { version: 1, state: 'published' } });
        expect(await store.fileIsPublic(now, 'att')).toBe(false);
        const republished = { ...pub, version: 2, bodyHtml: '<p>Không còn ảnh.</p>' };
        await store.commit({ item: republished, expect: { version: 1, state: 'withdrawn' } });
        expect(await store.fileIsPublic(now, 'att')).toBe(true);
        expect(await store.fileIsPublic(now, 'img')).toBe(false);
      }));

    it('removes only old uploads no item has ever used: never a file of any version, nor a delegate’s photo', () =>
      withStore(async (store) => {
        const old = '2026-07-01T00:00:00.000Z';
        const recent = '2026-07-14T12:00:00.000Z';
        const cutoff = '2026-07-14T00:00:00.000Z';
        const ids = ['loose', 'fresh', 'att-now', 'att-before', 'img-now', 'img-v1', 'img-legacy', 'photo', 'secret-att', 'sub-att'];
        for (const id of ids) await store.saveFile(sampleFile({ id, uploadedAt: id === 'fresh' ? recent : old }), new Uint8Array([1]));
        const attachment = (fileId: string) => ({ fileId, title: 'Tệp', name: 'a.pdf', contentType: 'application/pdf', size: 1 });
        // Version 1 has an attachment and a body image; version 2 drops both and adds others.
        const v1 = sampleItem({ id: 'a', attachments: [attachment('att-before')], bodyHtml: '<p><img src="/tep/img-v1" alt="Ảnh 1"></p>' });
        await store.commit({ item: v1, expect: null, version: versionOf(v1) });
        const v2 = { ...v1, version: 2, attachments: [attachment('att-now')], bodyHtml: '<p><img src="/tep/img-now" alt="Ảnh 2"></p>' };
        expect(await store.commit({ item: v2, expect: { version: 1, state: 'draft' }, version: versionOf(v2) })).toBe(true);
        // A confidential draft and a submitted item use theirs too.
        await store.commit({
          item: sampleItem({ id: 'm', kind: 'document', section: 'van-ban-dieu-hanh', confidential: true, attachments: [attachment('secret-att')] }),
          expect: null,
        });
        await store.commit({ item: sampleItem({ id: 's', state: 'submitted', attachments: [attachment('sub-att')] }), expect: null });
        // A kept version whose body shows an image, written as a version only (as a store from before the
        // references were remembered would hold it): its image is kept as well.
        const legacy = sampleItem({ id: 'l', bodyHtml: '<p>Không ảnh.</p>' });
        await store.commit({ item: legacy, expect: null, version: { ...versionOf(legacy), bodyHtml: '<p><img src="/tep/img-legacy" alt="Ảnh cũ"></p>' } });
        await store.saveDelegateProfile({
          delegateId: 'd1',
          constituency: '',
          committees: [],
          contact: '',
          photoFileId: 'photo',
          updatedAt: old,
          updatedBy: 'truongban',
        });

        expect(await store.removeUnusedFiles(cutoff)).toEqual(['loose']);
        expect(await store.fileMeta('loose')).toBeNull();
        expect(await store.file('loose')).toBeNull();
        for (const id of ids.filter((x) => x !== 'loose')) expect(await store.fileMeta(id), id).not.toBeNull();
        // Nothing more to remove; a later cut-off takes the fresh upload nobody used.
        expect(await store.removeUnusedFiles(cutoff)).toEqual([]);
        expect(await store.removeUnusedFiles('2026-07-15T00:00:00.000Z')).toEqual(['fresh']);
        // Both versions of item a still have their files, the replaced ones too.
        expect(await store.file('att-before')).not.toBeNull();
        expect(await store.file('img-v1')).not.toBeNull();
        // A delegate's photo once replaced is no longer used by anything, and goes.
        await store.saveDelegateProfile({
          delegateId: 'd1',
          constituency: '',
          committees: [],
          contact: '',
          photoFileId: null,
          updatedAt: recent,
          updatedBy: 'truongban',
        });
        expect(await store.removeUnusedFiles(cutoff)).toEqual(['photo']);
      }));

    it('filters the editors’ list by state, section and session', () =>
      withStore(async (store) => {
        await store.commit({ item: sampleItem({ id: 'x', state: 'submitted', updatedAt: '2026-07-02T00:00:00.000Z' }), expect: null });
        await store.commit({ item: sampleItem({ id: 'y', kind: 'document', section: 'ky-yeu', sessionId: 's1', source: 'document:d1' }), expect: null });
        expect((await store.items()).map((i) => i.id)).toEqual(['x', 'y']);
        expect((await store.items({ state: 'submitted' })).map((i) => i.id)).toEqual(['x']);
        expect((await store.items({ section: 'ky-yeu' })).map((i) => i.id)).toEqual(['y']);
        expect((await store.items({ sessionId: 's1', kind: 'document' })).map((i) => i.id)).toEqual(['y']);
      }));
  });
}
