// "Trang thu nhỏ": a small picture of every page, to see where one is and jump. Each thumbnail is drawn only
// when it scrolls into the panel (a 100-page document does not draw 100 canvases at once), at a small scale.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';

interface Props {
  pdf: PDFDocumentProxy;
  sizes: { width: number; height: number }[];
  current: number;
  /** Pages carrying the delegate's notes or highlights (a dot on the thumbnail). */
  marked: ReadonlySet<number>;
  onGo: (page: number) => void;
}

const THUMB_WIDTH = 96;

export function PdfThumbnails({ pdf, sizes, current, marked, onGo }: Props) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);

  // Keep the current page's thumbnail in sight as the reader scrolls.
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-thumb="${current}"]`);
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [current]);

  return (
    <nav className="pdf-thumbs" aria-label={t('documents.thumbnails')} data-testid="pdf-thumbs">
      <ol ref={listRef} className="pdf-thumbs-list">
        {sizes.map((size, i) => (
          <li key={i}>
            <Thumb
              pdf={pdf}
              number={i + 1}
              size={size}
              root={listRef}
              current={current === i + 1}
              marked={marked.has(i + 1)}
              onGo={onGo}
              label={t('documents.thumbLabel', { page: i + 1 })}
            />
          </li>
        ))}
      </ol>
    </nav>
  );
}

interface ThumbProps {
  pdf: PDFDocumentProxy;
  number: number;
  size: { width: number; height: number };
  root: React.RefObject<HTMLOListElement | null>;
  current: boolean;
  marked: boolean;
  label: string;
  onGo: (page: number) => void;
}

function Thumb({ pdf, number, size, root, current, marked, label, onGo }: ThumbProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const height = Math.round((THUMB_WIDTH * size.height) / size.width);

  useEffect(() => {
    const el = buttonRef.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), { root: root.current, rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [root]);

  useEffect(() => {
    if (!near || drawn) return;
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    void pdf.getPage(number).then((p) => {
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const ratio = Math.min(window.devicePixelRatio || 1, 2);
      const viewport = p.getViewport({ scale: (THUMB_WIDTH / size.width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      task = p.render({ canvas, viewport });
      task.promise.then(
        () => !cancelled && setDrawn(true),
        () => undefined,
      );
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [near, drawn, pdf, number, size.width]);

  return (
    <button
      ref={buttonRef}
      type="button"
      className={`pdf-thumb${current ? ' is-current' : ''}`}
      data-thumb={number}
      data-drawn={drawn ? 'true' : 'false'}
      aria-current={current ? 'page' : undefined}
      aria-label={label}
      onClick={() => onGo(number)}
    >
      <canvas ref={canvasRef} aria-hidden="true" style={{ width: THUMB_WIDTH, height }} />
      <span className="pdf-thumb-no" aria-hidden="true">
        {number}
        {marked && <span className="pdf-thumb-mark" />}
      </span>
    </button>
  );
}
