// Liên kết đến cổng thông tin khác of an item (e.g. the province council's portal, the national public-service
// portal): each link's title and address editable, moved up or down (readers see them in this order) and
// removable, and a form to add one. An address must be a full http:// or https:// address, checked here with a
// Vietnamese/English reason before anything is sent; the server checks it again (ContentInputSchema). The
// inputs are text with a URL keyboard, not type="url": the browser's own check would block saving with its
// own message instead of ours.
import { useState } from 'react';
import type { PortalLink } from '@hddt/protocol';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { Field } from '../shared/field';

/** As many links as the server takes on one item. */
export const MAX_LINKS = 30;
const URL_SHAPE = /^https?:\/\/[^\s<>"]+$/;

export interface LinkProblems {
  title?: MsgKey;
  url?: MsgKey;
}

/** What is wrong with a link, as message keys; nothing: it is fine. Mirrors the server's rule. */
export function linkProblems(link: PortalLink): LinkProblems {
  const problems: LinkProblems = {};
  const title = link.title.trim();
  const url = link.url.trim();
  if (!title) problems.title = 'ed.link.titleRequired';
  else if (title.length > 200) problems.title = 'ed.link.titleTooLong';
  if (!url) problems.url = 'ed.link.urlRequired';
  else if (url.length > 500) problems.url = 'ed.link.urlTooLong';
  else if (!URL_SHAPE.test(url)) problems.url = 'ed.link.urlInvalid';
  else {
    try {
      if (!new URL(url).hostname) problems.url = 'ed.link.urlInvalid';
    } catch {
      problems.url = 'ed.link.urlInvalid';
    }
  }
  return problems;
}

export const hasProblems = (p: LinkProblems): boolean => Boolean(p.title || p.url);

interface Props {
  value: PortalLink[];
  editable: boolean;
  /** Problems found on save, per link (same order as value). */
  problems: LinkProblems[];
  onChange: (next: PortalLink[], problems: LinkProblems[]) => void;
  /** Whether the add form holds a title or address not added yet (saving would leave it out). */
  onPending?: (pending: boolean) => void;
}

export function Links({ value, editable, problems, onChange, onPending }: Props) {
  const { t } = useT();
  const [title, setTitleState] = useState('');
  const [url, setUrlState] = useState('');
  const setTitle = (v: string) => {
    setTitleState(v);
    onPending?.(Boolean(v.trim() || url.trim()));
  };
  const setUrl = (v: string) => {
    setUrlState(v);
    onPending?.(Boolean(title.trim() || v.trim()));
  };
  const [addProblems, setAddProblems] = useState<LinkProblems>({});

  function add() {
    const link = { title: title.trim(), url: url.trim() };
    const found = linkProblems(link);
    setAddProblems(found);
    if (hasProblems(found)) return;
    onChange([...value, link], [...value.map((_, k) => problems[k] ?? {}), {}]);
    setTitleState('');
    setUrlState('');
    onPending?.(false);
  }
  function edit(i: number, next: PortalLink) {
    onChange(
      value.map((x, j) => (j === i ? next : x)),
      value.map((_, j) => (j === i ? {} : (problems[j] ?? {}))),
    );
  }
  function move(i: number, by: -1 | 1) {
    const j = i + by;
    const links = [...value];
    const probs = value.map((_, k) => problems[k] ?? {});
    [links[i], links[j]] = [links[j]!, links[i]!];
    [probs[i], probs[j]] = [probs[j]!, probs[i]!];
    onChange(links, probs);
  }
  function remove(i: number) {
    onChange(
      value.filter((_, j) => j !== i),
      value.map((_, k) => problems[k] ?? {}).filter((_, j) => j !== i),
    );
  }

  return (
    <fieldset className="ed-attachments ed-links">
      <legend>{t('ed.link.title')}</legend>
      {value.length === 0 ? (
        <p className="muted">{t('ed.link.none')}</p>
      ) : (
        <ol className="list compact" aria-label={t('ed.link.title')}>
          {value.map((l, i) => (
            <li key={i} className="list-row ed-att-row">
              {editable ? (
                <>
                  <Field label={t('ed.link.titleOf', { n: i + 1 })} error={problems[i]?.title ? t(problems[i].title) : undefined}>
                    {(f) => <input {...f} value={l.title} maxLength={200} onChange={(e) => edit(i, { ...l, title: e.target.value })} />}
                  </Field>
                  <Field label={t('ed.link.urlOf', { n: i + 1 })} error={problems[i]?.url ? t(problems[i].url) : undefined}>
                    {(f) => (
                      <input
                        {...f}
                        inputMode="url"
                        autoComplete="off"
                        spellCheck={false}
                        value={l.url}
                        maxLength={500}
                        onChange={(e) => edit(i, { ...l, url: e.target.value })}
                      />
                    )}
                  </Field>
                  <span className="ed-link-buttons">
                    <button type="button" className="btn" disabled={i === 0} aria-label={t('ed.link.upOf', { title: l.title })} onClick={() => move(i, -1)}>
                      {t('ed.link.up')}
                    </button>
                    <button
                      type="button"
                      className="btn"
                      disabled={i === value.length - 1}
                      aria-label={t('ed.link.downOf', { title: l.title })}
                      onClick={() => move(i, 1)}
                    >
                      {t('ed.link.down')}
                    </button>
                    <button type="button" className="btn btn-danger" aria-label={t('ed.link.removeOf', { title: l.title })} onClick={() => remove(i)}>
                      {t('ed.link.remove')}
                    </button>
                  </span>
                </>
              ) : (
                <span>
                  <strong>{l.title}</strong>{' '}
                  <a href={l.url} target="_blank" rel="noopener noreferrer">
                    {l.url}
                  </a>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && value.length < MAX_LINKS ? (
        <div className="form-row ed-att-add" role="group" aria-label={t('ed.link.add')}>
          <Field label={t('ed.link.newTitle')} hint={t('ed.link.newTitleHint')} error={addProblems.title ? t(addProblems.title) : undefined}>
            {(f) => (
              <input
                {...f}
                value={title}
                maxLength={200}
                onChange={(e) => {
                  setTitle(e.target.value);
                  setAddProblems((p) => ({ ...p, title: undefined }));
                }}
              />
            )}
          </Field>
          <Field label={t('ed.link.newUrl')} hint={t('ed.link.newUrlHint')} error={addProblems.url ? t(addProblems.url) : undefined}>
            {(f) => (
              <input
                {...f}
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                placeholder="https://"
                value={url}
                maxLength={500}
                onChange={(e) => {
                  setUrl(e.target.value);
                  setAddProblems((p) => ({ ...p, url: undefined }));
                }}
              />
            )}
          </Field>
          <button type="button" className="btn" onClick={add}>
            {t('ed.link.add')}
          </button>
        </div>
      ) : null}
      {editable && value.length >= MAX_LINKS ? <p className="muted small">{t('ed.link.max', { n: MAX_LINKS })}</p> : null}
      {editable ? <p className="muted small">{t('ed.link.rules')}</p> : null}
    </fieldset>
  );
}
