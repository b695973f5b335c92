// Reads a session document inside the app with pdf.js: pages, zoom, scroll and text search. The worker is
// bundled by Vite (no CDN: a hall has no internet). The file is fetched with the card token, never downloaded.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GlobalWorkerOptions, TextLayer, getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import { API, type SessionDocument } from '@hddt/protocol';
import { serverMessage } from '../../server-message';
import type { Lang } from '../../i18n';

GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).toString();

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3];

interface Props {
  doc: SessionDocument;
  token: string;
  onBack: () => void;
}

interface PageSize {
  width: number;
  height: number;
}

/** Folds case and Vietnamese diacritics so "bieu quyet" finds "Biểu quyết". */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export default function PdfViewer({ doc, token, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [sizes, setSizes] = useState<PageSize[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [zoom, setZoom] = useState(1);
  const [width, setWidth] = useState(0);
  const [page, setPage] = useState(1);
  /** The searched text (folded), highlighted on the pages. */
  const [query, setQuery] = useState('');
  /** Page whose first hit should be brought into view; n changes on every request. */
  const [hitTarget, setHitTarget] = useState<{ page: number; n: number }>({ page: 0, n: 0 });
  const showHit = (folded: string, p: number) => {
    setQuery(folded);
    setHitTarget((h) => ({ page: p, n: h.n + 1 }));
    goTo(p);
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const pageRefs = useRef<(HTMLDivElement | null)[]>([]);

  useEffect(() => {
    let cancelled = false;
    const held: { task: PDFDocumentLoadingTask | null } = { task: null };
    setPdf(null);
    setError(null);
    (async () => {
      const res = await fetch(API.documentFile(doc.id), { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) {
        let message = `HTTP ${res.status}`;
        try {
          const body = (await res.json()) as { code?: string };
          if (body.code) message = serverMessage(body.code, lang);
        } catch {
          // not JSON
        }
        throw new Error(message);
      }
      const data = new Uint8Array(await res.arrayBuffer());
      const task = getDocument({ data });
      held.task = task;
      const loaded = await task.promise;
      const list: PageSize[] = [];
      for (let i = 1; i <= loaded.numPages; i++) {
        const p = await loaded.getPage(i);
        const vp = p.getViewport({ scale: 1 });
        list.push({ width: vp.width, height: vp.height });
      }
      if (cancelled) return;
      setSizes(list);
      setPdf(loaded);
    })().catch((e: unknown) => {
      if (!cancelled) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      cancelled = true;
      void held.task?.destroy();
    };
    // lang only changes the error text; it is not a reason to fetch again.
  }, [doc.id, token, attempt]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const update = () => setWidth(el.clientWidth);
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Which page is in view: the one whose top is nearest above the middle of the reading area.
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const mid = el.scrollTop + el.clientHeight / 3;
    let current = 1;
    pageRefs.current.forEach((p, i) => {
      if (p && p.offsetTop <= mid) current = i + 1;
    });
    setPage(current);
  }, []);

  const goTo = (n: number) => {
    const target = pageRefs.current[n - 1];
    if (target && scrollRef.current) {
      scrollRef.current.scrollTo({ top: target.offsetTop - 8 });
      setPage(n);
    }
  };

  const zoomIndex = ZOOMS.indexOf(zoom);
  const pageWidth = Math.max(200, Math.min(width - 24, 1400)) * zoom;
  const total = pdf?.numPages ?? 0;

  return (
    <div className="pdf-viewer" data-testid="pdf-viewer">
      <div className="pdf-toolbar">
        <button type="button" className="btn" onClick={onBack}>
          <span aria-hidden="true">←</span> {t('documents.back')}
        </button>
        <h1 className="pdf-title">
          {doc.confidential && <span className="tag tag-danger">{t('documents.confidential')}</span>} {doc.title}
        </h1>
        <div className="pdf-controls">
          <div className="btn-group" role="group" aria-label={t('documents.zoomLevel')}>
            <button type="button" className="btn btn-icon" aria-label={t('documents.zoomOut')} disabled={zoomIndex <= 0} onClick={() => setZoom(ZOOMS[zoomIndex - 1] ?? zoom)}>−</button>
            <button type="button" className="btn" onClick={() => setZoom(1)} aria-label={t('documents.fitWidth')}>
              {zoom === 1 ? t('documents.fitWidth') : `${Math.round(zoom * 100)}%`}
            </button>
            <button type="button" className="btn btn-icon" aria-label={t('documents.zoomIn')} disabled={zoomIndex >= ZOOMS.length - 1} onClick={() => setZoom(ZOOMS[zoomIndex + 1] ?? zoom)}>+</button>
          </div>
          <div className="btn-group">
            <button type="button" className="btn btn-icon" aria-label={t('documents.prevPage')} disabled={page <= 1} onClick={() => goTo(page - 1)}>‹</button>
            <span className="pdf-page-no" aria-live="polite" data-testid="pdf-page">{total > 0 ? t('documents.page', { page, total }) : ''}</span>
            <button type="button" className="btn btn-icon" aria-label={t('documents.nextPage')} disabled={page >= total} onClick={() => goTo(page + 1)}>›</button>
          </div>
        </div>
        {pdf && <SearchBox pdf={pdf} onHit={showHit} onQuery={setQuery} />}
      </div>
      {doc.confidential && <p className="pdf-confidential">{t('documents.confidentialLong')}</p>}
      <div className="pdf-scroll" ref={scrollRef} onScroll={onScroll}>
        {error ? (
          <div className="pdf-message" role="alert">
            <p>{t('documents.loadFailed', { message: error })}</p>
            <button type="button" className="btn btn-primary" onClick={() => setAttempt((n) => n + 1)}>{t('documents.retry')}</button>
          </div>
        ) : !pdf ? (
          <p className="pdf-message" role="status">
            <span className="spinner" aria-hidden="true" /> {t('documents.loading')}
          </p>
        ) : (
          sizes.map((size, i) => (
            <PdfPage key={i} pdf={pdf} number={i + 1} size={size} cssWidth={pageWidth} root={scrollRef} query={query} hitRequest={hitTarget.page === i + 1 ? hitTarget.n : 0}
              label={t('documents.pageLabel', { page: i + 1 })} refCb={(el) => { pageRefs.current[i] = el; }} />
          ))
        )}
      </div>
    </div>
  );
}

interface PageProps {
  query: string;
  /** Non-zero: bring this page's first hit into view (a new number for each request). */
  hitRequest: number;
  pdf: PDFDocumentProxy;
  number: number;
  size: PageSize;
  cssWidth: number;
  label: string;
  root: React.RefObject<HTMLDivElement | null>;
  refCb: (el: HTMLDivElement | null) => void;
}

/** One page: a placeholder of the right size, rendered to a canvas when it comes near the screen. */
function PdfPage({ pdf, number, size, cssWidth, label, root, refCb, query, hitRequest }: PageProps) {
  const holder = useRef<HTMLDivElement | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [textDivs, setTextDivs] = useState<HTMLElement[]>([]);
  const [near, setNear] = useState(number <= 2);
  const cssHeight = (cssWidth * size.height) / size.width;

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), { root: root.current, rootMargin: '800px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [root]);

  useEffect(() => {
    if (!near || !canvasRef.current || cssWidth <= 0) return;
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    void pdf.getPage(number).then((p) => {
      if (cancelled || !canvasRef.current) return;
      const ratio = Math.min(window.devicePixelRatio || 1, 2);
      const viewport = p.getViewport({ scale: (cssWidth / size.width) * ratio });
      const canvas = canvasRef.current;
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      task = p.render({ canvas, viewport });
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [near, pdf, number, cssWidth, size.width]);

  // The text layer: selectable text over the canvas, and where search hits are marked.
  useEffect(() => {
    const container = textRef.current;
    if (!near || !container || cssWidth <= 0) return;
    let cancelled = false;
    let layer: TextLayer | null = null;
    container.replaceChildren();
    void pdf.getPage(number).then(async (p) => {
      if (cancelled) return;
      const viewport = p.getViewport({ scale: cssWidth / size.width });
      layer = new TextLayer({ textContentSource: p.streamTextContent(), container, viewport });
      try {
        await layer.render();
        if (!cancelled) setTextDivs(layer.textDivs);
      } catch {
        // cancelled or no text: the canvas is still there
      }
    });
    return () => {
      cancelled = true;
      layer?.cancel();
    };
  }, [near, pdf, number, cssWidth, size.width]);

  useEffect(() => {
    let first: HTMLElement | null = null;
    for (const div of textDivs) {
      const hit = query !== '' && foldText(div.textContent ?? '').includes(query);
      div.classList.toggle('is-hit', hit);
      if (hit && !first) first = div;
    }
    if (hitRequest > 0 && first) first.scrollIntoView?.({ block: 'center' });
  }, [textDivs, query, hitRequest]);

  return (
    <div
      className="pdf-page"
      ref={(el) => {
        holder.current = el;
        refCb(el);
      }}
      style={{ width: cssWidth, height: cssHeight, ['--total-scale-factor' as string]: String(cssWidth / size.width) }}
      data-page={number}
    >
      <canvas ref={canvasRef} role="img" aria-label={label} style={{ width: cssWidth, height: cssHeight }} />
      <div ref={textRef} className="pdf-text" />
    </div>
  );
}

function SearchBox({ pdf, onHit, onQuery }: { pdf: PDFDocumentProxy; onHit: (folded: string, page: number) => void; onQuery: (folded: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ q: string; folded: string; pages: number[] } | null>(null);
  const texts = useRef<Map<number, string>>(new Map());
  const id = useMemo(() => `pdf-search-${Math.random().toString(36).slice(2)}`, []);

  const run = async (e: React.FormEvent) => {
    e.preventDefault();
    const needle = foldText(q.trim());
    if (!needle) return;
    setBusy(true);
    const pages: number[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      let text = texts.current.get(i);
      if (text === undefined) {
        const content = await (await pdf.getPage(i)).getTextContent();
        text = foldText(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
        texts.current.set(i, text);
      }
      if (text.includes(needle)) pages.push(i);
    }
    setBusy(false);
    setResult({ q: q.trim(), folded: needle, pages });
    if (pages[0] !== undefined) onHit(needle, pages[0]);
    else onQuery(needle);
  };

  return (
    <form className="pdf-search" role="search" onSubmit={(e) => void run(e)}>
      <label htmlFor={id} className="visually-hidden">{t('documents.search')}</label>
      <input id={id} type="search" value={q} placeholder={t('documents.searchPlaceholder')} onChange={(e) => setQ(e.target.value)} />
      <button type="submit" className="btn" disabled={busy}>{busy ? t('documents.searching') : t('documents.searchGo')}</button>
      <div className="pdf-search-result" aria-live="polite">
        {result &&
          (result.pages.length === 0 ? (
            <span>{t('documents.searchNone', { q: result.q })}</span>
          ) : (
            <>
              <span>{t('documents.searchFound', { q: result.q, count: result.pages.length })}</span>
              {result.pages.map((p) => (
                <button key={p} type="button" className="btn btn-chip" aria-label={t('documents.goToPage', { page: p })} onClick={() => onHit(result.folded, p)}>
                  {p}
                </button>
              ))}
            </>
          ))}
      </div>
    </form>
  );
}
