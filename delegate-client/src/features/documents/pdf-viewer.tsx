// Reads a session document inside the app with pdf.js: pages, page buttons and a page number to type, zoom,
// text search, page thumbnails, and the delegate's private notes and highlights (kept on the hall server for
// this delegate only). The worker is bundled by Vite (no CDN: a hall has no internet). The file is fetched
// with the card token, never downloaded. Fits a phone (390 px) as well as a tablet: the toolbar wraps, every
// control is a 48 px target, and nothing is wider than the screen unless the reader zooms in.
import { useCallback, useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GlobalWorkerOptions, TextLayer, getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import { NOTE_LIMITS, routePath, type DocumentNote, type NoteRect, type RestRoutePath, type SessionDocument } from '@hddt/protocol';
import { serverMessage } from '../../server-message';
import type { Lang } from '../../i18n';
import { PdfThumbnails } from './pdf-thumbnails';
import { PdfNotesPanel } from './pdf-notes-panel';
import { useDocumentNotes } from './use-document-notes';

// The route is described in protocol (REST_ROUTES.documentFile); the tablet carries no zod, so its path is written
// here and checked against that description by its type.
const DOCUMENT_FILE: RestRoutePath<'documentFile'> = '/api/documents/:id/file';

GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).toString();

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3];
/** The keyboard's highlight region: where it starts (a line across the page), and one arrow press, in page fractions. */
const KEY_REGION: NoteRect = { x: 0.08, y: 0.1, w: 0.84, h: 0.03 };
const KEY_STEP = 0.01;
const KEY_MIN = { w: 0.02, h: 0.01 };

