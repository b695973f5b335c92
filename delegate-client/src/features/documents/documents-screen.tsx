import { Suspense, lazy, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, type SessionDocument } from '@hddt/protocol';
import { useStore } from '../../store';
import { selectSnapshot } from '../../store/selectors';
import { storedToken } from '../../session-token';
import type { Lang } from '../../i18n';

const PdfViewer = lazy(() => import('./pdf-viewer'));

/** Every document of the session, grouped by agenda item; opening one reads it inside the app. */
export function DocumentsScreen() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const snapshot = useStore(selectSnapshot);
  const openId = useStore((s) => s.openDocumentId);
  const focusItem = useStore((s) => s.documentsItemId);
  const groupRefs = useRef<Map<string, HTMLElement>>(new Map());

  useEffect(() => {
    if (focusItem && !openId) groupRefs.current.get(focusItem)?.scrollIntoView?.({ block: 'start' });
  }, [focusItem, openId]);

  if (!snapshot) return null;
  const open = openId ? snapshot.documents.find((d) => d.id === openId) : undefined;
  const token = storedToken();
  if (open && token) {
    return (
      <Suspense fallback={<p className="pdf-message">{t('documents.loading')}</p>}>
        <PdfViewer doc={open} token={token} onBack={() => useStore.setState({ openDocumentId: null })} />
      </Suspense>
    );
  }

  const agenda = [...snapshot.agenda].sort((a, b) => a.order - b.order);
  const groups: { id: string; title: string; docs: SessionDocument[] }[] = agenda
    .map((item, i) => ({ id: item.id, title: `${i + 1}. ${item.title}`, docs: snapshot.documents.filter((d) => d.itemId === item.id) }))
    .filter((g) => g.docs.length > 0);
  const known = new Set(agenda.map((a) => a.id));
  const general = snapshot.documents.filter((d) => d.itemId === null || !known.has(d.itemId));
  if (general.length > 0) groups.unshift({ id: '__general', title: t('documents.general'), docs: general });

  return (
    <section className="documents" aria-labelledby="docs-title">
      <h1 id="docs-title" className="screen-title">
        {t('documents.title')}
      </h1>
      {groups.length === 0 && <p className="card muted">{t('documents.empty')}</p>}
      {groups.map((g) => (
        <section
          key={g.id}
          className={`card doc-group${g.id === focusItem ? ' is-focus' : ''}`}
          aria-label={g.title}
          ref={(el) => {
            if (el) groupRefs.current.set(g.id, el);
          }}
        >
          <h2 className="doc-group-title">{g.title}</h2>
          <ul className="doc-list">
            {g.docs.map((d) => (
              <li key={d.id}>
                <button type="button" className="doc-item" onClick={() => useStore.setState({ openDocumentId: d.id })}>
                  <span className="doc-icon" aria-hidden="true">
                    PDF
                  </span>
                  <span className="doc-text">
                    <span className="doc-type">
                      {t(`documents.types.${d.docType}`)}
                      {d.confidential && <span className="tag tag-danger">{t('documents.confidential')}</span>}
                    </span>
                    <span className="doc-title">{d.title}</span>
                    {d.pages !== null && <span className="muted">{t('documents.pages', { count: d.pages, formatted: formatCount(d.pages, lang) })}</span>}
                  </span>
                  <span className="doc-open" aria-hidden="true">
                    {t('documents.open')} ›
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
