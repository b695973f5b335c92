import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { pathOf } from '@hddt/protocol';
import { REST_ROUTES } from '@hddt/protocol/schemas';
import type { Archive, ArchiveSearchResponse, SearchHit } from '@hddt/protocol';
import { call } from '../../api';
import { errorText } from '../../form-errors';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import { useStore } from '../../store';
import { Field } from '../shared/field';
import { LogHeadLine, RoundLines } from './minutes-panel';

const KIND_LABEL: Record<SearchHit['kind'], MsgKey> = {
  session: 'arc.kind.session',
  item: 'arc.kind.item',
  document: 'arc.kind.document',
  round: 'arc.kind.round',
  resolution: 'arc.kind.resolution',
};

/** Kỷ yếu: term → sessions → items with documents, rounds and resolutions; search on the server. */
export function ArchivePanel() {
  const { t, lang } = useT();
  const pushToast = useStore((s) => s.pushToast);
  const [archive, setArchive] = useState<Archive | null>(null);
  const [q, setQ] = useState('');
  const [result, setResult] = useState<ArchiveSearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setArchive(await call('archive'));
    } catch (err) {
      pushToast({ tone: 'error', text: errorText(err, lang) });
    }
  }, [lang, pushToast]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after its await, never synchronously; the rule does not see past an await (facebook/react#34905)
    void load();
  }, [load]);

  async function onSearch(e: FormEvent) {
    e.preventDefault();
    if (!q.trim()) return;
    setError(null);
    try {
      setResult(await call('archiveSearch', { query: { q: q.trim() } }));
    } catch (err) {
      setError(errorText(err, lang));
    }
  }

  return (
    <div className="card" aria-labelledby="arc-h">
      <h2 id="arc-h">{t('arc.title')}</h2>
      {archive ? <LogHeadLine head={archive.logHead} /> : null}
      <form className="form-row" role="search" onSubmit={onSearch} aria-label={t('arc.search')}>
        <Field label={t('arc.search')} hint={t('arc.searchHint')}>
          {(a) => <input {...a} type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            {t('arc.searchButton')}
          </button>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      <div aria-live="polite" data-testid="search-hits">
        {result ? (
          <>
            <p>
              <strong>{result.hits.length === 0 ? t('arc.noHits', { q: result.q }) : t('arc.hits', { n: result.hits.length, q: result.q })}</strong>
            </p>
            <ul className="list compact">
              {result.hits.map((h) => (
                <li key={`${h.kind}-${h.id}`} className="list-row">
                  <span>
                    {h.code ? <strong>{h.code} — </strong> : null}
                    {h.title}
                    <span className="muted"> · {h.session}</span>
                  </span>
                  <span className="pill">{t(KIND_LABEL[h.kind])}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {archive?.terms.map((term) => (
        <section key={term.term} className="block" aria-label={t('arc.term', { term: term.term })}>
          <h3>{t('arc.term', { term: term.term })}</h3>
          {term.sessions.map((s) => (
            <details key={s.session.id} className="rec-session">
              <summary>
                <strong>{s.session.heading}</strong>
                {s.session.title ? ` — ${s.session.title}` : ''}{' '}
                <span className="muted">
                  · {s.session.startDate} → {s.session.endDate}
                </span>
              </summary>
              {s.items.length === 0 ? <p className="muted">{t('arc.noItems')}</p> : null}
              <ol className="rec-items">
                {s.items.map((item) => (
                  <li key={item.id}>
                    <p>
                      <strong>{item.title}</strong>
                    </p>
                    {item.documents.length > 0 ? (
                      <ul>
                        {item.documents.map((d) => (
                          <li key={d.id}>
                            <a href={pathOf(REST_ROUTES.documentFile, { id: d.id })} target="_blank" rel="noreferrer">
                              {d.docTypeText}: {d.title}
                            </a>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {item.rounds.length > 0 ? (
                      <ul className="rec-rounds">
                        {item.rounds.map((r) => (
                          <RoundLines key={r.id} round={r} />
                        ))}
                      </ul>
                    ) : null}
                    {item.resolutions.map((r) => (
                      <p key={r.id}>{t('rec.resolutionLine', { code: r.code, title: r.title, date: r.adoptedOn })}</p>
                    ))}
                  </li>
                ))}
              </ol>
              {s.otherRounds.length > 0 ? (
                <ul className="rec-rounds">
                  {s.otherRounds.map((r) => (
                    <RoundLines key={r.id} round={r} />
                  ))}
                </ul>
              ) : null}
            </details>
          ))}
        </section>
      ))}
    </div>
  );
}