/** The keyboard region after one key: arrows move it, Shift + arrows resize it; null for any other key. */
export function moveKeyRegion(r: NoteRect, key: string, shift: boolean): NoteRect | null {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const dx = key === 'ArrowRight' ? KEY_STEP : key === 'ArrowLeft' ? -KEY_STEP : 0;
  const dy = key === 'ArrowDown' ? KEY_STEP : key === 'ArrowUp' ? -KEY_STEP : 0;
  if (dx === 0 && dy === 0) return null;
  if (shift) {
    const w = clamp(r.w + dx, KEY_MIN.w, 1 - r.x);
    const h = clamp(r.h + dy, KEY_MIN.h, 1 - r.y);
    return { ...r, w, h };
  }
  return { ...r, x: clamp(r.x + dx, 0, 1 - r.w), y: clamp(r.y + dy, 0, 1 - r.h) };
}
/** Below this width one side panel at a time, laid over the pages. */
const NARROW = 760;

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
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The selected text inside one page's text layer, as page fractions; null when nothing is selected there. */
function selectionOnPage(root: HTMLElement | null): { page: number; rects: NoteRect[]; quote: string } | null {
  const sel = window.getSelection();
  if (!root || !sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const pageEl = start?.closest<HTMLElement>('.pdf-page');
  if (!pageEl || !root.contains(pageEl)) return null;
  const box = pageEl.getBoundingClientRect();
  const rects: NoteRect[] = [];
  for (const r of Array.from(range.getClientRects())) {
    if (r.width < 1 || r.height < 1) continue;
    const x = Math.max(0, (r.left - box.left) / box.width);
    const y = Math.max(0, (r.top - box.top) / box.height);
    const w = Math.min(1 - x, r.width / box.width);
    const h = Math.min(1 - y, r.height / box.height);
    if (w > 0 && h > 0 && x < 1 && y < 1) rects.push({ x, y, w, h });
    if (rects.length >= NOTE_LIMITS.rects) break;
  }
  if (rects.length === 0) return null;
  return { page: Number(pageEl.dataset.page), rects, quote: sel.toString().replace(/\s+/g, ' ').trim().slice(0, NOTE_LIMITS.text) };
}

export default function PdfViewer({ doc, token, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const [loadedPdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [sizes, setSizes] = useState<PageSize[]>([]);
  const [loadError, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  /** The document, card and attempt the held PDF or error was loaded for: another load's is not shown. */
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const loadKey = `${doc.id}\n${token}\n${attempt}`;
  const pdf = loadedFor === loadKey ? loadedPdf : null;
  const error = loadedFor === loadKey ? loadError : null;
  // The server's refusal in the reader's language (read when it arrives; a language switch is no reason to fetch again).
  const refusalText = useEffectEvent((code: string) => serverMessage(code, lang));
  const [zoom, setZoom] = useState(1);
  const [width, setWidth] = useState(0);
  const [page, setPage] = useState(1);
  /** What the reader is typing in the page box (null: the box shows the current page). */
  const [pageDraft, setPageDraft] = useState<string | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [showThumbs, setShowThumbs] = useState(false);
  const [showNotes, setShowNotes] = useState(false);
  const [composeRequest, setComposeRequest] = useState(0);
  /** Drawing a highlight by dragging over a page. */
  const [marking, setMarking] = useState(false);
  const [markMessage, setMarkMessage] = useState<string | null>(null);
  /** Non-zero: put the focus on the keyboard highlight region of the page in view (a new number each time). */
  const [markFocus, setMarkFocus] = useState(0);
  const markButton = useRef<HTMLButtonElement>(null);
  /** The searched text (folded), highlighted on the pages. */
  const [query, setQuery] = useState('');
  /** Page whose first hit should be brought into view; n changes on every request. */
  const [hitTarget, setHitTarget] = useState<{ page: number; n: number }>({ page: 0, n: 0 });
  const scrollRef = useRef<HTMLDivElement>(null);
  const pageRefs = useRef<(HTMLDivElement | null)[]>([]);
  const notes = useDocumentNotes(doc.id, lang);

  const narrow = () => window.innerWidth < NARROW;
  const toggleThumbs = () => {
    setShowThumbs((v) => !v);
    if (narrow()) setShowNotes(false);
  };
  const openNotes = (compose: boolean) => {
    setShowNotes(true);
    if (narrow()) setShowThumbs(false);
    if (compose) setComposeRequest((n) => n + 1);
  };

  useEffect(() => {
    let cancelled = false;
    const held: { task: PDFDocumentLoadingTask | null } = { task: null };
    (async () => {
      const res = await fetch(routePath(DOCUMENT_FILE, { id: doc.id }), { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) {
        let message = `HTTP ${res.status}`;
        try {
          const body = (await res.json()) as { code?: string };
          if (body.code) message = refusalText(body.code);
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
      setError(null);
      setLoadedFor(loadKey);
    })().catch((e: unknown) => {
      if (cancelled) return;
      setPdf(null);
      setError(e instanceof Error ? e.message : String(e));
      setLoadedFor(loadKey);
    });
    return () => {
      cancelled = true;
      void held.task?.destroy();
    };
  }, [doc.id, token, loadKey]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const update = () => setWidth(el.clientWidth);
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Which page is in view: the one whose top is nearest above the upper third of the reading area.
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

  const goTo = useCallback((n: number) => {
    const target = pageRefs.current[n - 1];
    if (target && scrollRef.current) {
      scrollRef.current.scrollTo({ top: target.offsetTop - 8 });
      setPage(n);
    }
  }, []);

  const showHit = (folded: string, p: number) => {
    setQuery(folded);
    setHitTarget((h) => ({ page: p, n: h.n + 1 }));
    goTo(p);
  };

  const zoomIndex = ZOOMS.indexOf(zoom);
  // "Vừa khổ": the page fills the reading area's width, with the padding on both sides.
  const pageWidth = Math.max(160, Math.min(width - 16, 1400)) * zoom;
  const total = pdf?.numPages ?? 0;

  const jump = (e: React.FormEvent) => {
    e.preventDefault();
    const raw = (pageDraft ?? String(page)).trim();
    const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > total) {
      setPageError(t('documents.pageInvalid', { value: raw, total }));
      return;
    }
    setPageError(null);
    setPageDraft(null);
    goTo(n);
  };

  const byPage = useMemo(() => {
    const map = new Map<number, DocumentNote[]>();
    for (const n of notes.notes) map.set(n.page, [...(map.get(n.page) ?? []), n]);
    return map;
  }, [notes.notes]);
  const markedPages = useMemo(() => new Set(byPage.keys()), [byPage]);

  const addHighlight = async (target: number, rects: NoteRect[], quote: string) => {
    const problem = await notes.add({ page: target, kind: 'highlight', text: '', quote, rects });
    setMarkMessage(problem ?? t('documents.markSaved', { page: target }));
  };

  // "Đánh dấu": the selected text becomes a highlight at once; with no selection, dragging over a page draws one.
  // Pressed from the keyboard (a click of detail 0), the focus goes to a region on the page in view that the
  // arrow keys move and size, and Enter saves: drawing needs no pointer.
  const onMark = (e: React.MouseEvent) => {
    const selected = selectionOnPage(scrollRef.current);
    if (selected) {
      window.getSelection()?.removeAllRanges();
      setMarking(false);
      void addHighlight(selected.page, selected.rects, selected.quote);
      return;
    }
    if (!marking && e.detail === 0) setMarkFocus((n) => n + 1);
    setMarking((m) => !m);
    setMarkMessage(null);
  };
  const stopMarking = () => {
    setMarking(false);
    markButton.current?.focus();
  };

  const pageLabel = total > 0 ? t('documents.page', { page, total }) : '';

  return (
    <div
      className="pdf-viewer"
      data-testid="pdf-viewer"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && marking) stopMarking();
      }}
    >
      <div className="pdf-toolbar">
        <div className="pdf-toolbar-top">
          <button type="button" className="btn pdf-back" onClick={onBack}>
            <span aria-hidden="true">←</span> <span className="pdf-back-text">{t('documents.back')}</span>
          </button>
          <h1 className="pdf-title">
            {doc.confidential && <span className="tag tag-danger">{t('documents.confidential')}</span>} {doc.title}
          </h1>
        </div>
        <div className="pdf-controls">
          <form className="pdf-pager" role="group" aria-label={t('documents.pager')} onSubmit={jump} noValidate>
            <button type="button" className="btn pdf-nav" disabled={page <= 1} onClick={() => goTo(page - 1)}>
              <span aria-hidden="true">‹</span> <span className="pdf-nav-text">{t('documents.prevPage')}</span>
            </button>
            <label className="pdf-page-field">
              <span className="visually-hidden">{t('documents.pageNumber', { total })}</span>
              <input
                type="text"
                inputMode="numeric"
                enterKeyHint="go"
                autoComplete="off"
                size={3}
                disabled={total === 0}
                value={pageDraft ?? String(page)}
                aria-invalid={pageError ? true : undefined}
                onFocus={(e) => e.currentTarget.select()}
                onChange={(e) => {
                  setPageDraft(e.target.value);
                  setPageError(null);
                }}
                onBlur={() => {
                  if (!pageError) setPageDraft(null);
                }}
              />
              <span className="pdf-page-total" aria-hidden="true">
                /{total || '…'}
              </span>
            </label>
            <span className="visually-hidden" data-testid="pdf-page" aria-live="polite">
              {pageLabel}
            </span>
            <button type="button" className="btn pdf-nav" disabled={page >= total} onClick={() => goTo(page + 1)}>
              <span className="pdf-nav-text">{t('documents.nextPage')}</span> <span aria-hidden="true">›</span>
            </button>
          </form>
          <div className="btn-group" role="group" aria-label={t('documents.zoomLevel')}>
            <button
              type="button"
              className="btn btn-icon"
              aria-label={t('documents.zoomOut')}
              disabled={zoomIndex <= 0}
              onClick={() => setZoom(ZOOMS[zoomIndex - 1] ?? zoom)}
            >
              −
            </button>
            <button type="button" className="btn pdf-fit" onClick={() => setZoom(1)} aria-label={t('documents.fitWidth')}>
              {zoom === 1 ? t('documents.fitWidth') : `${Math.round(zoom * 100)}%`}
            </button>
            <button
              type="button"
              className="btn btn-icon"
              aria-label={t('documents.zoomIn')}
              disabled={zoomIndex >= ZOOMS.length - 1}
              onClick={() => setZoom(ZOOMS[zoomIndex + 1] ?? zoom)}
            >
              +
            </button>
          </div>
          <div className="btn-group pdf-tools">
            <button type="button" className="btn" aria-pressed={showThumbs} aria-controls="pdf-thumbs" onClick={toggleThumbs}>
              {t('documents.thumbnails')}
            </button>
            <button type="button" className="btn" aria-pressed={showNotes} onClick={() => (showNotes ? setShowNotes(false) : openNotes(false))}>
              {t('documents.notes')}
              {notes.notes.length > 0 ? ` (${notes.notes.length})` : ''}
            </button>
            <button type="button" className="btn" onClick={() => openNotes(true)} disabled={total === 0}>
              {t('documents.addNote')}
            </button>
            <button
              ref={markButton}
              type="button"
              className="btn"
              aria-pressed={marking}
              disabled={total === 0}
              // Keep a text selection alive while the button is pressed.
              onPointerDown={(e) => e.preventDefault()}
              onClick={onMark}
            >
              {t('documents.mark')}
            </button>
          </div>
        </div>
        {pageError && (
          <p className="pdf-error pdf-page-error" role="alert">
            {pageError}
          </p>
        )}
        {(marking || markMessage) && (
          <p className="pdf-mark-hint" role="status">
            {marking ? t('documents.markHint') : markMessage}
          </p>
        )}
        {pdf && <SearchBox pdf={pdf} onHit={showHit} onQuery={setQuery} />}
      </div>
      {doc.confidential && <p className="pdf-confidential">{t('documents.confidentialLong')}</p>}
      <div className="pdf-body">
        {pdf && showThumbs && (
          <div id="pdf-thumbs" className="pdf-side pdf-side-thumbs">
            <PdfThumbnails
              pdf={pdf}
              sizes={sizes}
              current={page}
              marked={markedPages}
              onGo={(n) => {
                goTo(n);
                if (narrow()) setShowThumbs(false);
              }}
            />
          </div>
        )}
        <div className={`pdf-scroll${marking ? ' is-marking' : ''}`} ref={scrollRef} onScroll={onScroll} tabIndex={0} aria-label={t('documents.reader')}>
          {error ? (
            <div className="pdf-message" role="alert">
              <p>{t('documents.loadFailed', { message: error })}</p>
              <button type="button" className="btn btn-primary" onClick={() => setAttempt((n) => n + 1)}>
                {t('documents.retry')}
              </button>
            </div>
          ) : !pdf ? (
            <p className="pdf-message" role="status">
              <span className="spinner" aria-hidden="true" /> {t('documents.loading')}
            </p>
          ) : (
            sizes.map((size, i) => (
              <PdfPage
                key={i}
                pdf={pdf}
                number={i + 1}
                size={size}
                cssWidth={pageWidth}
                root={scrollRef}
                query={query}
                hitRequest={hitTarget.page === i + 1 ? hitTarget.n : 0}
                label={t('documents.pageLabel', { page: i + 1 })}
                refCb={(el) => {
                  pageRefs.current[i] = el;
                }}
                notes={byPage.get(i + 1)}
                marking={marking}
                keyboardMark={marking && page === i + 1}
                markFocus={page === i + 1 ? markFocus : 0}
                markLabel={t('documents.markRegion', { page: i + 1 })}
                onDrawn={(rect, byKeyboard) => {
                  if (byKeyboard) stopMarking();
                  else setMarking(false);
                  void addHighlight(i + 1, [rect], '');
                }}
                onNotes={() => {
                  setPage(i + 1);
                  openNotes(false);
                }}
                notesLabel={(count) => t('documents.pageNotes', { page: i + 1, count })}
              />
            ))
          )}
        </div>
        {showNotes && (
          <div className="pdf-side pdf-side-notes">
            <PdfNotesPanel
              notes={notes.notes}
              loadError={notes.loadError}
              page={page}
              composeRequest={composeRequest}
              onAdd={notes.add}
              onUpdate={notes.update}
              onRemove={notes.remove}
              onGo={(n) => {
                goTo(n);
                if (narrow()) setShowNotes(false);
              }}
              onClose={() => setShowNotes(false)}
            />
          </div>
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
  notes: DocumentNote[] | undefined;
  marking: boolean;
  /** This page (the one in view) offers the keyboard region while marking. */
  keyboardMark: boolean;
  /** Non-zero and changed: focus the keyboard region. */
  markFocus: number;
  markLabel: string;
  onDrawn: (rect: NoteRect, byKeyboard: boolean) => void;
  onNotes: () => void;
  notesLabel: (count: number) => string;
}

/** One page: a placeholder of the right size, rendered to a canvas when it comes near the screen. */
function PdfPage({
  pdf,
  number,
  size,
  cssWidth,
  label,
  root,
  refCb,
  query,
  hitRequest,
  notes,
  marking,
  keyboardMark,
  markFocus,
  markLabel,
  onDrawn,
  onNotes,
  notesLabel,
}: PageProps) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [textDivs, setTextDivs] = useState<HTMLElement[]>([]);
  const [near, setNear] = useState(number <= 2);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const drawRef = useRef<HTMLDivElement>(null);
  const keyRegionRef = useRef<HTMLSpanElement>(null);
  const [keyRegion, setKeyRegion] = useState<NoteRect>(KEY_REGION);
  const [keyFocused, setKeyFocused] = useState(false);
  const keyHintId = `pdf-mark-keys-${number}`;

  // Focused from the keyboard: the region starts near the top of what is visible of the page.
  useEffect(() => {
    if (!keyboardMark || markFocus === 0 || !drawRef.current || !holder.current) return;
    const box = holder.current.getBoundingClientRect();
    const view = root.current?.getBoundingClientRect();
    const visibleTop = view ? Math.max(0, (view.top - box.top) / box.height) : 0;
    setKeyRegion({ ...KEY_REGION, y: Math.min(1 - KEY_REGION.h, visibleTop + 0.04) });
    drawRef.current.focus({ preventScroll: true });
  }, [keyboardMark, markFocus, root]);

  useEffect(() => {
    if (keyFocused) keyRegionRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [keyFocused, keyRegion]);
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

  const at = (e: React.PointerEvent) => {
    const box = holder.current!.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)), y: Math.min(1, Math.max(0, (e.clientY - box.top) / box.height)) };
  };
  const highlights = notes?.filter((n) => n.kind === 'highlight') ?? [];
  const noteCount = notes?.length ?? 0;

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
      <div className="pdf-marks" aria-hidden="true">
        {highlights.flatMap((n) =>
          n.rects.map((r, k) => (
            <span
              key={`${n.id}-${k}`}
              className="pdf-mark"
              data-note={n.id}
              style={{ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` }}
            />
          )),
        )}
      </div>
      <div ref={textRef} className="pdf-text" />
      {marking && (
        <div
          ref={drawRef}
          className="pdf-draw"
          data-testid={`pdf-draw-${number}`}
          {...(keyboardMark
            ? {
                role: 'application',
                tabIndex: 0,
                'aria-label': markLabel,
                'aria-describedby': keyHintId,
                onFocus: () => setKeyFocused(true),
                onBlur: () => setKeyFocused(false),
                onKeyDown: (e: React.KeyboardEvent) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onDrawn(keyRegion, true);
                    return;
                  }
                  const next = moveKeyRegion(keyRegion, e.key, e.shiftKey);
                  if (next) {
                    e.preventDefault();
                    setKeyRegion(next);
                  }
                },
              }
            : {})}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            const p = at(e);
            setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
          }}
          onPointerMove={(e) => {
            if (!drag) return;
            const p = at(e);
            setDrag({ ...drag, x1: p.x, y1: p.y });
          }}
          onPointerUp={() => {
            if (!drag) return;
            const rect = { x: Math.min(drag.x0, drag.x1), y: Math.min(drag.y0, drag.y1), w: Math.abs(drag.x1 - drag.x0), h: Math.abs(drag.y1 - drag.y0) };
            setDrag(null);
            if (rect.w > 0.01 && rect.h > 0.005) onDrawn(rect, false);
          }}
          onPointerCancel={() => setDrag(null)}
        >
          {keyboardMark && (
            <span id={keyHintId} className="visually-hidden">
              {t('documents.markKeys')}
            </span>
          )}
          {keyboardMark && keyFocused && !drag && (
            <span
              ref={keyRegionRef}
              className="pdf-mark is-drawing is-keyboard"
              data-testid="pdf-key-region"
              style={{ left: `${keyRegion.x * 100}%`, top: `${keyRegion.y * 100}%`, width: `${keyRegion.w * 100}%`, height: `${keyRegion.h * 100}%` }}
            />
          )}
          {drag && (
            <span
              className="pdf-mark is-drawing"
              style={{
                left: `${Math.min(drag.x0, drag.x1) * 100}%`,
                top: `${Math.min(drag.y0, drag.y1) * 100}%`,
                width: `${Math.abs(drag.x1 - drag.x0) * 100}%`,
                height: `${Math.abs(drag.y1 - drag.y0) * 100}%`,
              }}
            />
          )}
        </div>
      )}
      {noteCount > 0 && (
        <button type="button" className="pdf-page-notes" onClick={onNotes} aria-label={notesLabel(noteCount)}>
          <span aria-hidden="true">✎ {noteCount}</span>
        </button>
      )}
    </div>
  );
}

function SearchBox({ pdf, onHit, onQuery }: { pdf: PDFDocumentProxy; onHit: (folded: string, page: number) => void; onQuery: (folded: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ q: string; folded: string; pages: number[] } | null>(null);
  const texts = useRef<Map<number, string>>(new Map());
  const id = `pdf-search-${useId()}`;

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
        text = foldText(
          content.items
            .map((it) => ('str' in it ? it.str : ''))
            .join(' ')
            .replace(/\s+/g, ' '),
        );
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
      <label htmlFor={id} className="visually-hidden">
        {t('documents.search')}
      </label>
      <input id={id} type="search" value={q} placeholder={t('documents.searchPlaceholder')} onChange={(e) => setQ(e.target.value)} />
      <button type="submit" className="btn" disabled={busy}>
        {busy ? t('documents.searching') : t('documents.searchGo')}
      </button>
      <div className="pdf-search-result" aria-live="polite">
        {result &&
          (result.pages.length === 0 ? (
            <span>{t('documents.searchNone', { q: result.q })}</span>
          ) : (
            <>
              <span>{t('documents.searchFound', { q: result.q, count: result.pages.length })}</span>
              {result.pages.map((p) => (
                <button
                  key={p}
                  type="button"
                  className="btn btn-chip"
                  aria-label={t('documents.goToPage', { page: p })}
                  onClick={() => onHit(result.folded, p)}
                >
                  {p}
                </button>
              ))}
            </>
          ))}
      </div>
    </form>
  );
}
