// "Cổng thông tin": the editorial board's screens. Editors draft, edit and submit; the head of the board
// sends back with a comment, publishes (now or at a set time) and unpublishes. The server decides every
// permission (workflow.ts); the buttons here only follow it, and refusals show the server's vi/en message.
import { useCallback, useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { CONTENT_STATES, EDITORIAL_API, hallLocalToIso, sessionTitle } from '@hddt/protocol';
import type {
  ContentAction,
  ContentAttachment,
  ContentItem,
  ContentKind,
  ContentState,
  ContentTransition,
  ContentVersion,
  DiffLine,
  PortalLink,
  PortalSection,
  Session,
  SessionChecklist,
} from '@hddt/protocol';
import { api, call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { useHallTime, useHallZone } from '../shared/use-hall-time';
import { Attachments } from './attachments';
import { parseDateVi, showDateVi } from './date-vi';
import { DelegateProfiles } from './delegate-profiles';
import { Links, hasProblems, linkProblems, type LinkProblems } from './links';
import { RichText } from './rich-text';
import './editorial.css';

const STATE_KEY: Record<ContentState, MsgKey> = {
  draft: 'ed.state.draft',
  submitted: 'ed.state.submitted',
  published: 'ed.state.published',
  withdrawn: 'ed.state.withdrawn',
};
const KIND_KEY: Record<ContentKind, MsgKey> = { article: 'ed.kind.article', page: 'ed.kind.page', document: 'ed.kind.document' };

interface Draft {
  kind: ContentKind;
  section: string;
  title: string;
  summary: string;
  titleEn: string;
  summaryEn: string;
  bodyHtml: string;
  documentNumber: string;
  issuingBody: string;
  /** dd/mm/yyyy as typed; turned into YYYY-MM-DD on save. */
  issuedOn: string;
  effectiveOn: string;
  attachments: ContentAttachment[];
  confidential: boolean;
  links: PortalLink[];
}

const emptyDraft = (): Draft => ({
  kind: 'article',
  section: 'tin-tuc',
  title: '',
  summary: '',
  titleEn: '',
  summaryEn: '',
  bodyHtml: '',
  documentNumber: '',
  issuingBody: '',
  issuedOn: '',
  effectiveOn: '',
  attachments: [],
  confidential: false,
  links: [],
});
const draftOf = (i: ContentItem): Draft => ({
  kind: i.kind,
  section: i.section,
  title: i.title,
  summary: i.summary,
  titleEn: i.titleEn ?? '',
  summaryEn: i.summaryEn ?? '',
  bodyHtml: i.bodyHtml,
  documentNumber: i.documentNumber ?? '',
  issuingBody: i.issuingBody ?? '',
  issuedOn: showDateVi(i.issuedOn),
  effectiveOn: showDateVi(i.effectiveOn),
  attachments: i.attachments,
  confidential: i.confidential,
  links: i.links,
});

export function PortalArea() {
  const { t, lang } = useT();
  const role = useStore((s) => s.identity?.role);
  const [view, setView] = useState<'items' | 'checklist' | 'delegates'>('items');
  const [sections, setSections] = useState<PortalSection[]>([]);
  const [filter, setFilter] = useState<ContentState | ''>('');
  const [items, setItems] = useState<ContentItem[] | null>(null);
  const [openId, setOpenId] = useState<string | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [s, list] = await Promise.all([
        api.get<PortalSection[]>(EDITORIAL_API.sections),
        api.get<ContentItem[]>(filter ? `${EDITORIAL_API.items}?state=${filter}` : EDITORIAL_API.items),
      ]);
      setSections(s);
      setItems(list);
      setError(null);
    } catch (err) {
      setError(errorText(err, lang));
    }
  }, [filter, lang]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  const sectionTitle = (key: string) => {
    const s = sections.find((x) => x.key === key);
    return s ? (lang === 'vi' ? s.titleVi : s.titleEn) : key;
  };
  const fmt = useHallTime();

  return (
    <div className="prepare">
      <nav className="side-tabs" aria-label={t('nav.portal')}>
        <button
          type="button"
          className={view === 'items' ? 'side-tab active' : 'side-tab'}
          aria-current={view === 'items' ? 'page' : undefined}
          onClick={() => {
            setView('items');
            setOpenId(null);
            void load();
          }}
        >
          {t('ed.list')}
        </button>
        <button
          type="button"
          className={view === 'checklist' ? 'side-tab active' : 'side-tab'}
          aria-current={view === 'checklist' ? 'page' : undefined}
          onClick={() => setView('checklist')}
        >
          {t('ed.checklist')}
        </button>
        <button
          type="button"
          className={view === 'delegates' ? 'side-tab active' : 'side-tab'}
          aria-current={view === 'delegates' ? 'page' : undefined}
          onClick={() => setView('delegates')}
        >
          {t('ed.delegates')}
        </button>
      </nav>
      <main className="prepare-main">
        {view === 'delegates' ? (
          <DelegateProfiles role={role} />
        ) : view === 'checklist' ? (
          <Checklist
            onOpen={(id) => {
              setView('items');
              setOpenId(id);
              void load();
            }}
          />
        ) : openId ? (
          <ItemEditor
            key={openId}
            id={openId}
            sections={sections}
            role={role}
            onClose={() => {
              setOpenId(null);
              void load();
            }}
            onCreated={(id) => {
              setOpenId(id);
              void load();
            }}
          />
        ) : (
          <section aria-labelledby="ed-h" className="records">
            <h1 id="ed-h">{t('ed.title')}</h1>
            <div className="form-row">
              <Field label={t('ed.filter')}>
                {(a) => (
                  <select {...a} value={filter} onChange={(e) => setFilter(e.target.value as ContentState | '')}>
                    <option value="">{t('ed.all')}</option>
                    {CONTENT_STATES.map((s) => (
                      <option key={s} value={s}>
                        {t(STATE_KEY[s])}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {role === 'editor' || role === 'board-head' ? (
                <button type="button" className="btn btn-primary" onClick={() => setOpenId('new')}>
                  {t('ed.new')}
                </button>
              ) : null}
            </div>
            {error ? (
              <p className="form-error" role="alert">
                {error}
              </p>
            ) : null}
            {items && items.length === 0 ? <p className="muted">{t('ed.none')}</p> : null}
            {items && items.length > 0 ? (
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('ed.heading')}</th>
                    <th>{t('ed.section')}</th>
                    <th>{t('ed.filter')}</th>
                    <th>{t('ed.versions')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id}>
                      <td>
                        {i.title}
                        {i.confidential ? (
                          <>
                            {' '}
                            <span className="ed-badge secret">{t('ed.confidential')}</span>
                          </>
                        ) : null}
                      </td>
                      <td>{sectionTitle(i.section)}</td>
                      <td>
                        <span className={`ed-badge ${i.state}`}>{t(STATE_KEY[i.state])}</span>
                        {i.state === 'published' && i.publishAt && i.publishAt > new Date().toISOString() ? (
                          <> · {t('ed.scheduled', { at: fmt(i.publishAt) })}</>
                        ) : null}
                      </td>
                      <td>{i.version}</td>
                      <td>
                        <button type="button" className="btn" aria-label={`${t('ed.open')}: ${i.title}`} onClick={() => setOpenId(i.id)}>
                          {t('ed.open')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        )}
      </main>
    </div>
  );
}

interface EditorProps {
  id: string | 'new';
  sections: PortalSection[];
  role: string | undefined;
  onClose: () => void;
  onCreated: (id: string) => void;
}

function ItemEditor({ id, sections, role, onClose, onCreated }: EditorProps) {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const bodyLabel = useId();
  const [item, setItem] = useState<ContentItem | null>(null);
  const [transitions, setTransitions] = useState<ContentTransition[]>([]);
  const [versions, setVersions] = useState<ContentVersion[]>([]);
  const [diff, setDiff] = useState<{ from: number; to: number; lines: DiffLine[] } | null>(null);
  const [d, setD] = useState<Draft>(emptyDraft);
  const [comment, setComment] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const zone = useHallZone();
  const [error, setError] = useState<string | null>(null);
  const [dateErrors, setDateErrors] = useState<{ issuedOn?: string; effectiveOn?: string }>({});
  const [linkErrors, setLinkErrors] = useState<LinkProblems[]>([]);
  const [linkPending, setLinkPending] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (id === 'new') return;
    try {
      const r = await api.get<{ item: ContentItem; transitions: ContentTransition[] }>(EDITORIAL_API.item(id));
      setItem(r.item);
      setTransitions(r.transitions);
      setD(draftOf(r.item));
      setVersions(await api.get<ContentVersion[]>(EDITORIAL_API.versions(id)));
    } catch (err) {
      setError(errorText(err, lang));
    }
  }, [id, lang]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  const isWriter = role === 'editor' || role === 'board-head';
  const isHead = role === 'board-head';
  const editable = isWriter && (id === 'new' || item?.state === 'draft' || item?.state === 'withdrawn');
  const kindSections = sections.filter((s) => s.kind === d.kind);
  const fmt = useHallTime();

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  const payloadOf = (issuedOn: string | null, effectiveOn: string | null) => ({
    section: d.section,
    title: d.title,
    summary: d.summary,
    titleEn: d.titleEn,
    summaryEn: d.summaryEn,
    bodyHtml: d.bodyHtml,
    documentNumber: d.kind === 'document' && d.documentNumber.trim() ? d.documentNumber.trim() : null,
    issuingBody: d.kind === 'document' ? d.issuingBody : '',
    issuedOn: d.kind === 'document' ? issuedOn : null,
    effectiveOn: d.kind === 'document' ? effectiveOn : null,
    attachments: d.attachments.map((a) => ({ fileId: a.fileId, title: a.title.trim() || a.name })),
    confidential: d.kind === 'document' ? d.confidential : false,
    links: d.links.map((l) => ({ title: l.title.trim(), url: l.url.trim() })),
    sessionId: item?.sessionId ?? null,
  });

  function save(e: FormEvent) {
    e.preventDefault();
    const issuedOn = d.kind === 'document' ? parseDateVi(d.issuedOn) : null;
    const effectiveOn = d.kind === 'document' ? parseDateVi(d.effectiveOn) : null;
    const errs: { issuedOn?: string; effectiveOn?: string } = {};
    if (issuedOn === 'invalid') errs.issuedOn = t('ed.dateInvalid');
    if (effectiveOn === 'invalid') errs.effectiveOn = t('ed.dateInvalid');
    else if (effectiveOn && issuedOn && issuedOn !== 'invalid' && effectiveOn < issuedOn) errs.effectiveOn = t('ed.effectiveBefore');
    setDateErrors(errs);
    const links = d.links.map(linkProblems);
    setLinkErrors(links);
    if (links.some(hasProblems)) {
      setError(t('ed.link.fix'));
      return;
    }
    if (linkPending) {
      setError(t('ed.link.pending'));
      return;
    }
    if (errs.issuedOn || errs.effectiveOn || issuedOn === 'invalid' || effectiveOn === 'invalid') return;
    const payload = () => payloadOf(issuedOn, effectiveOn);
    void run(async () => {
      if (id === 'new') {
        const created = await api.post<ContentItem>(EDITORIAL_API.items, { kind: d.kind, ...payload() });
        pushToast({ tone: 'info', text: t('ed.saved', { n: created.version }) });
        onCreated(created.id);
      } else {
        const saved = await api.put<ContentItem>(EDITORIAL_API.item(id), { ...payload(), baseVersion: item!.version });
        pushToast({ tone: 'info', text: t('ed.saved', { n: saved.version }) });
        await load();
      }
    });
  }

  function transition(action: ContentAction, done: MsgKey) {
    void run(async () => {
      const body: { action: ContentAction; comment?: string; publishAt?: string } = { action };
      if (comment.trim()) body.comment = comment.trim();
      // The time typed is on the council's clock, not the zone of this PC.
      if (action === 'publish' && publishAt) body.publishAt = hallLocalToIso(publishAt, zone) ?? new Date(publishAt).toISOString();
      await api.post<ContentItem>(EDITORIAL_API.transition(id), body);
      setComment('');
      pushToast({ tone: 'info', text: t(done) });
      await load();
    });
  }

  function compare(v: number) {
    void run(async () => {
      const r = await api.get<{ body: DiffLine[]; title: DiffLine[] }>(EDITORIAL_API.diff(id, v - 1, v));
      setDiff({ from: v - 1, to: v, lines: [...r.title.filter((l) => l.op !== 'same'), ...r.body] });
    });
  }

  const state = item?.state ?? 'draft';
  return (
    <section aria-labelledby="ed-item-h" className="records ed-item">
      <div className="card-head">
        <h1 id="ed-item-h">{id === 'new' ? t('ed.new') : item?.title}</h1>
        <button type="button" className="btn" onClick={onClose}>
          {t('ed.back')}
        </button>
      </div>
      {item ? (
        <p>
          <span className={`ed-badge ${state}`}>{t(STATE_KEY[state])}</span> · {t('ed.versions')}: {item.version}
          {item.state === 'published' ? (
            <>
              {' '}
              ·{' '}
              <a href={`/bai/${item.id}`} target="_blank" rel="noreferrer">
                {t('ed.view')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {item?.reviewComment && item.state === 'draft' ? (
        <p className="ed-note warn" role="note">
          {t('ed.reviewComment', { comment: item.reviewComment })}
        </p>
      ) : null}
      {item?.state === 'submitted' && !isHead ? (
        <p className="ed-note" role="note">
          {t('ed.locked')}
        </p>
      ) : null}
      {d.confidential ? (
        <p className="ed-note secret" role="note">
          <strong>{t('ed.confidential')}:</strong> {t('ed.confidentialWhy')}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}

      <form className="card" onSubmit={save}>
        <div className="form-row">
          <Field label={t('ed.kind')}>
            {(a) => (
              <select
                {...a}
                value={d.kind}
                disabled={id !== 'new'}
                onChange={(e) => {
                  const kind = e.target.value as ContentKind;
                  setD({ ...d, kind, section: sections.find((s) => s.kind === kind)?.key ?? '' });
                }}
              >
                {(['article', 'page', 'document'] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(KIND_KEY[k])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('ed.section')}>
            {(a) => (
              <select {...a} value={d.section} disabled={!editable} onChange={(e) => setD({ ...d, section: e.target.value })}>
                {kindSections.map((s) => (
                  <option key={s.key} value={s.key}>
                    {lang === 'vi' ? s.titleVi : s.titleEn}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t('ed.heading')}>
          {(a) => <input {...a} value={d.title} readOnly={!editable} maxLength={300} onChange={(e) => setD({ ...d, title: e.target.value })} />}
        </Field>
        <Field label={t('ed.summary')}>
          {(a) => (
            <textarea {...a} rows={2} value={d.summary} readOnly={!editable} maxLength={1000} onChange={(e) => setD({ ...d, summary: e.target.value })} />
          )}
        </Field>
        {d.kind === 'document' ? (
          <fieldset className="ed-docfields">
            <legend>{t('ed.kind.document')}</legend>
            <div className="form-row">
              <Field label={t('ed.number')}>
                {(a) => (
                  <input
                    {...a}
                    value={d.documentNumber}
                    readOnly={!editable}
                    maxLength={80}
                    placeholder="12/NQ-HĐND"
                    onChange={(e) => setD({ ...d, documentNumber: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('ed.issuingBody')}>
                {(a) => (
                  <input {...a} value={d.issuingBody} readOnly={!editable} maxLength={200} onChange={(e) => setD({ ...d, issuingBody: e.target.value })} />
                )}
              </Field>
            </div>
            <div className="form-row">
              <Field label={t('ed.issuedOn')} hint={t('ed.dateHint')} error={dateErrors.issuedOn}>
                {(a) => (
                  <input
                    {...a}
                    className="ed-date"
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="dd/mm/yyyy"
                    value={d.issuedOn}
                    readOnly={!editable}
                    maxLength={10}
                    onChange={(e) => {
                      setD({ ...d, issuedOn: e.target.value });
                      setDateErrors((x) => ({ ...x, issuedOn: undefined }));
                    }}
                  />
                )}
              </Field>
              <Field label={t('ed.effectiveOn')} hint={t('ed.dateHint')} error={dateErrors.effectiveOn}>
                {(a) => (
                  <input
                    {...a}
                    className="ed-date"
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="dd/mm/yyyy"
                    value={d.effectiveOn}
                    readOnly={!editable}
                    maxLength={10}
                    onChange={(e) => {
                      setD({ ...d, effectiveOn: e.target.value });
                      setDateErrors((x) => ({ ...x, effectiveOn: undefined }));
                    }}
                  />
                )}
              </Field>
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={d.confidential}
                disabled={!editable}
                aria-describedby="ed-conf-hint"
                onChange={(e) => setD({ ...d, confidential: e.target.checked })}
              />{' '}
              {t('ed.confidential')}
            </label>
            <small id="ed-conf-hint" className="field-hint">
              {t('ed.confidentialHint')}
            </small>
          </fieldset>
        ) : null}
        <details className="ed-en" open={Boolean(d.titleEn || d.summaryEn) || undefined}>
          <summary>{t('ed.en')}</summary>
          <Field label={t('ed.titleEn')}>
            {(a) => <input {...a} lang="en" value={d.titleEn} readOnly={!editable} maxLength={300} onChange={(e) => setD({ ...d, titleEn: e.target.value })} />}
          </Field>
          <Field label={t('ed.summaryEn')}>
            {(a) => (
              <textarea
                {...a}
                lang="en"
                rows={2}
                value={d.summaryEn}
                readOnly={!editable}
                maxLength={1000}
                onChange={(e) => setD({ ...d, summaryEn: e.target.value })}
              />
            )}
          </Field>
        </details>
        <div className="field">
          <span id={bodyLabel} className="field-label">
            {t('ed.body')}
          </span>
          <RichText
            key={`${id}:${item?.version ?? 0}`}
            id={`${bodyLabel}-editor`}
            labelledBy={bodyLabel}
            value={d.bodyHtml}
            editable={editable}
            onChange={(html) => setD((x) => ({ ...x, bodyHtml: html }))}
          />
        </div>
        <Attachments value={d.attachments} editable={editable} onChange={(attachments) => setD((x) => ({ ...x, attachments }))} />
        <Links
          value={d.links}
          editable={editable}
          problems={linkErrors}
          onChange={(links, problems) => {
            setD((x) => ({ ...x, links }));
            setLinkErrors(problems);
          }}
          onPending={setLinkPending}
        />
        {editable ? (
          <div className="form-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('ed.save')}
            </button>
          </div>
        ) : null}
      </form>

      {item ? (
        <div className="card ed-actions">
          {isWriter && state === 'draft' && item.confidential ? (
            <p className="ed-note secret" role="note">
              <strong>{t('ed.confidentialBlocked')}</strong>
            </p>
          ) : isWriter && state === 'draft' ? (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => transition('submit', 'ed.submitted')}>
              {t('ed.submit')}
            </button>
          ) : null}
          {role === 'editor' && state !== 'published' ? <p className="muted">{t('ed.editorCannotPublish')}</p> : null}
          {isHead && (state === 'submitted' || state === 'published') ? (
            <Field label={t('ed.comment')}>
              {(a) => <textarea {...a} rows={2} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />}
            </Field>
          ) : null}
          {isHead && state === 'submitted' ? (
            <div className="form-row">
              <button type="button" className="btn" disabled={busy} onClick={() => transition('send-back', 'ed.sentBack')}>
                {t('ed.sendBack')}
              </button>
              <Field label={t('ed.publishAt')}>
                {(a) => <input {...a} type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />}
              </Field>
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => transition('publish', 'ed.published')}>
                {t('ed.publish')}
              </button>
            </div>
          ) : null}
          {isHead && state === 'published' ? (
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => transition('unpublish', 'ed.unpublished')}>
              {t('ed.unpublish')}
            </button>
          ) : null}
        </div>
      ) : null}

      {item ? (
        <div className="card">
          <h2>{t('ed.versions')}</h2>
          <ul className="list compact">
            {versions.map((v) => (
              <li key={v.version} className="list-row">
                <span>{t('ed.version', { n: v.version, by: v.savedBy, at: fmt(v.savedAt) })}</span>
                {v.version > 1 ? (
                  <button type="button" className="btn" onClick={() => compare(v.version)}>
                    {t('ed.compare')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {diff ? (
            <div className="ed-diff" aria-live="polite">
              <h3>{t('ed.diffTitle', { from: diff.from, to: diff.to })}</h3>
              {diff.lines.map((l, i) => (
                <p key={i} className={`diff-${l.op}`}>
                  {l.op === 'added' ? <strong>{t('ed.added')}: </strong> : l.op === 'removed' ? <strong>{t('ed.removed')}: </strong> : null}
                  {l.op === 'removed' ? <del>{l.text}</del> : l.op === 'added' ? <ins>{l.text}</ins> : l.text}
                </p>
              ))}
            </div>
          ) : null}
          {transitions.length ? (
            <>
              <h2>{t('ed.history')}</h2>
              <ul className="list compact">
                {transitions.map((tr, i) => (
                  <li key={i} className="list-row">
                    <span>
                      {fmt(tr.at)} · {tr.by} · {t(`ed.action.${tr.action}` as MsgKey)}
                      {tr.comment ? ` — “${tr.comment}”` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function Checklist({ onOpen }: { onOpen: (itemId: string) => void }) {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const [sessions, setSessions] = useState<Session[]>([]);
  const [sessionId, setSessionId] = useState('');
  const [list, setList] = useState<SessionChecklist | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('sessions')
      .then((s) => {
        setSessions(s);
        setSessionId((cur) => cur || (s[0]?.id ?? ''));
      })
      .catch((err: unknown) => setError(errorText(err, lang)));
  }, [lang]);
  const load = useCallback(async () => {
    if (!sessionId) return;
    try {
      setList(await api.get<SessionChecklist>(EDITORIAL_API.sessionChecklist(sessionId)));
    } catch (err) {
      setError(errorText(err, lang));
    }
  }, [sessionId, lang]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  async function draft(source: string) {
    try {
      const item = await api.post<ContentItem>(EDITORIAL_API.checklistDraft(sessionId), { source });
      pushToast({ tone: 'info', text: t('ed.checklistMade') });
      await load();
      void item;
    } catch (err) {
      setError(errorText(err, lang));
    }
  }

  return (
    <section aria-labelledby="ck-h" className="records">
      <h1 id="ck-h">{t('ed.checklist')}</h1>
      <div className="form-row">
        <Field label={t('ed.checklistSession')}>
          {(a) => (
            <select {...a} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {sessionTitle(s.number, lang)}: {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {list ? (
        <>
          <p role="status">
            <strong>{t('ed.checklistProgress', { done: list.done, total: list.total })}</strong>
          </p>
          <ul className="list ed-checklist">
            {list.entries.map((e) => (
              <li key={e.source} className="list-row">
                <span>
                  <span aria-hidden="true">{e.itemId ? '☑' : e.confidential ? '⊘' : '☐'} </span>
                  <strong>{e.title}</strong> <span className="muted">· {e.detail}</span>
                  {e.automatic ? <span className="muted"> · {t('ed.checklistAuto')}</span> : null}
                  {e.itemState ? (
                    <>
                      {' '}
                      · <span className={`ed-badge ${e.itemState}`}>{t(STATE_KEY[e.itemState])}</span>
                    </>
                  ) : null}
                </span>
                {e.confidential ? (
                  <span className="ed-badge secret">{t('ed.checklistSecret')}</span>
                ) : e.itemId ? (
                  <button type="button" className="btn" aria-label={`${t('ed.open')}: ${e.title}`} onClick={() => onOpen(e.itemId!)}>
                    {t('ed.open')}
                  </button>
                ) : (
                  <button type="button" className="btn" aria-label={`${t('ed.checklistDraft')}: ${e.title}`} onClick={() => void draft(e.source)}>
                    {t('ed.checklistDraft')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
